"""SQL on database files that are not open as a Store: backups and restores check
them read-only, a damaged one is searched for the story its damage is in, and a
file's write-ahead log is folded in before it is moved aside."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from db import connection


def integrity_check(path: str | Path, thorough: bool = True) -> tuple[str, set[str]]:
    """PRAGMA integrity_check's verdict ('ok' when sound) and the file's table names.
    Raises sqlite3.DatabaseError when the file is not a database at all. Thorough, not
    quick_check: a flipped byte in a row leaves the row missing from its indexes, which
    only integrity_check finds (6 s against 2 s for 100,000 stories, 1.6 GB); quick_check
    where a person waits on it and the thorough check runs elsewhere."""
    conn = _read_only(path)
    try:
        pragma = "integrity_check" if thorough else "quick_check"
        result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    return result, tables


def undecodable(path: str | Path, column: str) -> tuple[str | None, str | None, str]:
    """Where stored text of `column` is not UTF-8: (the story's id, its headline when
    readable, the table) of the first such row, the story being the row itself in
    articles or the one the row belongs to elsewhere; (None, None, table) for a row of
    no story, (None, None, "") when no row is found."""
    conn = _read_only(path)
    conn.text_factory = bytes  # this connection reads the damaged text without failing
    conn.create_function("is_utf8", 1, _is_utf8, deterministic=True)
    try:
        for table, columns in _tables_with(conn, column):
            story = "id" if table == "articles" else "article_id"
            key = f"t.{story}" if story in columns else "NULL"
            row = conn.execute(
                f"SELECT {key}, a.title FROM {table} t LEFT JOIN articles a ON a.id = {key} "
                f"WHERE NOT is_utf8(CAST(t.{column} AS BLOB)) LIMIT 1").fetchone()
            if row:
                story_id, title = (_text(v) for v in row)
                return story_id, title, table
    finally:
        conn.close()
    return None, None, ""


def _tables_with(conn: sqlite3.Connection, column: str) -> list[tuple[str, set[str]]]:
    """Ordinary tables with that column, and their columns; articles first."""
    found = []
    for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name != 'articles', name").fetchall():
        table = name.decode()
        columns = {r[1].decode() for r in conn.execute(f"PRAGMA table_info({table})")}
        if column in columns:
            found.append((table, columns))
    return found


def _is_utf8(value: bytes | None) -> bool:
    return value is None or _text(value) is not None


def _text(value: bytes | None) -> str | None:
    try:
        return value.decode("utf-8") if value is not None else None
    except UnicodeDecodeError:
        return None


def _read_only(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True,
                           timeout=connection.BUSY_TIMEOUT_S)


def fold_log(path: str | Path) -> None:
    """Write the file's write-ahead log into it (sqlite3.DatabaseError if damaged)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
