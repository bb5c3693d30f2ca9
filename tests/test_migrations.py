import sqlite3

import pytest

from db import SchemaTooNew, connect
from db.migrations import STEPS

TABLES = {"users", "channels", "topics", "site", "assets", "articles", "article_topics",
          "revisions", "review_events", "page_views", "export_state", "search_docs",
          "search_index"}


def test_fresh_database_has_every_table_and_records_its_steps(db_path):
    db = connect(db_path)
    assert TABLES <= set(db.table_names())
    applied = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert applied == STEPS


def test_connection_pragmas(db_path):
    db = connect(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_reapplying_is_a_no_op_and_keeps_data(db_path):
    db = connect(db_path)
    db.execute("INSERT INTO site VALUES ('name', '\"越溪新闻网\"', 'now', NULL)")
    db.conn.commit()
    db.close()
    db = connect(db_path)
    assert [r["name"] for r in db["_sqlite_migrations"].rows] == STEPS
    assert db.execute("SELECT value FROM site").fetchone()[0] == '"越溪新闻网"'


def test_foreign_keys_are_enforced(db_path):
    db = connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO channels (id, slug, name, parent_id, created_at, updated_at) "
                   "VALUES ('c1', 'x', 'X', 'missing', 'now', 'now')")


def test_newer_schema_is_refused_untouched(db_path):
    db = connect(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "newsdesk", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version of Newsdesk"):
        connect(db_path)
    assert db_path.read_bytes() == before


def test_cli_refuses_newer_schema_with_one_line(db_path, cli):
    db = connect(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "newsdesk", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.close()
    r = cli("list", "--db", db_path)
    assert r.code == 2
    assert "newer version of Newsdesk" in r.err
    assert len(r.err.strip().splitlines()) == 1
