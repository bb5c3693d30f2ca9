"""What every repository shares: its Store, and small helpers over the connection."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from newsdesk import times

if TYPE_CHECKING:
    from newsdesk.store import Store

CHUNK = 500  # ids a query: under SQLite's old limit of 999 parameters

# Live: on the public site. A story under correction stays live with the revision that
# was published (live_revision) until the corrected one passes review. (Publishing
# always sets live_revision and public_path.)
LIVE = "a.live_revision IS NOT NULL AND a.state != 'withdrawn'"


def stamp(actor_id: str | None, now: str | None = None) -> dict:
    now = now or times.now()
    return {"created_at": now, "updated_at": now, "updated_by": actor_id}


class Repository:
    """One area of the database, fronted by the Store (store.users, store.articles…)."""

    def __init__(self, store: "Store"):
        self.store = store

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    def rows(self, sql: str, params: Iterable | dict = ()) -> list[dict]:
        cur = self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: Iterable = ()) -> dict | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def in_chunks(self, sql: str, ids: Sequence, before: Sequence = (),
                  dicts: bool = False) -> Iterator:
        """The rows of sql for a list of ids of any length, CHUNK ids a query: sql has
        '{marks}' where '?, ?, …' goes; `before` are the parameters ahead of the ids."""
        for start in range(0, len(ids), CHUNK):
            part = list(ids[start:start + CHUNK])
            statement = sql.format(marks=",".join("?" * len(part)))
            if dicts:
                yield from self.rows(statement, [*before, *part])
            else:
                yield from self.conn.execute(statement, [*before, *part])

    def lookup(self, table: str, expression: str, ids: Iterable[str]) -> dict[str, str]:
        """id → expression for just these ids (a page of a table, a history)."""
        wanted = [i for i in dict.fromkeys(ids) if i]
        return dict(self.in_chunks(
            f"SELECT id, {expression} FROM {table} WHERE id IN ({{marks}})", wanted))
