"""Chinese-capable full-text search: how text is segmented for the FTS5 index and
how a user's query becomes an FTS5 MATCH expression.

FTS5's trigram tokenizer cannot match one- or two-character queries (疫情, 社区), so
each field is indexed twice: its CJK runs as overlapping bigrams (社区服务 → "社区 区服
服务"; a one-character run as itself), and, in a column of its own, as single
characters ("社 区 服 务"). A one- or two-character query is then one term, read newest
first and stopped after a page (a prefix query, 社*, would have to merge every bigram
starting with 社 first); a longer one is a phrase of bigrams. Latin words and numbers
are left to FTS5's unicode61 tokenizer (case folded: 5G, app).

The query language: terms must all match; "乡村 振兴" in double quotes is one phrase;
-广告 leaves out stories that have it."""
from __future__ import annotations

import re

from newsdesk.text.cjk import HAN

# Bump when segmentation changes: the index must then be rebuilt, since contentless
# FTS5 rows can only be deleted by replaying the exact text they were indexed with.
SEGMENTER_VERSION = "bigram-unigram-2"

_CJK_RUN = re.compile(f"[{HAN}]+")
_TERM = re.compile(rf"[{HAN}]+|\w+")


def _bigrams(run: str) -> list[str]:
    return [a + b for a, b in zip(run, run[1:])]


def _index_run(m: re.Match) -> str:
    run = m.group()
    return " " + " ".join(_bigrams(run) or [run]) + " "


def segment(text: str) -> str:
    """Text as its bigram column is given it."""
    return _CJK_RUN.sub(_index_run, text or "")


def characters(text: str) -> str:
    """Text as its single-character column is given it: its CJK characters."""
    return " ".join("".join(_CJK_RUN.findall(text or "")))


# The index's columns: each field's bigrams, then each field's single characters.
FIELDS = ("title", "body", "people")
BIGRAMS = "{" + " ".join(FIELDS) + "}"
SINGLES = "{" + " ".join(f + "1" for f in FIELDS) + "}"


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _tokens(text: str) -> list[str]:
    """A piece of query as index tokens, in order: a CJK run as its bigrams (a single
    character as itself), a Latin word or number as itself."""
    out: list[str] = []
    for term in _TERM.findall(text):
        if _CJK_RUN.fullmatch(term) and len(term) > 1:
            out += _bigrams(term)
        else:
            out.append(term)
    return out


# "a phrase", -excluded (a word or a "phrase"), or a bare word
_PART = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def parse(query: str) -> tuple[list[str], list[str]]:
    """(wanted, excluded): each a list of phrases, as the user wrote them."""
    wanted, excluded = [], []
    for m in _PART.finditer(query or ""):
        minus, text = (m.group(1), m.group(2)) if m.group(2) is not None else (
            m.group(3), m.group(4))
        if not _tokens(text):
            continue
        if minus:
            excluded.append(text)
        elif m.group(2) is not None:
            wanted.append(text)
        else:
            wanted += _TERM.findall(text)  # a bare 乡村,振兴 is two terms
    return wanted, excluded


def _phrase(text: str, columns: tuple[str, ...] | None = None) -> str:
    """One phrase as an FTS5 expression: a lone CJK character in the single-character
    columns, anything else as a phrase of tokens in the bigram columns (or in the
    given fields only)."""
    tokens = _tokens(text)
    single = len(tokens) == 1 and _CJK_RUN.fullmatch(tokens[0]) and len(tokens[0]) == 1
    if columns:
        where = "{" + " ".join(c + "1" if single else c for c in columns) + "}"
    else:
        where = SINGLES if single else BIGRAMS
    return f"{where} : {_quote(' '.join(tokens))}"


def match_expression(query: str, columns: tuple[str, ...] | None = None) -> str | None:
    """The FTS5 MATCH expression for a user's query (every wanted phrase, none of the
    excluded; in the given fields only, if named), or None when it wants nothing
    searchable."""
    wanted, excluded = parse(query)
    if not wanted:
        return None
    expression = " AND ".join(f"({_phrase(text, columns)})" for text in wanted)
    for text in excluded:
        expression = f"({expression}) NOT ({_phrase(text)})"
    return expression


def query_terms(query: str) -> list[str]:
    """The wanted phrases, to find and mark in a snippet."""
    return parse(query)[0]


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_>`\[\]]+")
_SPACE = re.compile(r"\s+")


def snippet(text: str, terms: list[str], width: int = 60, lead: int = 8) -> str:
    """A short excerpt of text from a little before the first term found in it (a
    table's cell shows its start: the match must be there)."""
    plain = _SPACE.sub(" ", _MARKUP.sub("", text or "")).strip()
    lowered = plain.lower()
    hits = [i for i in (lowered.find(t.lower()) for t in terms) if i >= 0]
    start = max(0, min(hits) - lead) if hits else 0
    piece = plain[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(plain) else "")
