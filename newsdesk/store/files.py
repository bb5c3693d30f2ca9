"""SQL on database files that are not open as a Store: backups and restores check
them read-only, and fold a file's write-ahead log in before it is moved aside."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def quick_check(path: str | Path) -> tuple[str, set[str]]:
    """PRAGMA quick_check's verdict ('ok' when sound) and the file's table names.
    Raises sqlite3.DatabaseError when the file is not a database at all."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    return result, tables


def fold_log(path: str | Path) -> None:
    """Write the file's write-ahead log into it (sqlite3.DatabaseError if damaged)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
