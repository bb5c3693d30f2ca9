"""Files a person names — a picture to insert, a page or folder to import, a word list,
an access log — read through one door that never opens the database's own files (see
db/own_files.py: in a process that has the database open, doing so would drop SQLite's
locks, and another process would then delete the write-ahead log under it)."""
from __future__ import annotations

from pathlib import Path

from db import own_files
from newsdesk.errors import NewsdeskError


def is_database_file(path: str | Path) -> bool:
    """Whether path is one of the files of a database this process has open."""
    return own_files.holds(path)


def refuse_database_file(path: str | Path) -> None:
    if own_files.holds(path):
        raise NewsdeskError("{path} is a file of the newsroom's database: it is never "
                            "opened as a picture, page, list, log or report", path=path)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes (OSError as Path.read_bytes raises it), never a database file's."""
    refuse_database_file(path)
    return Path(path).read_bytes()


def read_text(path: str | Path, encoding: str = "utf-8") -> str:
    refuse_database_file(path)
    return Path(path).read_text(encoding)


def write_text(path: str | Path, text: str) -> None:
    """Save text where a person chose (a list, a report); never over a database file,
    which a save dialog would otherwise let a person pick and overwrite."""
    refuse_database_file(path)
    Path(path).write_text(text, "utf-8")
