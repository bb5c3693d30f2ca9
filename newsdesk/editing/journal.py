"""The editor's crash journal: its working text, written to a small file per story next
to the database within a tenth of a second of any change (a paste included), so a
crash or a kill loses almost nothing even between autosaves. No fsync: what a killed
process wrote survives in the operating system. The next open of the story compares
the journal with the database and brings back what the database lacks."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from newsdesk import times
from newsdesk.model import Article


@dataclass
class Entry:
    values: dict       # the form as article fields, as the editor's values() gives them
    base_edits: int    # the story's save count the text was typed on
    written_at: str    # stored UTC time


def journal_dir(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / "journal"


def _path(db_path: str | Path, article_id: str) -> Path:
    return journal_dir(db_path) / f"{article_id}.json"


def write(db_path: str | Path, article_id: str, values: dict, base_edits: int) -> bool:
    """Replace the story's journal (whole: a kill mid-write leaves the previous one).
    False when it could not be written; the autosave goes on regardless."""
    path = _path(db_path, article_id)
    data = {"values": values, "base_edits": base_edits, "written_at": times.now()}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def read(db_path: str | Path, article_id: str) -> Entry | None:
    try:
        data = json.loads(_path(db_path, article_id).read_text("utf-8"))
        return Entry(dict(data["values"]), int(data["base_edits"]), str(data["written_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none, or unreadable: nothing to bring back


def discard(db_path: str | Path, article_id: str) -> None:
    _path(db_path, article_id).unlink(missing_ok=True)


def unsaved(entry: Entry, article: Article) -> list[str]:
    """The fields whose journal text the stored story lacks."""
    return [k for k, v in entry.values.items()
            if hasattr(article, k) and getattr(article, k) != v]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start, by halving: slice comparisons run in C, so a 2 MB
    body takes milliseconds, not a character-by-character loop."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def added_text(entry: Entry, article: Article, limit: int = 120) -> str:
    """The body text the journal has and the stored story lacks, for telling the user
    what came back: what lies between the common start and end (typing since the last
    save is in one place, mostly), at most `limit` characters of it."""
    old = article.body or ""
    new = entry.values.get("body", old)
    start = _common_prefix(old, new)
    end = _common_prefix(old[start:][::-1], new[start:][::-1])
    added = new[start:len(new) - end].strip()
    return added if len(added) <= limit else added[:limit] + "…"
