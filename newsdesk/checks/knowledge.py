"""What 机审 knows, per version of the outlet's lists: the word-list automaton, the
protected names, the misspellings (shipped and the outlet's own) and the words kept in
traditional characters. The lists are read where the store is (the UI thread); each
matcher is built the first time a check needs it, so on the checking thread (the
names' reading table alone is a tenth of a second)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsdesk.checks.confusions import ConfusionMatcher
from newsdesk.checks.names import NameMatcher
from newsdesk.checks.words import WordMatcher
from newsdesk.model import ListEntry, Term


@dataclass(frozen=True, eq=False)
class Lists:
    terms: tuple[Term, ...] = ()
    names: tuple[ListEntry, ...] = ()
    confusions: tuple[ListEntry, ...] = ()
    traditional: tuple[ListEntry, ...] = ()


class Knowledge:
    def __init__(self, lists: Lists):
        self.lists = lists
        self.traditional = [e.key for e in lists.traditional]

    @classmethod
    def of(cls, terms=(), names=(), confusions=(), traditional=()) -> "Knowledge":
        return cls(Lists(tuple(terms), tuple(names), tuple(confusions), tuple(traditional)))

    @cached_property
    def words(self) -> WordMatcher:
        return WordMatcher(list(self.lists.terms))

    @cached_property
    def names(self) -> NameMatcher:
        return NameMatcher(list(self.lists.names))

    @cached_property
    def confusions(self) -> ConfusionMatcher:
        return ConfusionMatcher(list(self.lists.confusions))


_built: dict[tuple, Knowledge] = {}


def knowledge_for(store) -> Knowledge:
    """The store's lists, read once per version of them."""
    key = (store.path, store.checks.terms_version(), store.checks.lists_version())
    if key not in _built:
        _built.clear()
        _built[key] = Knowledge.of(store.checks.terms(), store.checks.entries("names"),
                                   store.checks.entries("confusions"),
                                   store.checks.entries("traditional"))
    return _built[key]
