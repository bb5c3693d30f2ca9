"""Chinese-capable full-text search: how text is segmented for the FTS5 index and
how a user's query becomes an FTS5 MATCH expression.

FTS5's trigram tokenizer cannot match one- or two-character queries (疫情, 社区), so
CJK runs are indexed as overlapping bigrams plus the run's last character, e.g.
社区服务 → "社区 区服 服务 务". A two-character query is then one term; a longer one is
a phrase of its bigrams; a single character is a prefix query (社*), which finds it
as the first half of a bigram or as the last character of a run. Latin words and
numbers are left to FTS5's unicode61 tokenizer."""
from __future__ import annotations

import re

from newsdesk.cjk import HAN

# Bump when segmentation changes: the index must then be rebuilt, since contentless
# FTS5 rows can only be deleted by replaying the exact text they were indexed with.
SEGMENTER_VERSION = "bigram-1"

_CJK_RUN = re.compile(f"[{HAN}]+")
_TERM = re.compile(rf"[{HAN}]+|\w+")


def _bigrams(run: str) -> list[str]:
    return [a + b for a, b in zip(run, run[1:])]


def _index_run(m: re.Match) -> str:
    run = m.group()
    return " " + " ".join(_bigrams(run) + [run[-1]]) + " "


def segment(text: str) -> str:
    """Text as it is handed to the index."""
    return _CJK_RUN.sub(_index_run, text or "")


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query (every term must match),
    or None when the query has nothing searchable in it."""
    parts = []
    for term in _TERM.findall(query or ""):
        if _CJK_RUN.fullmatch(term):
            if len(term) == 1:
                parts.append(_quote(term) + "*")
            else:
                parts.append(_quote(" ".join(_bigrams(term))))
        else:
            parts.append(_quote(term))
    return " AND ".join(parts) or None


def query_terms(query: str) -> list[str]:
    return _TERM.findall(query or "")


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_>`\[\]]+")
_SPACE = re.compile(r"\s+")


def snippet(text: str, terms: list[str], width: int = 60) -> str:
    """A short excerpt of text around the first term found in it."""
    plain = _SPACE.sub(" ", _MARKUP.sub("", text or "")).strip()
    lowered = plain.lower()
    hits = [i for i in (lowered.find(t.lower()) for t in terms) if i >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    piece = plain[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(plain) else "")
