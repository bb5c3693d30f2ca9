"""The system's errors said as a Chinese newsroom reads them: 网站自查's external links
and an unreadable file name what failed and why, never "[Errno -2] Name or service not
known"."""
import errno

import pytest

from newsdesk import i18n, os_text
from newsdesk.site.inspect import _external_problems
from newsdesk.site.links import check_external
from tests.chinese import assert_chinese


@pytest.fixture
def zh():
    i18n.use("zh_CN")


def test_a_missing_file_is_named_with_the_reason(zh):
    error = FileNotFoundError(errno.ENOENT, "No such file or directory", "/稿件/旧稿.md")
    assert os_text.said(error) == "/稿件/旧稿.md：文件或文件夹不存在"
    assert os_text.said(PermissionError(errno.EACCES, "Permission denied")) == "当前系统用户无权打开"


def test_an_address_that_does_not_resolve_is_said_in_chinese(zh):
    """.invalid never resolves (RFC 2606): offline or not, the name lookup fails."""
    checked, results = check_external({"https://nowhere.invalid/"}, timeout=5)
    assert checked == 1
    code, reason = results["https://nowhere.invalid/"]
    assert code is None and "Errno" not in reason
    assert_chinese(reason)
    for problem in _external_problems(results):  # the one note 网站自查 shows
        assert "Errno" not in problem.message
        assert_chinese(problem.message)
