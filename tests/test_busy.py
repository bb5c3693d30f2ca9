"""A database another program holds: the write waits (bounded), then says so, and
nothing of it is applied."""
import sqlite3

import pytest

import db.connection
from newsdesk.review import workflow
from newsdesk.errors import DatabaseBusy
from newsdesk.store import Store


@pytest.fixture
def held(demo_store, monkeypatch):
    monkeypatch.setattr(db.connection, "BUSY_TIMEOUT_S", 0.3)
    path = demo_store.path
    demo_store.close()
    store = Store.open(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    other.execute("UPDATE site SET value = value")
    yield store, other
    other.rollback()
    other.close()
    store.close()


def test_a_write_waits_then_refuses_whole(held):
    store, other = held
    chen = store.users.find("chenlu")
    draft = store.articles.get(store.articles.ids(state="draft")[0])
    with pytest.raises(DatabaseBusy, match="busy"):
        workflow.submit(store, draft.id, chen)
    other.rollback()
    after = store.articles.get(draft.id)
    assert (after.state, after.revision) == ("draft", draft.revision)
    assert [e.kind for e in store.events.of(draft.id)] == []
    workflow.submit(store, draft.id, chen)  # once the other program lets go


def test_cli_says_busy_in_one_line(held, cli):
    store, _ = held
    r = cli("users", "add", "sunyue", "--name", "孙悦", "--db", store.path)
    assert r.code == 2 and "busy" in r.err and "Traceback" not in r.err
