"""The outlet's word lists: banned terms block, cautioned terms warn, each with a
category and an optional replacement. One Aho-Corasick automaton matches them all at
once, so a 10,000-term list costs about what ten terms do."""
from __future__ import annotations

import ahocorasick

from newsdesk.checks.findings import Finding
from newsdesk.errors import Translated
from newsdesk.i18n import N_, both
from newsdesk.model import Term

# What a match says, by (level, has a category, has a replacement).
_SAID = {
    ("block", False, False): N_("banned term “{term}”"),
    ("block", True, False): N_("banned term “{term}” ({category})"),
    ("block", False, True): N_("banned term “{term}”; write “{fix}”"),
    ("block", True, True): N_("banned term “{term}” ({category}); write “{fix}”"),
    ("warn", False, False): N_("cautioned term “{term}”"),
    ("warn", True, False): N_("cautioned term “{term}” ({category})"),
    ("warn", False, True): N_("cautioned term “{term}”; write “{fix}”"),
    ("warn", True, True): N_("cautioned term “{term}” ({category}); write “{fix}”"),
}


class ListError(Translated, ValueError):
    """A word list file with a line it cannot read."""


def automaton_of(pairs) -> ahocorasick.Automaton | None:
    """One Aho-Corasick automaton over (key, value) pairs; None when there are none."""
    automaton = ahocorasick.Automaton()
    for key, value in pairs:
        automaton.add_word(key, value)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def longest(hits: list[tuple]) -> list[tuple]:
    """(start, end, …) matches in text order, the longest kept where they overlap
    (博彩 inside 澳门博彩: report 澳门博彩)."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, reach = [], -1
    for hit in hits:
        if hit[1] > reach:
            out.append(hit)
            reach = hit[1]
    return out


class WordMatcher:
    def __init__(self, terms: list[Term]):
        self.automaton = automaton_of((t.term.lower(), t) for t in terms if t.term.strip())
        self.empty = self.automaton is None

    def find(self, field: str, text: str) -> list[Finding]:
        if self.empty or not text:
            return []
        lowered = text.lower()
        haystack = lowered if len(lowered) == len(text) else text
        out = []
        for start, end, t in longest([(end - len(t.term) + 1, end + 1, t)
                                      for end, t in self.automaton.iter(haystack)]):
            said = both(_SAID[t.level, bool(t.category), bool(t.replacement)],
                        term=text[start:end], category=t.category, fix=t.replacement)
            out.append(Finding(
                f"words.{t.level}", t.level, field, start, end, text[start:end], *said,
                suggestion=t.replacement or None, category=t.category))
        return out


def tab_lines(text: str, width: int):
    """(line number, its tab-separated fields, stripped and padded to width) of a
    plain-text list: '#' starts a comment, blank lines are skipped."""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            fields = [p.strip() for p in line.split("\t")]
            yield n, fields + [""] * (width - len(fields))


def parse_list(text: str) -> list[Term]:
    """Plain-text word lists: one term a line, 'term<TAB>level<TAB>category<TAB>
    replacement' (level block or warn, default block); '#' starts a comment.
    Raises ValueError naming the line for a bad level."""
    terms = []
    for n, parts in tab_lines(text, 4):
        level = parts[1] or "block"
        if level not in ("block", "warn"):
            raise ListError("line {n}: level must be block or warn, not {level!r}",
                            n=n, level=level)
        terms.append(Term(parts[0], level, parts[2], parts[3]))
    return terms


def format_list(terms: list[Term]) -> str:
    lines = ["# term\tlevel\tcategory\treplacement"]
    lines += ["\t".join([t.term, t.level, t.category, t.replacement]).rstrip()
              for t in terms]
    return "\n".join(lines) + "\n"
