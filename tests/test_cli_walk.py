"""The command line names revisions and a story under correction as the app does
(walk-through of issue 31, items 5 and 6): 第 2 版, not r2; a published story reopened
for 更正 is 已发布·更正中 (still live), not 草稿."""
import json

import pytest

from newsdesk import i18n
from tests.test_cli_workflow import demo_db  # noqa: F401 - the fixture

MEETING = "越溪县召开经济工作会议 部署明年重点任务"  # published in the demo


@pytest.fixture
def zh(monkeypatch):
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    i18n.use("zh_CN")
    yield
    i18n.use("en")


def meeting(cli, db):
    rows = json.loads(cli("list", "--db", db, "--state", "published", "--json").out)
    return next(r["id"][:8] for r in rows if r["title"] == MEETING)


def test_history_names_revisions_as_the_app_does(zh, demo_db, cli):  # noqa: F811
    sid = meeting(cli, demo_db)
    out = cli("history", sid, "--db", demo_db).out
    assert "第 " in out and " 版" in out, out
    assert not any(word.startswith("r") and word[1:].isdigit() for word in out.split())


def test_a_story_being_corrected_is_listed_as_live_and_under_correction(  # noqa: F811
        zh, demo_db, cli):
    sid = meeting(cli, demo_db)
    r = cli("correct", sid, "--as", "zhangwei", "--note", "第三段会议时间有误", "--db", demo_db)
    assert r.code == 0 and r.out.strip().endswith("→ 已发布·更正中"), r.out + r.err
    shown = cli("show", sid, "--db", demo_db).out
    assert "· 已发布·更正中 ·" in shown and "· 草稿 ·" not in shown
    [row] = [line for line in cli("list", "--db", demo_db).out.splitlines()
             if line.startswith(sid)]
    assert "已发布·更正中" in row and "草稿" not in row
    cli("submit", sid, "--as", "zhangwei", "--db", demo_db)
    [row] = [line for line in cli("list", "--db", demo_db).out.splitlines()
             if line.startswith(sid)]
    assert "更正·" in row, row
