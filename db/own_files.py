"""The files of the databases this process has opened, which nothing but SQLite may
open here. SQLite's locks on Linux and macOS are POSIX locks, held per process: closing
any descriptor of the database file (or its -shm) in this process releases all of
them, and another process then believes it is alone and deletes the write-ahead log
this one still writes to. So a file a person names (a picture, a page, a list, a log)
is compared with these by identity (device and inode: links and other names of the
same file are caught too) before anything opens it."""
from __future__ import annotations

import os
from pathlib import Path

# SQLite's companions of a database file: its write-ahead log, the log's shared-memory
# index, and the rollback journal.
_COMPANIONS = ("", "-wal", "-shm", "-journal")
_OPENED: set[str] = set()


def register(path: str | Path) -> None:
    """Called for every connection opened (db.connection.connect)."""
    _OPENED.add(str(Path(path).resolve()))


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def holds(path: str | Path) -> bool:
    """Whether path is (another name for) a file of a database this process opened."""
    wanted = _identity(path)
    if wanted is None:
        return False
    return any(_identity(f"{db}{suffix}") == wanted
               for db in _OPENED for suffix in _COMPANIONS)
