import json
import sqlite3

import pytest


@pytest.fixture
def demo_db(db_path, cli):
    assert cli("init", "--db", db_path, "--demo").code == 0
    return db_path


def story(cli, db, state):
    rows = json.loads(cli("list", "--db", db, "--state", state, "--json").out)
    return rows[0]["id"][:8]


def test_review_round_through_the_cli(demo_db, cli):
    sid = story(cli, demo_db, "draft")
    r = cli("submit", sid, "--as", "chenlu", "--db", demo_db)
    assert r.code == 0 and "waiting for 初审" in r.out
    assert "waiting for 复审" in cli("approve", sid, "--as", "wangfang", "--db", demo_db).out
    assert "waiting for 终审" in cli("approve", sid, "--as", "liqiang", "--db", demo_db).out
    r = cli("approve", sid, "--as", "赵敏", "--comment", "同意发布", "--db", demo_db)
    assert r.code == 0 and r.out.strip().endswith("→ approved")
    history = json.loads(cli("history", sid, "--db", demo_db, "--json").out)
    assert [(h["kind"], h["stage_name"], h["actor"]) for h in history] == [
        ("submit", "初审", "陈璐"), ("approve", "初审", "王芳"), ("approve", "复审", "李强"),
        ("approve", "终审", "赵敏")]
    assert history[-1]["comment"] == "同意发布"


@pytest.mark.parametrize("args, rule", [
    (["approve", "--as", "zhangwei"], "stage role"),
    (["return", "--as", "wangfang", "--reason", " "], "reason required"),
    (["withdraw", "--as", "zhaomin", "--reason", "失实"], "only admins"),
    (["submit", "--as", "zhangwei"], "only drafts and returned"),
])
def test_refused_actions_exit_2_with_the_rule(demo_db, cli, args, rule):
    sid = story(cli, demo_db, "submitted")
    r = cli(args[0], sid, *args[1:], "--db", demo_db)
    assert r.code == 2 and rule in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_own_story_rule_through_the_cli(demo_db, cli):
    sid = story(cli, demo_db, "draft")  # written by 陈璐
    assert cli("users", "add", "chen2", "--name", "陈二", "--role", "reviewer1",
               "--db", demo_db).code == 0
    cli("submit", sid, "--as", "chenlu", "--db", demo_db)
    assert cli("approve", sid, "--as", "chen2", "--db", demo_db).code == 0
    r = cli("approve", sid, "--as", "chen2", "--db", demo_db)  # not their stage any more
    assert r.code == 2


def test_password_from_environment(demo_db, cli, monkeypatch):
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "越溪2026")
    assert cli("users", "passwd", "wangfang", "--db", demo_db).code == 0
    sid = story(cli, demo_db, "submitted")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "wrong")
    r = cli("approve", sid, "--as", "wangfang", "--db", demo_db)
    assert r.code == 2 and "wrong password" in r.err
    monkeypatch.delenv("NEWSDESK_PASSWORD")
    r = cli("approve", sid, "--as", "wangfang", "--db", demo_db)  # no terminal to ask on
    assert r.code == 2 and "give it" in r.err
    monkeypatch.setenv("NEWSDESK_PASSWORD", "越溪2026")
    assert cli("approve", sid, "--as", "wangfang", "--db", demo_db).code == 0


def test_withdraw_and_correct(demo_db, cli):
    sid = story(cli, demo_db, "published")
    r = cli("correct", sid, "--as", "chenlu", "--note", "更正：数据有误", "--db", demo_db)
    assert r.code == 0 and "correction" in r.out
    sid2 = story(cli, demo_db, "published")
    r = cli("withdraw", sid2, "--as", "admin", "--reason", "当事人要求撤稿", "--db", demo_db)
    assert r.code == 0 and r.out.strip().endswith("withdrawn")


def test_audit_exit_codes(demo_db, cli):
    r = cli("audit", "--db", demo_db)
    assert r.code == 0 and "intact" in r.out
    raw = sqlite3.connect(demo_db)
    event_id, article_id = raw.execute(
        "SELECT id, article_id FROM review_events WHERE kind = 'approve' LIMIT 1").fetchone()
    raw.execute("UPDATE review_events SET comment = '同意' WHERE id = ?", [event_id])
    raw.commit()
    raw.close()
    r = cli("audit", "--db", demo_db)
    assert r.code == 1
    assert f"article {article_id} event {event_id}" in r.out
    assert "does not match" in r.out
