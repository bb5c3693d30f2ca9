import json

import pytest

from newsdesk import times
from tests.conftest import run_main


@pytest.fixture
def demo_db(db_path, cli):
    assert cli("init", "--db", db_path, "--demo").code == 0
    return db_path


def test_init_demo_then_search_json_as_in_the_readme(db_path):
    r = run_main("init", "--db", db_path, "--demo")
    assert r.returncode == 0 and "12 stories" in r.stdout
    r = run_main("search", "--db", db_path, "社区", "--json")
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert len(hits) >= 3
    assert all("社区" in h["title"] + h["snippet"] for h in hits)
    assert any(h["matched_in"] == "headline" for h in hits)
    assert {"article_id", "title", "state", "channel", "date", "snippet"} <= hits[0].keys()


def test_db_option_before_or_after_the_command(demo_db, cli):
    assert cli("--db", demo_db, "list", "--json").out == cli("list", "--db", demo_db,
                                                                 "--json").out


def test_db_from_environment(demo_db, monkeypatch, cli):
    monkeypatch.setenv("NEWSDESK_DB", str(demo_db))
    assert len(json.loads(cli("list", "--json").out)) == 12


def test_list_filters(demo_db, cli):
    rows = json.loads(cli("list", "--db", demo_db, "--state", "published", "--json").out)
    assert len(rows) == 6 and {r["state"] for r in rows} == {"published"}
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    rows = json.loads(cli("list", "--db", demo_db, "--channel", "健康", "--json").out)
    assert {r["channel"] for r in rows} == {"健康"} and len(rows) == 2
    text = cli("list", "--db", demo_db, "--limit", "3").out
    assert len(text.strip().splitlines()) == 3


def test_show_by_prefix_with_meta_names(demo_db, cli):
    rows = json.loads(cli("list", "--db", demo_db, "--channel", "guonei", "--json").out)
    r = cli("show", "--db", demo_db, rows[0]["id"][:6], "--json")
    assert r.code == 0
    data = json.loads(r.out)
    assert data["origin"] == "reprint" and data["source"] == "人民日报"
    assert data["original_title"] and data["original_author"]
    published = times.local_text(data["first_published_at"])  # in the outlet's zone:
    assert published.endswith(" 07:50:00")                        # the demo's hour
    assert data["meta"] == {"published_at": published, "source": "人民日报",
                            "editor": "陈璐", "reviewer": "赵敏"}
    assert data["channel"] == {"slug": "guonei", "name": "国内"}
    assert data["char_count"] > 100 and data["body_html"].startswith("<p>")
    human = cli("show", "--db", demo_db, rows[0]["id"][:6]).out
    assert f"发布时间:{published}  来源:人民日报  编辑:陈璐  审核:赵敏" in human


def test_users_and_channels(demo_db, cli):
    users = json.loads(cli("users", "--db", demo_db, "--json").out)
    roles = {u["username"]: u["roles"] for u in users}
    assert roles["zhaomin"] == ["reviewer3"] and "admin" in roles["admin"]
    assert cli("users", "add", "sunyue", "--name", "孙悦", "--role", "editor",
               "--db", demo_db).code == 0
    assert "孙悦" in cli("users", "--db", demo_db).out
    channels = json.loads(cli("channels", "--db", demo_db, "--json").out)
    assert [c["name"] for c in channels][:3] == ["要闻", "越视频", "镇街"]
    assert {c["slug"]: c["parent"] for c in channels}["baita"] == "towns"
    assert {c["slug"]: c["kind"] for c in channels}["h5"] == "link"
    assert cli("channels", "add", "tiyu", "体育", "--as", "admin", "--db", demo_db).code == 0


@pytest.mark.parametrize("args, message", [
    (["show", "zzz"], "not an article id"),
    (["show", "0" * 32], "no article id starts with"),
    (["list", "--channel", "nowhere"], "no channel 'nowhere'"),
    (["search", "，。"], "nothing to search for"),
    (["channels", "add", "../x", "坏", "--as", "admin"], "not allowed"),
    (["channels", "add", "shehui", "社会", "--as", "admin"], "already exists"),
    (["users", "add", "x", "--name", "某", "--role", "boss"], "unknown role 'boss'"),
    (["import", "a.md", "--as", "nobody"], "no user 'nobody'"),
    (["init", "--demo"], "already has content"),
])
def test_bad_input_is_one_line_exit_2(demo_db, cli, args, message):
    r = cli(*args, "--db", demo_db)
    assert r.code == 2
    assert message in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_missing_or_foreign_database(tmp_path, cli):
    r = cli("list", "--db", tmp_path / "none.db")
    assert r.code == 2 and "newsdesk init" in r.err
    assert not (tmp_path / "none.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    r = cli("list", "--db", junk)
    assert r.code == 2 and "damaged or not a database" in r.err


def test_usage_errors_exit_2(demo_db):
    r = run_main("list", "--db", demo_db, "--state", "nonsense")
    assert r.returncode == 2 and "'nonsense' is not one of" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "--state" in r.stderr
    assert run_main("frobnicate").returncode == 2


def test_settings_listed_read_and_set_by_admins(demo_db, cli):
    rows = json.loads(cli("settings", "--db", demo_db, "--json").out)
    assert {"name", "timezone", "page_size", "review_stages"} <= {r["name"] for r in rows}
    assert all(r["help"] for r in rows)
    assert cli("settings", "get", "page_size", "--db", demo_db).out.strip() == "20"
    r = cli("settings", "set", "page_size", "30", "--as", "chenlu", "--db", demo_db)
    assert r.code == 2 and "only admins" in r.err
    assert cli("settings", "set", "page_size", "30", "--as", "admin", "--db", demo_db).code == 0
    assert cli("settings", "get", "page_size", "--db", demo_db).out.strip() == "30"
    for key, value, why in (("page_size", "abc", "whole number"),
                            ("timezone", "Mars/Base", "not a time zone"),
                            ("footer_links", '[{"title": "x", "href": "javascript:1"}]',
                             "refused"),
                            ("no_such", "1", "no setting")):
        r = cli("settings", "set", key, value, "--as", "admin", "--db", demo_db)
        assert r.code == 2 and why in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert cli("settings", "get", "page_size", "--db", demo_db).out.strip() == "30"
