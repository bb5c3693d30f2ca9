"""A sign-off is its reviewer's: outside the demo newsroom, reviewers and admins have
passwords, and an account without one cannot sign."""
import pytest

from newsdesk.review import accounts, workflow
from newsdesk.errors import NewsdeskError


ADMIN_PASSWORD = "管理口令-2026"


@pytest.fixture
def real_db(db_path, cli):
    """A real (not demo) newsroom: the demo's settings and channels, demo flag off; only
    its admin has a password."""
    assert cli("init", "--db", db_path, "--demo").code == 0
    from newsdesk.store import Store
    s = Store.open(db_path)
    s.set_settings({"demo": False})
    admin = s.users.find("admin")
    accounts.set_password(s, admin, ADMIN_PASSWORD, admin.id)
    s.close()
    return db_path


def test_a_reviewer_account_needs_a_password(real_db, cli, monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("NEWSDESK_NEW_PASSWORD", raising=False)
    r = cli("users", "add", "newrev", "--name", "新审稿人", "--role", "reviewer1",
            "--as", "admin", "--db", real_db)
    assert r.code == 2 and "needs a password" in r.err and len(r.err.splitlines()) == 1
    assert "newrev" not in cli("users", "--db", real_db).out
    r = cli("users", "add", "reporter", "--name", "新记者", "--role", "editor",
            "--as", "admin", "--db", real_db)
    assert r.code == 2 and "needs a password" in r.err  # or nobody could act as them
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "审稿口令-2026")
    r = cli("users", "add", "newrev", "--name", "新审稿人", "--role", "reviewer1",
            "--as", "admin", "--db", real_db)
    assert r.code == 0
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "")
    r = cli("users", "passwd", "newrev", "--as", "admin", "--db", real_db)
    assert r.code == 2 and "cannot be removed" in r.err


def test_an_old_password_free_reviewer_cannot_sign(real_db, cli, monkeypatch):
    monkeypatch.delenv("NEWSDESK_PASSWORD", raising=False)
    import json
    waiting = json.loads(cli("list", "--db", real_db, "--state", "submitted", "--json").out)
    story = waiting[0]["id"]
    r = cli("approve", story, "--as", "wangfang", "--db", real_db)  # a demo user, no password
    assert r.code == 2 and "no password" in r.err and "users passwd wangfang" in r.err
    monkeypatch.setenv("NEWSDESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "初审口令")
    assert cli("users", "passwd", "wangfang", "--as", "admin", "--db", real_db).code == 0
    monkeypatch.setenv("NEWSDESK_PASSWORD", "初审口令")
    assert cli("approve", story, "--as", "wangfang", "--db", real_db).code == 0


def test_the_demo_keeps_its_password_free_users_and_says_so(db_path, cli):
    r = cli("init", "--db", db_path, "--demo")
    assert "It is a demo" in r.out and "anyone can sign" in r.out
    r = cli("users", "add", "tryout", "--name", "试用审稿人", "--role", "reviewer2",
            "--db", db_path)
    assert r.code == 0


def test_the_core_refuses_whatever_calls_it(newsroom):
    newsroom.set_settings({"demo": False})
    with pytest.raises(accounts.PasswordRequired):
        accounts.add_user(newsroom, "x", "某人", ["admin"])
    with pytest.raises(NewsdeskError, match="unknown role"):
        accounts.add_user(newsroom, "x", "某人", ["boss"], password="p")
    wang = newsroom.users.find("wangfang")
    a = newsroom.articles.create(newsroom.users.find("chenlu").id, title="稿件",
                                body="正文。", channel_id=newsroom.channels.find("shehui").id,
                                reporters=["陈璐"])
    workflow.submit(newsroom, a.id, newsroom.users.find("chenlu"))
    with pytest.raises(accounts.PasswordRequired):
        workflow.approve(newsroom, a.id, wang)
