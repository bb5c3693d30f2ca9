"""待核对: imported stories whose page was hard to read, until someone has checked them."""
from __future__ import annotations

import json

from newsdesk import times
from newsdesk.store._sql import Repository


class Doubts(Repository):
    def add(self, article_id: str, file: str, doubts: list[dict]) -> None:
        """Inside the import's own transaction: the story and its doubts go in together."""
        self.conn.execute("INSERT OR REPLACE INTO import_doubts VALUES (?, ?, ?, ?)",
                          [article_id, file, json.dumps(doubts, ensure_ascii=False),
                           times.now()])

    def pending(self) -> list[dict]:
        """Oldest first: article id, headline, state, file, doubts (code + values)."""
        rows = self.rows(
            "SELECT d.article_id, a.title, a.state, d.file, d.doubts, d.imported_at "
            "FROM import_doubts d JOIN articles a ON a.id = d.article_id "
            "ORDER BY d.imported_at, d.rowid")
        for r in rows:
            r["doubts"] = json.loads(r["doubts"])
        return rows

    def clear(self, article_id: str) -> bool:
        """Checked: off the list. Returns whether it was on it."""
        with self.store.transaction(content=False):
            return self.conn.execute("DELETE FROM import_doubts WHERE article_id = ?",
                                     [article_id]).rowcount > 0
