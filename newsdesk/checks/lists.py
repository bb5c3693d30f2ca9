"""The outlet's other 机审 lists as plain text, one entry a line, tab-separated, '#'
starts a comment — the same shape as the word lists, so they travel by file:
  names        name<TAB>titles, joined with 、<TAB>note     (the list's order is the
                                                          order leaders are named in)
  confusions   wrong<TAB>right<TAB>where it came from    (an empty right: not an error
                                                          here, turns a shipped pair off)
  traditional  word<TAB>why                               (kept in traditional characters)
"""
from __future__ import annotations

import re

from newsdesk.checks.words import ListError, tab_lines
from newsdesk.text.cjk import HAN
from newsdesk.i18n import N_
from newsdesk.model import ListEntry

KINDS = ("names", "confusions", "traditional")
HEADERS = {"names": "# name\ttitles (、)\tnote",
           "confusions": "# wrong\tright\tsource",
           "traditional": "# word\twhy"}
_NAME = re.compile(rf"[{HAN}·]{{2,8}}")


def _entry(kind: str, n: int, parts: list[str]) -> ListEntry:
    key = parts[0]
    if kind == "traditional":
        return ListEntry(key, "", parts[1])
    if kind == "names":
        if not _NAME.fullmatch(key):
            raise ListError(N_("line {n}: “{key}” is not a name of 2 to 8 Chinese characters"),
                            n=n, key=key)
        titles = [t.strip() for t in re.split(r"[、,，]", parts[1]) if t.strip()]
        return ListEntry(key, "、".join(titles), parts[2])
    if parts[1] == key:
        raise ListError(N_("line {n}: “{key}” is corrected to itself"), n=n, key=key)
    return ListEntry(key, parts[1], parts[2])


def parse_entries(kind: str, text: str) -> list[ListEntry]:
    """The entries of a list file; a line it cannot read, or an entry given twice,
    raises ListError naming the line."""
    out, seen = [], {}
    for n, parts in tab_lines(text, 3):
        entry = _entry(kind, n, parts)
        if entry.key in seen:
            raise ListError(N_("line {n}: “{key}” is already on line {first}"),
                            n=n, key=entry.key, first=seen[entry.key])
        seen[entry.key] = n
        out.append(entry)
    return out


def _lines(kind: str, entries: list[ListEntry]) -> list[str]:
    return ["\t".join([e.key, e.note] if kind == "traditional"
                      else [e.key, e.value, e.note]).rstrip() for e in entries]


def format_entries(kind: str, entries: list[ListEntry]) -> str:
    return "\n".join([HEADERS[kind]] + _lines(kind, entries)) + "\n"


def checked(kind: str, entries: list[ListEntry]) -> list[ListEntry]:
    """Entries typed in a table, held to the file's rules; ListError names the row."""
    return parse_entries(kind, "\n".join(_lines(kind, entries)))
