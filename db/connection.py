"""Open a Newsdesk database file: pragmas, migrations, refusal of newer schemas."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from db.migrations import STEPS, migrations

BUSY_TIMEOUT_S = 10


class SchemaTooNew(Exception):
    """The file was written by a newer Newsdesk; we must not touch it."""


class DatabaseDamaged(Exception):
    """The file is not a sound SQLite database (damaged, truncated, or not one)."""

    def __init__(self, path, detail: str):
        super().__init__(f"{path} is damaged or not a database ({detail})")
        self.path, self.detail = path, detail


_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def as_damage(error: BaseException, path) -> DatabaseDamaged | None:
    """The error as DatabaseDamaged when it says the file is damaged or not a database,
    else None. A damaged page is met by whichever query first reads it, long after the
    file opened, so callers map errors here rather than at open alone."""
    if isinstance(error, DatabaseDamaged):
        return error
    if not isinstance(error, sqlite3.DatabaseError):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _DAMAGE_CODES:
        return DatabaseDamaged(path, str(error))
    text = str(error).lower()
    if "malformed" in text or "not a database" in text:
        return DatabaseDamaged(path, str(error))
    return None


# Checked at every open: small, and what nothing works without. The whole file is
# checked (PRAGMA quick_check, about a second per gigabyte) in the background by the
# app and by backups.
_AT_OPEN = ("site", "users", "channels", "_sqlite_migrations")


def check_at_open(conn: sqlite3.Connection, path) -> None:
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        for table in _AT_OPEN:
            if table in tables:
                result = conn.execute(f"PRAGMA quick_check({table})").fetchone()[0]
                if result != "ok":
                    raise DatabaseDamaged(path, result)
    except sqlite3.DatabaseError as e:
        raise DatabaseDamaged(path, str(e)) from None


def connect(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at path and bring its schema up to date."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    try:
        check_at_open(conn, path)
    except BaseException:
        conn.close()
        raise
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
