"""Saved searches: a person's own, by name — the words and the filters, kept as the
filter's fields so a saved search reads the same after a channel is renamed."""
from __future__ import annotations

import json
from dataclasses import asdict

from newsdesk import times
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.ids import new_id
from newsdesk.model import SavedSearch, StoryFilter
from newsdesk.store._sql import Repository


def _saved(row: dict) -> SavedSearch:
    return SavedSearch(row["id"], row["name"], row["query"],
                       StoryFilter(**json.loads(row["filters"])))


class SavedSearches(Repository):
    def save(self, user_id: str, name: str, query: str, f: StoryFilter) -> SavedSearch:
        """Keep a search under a name of this person's (the same name replaces it)."""
        name = name.strip()
        if not name:
            raise NewsdeskError("a saved search needs a name")
        if not query.strip() and not f.any():
            raise NewsdeskError("nothing to save: give words or a filter")
        with self.store.transaction():
            self.conn.execute("DELETE FROM saved_searches WHERE user_id = ? AND name = ?",
                              [user_id, name])
            saved = SavedSearch(new_id(), name, query.strip(), f)
            self.conn.execute("INSERT INTO saved_searches VALUES (?, ?, ?, ?, ?, ?)",
                              [saved.id, user_id, name, saved.query,
                               json.dumps(asdict(f), ensure_ascii=False), times.now()])
        return saved

    def of(self, user_id: str) -> list[SavedSearch]:
        return [_saved(r) for r in self.rows(
            "SELECT id, name, query, filters FROM saved_searches WHERE user_id = ? "
            "ORDER BY name", [user_id])]

    def remove(self, user_id: str, saved_id: str) -> None:
        with self.store.transaction():
            if not self.conn.execute("DELETE FROM saved_searches WHERE id = ? AND user_id = ?",
                                     [saved_id, user_id]).rowcount:
                raise NotFound("no saved search {id!r}", id=saved_id)
