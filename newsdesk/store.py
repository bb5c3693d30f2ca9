"""The Store: the only code that speaks SQL. It returns model objects, and the write
methods return what they changed, so callers (GUI, CLI, importers) can refresh."""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import sqlite_utils

from db import connect
from newsdesk import chain, search, times, urls
from newsdesk.errors import DatabaseBusy, NewsdeskError, NotFound, StaleEdit, StorageFailed
from newsdesk.ids import new_id
from newsdesk.model import (
    CONTENT_FIELDS, Article, Channel, ChannelKind, ReviewEvent, Revision, SearchHit, Term,
    FIELDS, Topic, User, field_names,
)
from newsdesk.render import FALLBACK, render_safely, renderer_version
from newsdesk.settings import SiteSettings, validate as validate_settings

CHUNK = 500  # ids a query: under SQLite's old limit of 999 parameters
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_ARTICLE_JSON = ("reporters", "tags", "corrections")
_ARTICLE_COLUMNS = [f.name for f in fields(Article) if f.name != "topics"]
_SEARCHED = {f.name for f in FIELDS if f.search}


def validate_slug(slug: str, what: str) -> str:
    """Slugs become path segments of the exported site: plain lowercase ASCII only."""
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise NewsdeskError(
            f"{what} slug {slug!r} is not allowed: use lowercase ASCII letters, digits, "
            "'-' or '_' (no '/', no '..', no Chinese)")
    return slug


def public_path(channel_slug: str, published_at: str, number: int, tz: str) -> str:
    """{channel}/{yyyy}/{mm}/{number}.html, month in the outlet's time zone. Fixed at
    first publication and never changed, so links to the story keep working."""
    local = times.local_text(published_at, tz)
    return f"{channel_slug}/{local[:4]}/{local[5:7]}/{number}.html"


def _tree_order(nodes: list[tuple[str, str | None]]) -> list[int]:
    """Indexes of (id, parent id) nodes given in sibling order, each parent before its
    children, depth first. Iterative: a deep tree is legal input."""
    children: dict[str | None, list[int]] = {}
    for i, (_, parent) in enumerate(nodes):
        children.setdefault(parent, []).append(i)
    ordered: list[int] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        i = stack.pop()
        ordered.append(i)
        stack.extend(reversed(children.get(nodes[i][0], [])))
    return ordered


def _chained_event(article_id: str, seq: int, prev: str, kind: str, at: str, *,
                   stage: int | None, revision: int | None, actor_id: str | None,
                   comment: str, detail: dict | None) -> dict:
    """A review event, hashed onto the previous one of its story (prev)."""
    event = {"id": new_id(), "article_id": article_id, "seq": seq, "kind": kind,
             "stage": stage, "revision": revision, "actor_id": actor_id, "at": at,
             "comment": comment, "detail": detail or {}}
    return event | {"prev_hash": prev, "hash": chain.event_hash(prev, event)}


def _event_row(event: dict) -> dict:
    """An event as its review_events row: detail as JSON, stamped with its own time."""
    return event | {"detail": json.dumps(event["detail"], ensure_ascii=False),
                    "created_at": event["at"], "updated_at": event["at"],
                    "updated_by": event["actor_id"]}


def _storage_error(e: sqlite3.OperationalError) -> Exception:
    """What a user can act on: another program holds the database, or the disk is full
    or read-only. Nothing of the transaction was written either way."""
    text = str(e).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy("the database is busy: another program holds it and did not "
                            "let go in time; nothing was written, try again")
    if "full" in text or "readonly" in text or "read-only" in text or "disk i/o" in text:
        return StorageFailed(f"the database could not be written ({e}); nothing was "
                             "written")
    return e


class Store:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.conn: sqlite3.Connection = db.conn

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        store = cls(connect(path))
        if store.search_index_version() != search.SEGMENTER_VERSION:
            store.rebuild_search_index()
        return store

    @property
    def path(self) -> str:
        return self.conn.execute("PRAGMA database_list").fetchone()[2]

    def close(self) -> None:
        self.conn.close()

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
            raise _storage_error(e) from None
        before = self.conn.total_changes
        try:
            yield
            if content and self.conn.total_changes != before:
                self.conn.execute("INSERT OR REPLACE INTO local_meta VALUES ('changed_at', ?)",
                                  [times.instant()])
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            self.conn.rollback()
            raise _storage_error(e) from None
        except BaseException:
            self.conn.rollback()
            raise

    def _rows(self, sql: str, params: Iterable | dict = ()) -> list[dict]:
        cur = self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _in_chunks(self, sql: str, ids: Sequence, before: Sequence = (),
                   dicts: bool = False) -> Iterator:
        """The rows of sql for a list of ids of any length, CHUNK ids a query: sql has
        '{marks}' where '?, ?, …' goes; `before` are the parameters ahead of the ids."""
        for start in range(0, len(ids), CHUNK):
            part = list(ids[start:start + CHUNK])
            statement = sql.format(marks=",".join("?" * len(part)))
            if dicts:
                yield from self._rows(statement, [*before, *part])
            else:
                yield from self.conn.execute(statement, [*before, *part])

    def _one(self, sql: str, params: Iterable = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    @staticmethod
    def _stamp(actor_id: str | None, now: str | None = None) -> dict:
        now = now or times.now()
        return {"created_at": now, "updated_at": now, "updated_by": actor_id}

    # ---- users --------------------------------------------------------------
    def add_user(self, username: str, real_name: str, roles: Iterable[str] = (),
                 password_hash: str | None = None, actor_id: str | None = None) -> User:
        username, real_name = (username or "").strip(), (real_name or "").strip()
        if not username or not real_name:
            raise NewsdeskError("a user needs a username and a real name")
        user = User(id=new_id(), username=username, real_name=real_name,
                    roles=sorted(set(roles)), password_hash=password_hash,
                    **self._stamp(actor_id))
        row = asdict(user) | {"roles": json.dumps(user.roles)}
        with self.transaction():
            if self._one("SELECT 1 FROM users WHERE username = ?", [username]):
                raise NewsdeskError(f"a user named {username!r} already exists")
            self.db["users"].insert(row)
        return user

    @staticmethod
    def _user(row: dict) -> User:
        return User(**(row | {"roles": json.loads(row["roles"]),
                              "active": bool(row["active"])}))

    def users(self) -> list[User]:
        return [self._user(r) for r in self._rows("SELECT * FROM users ORDER BY username")]

    def user_names(self, ids: Iterable[str]) -> dict[str, str]:
        """user id → real name, for just these ids (a page of a table, a history)."""
        return self._names("users", "real_name", ids)

    def user_choices(self) -> list[str]:
        """The active users' ids in username order: what a login list holds."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM users WHERE active ORDER BY username")]

    def user_labels(self, ids: Iterable[str]) -> dict[str, str]:
        """user id → 'real name (username)', as a login list shows them."""
        return self._names("users", "real_name || ' (' || username || ')'", ids)

    def _names(self, table: str, expression: str, ids: Iterable[str]) -> dict[str, str]:
        wanted = [i for i in dict.fromkeys(ids) if i]
        return dict(self._in_chunks(
            f"SELECT id, {expression} FROM {table} WHERE id IN ({{marks}})", wanted))

    def user(self, user_id: str) -> User:
        row = self._one("SELECT * FROM users WHERE id = ?", [user_id])
        if not row:
            raise NotFound(f"no user with id {user_id!r}")
        return self._user(row)

    def find_user(self, key: str) -> User:
        """A user by username, real name or id."""
        row = self._one("SELECT * FROM users WHERE username = ? OR id = ? ORDER BY "
                        "username = ? DESC LIMIT 1", [key, key, key])
        if not row:
            rows = self._rows("SELECT * FROM users WHERE real_name = ?", [key])
            if len(rows) > 1:
                raise NewsdeskError(f"more than one user is called {key!r}: use the username")
            row = rows[0] if rows else None
        if not row:
            raise NotFound(f"no user {key!r}")
        return self._user(row)

    # ---- channels and topics --------------------------------------------------
    def add_channel(self, slug: str, name: str, parent: str | None = None,
                    kind: str = ChannelKind.LIST, url: str | None = None,
                    position: int | None = None, actor_id: str | None = None) -> Channel:
        validate_slug(slug, "channel")
        if not (name or "").strip():
            raise NewsdeskError(f"channel {slug!r} needs a name")
        if kind not in (ChannelKind.LIST, ChannelKind.LINK):
            raise NewsdeskError(f"channel kind must be 'list' or 'link', not {kind!r}")
        if kind == ChannelKind.LINK and not url:
            raise NewsdeskError(f"link channel {slug!r} needs a url")
        if kind == ChannelKind.LINK:
            urls.require(url, f"the address of link channel {slug!r}")
        with self.transaction():
            if self._one("SELECT 1 FROM channels WHERE slug = ?", [slug]):
                raise NewsdeskError(f"a channel with slug {slug!r} already exists")
            parent_id = self.find_channel(parent).id if parent else None
            if position is None:
                position = self.conn.execute(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM channels WHERE "
                    "parent_id IS ?", [parent_id]).fetchone()[0]
            channel = Channel(id=new_id(), slug=slug, name=name.strip(), parent_id=parent_id,
                              position=position, kind=kind, url=url, **self._stamp(actor_id))
            self.db["channels"].insert(asdict(channel))
        return channel

    def channels(self) -> list[Channel]:
        """All channels, each top-level channel followed by its sub-channels."""
        rows = [Channel(**r) for r in self._rows("SELECT * FROM channels ORDER BY position, slug")]
        return [rows[i] for i in _tree_order([(c.id, c.parent_id) for c in rows])]

    def channel_choices(self, kind: str = ChannelKind.LIST) -> list[tuple[str, int]]:
        """(id, depth) of the channels of a kind in the order channels() gives them:
        what a channel picker holds (names come a page at a time: channel_names). A
        channel under one of another kind counts from that one's depth."""
        rows = self.conn.execute("SELECT id, parent_id, kind FROM channels "
                                 "ORDER BY position, slug").fetchall()
        ordered: list[tuple[str, int]] = []
        under: dict[str, int] = {}  # id → channels of the kind it is, or is under
        for i in _tree_order([(id_, parent) for id_, parent, _ in rows]):
            id_, parent, k = rows[i]
            above = under.get(parent, 0)
            under[id_] = above + (k == kind)
            if k == kind:
                ordered.append((id_, above))
        return ordered

    def channel_names(self, ids: Iterable[str]) -> dict[str, str]:
        return self._names("channels", "name", ids)

    def channel(self, channel_id: str) -> Channel:
        row = self._one("SELECT * FROM channels WHERE id = ?", [channel_id])
        if not row:
            raise NotFound(f"no channel with id {channel_id!r}")
        return Channel(**row)

    def find_channel(self, key: str) -> Channel:
        """A channel by slug, Chinese name or id."""
        row = self._one("SELECT * FROM channels WHERE slug = ? OR id = ? LIMIT 1", [key, key])
        if not row:
            rows = self._rows("SELECT * FROM channels WHERE name = ?", [key])
            if len(rows) > 1:
                raise NewsdeskError(f"more than one channel is called {key!r}: use its slug")
            row = rows[0] if rows else None
        if not row:
            raise NotFound(f"no channel {key!r}")
        return Channel(**row)

    def add_topic(self, slug: str, name: str, description: str = "",
                  actor_id: str | None = None) -> Topic:
        validate_slug(slug, "topic")
        if not (name or "").strip():
            raise NewsdeskError(f"topic {slug!r} needs a name")
        with self.transaction():
            if self._one("SELECT 1 FROM topics WHERE slug = ?", [slug]):
                raise NewsdeskError(f"a topic with slug {slug!r} already exists")
            position = self.conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM topics").fetchone()[0]
            topic = Topic(id=new_id(), slug=slug, name=name.strip(), description=description,
                          position=position, **self._stamp(actor_id))
            self.db["topics"].insert(asdict(topic))
        return topic

    def topics(self) -> list[Topic]:
        return [Topic(**r) for r in self._rows("SELECT * FROM topics ORDER BY position")]

    def find_topic(self, key: str) -> Topic:
        row = self._one("SELECT * FROM topics WHERE slug = ? OR name = ? OR id = ? LIMIT 1",
                        [key, key, key])
        if not row:
            raise NotFound(f"no topic {key!r}")
        return Topic(**row)

    # ---- site settings ----------------------------------------------------------
    def settings(self) -> SiteSettings:
        """The site settings, defaults filled in (newsdesk.settings lists them)."""
        return SiteSettings.from_stored(
            {r["key"]: json.loads(r["value"]) for r in self._rows("SELECT * FROM site")})

    def set_settings(self, values: dict, actor_id: str | None = None) -> list[str]:
        """Store settings (validated first: nothing is written if one is wrong)."""
        validate_settings(values)
        now = times.now()
        with self.transaction():
            self.db["site"].upsert_all(
                [{"key": k, "value": json.dumps(v, ensure_ascii=False), "updated_at": now,
                  "updated_by": actor_id} for k, v in values.items()], pk="key")
        return sorted(values)

    # ---- articles -------------------------------------------------------------
    def _article(self, row: dict, topics: list[str]) -> Article:
        row = dict(row)
        for k in _ARTICLE_JSON:
            row[k] = [] if row[k] == "[]" else json.loads(row[k])
        row["pinned"] = bool(row["pinned"])
        return Article(**row, topics=topics)

    def _topics_of(self, article_ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {i: [] for i in article_ids}
        for article_id, topic_id in self._in_chunks(
                "SELECT article_id, topic_id FROM article_topics WHERE article_id IN "
                "({marks})", article_ids):
            out[article_id].append(topic_id)
        return out

    def article(self, article_id: str) -> Article:
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if not row:
            raise NotFound(f"no article with id {article_id!r}")
        return self._article(row, self._topics_of([article_id])[article_id])

    def _article_rows(self, columns: str, ids: list[str]) -> dict[str, dict]:
        return {r["id"]: r for r in self._in_chunks(
            f"SELECT {columns} FROM articles WHERE id IN ({{marks}})", ids, dicts=True)}

    def articles(self, ids: list[str], with_body: bool = True) -> list[Article]:
        """The articles with these ids, in the order given (missing ids are skipped).
        with_body=False leaves the markdown body out (body == ""): pages are drawn from
        body_html, and a 20,000-page export reads a third less."""
        columns = "*" if with_body else ",".join(
            c if c != "body" else "'' AS body" for c in _ARTICLE_COLUMNS)
        rows = self._article_rows(columns, ids)
        topics = self._topics_of(list(rows))
        return [self._article(rows[i], topics[i]) for i in ids if i in rows]

    _LISTING = ("id", "title", "channel_id", "state", "review_stage", "author_id",
                "submitted_at", "first_published_at", "publish_at", "updated_at", "revision")

    def listing(self, ids: list[str]) -> list[dict]:
        """The narrow columns story tables show, for these ids in this order, with the
        channel's and the author's names and the checks verdict of the current revision
        where one was recorded: a page of them costs a fraction of loading the articles
        with their bodies."""
        rows = self._article_rows(",".join(self._LISTING), ids)
        channels = self.channel_names(r["channel_id"] for r in rows.values())
        authors = self.user_names(r["author_id"] for r in rows.values())
        verdicts = dict(self._in_chunks(
            "SELECT c.article_id, c.verdict FROM check_reports c JOIN articles a ON "
            "a.id = c.article_id AND a.revision = c.revision WHERE c.article_id IN "
            "({marks})", ids))
        return [rows[i] | {"verdict": verdicts.get(i),
                           "channel_name": channels.get(rows[i]["channel_id"], ""),
                           "author_name": authors.get(rows[i]["author_id"], "")}
                for i in ids if i in rows]

    def resolve_article_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with prefix."""
        prefix = (prefix or "").strip().lower()
        if not re.fullmatch(r"[0-9a-f]{1,32}", prefix):
            raise NewsdeskError(f"{prefix!r} is not an article id (hex digits expected)")
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            [prefix, prefix + "g"])]
        if not ids:
            raise NotFound(f"no article id starts with {prefix!r}")
        if len(ids) > 1:
            raise NewsdeskError(f"article id prefix {prefix!r} is ambiguous: give more characters")
        return ids[0]

    def find_article_id(self, title: str, first_published_at: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE first_published_at = ? AND "
                                "title = ? LIMIT 1", [first_published_at, title]).fetchone()
        return row[0] if row else None

    _ORDER = "COALESCE(first_published_at, publish_at, updated_at) DESC, id"

    def article_ids(self, state: str | None = None, channel_id: str | None = None,
                    author_id: str | None = None, limit: int | None = None,
                    offset: int = 0) -> list[str]:
        """Ids of matching articles, newest first: cheap enough to hold 100,000 of."""
        where, params = self._filters(state, channel_id, author_id)
        sql = f"SELECT id FROM articles {where} ORDER BY {self._ORDER}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [r[0] for r in self.conn.execute(sql, params)]

    def is_empty(self) -> bool:
        """No users, channels or stories yet: a new database."""
        return not self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM channels) OR "
            "EXISTS (SELECT 1 FROM articles)").fetchone()[0]

    def count_articles(self, state: str | None = None, channel_id: str | None = None,
                       author_id: str | None = None) -> int:
        where, params = self._filters(state, channel_id, author_id)
        return self.conn.execute(f"SELECT COUNT(*) FROM articles {where}", params).fetchone()[0]

    @staticmethod
    def _filters(state, channel_id, author_id) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in (("state", state), ("channel_id", channel_id),
                              ("author_id", author_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def create_article(self, actor_id: str | None, reason: str = "create",
                       at: str | None = None, **values) -> Article:
        """Insert a new article (a draft unless values say otherwise) with revision 1."""
        topics = values.pop("topics", [])
        stamp = self._stamp(actor_id, at)
        article = Article(id=new_id(), **values, **stamp)
        if article.author_id is None:
            article.author_id = actor_id
        if article.last_editor_id is None:
            article.last_editor_id = actor_id
        if not (article.title or "").strip():
            raise NewsdeskError("an article needs a title")
        article.topics = list(topics)
        self._render(article)
        article.revision = 1
        with self.transaction():
            self.db["articles"].insert(self._article_row(article))
            self._set_topics(article.id, article.topics)
            self._index(article)
            self._add_revision(article, reason, actor_id, stamp["created_at"])
        return article

    def update_article(self, article_id: str, changes: dict, actor_id: str | None,
                       checkpoint: str | None = None, expect_edits: int | None = None
                       ) -> tuple[Article, list[str]]:
        """Apply changes; returns the article and the names of fields that changed.
        A checkpoint reason ('save', 'submit', ...) also records a revision.
        expect_edits: the save count the caller's copy was based on; a different one
        means someone else saved meanwhile (StaleEdit), and nothing is written."""
        with self.transaction():
            old = self.article(article_id)
            if expect_edits is not None and old.edits != expect_edits:
                raise StaleEdit(old)
            new = Article(**asdict(old))
            for k, v in changes.items():
                if not hasattr(new, k) or k in ("id", "created_at"):
                    raise NewsdeskError(f"unknown article field {k!r}")
                setattr(new, k, v)
            changed = [k for k in changes if getattr(old, k) != getattr(new, k)]
            if not changed and not checkpoint:
                return old, []
            if not (new.title or "").strip():
                raise NewsdeskError("an article needs a title")
            if "body" in changed or new.renderer_version != self._renderer():
                self._render(new)
            new.updated_at, new.updated_by = times.now(), actor_id
            new.edits = old.edits + 1
            if any(k in CONTENT_FIELDS for k in changed):
                new.last_editor_id = actor_id
            if checkpoint:
                new.revision = old.revision + 1
            self.db["articles"].update(article_id, self._article_row(new))
            if "topics" in changed:
                self._set_topics(article_id, new.topics)
            if any(k in _SEARCHED for k in changed):
                self._unindex(old)
                self._index(new)
            else:
                self.conn.execute("UPDATE search_docs SET date = ? WHERE article_id = ?",
                                  [new.first_published_at or new.updated_at, article_id])
            if checkpoint:
                self._add_revision(new, checkpoint, actor_id, new.updated_at)
        return new, changed

    def publish(self, article_id: str, at: str, actor_id: str | None) -> Article:
        """Mark published at `at`, fixing the public path on first publication."""
        with self.transaction():
            art = self.article(article_id)
            changes = {"state": "published", "live_revision": art.revision}
            if not art.public_path:
                if not art.channel_id:
                    raise NewsdeskError(f"article {article_id[:8]} has no channel to publish in")
                number = self._next_number()
                changes |= {"number": number, "first_published_at": at,
                            "public_path": public_path(self.channel(art.channel_id).slug, at,
                                                       number, self._tz())}
            return self.update_article(article_id, changes, actor_id)[0]

    def _next_number(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM articles").fetchone()[0]

    def _tz(self) -> str:
        return self.settings().timezone

    def bulk_add(self, articles: list[Article], events: list[dict],
                 actor_id: str | None = None) -> None:
        """Insert many new articles at once (archive loads): each gets revision 1, a
        search entry, and, when published, its number and public path; events (dicts
        of append_event's arguments plus article_id) are chained per article in order."""
        with self.transaction():
            number, tz = self._next_number(), self._tz()
            slugs = {c.id: c.slug for c in self.channels()}
            for a in sorted((a for a in articles if a.state == "published"),
                            key=lambda a: a.first_published_at):
                a.number, number = number, number + 1
                a.public_path = public_path(slugs[a.channel_id], a.first_published_at,
                                            a.number, tz)
            current = self._renderer()
            for a in articles:
                if a.renderer_version != current:
                    self._render(a)
                a.revision = 1
                if a.state == "published":
                    a.live_revision = 1
            self.conn.executemany(
                f"INSERT INTO articles ({','.join(_ARTICLE_COLUMNS)}) VALUES "
                f"({','.join('?' * len(_ARTICLE_COLUMNS))})",
                [list(self._article_row(a).values()) for a in articles])
            self.conn.executemany("INSERT INTO article_topics VALUES (?, ?)",
                                  [(a.id, t) for a in articles for t in a.topics])
            for a in articles:
                self._index(a)
                self._add_revision(a, "import", actor_id, a.created_at)
            last: dict[str, tuple[int, str]] = {}
            rows = []
            for e in events:
                seq, prev = last.get(e["article_id"], (0, chain.GENESIS))
                event = _chained_event(
                    e["article_id"], seq + 1, prev, e["kind"], e["at"], stage=e.get("stage"),
                    revision=e.get("revision"), actor_id=e.get("actor_id"),
                    comment=e.get("comment", ""), detail=e.get("detail"))
                last[e["article_id"]] = (seq + 1, event["hash"])
                rows.append(_event_row(event))
            if rows:
                cols = list(rows[0])
                self.conn.executemany(
                    f"INSERT INTO review_events ({','.join(cols)}) VALUES "
                    f"({','.join('?' * len(cols))})", [list(r.values()) for r in rows])

    def _video_hosts(self) -> list[str]:
        return self.settings().video_hosts

    def _renderer(self) -> str:
        return renderer_version(self._video_hosts())

    def _render(self, article: Article) -> None:
        rendered = render_safely(article.body, self._video_hosts())
        article.body_html = rendered.html
        article.renderer_version = FALLBACK if rendered.fallback else self._renderer()

    def fallback_stories(self) -> list[Article]:
        """Live stories whose stored HTML is the plain-paragraph fallback (their render
        overran the time limit when they were saved)."""
        ids = [r[0] for r in self.conn.execute(
            f"SELECT a.id FROM articles a WHERE a.renderer_version = ? AND {self._LIVE}",
            [FALLBACK])]
        return self.articles(ids)

    def cache_rendered(self, article_id: str, body_html: str) -> None:
        """Store a body's HTML rendered again with the current renderer (no content
        change: the story's edit count and time stay as they are)."""
        with self.transaction():
            self.conn.execute("UPDATE articles SET body_html = ?, renderer_version = ? "
                              "WHERE id = ?", [body_html, self._renderer(), article_id])

    def _article_row(self, a: Article) -> dict:
        row = {k: getattr(a, k) for k in _ARTICLE_COLUMNS}
        for k in _ARTICLE_JSON:
            row[k] = json.dumps(row[k], ensure_ascii=False)
        return row

    def _set_topics(self, article_id: str, topic_ids: list[str]) -> None:
        self.conn.execute("DELETE FROM article_topics WHERE article_id = ?", [article_id])
        self.conn.executemany("INSERT INTO article_topics VALUES (?, ?)",
                              [(article_id, t) for t in dict.fromkeys(topic_ids)])

    def _add_revision(self, a: Article, reason: str, actor_id: str | None, at: str) -> None:
        content = {k: getattr(a, k) for k in CONTENT_FIELDS}
        self.conn.execute(
            "INSERT INTO revisions (id, article_id, number, content, reason, created_at, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), a.id, a.revision, json.dumps(content, ensure_ascii=False), reason,
             at, at, actor_id])

    def revisions(self, article_id: str) -> list[Revision]:
        return [Revision(**(r | {"content": json.loads(r["content"])})) for r in self._rows(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY number", [article_id])]

    # ---- review events (the hash chain) ----------------------------------------
    def append_event(self, article_id: str, kind: str, actor_id: str | None, *,
                     stage: int | None = None, revision: int | None = None,
                     comment: str = "", detail: dict | None = None,
                     at: str | None = None) -> ReviewEvent:
        with self.transaction():
            last = self._one("SELECT seq, hash FROM review_events WHERE article_id = ? "
                             "ORDER BY seq DESC LIMIT 1", [article_id])
            event = _chained_event(
                article_id, last["seq"] + 1 if last else 1,
                last["hash"] if last else chain.GENESIS, kind, at or times.now(),
                stage=stage, revision=revision, actor_id=actor_id, comment=comment,
                detail=detail)
            self.db["review_events"].insert(_event_row(event))
        return ReviewEvent(**event, **self._stamp(actor_id, event["at"]))

    def count_events(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM review_events").fetchone()[0]

    def iter_events(self) -> Iterator[ReviewEvent]:
        """Every event, article by article in seq order (streamed: archives are big)."""
        cur = self.conn.execute("SELECT * FROM review_events ORDER BY article_id, seq")
        names = [d[0] for d in cur.description]
        for row in cur:
            r = dict(zip(names, row))
            yield ReviewEvent(**(r | {"detail": json.loads(r["detail"])}))

    def queue_ids(self, stages: list[int] | None = None, channel_id: str | None = None,
                  signable_by: str | None = None) -> list[str]:
        """Stories waiting for review, longest-waiting first. signable_by drops those
        that user wrote, last edited, or signed at another stage."""
        sql = ("SELECT a.id FROM articles a WHERE a.state IN ('submitted', 'in_review')")
        params: list = []
        if stages:
            sql += f" AND a.review_stage IN ({','.join('?' * len(stages))})"
            params += stages
        if channel_id:
            sql += " AND a.channel_id = ?"
            params.append(channel_id)
        if signable_by:
            sql += (" AND a.author_id IS NOT ? AND a.last_editor_id IS NOT ? AND NOT EXISTS "
                    "(SELECT 1 FROM review_events e WHERE e.article_id = a.id AND "
                    "e.kind = 'approve' AND e.actor_id = ? AND e.stage != a.review_stage)")
            params += [signable_by] * 3
        sql += " ORDER BY a.submitted_at, a.id"
        return [r[0] for r in self.conn.execute(sql, params)]

    def due_ids(self, now: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE state IN ('approved', 'scheduled') AND "
            "(publish_at IS NULL OR publish_at <= ?) ORDER BY publish_at", [now])]

    def set_password_hash(self, user_id: str, password_hash: str | None,
                          actor_id: str | None) -> None:
        with self.transaction():
            self.conn.execute("UPDATE users SET password_hash = ?, updated_at = ?, "
                              "updated_by = ? WHERE id = ?",
                              [password_hash, times.now(), actor_id, user_id])

    def events(self, article_id: str) -> list[ReviewEvent]:
        return [ReviewEvent(**(r | {"detail": json.loads(r["detail"])})) for r in self._rows(
            "SELECT * FROM review_events WHERE article_id = ? ORDER BY seq", [article_id])]

    # ---- what the export reads ---------------------------------------------------
    # Live: on the public site. A story under correction stays live with the revision
    # that was published (live_revision) until the corrected one passes review.
    # (Publishing always sets live_revision and public_path.)
    _LIVE = "a.live_revision IS NOT NULL AND a.state != 'withdrawn'"

    def live_stories(self) -> list[dict]:
        """Every live story's list fields, newest first, with its topic ids."""
        rows = self._rows(
            "SELECT a.id, a.title, a.kicker, a.summary, a.channel_id, a.public_path, "
            "a.first_published_at, a.updated_at, a.pinned, a.weight, a.revision, "
            "a.live_revision, COALESCE(a.renderer_version, '') AS renderer_version "
            f"FROM articles a INDEXED BY articles_live WHERE {self._LIVE} "
            "ORDER BY a.first_published_at DESC, a.id")
        topics: dict[str, list[str]] = {}
        for article_id, topic_id in self.conn.execute(
                f"SELECT t.article_id, t.topic_id FROM article_topics t JOIN articles a "
                f"ON a.id = t.article_id WHERE {self._LIVE}"):
            topics.setdefault(article_id, []).append(topic_id)
        for r in rows:
            r["topics"] = topics.get(r["id"], [])
            if r["live_revision"] != r["revision"]:
                live = self.revision_content(r["id"], r["live_revision"])
                r |= {k: live.get(k, r[k]) for k in ("title", "kicker", "summary")}
        return rows

    def withdrawn_pages(self) -> list[dict]:
        return self._rows("SELECT id, public_path, updated_at FROM articles WHERE "
                          "state = 'withdrawn' AND public_path IS NOT NULL")

    def revision_content(self, article_id: str, number: int) -> dict:
        row = self.conn.execute("SELECT content FROM revisions WHERE article_id = ? AND "
                                "number = ?", [article_id, number]).fetchone()
        if not row:
            raise NotFound(f"article {article_id} has no revision {number}")
        return json.loads(row[0])

    def final_signoffs(self, ids: list[str], stage: int) -> dict[str, str]:
        """article id → the user who last signed `stage` (the final one) of it."""
        # In sign-off order, so a later sign-off of the stage replaces an earlier one.
        return dict(self._in_chunks(
            "SELECT article_id, actor_id FROM review_events WHERE kind = 'approve' "
            "AND stage = ? AND article_id IN ({marks}) ORDER BY article_id, seq",
            ids, before=[stage]))

    def imported_details(self, ids: list[str]) -> dict[str, dict]:
        return {article_id: json.loads(detail) for article_id, detail in self._in_chunks(
            "SELECT article_id, detail FROM review_events WHERE kind = 'imported' "
            "AND article_id IN ({marks}) ORDER BY seq", ids)}

    def add_asset(self, data: bytes, filename: str, mime: str,
                  actor_id: str | None = None) -> str:
        """Store an image or video by content hash (the same bytes are stored once);
        returns the site path a body links to: assets/<sha256><ext>."""
        import hashlib

        asset_id = hashlib.sha256(data).hexdigest()
        # Only the extension of the name is kept: the path is built from the hash.
        suffix = Path(filename).suffix.lower()
        ext = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO assets VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [asset_id, Path(filename).name or "asset", mime, len(data), data,
                 *self._stamp(actor_id).values()])
        return f"assets/{asset_id}{ext}"

    def asset_list(self) -> list[dict]:
        """Stored images and video: id (content hash), file name, and the extension
        the exported copy gets."""
        rows = self._rows("SELECT id, filename, mime FROM assets ORDER BY id")
        for r in rows:
            suffix = Path(r["filename"]).suffix.lower()
            r["ext"] = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
        return rows

    def asset_bytes(self, asset_id: str) -> bytes:
        row = self.conn.execute("SELECT data FROM assets WHERE id = ?", [asset_id]).fetchone()
        if not row:
            raise NotFound(f"no asset {asset_id}")
        return row[0]

    # ---- 机审: word lists, accepted findings, reports ---------------------------------
    def word_terms(self) -> list[Term]:
        return [Term(*r) for r in self.conn.execute(
            "SELECT term, level, category, replacement FROM word_terms ORDER BY term")]

    def word_list_version(self) -> str:
        count, latest = self.conn.execute(
            "SELECT COUNT(*), MAX(updated_at) FROM word_terms").fetchone()
        return f"{count}:{latest}"

    def set_word_terms(self, terms: list[Term], actor_id: str | None, replace: bool = False
                       ) -> int:
        """Add (or update, by term) word-list entries; replace drops the others first."""
        now = times.now()
        with self.transaction():
            if replace:
                self.conn.execute("DELETE FROM word_terms")
            self.conn.executemany(
                "INSERT INTO word_terms (id, term, level, category, replacement, created_at, "
                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (term) DO "
                "UPDATE SET level = excluded.level, category = excluded.category, "
                "replacement = excluded.replacement, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                [(new_id(), t.term, t.level, t.category, t.replacement, now, now, actor_id)
                 for t in terms])
        return len(terms)

    def acceptances(self, article_id: str) -> dict[tuple[str, str, str], str]:
        return {(r, f, t): note for r, f, t, note in self.conn.execute(
            "SELECT rule, field, text, note FROM check_acceptances WHERE article_id = ?",
            [article_id])}

    def accept_finding(self, article_id: str, rule: str, field: str, text: str, note: str,
                       actor_id: str | None) -> None:
        now = times.now()
        with self.transaction():
            self.conn.execute(
                "INSERT INTO check_acceptances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                "(article_id, rule, field, text) DO UPDATE SET note = excluded.note, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [new_id(), article_id, rule, field, text, note, now, now, actor_id])

    def save_check_report(self, article_id: str, revision: int, verdict: str,
                          report: dict) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO check_reports VALUES (?, ?, ?, ?, ?)",
                              [article_id, revision, verdict,
                               json.dumps(report, ensure_ascii=False), times.now()])

    def check_report(self, article_id: str, revision: int) -> dict | None:
        row = self.conn.execute("SELECT report FROM check_reports WHERE article_id = ? AND "
                                "revision = ?", [article_id, revision]).fetchone()
        return json.loads(row[0]) if row else None

    # ---- edit locks ---------------------------------------------------------------
    def edit_lock(self, article_id: str) -> dict | None:
        return self._one("SELECT * FROM edit_locks WHERE article_id = ?", [article_id])

    def set_edit_lock(self, article_id: str, user_id: str, instance: str, at: str,
                      taken_from: str | None = None) -> None:
        with self.transaction(content=False):
            self.conn.execute("INSERT OR REPLACE INTO edit_locks VALUES (?, ?, ?, ?, ?)",
                              [article_id, user_id, instance, at, taken_from])

    def touch_edit_lock(self, article_id: str, instance: str, at: str) -> bool:
        """Renew this instance's lock; False when it is no longer this instance's."""
        with self.transaction(content=False):
            cur = self.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE "
                                    "article_id = ? AND instance = ?", [at, article_id, instance])
        return cur.rowcount == 1

    def drop_edit_lock(self, article_id: str, instance: str) -> None:
        with self.transaction(content=False):
            self.conn.execute("DELETE FROM edit_locks WHERE article_id = ? AND instance = ?",
                              [article_id, instance])

    # ---- page views -------------------------------------------------------------
    def public_paths(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT public_path, id FROM articles WHERE "
                                      "public_path IS NOT NULL"))

    def view_log_imported(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM view_logs WHERE sha256 = ?",
                                 [sha256]).fetchone() is not None

    def add_page_views(self, counts: dict[tuple[str, str], int], log_sha256: str,
                       log_name: str) -> None:
        """Add (article id, day) → views, and remember the log they came from."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO page_views (article_id, day, views) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id, day) DO UPDATE SET views = views + excluded.views",
                [(a, d, n) for (a, d), n in counts.items()])
            self.conn.execute("INSERT INTO view_logs VALUES (?, ?, ?, ?)",
                              [log_sha256, log_name, sum(counts.values()), times.now()])

    def most_viewed(self, since_day: str, limit: int) -> list[tuple[str, int]]:
        """(article id, views) of live stories since a day ('YYYY-MM-DD'), most first."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT v.article_id, SUM(v.views) AS n FROM page_views v JOIN articles a ON "
            f"a.id = v.article_id WHERE v.day >= ? AND {self._LIVE} GROUP BY v.article_id "
            "ORDER BY n DESC, v.article_id LIMIT ?", [since_day, limit])]

    # ---- export state -----------------------------------------------------------
    def export_keys(self, out_dir: str) -> dict[str, str]:
        """path → input key of the files the last export to out_dir wrote, except story
        pages (see changed_articles), whose keys are the only ones with a ':' in them."""
        return dict(self.conn.execute(
            "SELECT path, input_key FROM export_state WHERE out_dir = ? AND "
            "instr(input_key, ':') = 0", [out_dir]))

    def changed_articles(self, out_dir: str, key_prefix: str) -> set[str]:
        """Ids of live stories whose page in out_dir is missing or was made from other
        inputs; the key is SitePlan.article_page's, built here without leaving SQLite."""
        return {r[0] for r in self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN export_state e ON e.out_dir = ? AND "
            f"e.path = a.public_path WHERE {self._LIVE} AND (e.input_key IS NULL OR "
            "e.input_key != ? || ':' || a.updated_at || ':' || a.live_revision || ':' || "
            "a.revision || ':' || COALESCE(a.renderer_version, ''))", [out_dir, key_prefix])}

    def has_export(self, out_dir: str) -> bool:
        return self.conn.execute("SELECT 1 FROM export_state WHERE out_dir = ? LIMIT 1",
                                 [out_dir]).fetchone() is not None

    def export_state(self, out_dir: str, paths: list[str] | None = None
                     ) -> dict[str, tuple[str, int]]:
        """path → (sha256, size) of what the last export to out_dir wrote (all paths,
        or just these)."""
        if paths is None:
            return {p: (sha, size) for p, sha, size in self.conn.execute(
                "SELECT path, sha256, size FROM export_state WHERE out_dir = ?", [out_dir])}
        return {p: (sha, size) for p, sha, size in self._in_chunks(
            "SELECT path, sha256, size FROM export_state WHERE out_dir = ? AND path IN "
            "({marks})", paths, before=[out_dir])}

    def manifest_lines(self, out_dir: str) -> str:
        """The "files" entries of manifest.json for out_dir, one per line, sorted by
        path (made by SQLite: 100,000 entries in a few tens of milliseconds)."""
        row = self.conn.execute(
            "SELECT group_concat(' ' || json_quote(path) || ': {\"sha256\": \"' || sha256 "
            "|| '\", \"size\": ' || size || '}', ',' || char(10)) FROM "
            "(SELECT path, sha256, size FROM export_state WHERE out_dir = ? ORDER BY path)",
            [out_dir]).fetchone()
        return row[0] or ""

    def save_export_state(self, out_dir: str, files: list[tuple[str, str, int, str]],
                          removed: list[str]) -> None:
        now = times.now()
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO export_state VALUES (?, ?, ?, ?, ?, ?)",
                [(out_dir, p, sha, size, key, now) for p, sha, size, key in files])
            self.conn.executemany("DELETE FROM export_state WHERE out_dir = ? AND path = ?",
                                  [(out_dir, p) for p in removed])

    def mark_uploaded(self, out_dir: str) -> int:
        """Record that what the last export wrote to out_dir is now on the web host."""
        with self.transaction():
            self.conn.execute("DELETE FROM uploaded_state WHERE out_dir = ?", [out_dir])
            cur = self.conn.execute(
                "INSERT INTO uploaded_state SELECT out_dir, path, sha256 FROM export_state "
                "WHERE out_dir = ?", [out_dir])
        return cur.rowcount

    def uploaded_state(self, out_dir: str) -> dict[str, str]:
        return dict(self.conn.execute("SELECT path, sha256 FROM uploaded_state WHERE "
                                      "out_dir = ?", [out_dir]))

    # ---- search -----------------------------------------------------------------
    @staticmethod
    def _search_columns(a: Article) -> tuple[str, str, str]:
        """headline, text and names, from the fields the registry files under each."""
        def words(column: str) -> list[str]:
            out: list[str] = []
            for name in field_names(search=column):
                value = getattr(a, name)
                out += value if isinstance(value, list) else [value]
            return out
        return (search.segment(" ".join(words("headline"))),
                search.segment("\n".join(words("text"))),
                search.segment(" ".join(words("names"))))

    def _index(self, a: Article) -> None:
        cur = self.conn.execute("INSERT INTO search_docs(article_id, date) VALUES (?, ?)",
                                [a.id, a.first_published_at or a.updated_at])
        self.conn.execute("INSERT INTO search_index(rowid, title, body, people) "
                          "VALUES (?, ?, ?, ?)", [cur.lastrowid, *self._search_columns(a)])

    def _unindex(self, a: Article) -> None:
        # Contentless FTS5 forgets a row only when told the exact text it indexed.
        row = self.conn.execute("SELECT rowid FROM search_docs WHERE article_id = ?",
                                [a.id]).fetchone()
        if row:
            self.conn.execute(
                "INSERT INTO search_index(search_index, rowid, title, body, people) "
                "VALUES ('delete', ?, ?, ?, ?)", [row[0], *self._search_columns(a)])
            self.conn.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every term of query, ranked in tiers as an editor reads
        them: all terms in the headline first, then in the names (reporters, 来源),
        then anywhere; newest first within a tier."""
        expr = search.match_expression(query)
        if expr is None:
            raise NewsdeskError(f"nothing to search for in {query!r}")
        # Column-filtered matches are cheap; sorting on search_docs.date avoids reading
        # the wide article rows of every match.
        rows = self._rows(
            "WITH t AS (SELECT rowid FROM search_index WHERE search_index MATCH :title), "
            " p AS (SELECT rowid FROM search_index WHERE search_index MATCH :people), "
            " hits AS (SELECT d.article_id, d.date, CASE WHEN d.rowid IN t THEN 0 "
            "   WHEN d.rowid IN p THEN 1 ELSE 2 END AS tier "
            "  FROM search_index s JOIN search_docs d ON d.rowid = s.rowid "
            "  WHERE search_index MATCH :expr ORDER BY tier, d.date DESC "
            "  LIMIT :limit OFFSET :offset) "
            "SELECT a.id, a.title, a.state, a.channel_id, a.body, a.summary, hits.date, "
            " hits.tier FROM hits JOIN articles a ON a.id = hits.article_id "
            "ORDER BY hits.tier, hits.date DESC",
            {"expr": expr, "title": f"{{title}} : ({expr})",
             "people": f"{{people}} : ({expr})", "limit": limit, "offset": offset})
        terms = search.query_terms(query)
        return [SearchHit(article_id=r["id"], title=r["title"], state=r["state"],
                          channel_id=r["channel_id"], date=r["date"],
                          matched_in=("headline", "names", "body")[r["tier"]],
                          snippet=search.snippet(r["summary"] + "\n" + r["body"], terms))
                for r in rows]

    def changed_at(self) -> str | None:
        """When content last changed (times.instant), or None if never recorded."""
        return self._local_meta("changed_at")

    def backed_up_at(self) -> str | None:
        """As of when the newest backup copied the database (times.instant)."""
        return self._local_meta("backed_up_at")

    def note_backup(self, as_of: str) -> None:
        with self.transaction(content=False):
            self.conn.execute("INSERT OR REPLACE INTO local_meta VALUES ('backed_up_at', ?)",
                              [as_of])

    def _local_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM local_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def search_index_version(self) -> str | None:
        row = self.conn.execute("SELECT value FROM local_meta WHERE key = 'segmenter'").fetchone()
        return row[0] if row else None

    def rebuild_search_index(self) -> int:
        """Re-index every article (after the segmenter changed). Returns the count."""
        with self.transaction():
            self.conn.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
            self.conn.execute("DELETE FROM search_docs")
            ids = self.article_ids()
            for chunk in range(0, len(ids), 1000):
                for a in self.articles(ids[chunk:chunk + 1000]):
                    self._index(a)
            self.conn.execute("INSERT OR REPLACE INTO local_meta VALUES ('segmenter', ?)",
                              [search.SEGMENTER_VERSION])
        return len(ids)
