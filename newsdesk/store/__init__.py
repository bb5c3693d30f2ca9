"""The Store: the only code that speaks SQL. A thin front (open, close, transactions,
error mapping, site settings) over one repository per area, the way Anki's collection
fronts its managers: store.users, .channels, .articles, .events, .checks, .assets,
.locks, .pageviews, .exports, .search, .bin (回收站), .syncing. Reads return model objects;
writes return what they changed, so callers (GUI, CLI, importers) can refresh."""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlite_utils

from db import DatabaseUnusable, as_trouble, connect
from newsdesk import times
from newsdesk.text import segment as segmenter
from newsdesk.errors import StorageFailed, unusable
from newsdesk.settings import SiteSettings, validate as validate_settings
from newsdesk.store.articles import Articles, Change, public_path
from newsdesk.store.assets import Assets
from newsdesk.store.bin import Bin
from newsdesk.store.channels import Channels, validate_slug
from newsdesk.store.checks import Checks
from newsdesk.store.clearances import Clearances
from newsdesk.store.publishing import Publishing
from newsdesk.store.doubts import Doubts
from newsdesk.store.events import Events
from newsdesk.store.exports import Exports
from newsdesk.store.locks import Locks
from newsdesk.store.pageviews import PageViews
from newsdesk.store.saved import SavedSearches
from newsdesk.store.search import Search
from newsdesk.store.syncing import Syncing
from newsdesk.store.users import Users

__all__ = ["Store", "Change", "public_path", "validate_slug"]


def _storage_error(e: sqlite3.OperationalError, path) -> Exception:
    """What a user can act on: another program holds the database, or the disk is full,
    or the folder or file read-only or not this user's. Nothing of the transaction was
    written either way. Damage, and what is none of these, stays as it was raised."""
    trouble = as_trouble(e, path)
    if isinstance(trouble, DatabaseUnusable):
        return unusable(trouble)
    code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    if trouble is None and code == sqlite3.SQLITE_IOERR:
        return StorageFailed("the disk could not be written (a disk I/O error); nothing was "
                             "written")
    return e


class Store:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.users = Users(self)
        self.channels = Channels(self)
        self.articles = Articles(self)
        self.events = Events(self)
        self.checks = Checks(self)
        self.publishing = Publishing(self)
        self.doubts = Doubts(self)
        self.assets = Assets(self)
        self.locks = Locks(self)
        self.pageviews = PageViews(self)
        self.exports = Exports(self)
        self.clearances = Clearances(self)
        self.search = Search(self)
        self.bin = Bin(self)
        self.saved = SavedSearches(self)
        self.syncing = Syncing(self)

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            store = cls(connect(path))
        except DatabaseUnusable as e:
            raise unusable(e) from None
        if store.search.version() != segmenter.SEGMENTER_VERSION:
            store.search.rebuild()
        return store

    @property
    def path(self) -> str:
        return self.conn.execute("PRAGMA database_list").fetchone()[2]

    def close(self) -> None:
        self.conn.close()

    def backup_to(self, target: sqlite3.Connection) -> None:
        """Copy the whole database into target (SQLite's online backup: consistent
        while others write)."""
        self.conn.backup(target)

    @contextmanager
    def transaction(self, content: bool = True) -> Iterator[None]:
        """One atomic unit of writes. IMMEDIATE takes the write lock up front, so a
        busy database waits (busy timeout) instead of failing halfway through. A
        transaction that changed content records when (changed_at: what automatic
        backups go by); edit-lock heartbeats pass content=False."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise _storage_error(e, self.path) from None
        before = self.conn.total_changes
        try:
            yield
            if content and self.conn.total_changes != before:
                self.set_local_meta("changed_at", times.instant())
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            self.conn.rollback()
            raise _storage_error(e, self.path) from None
        except BaseException:
            self.conn.rollback()
            raise

    def is_empty(self) -> bool:
        """No users, channels or stories yet: a new database."""
        return not self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM channels) OR "
            "EXISTS (SELECT 1 FROM articles)").fetchone()[0]

    # ---- site settings ----------------------------------------------------------
    def settings(self) -> SiteSettings:
        """The site settings, defaults filled in (newsdesk.settings lists them)."""
        return SiteSettings.from_stored({k: json.loads(v) for k, v in self.conn.execute(
            "SELECT key, value FROM site")})

    def set_settings(self, values: dict, actor_id: str | None = None) -> list[str]:
        """Store settings (validated first: nothing is written if one is wrong)."""
        validate_settings(values)
        now = times.now()
        with self.transaction():
            self.db["site"].upsert_all(
                [{"key": k, "value": json.dumps(v, ensure_ascii=False), "updated_at": now,
                  "updated_by": actor_id} for k, v in values.items()], pk="key")
        return sorted(values)

    # ---- this seat's own bookkeeping (never synced) -----------------------------
    def changed_at(self) -> str | None:
        """When content last changed (times.instant), or None if never recorded."""
        return self.local_meta("changed_at")

    def backed_up_at(self) -> str | None:
        """As of when the newest backup copied the database (times.instant)."""
        return self.local_meta("backed_up_at")

    def note_backup(self, as_of: str) -> None:
        with self.transaction(content=False):
            self.set_local_meta("backed_up_at", as_of)

    def local_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM local_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_local_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO local_meta VALUES (?, ?)", [key, value])

    def delete_local_meta(self, key: str) -> None:
        self.conn.execute("DELETE FROM local_meta WHERE key = ?", [key])



