"""Open a Newsdesk database file: pragmas, migrations, refusal of newer schemas."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import sqlite_utils

from db import own_files
from db.migrations import STEPS, migrations

BUSY_TIMEOUT_S = 10


class SchemaTooNew(Exception):
    """The file was written by a newer Newsdesk; we must not touch it."""


class DatabaseDamaged(Exception):
    """The file is not a sound SQLite database (damaged, truncated, or not one). column:
    the column whose stored text is not UTF-8, when that is the damage met."""

    def __init__(self, path, detail: str, column: str | None = None):
        super().__init__(f"{path} is damaged or not a database ({detail})")
        self.path, self.detail, self.column = path, detail, column


class DatabaseUnusable(Exception):
    """The file is sound but cannot be used here and now: its folder or the file is
    read-only, the disk is full, this user may not read or write it, or another program
    holds it. Restoring a backup would not help; `where` is the file or folder at fault."""
    READ_ONLY_FOLDER, READ_ONLY_FILE, FULL, PERMISSION, BUSY = (
        "read-only folder", "read-only file", "full disk", "permission", "busy")

    def __init__(self, path, cause: str, detail: str, where=None):
        super().__init__(f"{path} cannot be used: {cause} ({detail})")
        self.path, self.cause, self.detail = path, cause, detail
        self.where = where if where is not None else path


_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# What SQLite says when the file system refused it; what is wrong is found by looking.
_REFUSED_CODES = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR,
                  sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH)
# Python's sqlite3 says this, with no error code, of stored text that is not UTF-8.
_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '(.*?)'")
# A write that failed with less than this left on the disk failed for want of space.
NEARLY_FULL = 1 << 20


def as_trouble(error: BaseException, path) -> DatabaseDamaged | DatabaseUnusable | None:
    """What the error says of the database: damaged (DatabaseDamaged), sound but not
    usable here (DatabaseUnusable), or neither (None). A damaged page is met by whichever
    query first reads it, long after the file opened, so callers map errors here rather
    than at open alone."""
    if isinstance(error, (DatabaseDamaged, DatabaseUnusable)):
        return error
    if not isinstance(error, sqlite3.DatabaseError):
        return None
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error)
    undecodable = _UNDECODABLE.match(text)
    if undecodable:
        return DatabaseDamaged(path, "not UTF-8 text", column=undecodable.group(1))
    if code in _DAMAGE_CODES or "malformed" in text.lower() or "not a database" in text:
        return DatabaseDamaged(path, text)
    if code in _BUSY_CODES:
        return DatabaseUnusable(path, DatabaseUnusable.BUSY, text)
    if code == sqlite3.SQLITE_FULL:
        return DatabaseUnusable(path, DatabaseUnusable.FULL, text, Path(path).parent)
    if code in _REFUSED_CODES:
        found = refusal(path)
        if found is None and code == sqlite3.SQLITE_READONLY:
            found = DatabaseUnusable.READ_ONLY_FILE, path
        if found is not None:
            return DatabaseUnusable(path, found[0], text, found[1])
    return None


def refusal(path) -> tuple[str, Path] | None:
    """Why the file system refuses the database, found by looking at it: a read-only
    mount, folder or file (the database's or its -wal/-shm), one this user may not use
    (someone may write it, not this user), or a disk with no room left. None when
    nothing is wrong there (an error of the disk itself)."""
    path = Path(path).absolute()
    folder = path.parent
    if not folder.is_dir():
        return None
    if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return DatabaseUnusable.READ_ONLY_FOLDER, folder
    for target, need in ((folder, os.W_OK | os.X_OK), (path, os.R_OK | os.W_OK),
                         (Path(f"{path}-wal"), os.R_OK | os.W_OK),
                         (Path(f"{path}-shm"), os.R_OK | os.W_OK)):
        if not target.exists() or os.access(target, need):
            continue
        read_only = os.access(target, need & ~os.W_OK) and not target.stat().st_mode & 0o222
        if not read_only:
            return DatabaseUnusable.PERMISSION, target
        return (DatabaseUnusable.READ_ONLY_FOLDER if target == folder
                else DatabaseUnusable.READ_ONLY_FILE), target
    if shutil.disk_usage(folder).free < NEARLY_FULL:
        return DatabaseUnusable.FULL, folder
    return None


# Checked at every open: small, and what nothing works without. The whole file is
# checked (PRAGMA integrity_check) in the background by the app and by backups.
_AT_OPEN = ("site", "users", "channels", "_sqlite_migrations")


def check_at_open(conn: sqlite3.Connection, path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    for table in _AT_OPEN:
        if table in tables:
            result = conn.execute(f"PRAGMA quick_check({table})").fetchone()[0]
            if result != "ok":
                raise DatabaseDamaged(path, result)


def connect(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at path and bring its schema up to date.
    Raises DatabaseDamaged or DatabaseUnusable when SQLite's refusal says which."""
    try:
        return _connect(path, migrate)
    except sqlite3.DatabaseError as e:
        raise as_trouble(e, path) or e from None


def _connect(path: str | Path, migrate: bool) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    own_files.register(path)
    try:
        check_at_open(conn, path)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        # FULL makes each commit durable across power loss, not only across crashes.
        conn.execute("PRAGMA synchronous=FULL")
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
