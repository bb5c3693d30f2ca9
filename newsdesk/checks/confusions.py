"""错别字: common misspellings of idioms and everyday words (再接再励 → 再接再厉), each a
wrong → right pair, matched in one Aho-Corasick pass. Newsdesk ships a list compiled
from public proofreading references (resources/wordlists/confusions.tsv names where
each part came from); the outlet's own pairs add to it, and an own pair with no
correction turns a shipped one off."""
from __future__ import annotations

from functools import lru_cache

from newsdesk.checks.lists import parse_entries
from newsdesk.checks.findings import WARN, Finding
from newsdesk.checks.words import automaton_of, longest
from newsdesk.i18n import both
from newsdesk.model import ListEntry
from newsdesk.paths import resource


@lru_cache(maxsize=1)
def shipped() -> tuple[ListEntry, ...]:
    return tuple(parse_entries("confusions",
                               resource("wordlists", "confusions.tsv").read_text("utf-8")))


class ConfusionMatcher:
    def __init__(self, own: list[ListEntry], base: tuple[ListEntry, ...] | None = None):
        pairs = {e.key: e.value for e in (shipped() if base is None else base)}
        pairs.update((e.key, e.value) for e in own)
        self.automaton = automaton_of((w, (w, r)) for w, r in pairs.items() if r)
        self.empty = self.automaton is None

    def find(self, field: str, text: str) -> list[Finding]:
        if self.empty or not text:
            return []
        return [Finding("confusion.misspelt", WARN, field, start, end, wrong, *both(
            "“{wrong}” is a common misspelling of “{right}”", wrong=wrong, right=right),
            suggestion=right, category="错别字")
            for start, end, (wrong, right) in longest(
                [(end + 1 - len(w), end + 1, (w, r)) for end, (w, r) in self.automaton.iter(text)])]
