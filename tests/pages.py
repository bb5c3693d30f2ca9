"""The saved-page test set (tests/data/pages): its answers, and how an extraction is
scored against them — the same measures for Newsdesk and its peers (bench/import_quality.py)."""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from newsdesk.importers import blocks
from newsdesk.importers.decode import declared_charset, decode

HERE = Path(__file__).parent / "data" / "pages"
_KEEP = re.compile(r"[^\w]|_", re.UNICODE)


@dataclass
class Answer:
    file: str
    title: str
    time: str | None       # 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD' or None
    source: str | None
    body: str


@dataclass
class Got:
    title: str = ""
    time: str | None = None    # 'YYYY-MM-DD HH:MM[:SS]' local, or None
    source: str | None = None
    body: str = ""
    imported: bool = True


def html(file: str) -> str:
    data = gzip.decompress((HERE / f"{file}.gz").read_bytes())
    return decode(data, declared_charset(data))


def answers() -> list[Answer]:
    out = []
    for p in json.loads((HERE / "answers.json").read_text("utf-8"))["pages"]:
        text = "\n".join(b.text for b in blocks.parse(html(p["file"])).blocks if b.text)
        start, end = p["body"]
        a = text.index(start)
        z = text.index(end, a) + len(end)
        out.append(Answer(p["file"], p["title"], p["time"], p["source"], text[a:z]))
    return out


def letters(text: str) -> str:
    """NFKC, letters, digits and CJK only: what the body measure compares."""
    return _KEEP.sub("", unicodedata.normalize("NFKC", text or ""))


def _same(a: str, b: str) -> bool:
    return letters(a) == letters(b)


@dataclass
class Score:
    imported: bool
    title: bool
    date: bool | None       # None: the page shows no date
    minute: bool | None     # None: the page shows no time of day
    source: bool | None     # None: the page names no source
    f1: float
    boilerplate: bool


def score(answer: Answer, got: Got) -> Score:
    want, have = letters(answer.body), letters(got.body)
    matched = sum(m.size for m in SequenceMatcher(None, want, have, autojunk=False)
                  .get_matching_blocks())
    p = matched / len(have) if have else 0.0
    r = matched / len(want) if want else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    time = (got.time or "").replace("T", " ")
    return Score(
        imported=got.imported and bool(have),
        title=_same(answer.title, got.title),
        date=None if not answer.time else time[:10] == answer.time[:10],
        minute=None if not answer.time or len(answer.time) < 16
        else time[:16] == answer.time,
        source=None if not answer.source else _same(answer.source, got.source or ""),
        f1=f1,
        boilerplate=len(have) - matched >= 20)


def table(scores: list[Score]) -> dict[str, float]:
    """The columns the issue asks for, as fractions of the pages each applies to."""
    def share(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else 1.0
    return {
        "imported": share(s.imported for s in scores),
        "headline": share(s.title for s in scores),
        "date": share(s.date for s in scores),
        "minute": share(s.minute for s in scores),
        "source": share(s.source for s in scores),
        "body_f1": sum(s.f1 for s in scores) / len(scores),
        "boilerplate": sum(s.boilerplate for s in scores) / len(scores),
    }
