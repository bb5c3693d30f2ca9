"""What the story list shows for a search: the words and the filter bar's choices
run through the core (the same calls `newsdesk search` and `list` make), with the
count, the facets and a snippet per story; and the saved searches with their counts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsdesk import filtering
from newsdesk.model import SavedSearch, StoryFilter
from newsdesk.text.segment import query_terms
from newsdesk.store import Store

LIMIT = 500  # stories a search lists


@dataclass
class Results:
    ids: list[str]
    total: int
    exact: bool
    snippets: dict[str, str] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    facets: dict[str, Counter] | None = None


def run(store: Store, query: str, f: StoryFilter, sort: str = "newest") -> Results:
    """The stories query and f find (NewsdeskError when they cannot be searched)."""
    if not query.strip():
        ids = store.articles.matching(f)
        return Results(ids, len(ids), True)
    hits = store.search.find(query, f, sort=sort, limit=LIMIT)
    total, exact = store.search.count(query, f)
    return Results([h.article_id for h in hits], total, exact,
                   {h.article_id: h.snippet for h in hits}, query_terms(query),
                   store.search.facets(query, f))


def run_choices(store: Store, query: str, choices: dict, sort: str) -> Results:
    """run, for the filter bar's choices (names and dates as typed)."""
    return run(store, query, filtering.build(store, **choices), sort)


def counted(store: Store, saved: SavedSearch) -> str:
    """A saved search as the navigator lists it: its name and how many it finds."""
    if saved.query:
        n, exact = store.search.count(saved.query, saved.filter)
    else:
        n, exact = store.articles.count_matching(saved.filter)
    return f"{saved.name}（{n}{'' if exact else '+'}）"
