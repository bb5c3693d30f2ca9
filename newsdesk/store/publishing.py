"""发布's memory: the history of publish runs and the lock one run holds while it
uploads (a run that died holding it frees it after LOCK_STALE, or at once where the
caller can tell that run has ended)."""
from __future__ import annotations

import json
from datetime import timedelta
from typing import Callable

from newsdesk import times
from newsdesk.ids import new_id
from newsdesk.store._sql import Repository

LOCK_STALE = timedelta(hours=2)


class Publishing(Repository):
    def take_lock(self, holder: str, now: str,
                  gone: Callable[[str], bool] = lambda holder: False) -> str | None:
        """Take the publish lock; None when taken, else who holds it. A lock is taken
        over when it is LOCK_STALE old or gone(its holder) says that run has ended."""
        with self.store.transaction(content=False):
            row = self.conn.execute("SELECT holder, taken_at FROM publish_lock").fetchone()
            if row and times.from_stored(row[1]) > times.from_stored(now) - LOCK_STALE \
                    and not gone(row[0]):
                return row[0]
            self.conn.execute("INSERT OR REPLACE INTO publish_lock VALUES (1, ?, ?)",
                              [holder, now])
        return None

    def drop_lock(self, holder: str) -> None:
        with self.store.transaction(content=False):
            self.conn.execute("DELETE FROM publish_lock WHERE holder = ?", [holder])

    def start(self, target: str, user_id: str | None, now: str) -> str:
        run_id = new_id()
        with self.store.transaction(content=False):
            self.conn.execute("INSERT INTO publish_runs (id, started_at, user_id, target) "
                              "VALUES (?, ?, ?, ?)", [run_id, now, user_id, target])
        return run_id

    def finish(self, run_id: str, outcome: str, now: str, uploaded: list[str],
               removed: list[str], sent: int, message: str = "") -> None:
        with self.store.transaction(content=False):
            self.conn.execute(
                "UPDATE publish_runs SET finished_at = ?, outcome = ?, uploaded = ?, "
                "removed = ?, bytes = ?, message = ?, files = ? WHERE id = ?",
                [now, outcome, len(uploaded), len(removed), sent, message,
                 json.dumps({"uploaded": uploaded, "removed": removed}, ensure_ascii=False),
                 run_id])

    def history(self, limit: int = 50) -> list[dict]:
        """The latest runs, newest first, with who ran them."""
        rows = self.rows("SELECT r.*, u.real_name AS user_name FROM publish_runs r LEFT JOIN "
                         "users u ON u.id = r.user_id ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?",
                         [limit])
        for r in rows:
            r["files"] = json.loads(r["files"])
        return rows
