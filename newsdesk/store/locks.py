"""Edit locks: which seat edits a story now, renewed by heartbeats. Local state: the
writes are not content changes (no backup is owed for them)."""
from __future__ import annotations

from newsdesk.store._sql import Repository


class Locks(Repository):
    def get(self, article_id: str) -> dict | None:
        return self.one("SELECT * FROM edit_locks WHERE article_id = ?", [article_id])

    def set(self, article_id: str, user_id: str, instance: str, at: str,
            taken_from: str | None = None) -> None:
        with self.store.transaction(content=False):
            self.conn.execute("INSERT OR REPLACE INTO edit_locks VALUES (?, ?, ?, ?, ?)",
                              [article_id, user_id, instance, at, taken_from])

    def touch(self, article_id: str, instance: str, at: str) -> bool:
        """Renew this instance's lock; False when it is no longer this instance's."""
        with self.store.transaction(content=False):
            cur = self.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE "
                                    "article_id = ? AND instance = ?", [at, article_id, instance])
        return cur.rowcount == 1

    def drop(self, article_id: str, instance: str) -> None:
        with self.store.transaction(content=False):
            self.conn.execute("DELETE FROM edit_locks WHERE article_id = ? AND instance = ?",
                              [article_id, instance])
