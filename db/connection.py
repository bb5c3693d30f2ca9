"""Open a Newsdesk database file: pragmas, migrations, refusal of newer schemas."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from db.migrations import STEPS, migrations

BUSY_TIMEOUT_S = 10


class SchemaTooNew(Exception):
    """The file was written by a newer Newsdesk; we must not touch it."""


def connect(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at path and bring its schema up to date."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    # FULL makes each commit durable across power loss, not only across crashes.
    conn.execute("PRAGMA synchronous=FULL")
    try:
        refuse_newer(db)
        if migrate:
            migrations.apply(db)
    except BaseException:
        conn.close()
        raise
    return db


def refuse_newer(db: sqlite_utils.Database) -> None:
    known = set(STEPS)
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise SchemaTooNew(
            "this database was written by a newer version of Newsdesk "
            f"(schema step {unknown[-1]!r} is unknown here); upgrade Newsdesk to open it"
        )
