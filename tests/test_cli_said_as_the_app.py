"""The command line says what the app says: roles by the newsroom's names (the review
stages by theirs) in Chinese, times in the outlet's zone, settings by their names and
help, and a file that cannot be read in a Chinese sentence, not the system's English."""
import pytest

from newsdesk import i18n, times
from tests.chinese import assert_chinese


@pytest.fixture
def zh(monkeypatch):
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    i18n.use("zh_CN")


def test_users_are_listed_with_their_roles_named_as_in_the_app(zh, newsroom, cli):
    out = cli("users", "--db", newsroom.path).out
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert rows["wangfang"].split(maxsplit=2)[2] == "编辑、初审"
    assert rows["admin"].split(maxsplit=2)[2].endswith("管理员")
    assert not any(role in out for role in ("editor", "reviewer1", "admin,"))


def test_publish_history_is_in_the_outlets_time(zh, newsroom, cli):
    started = times.now()
    run = newsroom.publishing.start("主站", newsroom.users.find("admin").id, started)
    newsroom.publishing.finish(run, "ok", times.now(), ["index.html"], [], 100, "")
    out = cli("targets", "history", "--db", newsroom.path).out
    tz = newsroom.settings().timezone
    assert out.startswith(times.local_text(started, tz)[:16])
    assert started[:16] not in out  # not the UTC that is stored
    assert "已核验" in out


def test_settings_are_listed_by_their_names_and_help(zh, newsroom, cli):
    out = cli("settings", "--db", newsroom.path).out
    assert "icp_record = " in out and "ICP备案号：印在页脚" in out
    for line in out.splitlines():
        if line.startswith("    "):
            assert_chinese(line)


def test_a_file_that_cannot_be_read_is_said_in_chinese(zh, newsroom, cli, tmp_path):
    r = cli("import", tmp_path / "缺失.md", "--db", newsroom.path)
    said = r.out + r.err
    assert "无法读取：文件或文件夹不存在" in said and "Errno" not in said
