"""Articles: the stories themselves, their revisions, numbers and public paths.

A change is made in two steps so that no markdown is rendered while the database is
locked: prepare() works on a copy (rendering a changed body), write() stores it inside
a transaction, refusing if someone saved the story in between."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from typing import Callable, TypeVar

from newsdesk import times
from newsdesk.errors import NewsdeskError, NotFound, StaleEdit
from newsdesk.ids import new_id
from newsdesk.model import (
    CONTENT_FIELDS, FIELDS, Article, Revision, StoryFilter, refuse_control_characters,
    with_newlines,
)
from newsdesk.text.render import FALLBACK, render_safely, renderer_version
from newsdesk.store import filters
from newsdesk.store._sql import Repository, stamp

_JSON = ("reporters", "tags", "corrections")
_COLUMNS = [f.name for f in fields(Article) if f.name != "topics"]
_SEARCHED = {f.name for f in FIELDS if f.search}
_LISTING = ("id", "title", "channel_id", "state", "review_stage", "author_id",
            "submitted_at", "first_published_at", "publish_at", "updated_at", "revision")
_ORDER = "COALESCE(first_published_at, publish_at, updated_at) DESC, id"
_DATE = "COALESCE(a.first_published_at, a.publish_at, a.updated_at)"  # what lists show
_RETRIES = 3  # prepare-and-write attempts when other saves keep landing in between
T = TypeVar("T")


def public_path(channel_slug: str, published_at: str, number: int, tz: str) -> str:
    """{channel}/{yyyy}/{mm}/{number}.html, month in the outlet's time zone. Fixed at
    first publication and never changed, so links to the story keep working."""
    local = times.local_text(published_at, tz)
    return f"{channel_slug}/{local[:4]}/{local[5:7]}/{number}.html"


def built_on_latest(attempt: Callable[[], T], expect_edits: int | None) -> T:
    """attempt() once more when another save lands between its reading the story and
    its writing it, unless the caller named the save it builds on (expect_edits):
    then StaleEdit is the answer."""
    for _ in range(_RETRIES - 1):
        try:
            return attempt()
        except StaleEdit:
            if expect_edits is not None:
                raise
    return attempt()


@dataclass
class Change:
    """A story before and after a change, rendered and ready to write."""
    old: Article
    new: Article
    changed: list[str]
    checkpoint: str | None


def _typed(values: dict) -> dict:
    """Field values as a person could have typed them: line ends as the editor has
    them, no control character (refused, naming the field and where). Every new story
    and every change passes here, whichever way it came in (app, command, import)."""
    values = with_newlines(values)
    refuse_control_characters(values)
    return values


def _filters(state, channel_id, author_id) -> tuple[str, list]:
    clauses, params = [], []
    for column, value in (("state", state), ("channel_id", channel_id),
                          ("author_id", author_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _row(a: Article) -> dict:
    row = {k: getattr(a, k) for k in _COLUMNS}
    for k in _JSON:
        row[k] = json.dumps(row[k], ensure_ascii=False)
    return row


def _article(row: dict, topics: list[str]) -> Article:
    row = dict(row)
    for k in _JSON:
        row[k] = [] if row[k] == "[]" else json.loads(row[k])
    row["pinned"] = bool(row["pinned"])
    return Article(**row, topics=topics)


class Articles(Repository):
    # ---- reading ------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        row = self.one("SELECT * FROM articles WHERE id = ?", [article_id])
        if not row:
            raise NotFound("no article with id {article_id!r}", article_id=article_id)
        return _article(row, self.topics_of([article_id])[article_id])

    def many(self, ids: list[str], with_body: bool = True) -> list[Article]:
        """The articles with these ids, in the order given (missing ids are skipped).
        with_body=False leaves the markdown body out (body == ""): pages are drawn from
        body_html, and a 20,000-page export reads a third less."""
        columns = "*" if with_body else ",".join(
            c if c != "body" else "'' AS body" for c in _COLUMNS)
        rows = self._rows_by_id(columns, ids)
        topics = self.topics_of(list(rows))
        return [_article(rows[i], topics[i]) for i in ids if i in rows]

    def listing(self, ids: list[str]) -> list[dict]:
        """The narrow columns story tables show, for these ids in this order, with the
        channel's and the author's names, the checks verdict of the current revision
        where one was recorded and a returned story's latest reason: a page of them costs a fraction of loading the articles
        with their bodies."""
        rows = self._rows_by_id(",".join(_LISTING + ("corrections",)), ids)
        corrections = {i: _pending_note(r.pop("corrections")) for i, r in rows.items()}
        channels = self.store.channels.names(r["channel_id"] for r in rows.values())
        authors = self.store.users.names(r["author_id"] for r in rows.values())
        verdicts = self.store.checks.verdicts(ids)
        reasons = self.store.events.return_reasons(
            [i for i, r in rows.items() if r["state"] == "returned"])
        return [rows[i] | {"verdict": verdicts.get(i), "return_reason": reasons.get(i),
                           "correction": corrections[i],
                           "channel_name": channels.get(rows[i]["channel_id"], ""),
                           "author_name": authors.get(rows[i]["author_id"], "")}
                for i in ids if i in rows]

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with prefix."""
        prefix = (prefix or "").strip().lower()
        if not re.fullmatch(r"[0-9a-f]{1,32}", prefix):
            raise NewsdeskError("{prefix!r} is not an article id (hex digits expected)",
                                prefix=prefix)
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            [prefix, prefix + "g"])]
        if not ids:
            raise NotFound("no article id starts with {prefix!r}", prefix=prefix)
        if len(ids) > 1:
            raise NewsdeskError("article id prefix {prefix!r} is ambiguous: give more characters",
                                prefix=prefix)
        return ids[0]

    def find_id(self, title: str, first_published_at: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE first_published_at = ? AND "
                                "title = ? LIMIT 1", [first_published_at, title]).fetchone()
        return row[0] if row else None

    def ids(self, state: str | None = None, channel_id: str | None = None,
            author_id: str | None = None, limit: int | None = None,
            offset: int = 0) -> list[str]:
        """Ids of matching articles, newest first: cheap enough to hold 100,000 of."""
        where, params = _filters(state, channel_id, author_id)
        sql = f"SELECT id FROM articles {where} ORDER BY {_ORDER}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [r[0] for r in self.conn.execute(sql, params)]

    def matching(self, f: StoryFilter, limit: int | None = None, offset: int = 0) -> list[str]:
        """Ids of the articles f lets through, newest first (a story list narrowed by
        the same filters a search takes)."""
        where, params = filters.conditions(f, _DATE)
        sql = f"SELECT a.id FROM articles a {'WHERE ' + ' AND '.join(where) if where else ''} " \
              f"ORDER BY {_DATE} DESC, a.id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [r[0] for r in self.conn.execute(sql, params)]

    def count_matching(self, f: StoryFilter,
                       cap: int = filters.EXACT_UP_TO) -> tuple[int, bool]:
        """(how many articles f lets through, whether exact): past cap, counting stops."""
        where, params = filters.conditions(f, _DATE)
        n = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles a "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} LIMIT ?)",
            [*params, cap + 1]).fetchone()[0]
        return (n, True) if n <= cap else (cap, False)

    def count(self, state: str | None = None, channel_id: str | None = None,
              author_id: str | None = None) -> int:
        where, params = _filters(state, channel_id, author_id)
        return self.conn.execute(f"SELECT COUNT(*) FROM articles {where}", params).fetchone()[0]

    def revisions(self, article_id: str) -> list[Revision]:
        return [Revision(**(r | {"content": json.loads(r["content"])})) for r in self.rows(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY number", [article_id])]

    def revision_authors(self, ids: list[str]) -> dict[str, list[dict]]:
        """Each story's revisions as who saved which title and body (number, updated_by,
        content): what decides who wrote it (review.rules.writers)."""
        found: dict[str, list[dict]] = {i: [] for i in ids}
        for part in range(0, len(ids), 500):
            chunk = ids[part:part + 500]
            for r in self.rows(
                    "SELECT article_id, number, updated_by, json_object('title', "
                    "json_extract(content, '$.title'), 'body', json_extract(content, "
                    "'$.body')) AS content FROM revisions WHERE article_id IN "
                    f"({','.join('?' * len(chunk))}) ORDER BY number", chunk):
                found[r.pop("article_id")].append(r)
        return found

    def authors(self, ids: list[str]) -> dict[str, str | None]:
        """story id → its author's id (the queue asks for thousands: no whole rows)."""
        found: dict[str, str | None] = {}
        for part in range(0, len(ids), 500):
            chunk = ids[part:part + 500]
            marks = ",".join("?" * len(chunk))
            found |= dict(self.conn.execute(
                f"SELECT id, author_id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def revision_content(self, article_id: str, number: int) -> dict:
        row = self.conn.execute("SELECT content FROM revisions WHERE article_id = ? AND "
                                "number = ?", [article_id, number]).fetchone()
        if not row:
            raise NotFound("article {article_id} has no revision {number}",
                           article_id=article_id, number=number)
        return json.loads(row[0])

    # ---- writing ------------------------------------------------------------------
    def create(self, actor_id: str | None, reason: str = "create", at: str | None = None,
               **values) -> Article:
        """Insert a new article (a draft unless values say otherwise) with revision 1."""
        return self.insert(self.draft(actor_id, at, **values), reason)

    def draft(self, actor_id: str | None, at: str | None = None, **values) -> Article:
        """A new article built and rendered, not yet stored (see insert)."""
        values = _typed(values)
        topics = values.pop("topics", [])
        article = Article(id=new_id(), **values, **stamp(actor_id, at))
        if article.author_id is None:
            article.author_id = actor_id
        if article.last_editor_id is None:
            article.last_editor_id = actor_id
        if not (article.title or "").strip():
            raise NewsdeskError("an article needs a title")
        article.topics = list(topics)
        self._render(article)
        article.revision = 1
        return article

    def insert(self, article: Article, reason: str = "create") -> Article:
        """Store a drafted article as its revision 1."""
        with self.store.transaction():
            self.store.db["articles"].insert(_row(article))
            self._set_topics(article.id, article.topics)
            self.store.search.add(article)
            self._add_revision(article, reason, article.updated_by, article.created_at)
        return article

    def prepare(self, old: Article, changes: dict, actor_id: str | None,
                checkpoint: str | None = None, authored: bool = True) -> Change:
        """old with changes applied, stamped, and its body rendered if it changed: done
        before the write transaction (a stale render is refreshed only out of one).
        A content change makes actor the story's last editor unless authored is False
        (a reviewer's traced edit)."""
        new = Article(**asdict(old))
        changes = _typed(changes)
        for k, v in changes.items():
            if not hasattr(new, k) or k in ("id", "created_at"):
                raise NewsdeskError("unknown article field {k!r}", k=k)
            setattr(new, k, v)
        changed = [k for k in changes if getattr(old, k) != getattr(new, k)]
        if not changed and not checkpoint:
            return Change(old, old, [], None)
        if not (new.title or "").strip():
            raise NewsdeskError("an article needs a title")
        if "body" in changed:
            if self.conn.in_transaction:
                raise RuntimeError("a changed body is rendered before the transaction")
            self._render(new)
        elif new.renderer_version != self._renderer() and not self.conn.in_transaction:
            self._render(new)
        new.updated_at, new.updated_by = times.now(), actor_id
        new.edits = old.edits + 1
        if authored and any(k in CONTENT_FIELDS for k in changed):
            new.last_editor_id = actor_id
        if checkpoint:
            new.revision = old.revision + 1
        return Change(old, new, changed, checkpoint)

    def write(self, change: Change) -> Article:
        """Store a prepared change; StaleEdit if the story was saved since it was read."""
        if not change.changed and not change.checkpoint:
            return change.old
        old, new = change.old, change.new
        with self.store.transaction():
            edits = self.conn.execute("SELECT edits FROM articles WHERE id = ?",
                                      [old.id]).fetchone()
            if edits is None:
                raise NotFound("no article with id {id!r}", id=old.id)
            if edits[0] != old.edits:
                raise StaleEdit(self.get(old.id))
            self.store.db["articles"].update(old.id, _row(new))
            if "topics" in change.changed:
                self._set_topics(old.id, new.topics)
            if any(k in _SEARCHED for k in change.changed):
                self.store.search.remove(old)
                self.store.search.add(new)
            else:
                self.store.search.redate(old, new)
            if change.checkpoint:
                self._add_revision(new, change.checkpoint, new.updated_by, new.updated_at)
        return new

    def update(self, article_id: str, changes: dict, actor_id: str | None,
               checkpoint: str | None = None, expect_edits: int | None = None
               ) -> tuple[Article, list[str]]:
        """Apply changes; returns the article and the names of fields that changed.
        A checkpoint reason ('save', 'submit', ...) also records a revision.
        expect_edits: the save count the caller's copy was based on; a different one
        means someone else saved meanwhile (StaleEdit), and nothing is written.
        Without it, a save landing between reading and writing is simply built on."""
        def attempt() -> tuple[Article, list[str]]:
            old = self.get(article_id)
            if expect_edits is not None and old.edits != expect_edits:
                raise StaleEdit(old)
            change = self.prepare(old, changes, actor_id, checkpoint)
            return self.write(change), change.changed
        return built_on_latest(attempt, expect_edits)

    def publish(self, article_id: str, at: str, actor_id: str | None) -> Article:
        """Mark published at `at`, fixing the public path on first publication."""
        with self.store.transaction():
            art = self.get(article_id)
            changes = {"state": "published", "live_revision": art.revision}
            if not art.public_path:
                if not art.channel_id:
                    raise NewsdeskError("article {value} has no channel to publish in",
                                        value=article_id[:8])
                number = self._next_number()
                changes |= {"number": number, "first_published_at": at,
                            "public_path": public_path(
                                self.store.channels.get(art.channel_id).slug, at, number,
                                self.store.settings().timezone)}
            return self.write(self.prepare(art, changes, actor_id))

    def bulk_add(self, articles: list[Article], events: list[dict],
                 actor_id: str | None = None) -> None:
        """Insert many new articles at once (archive loads): each gets revision 1, a
        search entry, and, when published, its number and public path; events (dicts
        of Events.append's arguments plus article_id) are chained per article in order."""
        current = self._renderer()
        for a in articles:
            if a.renderer_version != current:
                self._render(a)
            a.revision = 1
            if a.state == "published":
                a.live_revision = 1
        with self.store.transaction():
            number, tz = self._next_number(), self.store.settings().timezone
            slugs = self.store.channels.slugs()
            for a in sorted((a for a in articles if a.state == "published"),
                            key=lambda a: a.first_published_at):
                a.number, number = number, number + 1
                a.public_path = public_path(slugs[a.channel_id], a.first_published_at,
                                            a.number, tz)
            self.insert_many(articles)
            for a in articles:
                self._add_revision(a, "import", actor_id, a.created_at)
            self.store.events.append_new_chains(events)

    def take_out(self, article: Article) -> list[dict]:
        """Remove a story that has no review events (a draft going to the bin) with its
        topics, revisions and local state; returns its revision rows. Inside the
        caller's transaction."""
        revisions = self.rows("SELECT * FROM revisions WHERE article_id = ? ORDER BY number",
                              [article.id])
        self.store.search.remove(article)
        # review_events does not cascade: a story with a history cannot go this way.
        self.conn.execute("DELETE FROM articles WHERE id = ?", [article.id])
        return revisions

    def put_back(self, article: Article, revisions: list[dict]) -> None:
        """Insert a story taken out before, as it was. Inside the caller's transaction."""
        self.store.db["articles"].insert(_row(article))
        self._set_topics(article.id, article.topics)
        self.store.db["revisions"].insert_all(revisions)
        self.store.search.add(article)

    def insert_many(self, articles: list[Article]) -> None:
        """New stories' rows, topics and search entries, as they are (archive loads, a
        seat joining a newsroom). Inside the caller's transaction."""
        self.conn.executemany(
            f"INSERT INTO articles ({','.join(_COLUMNS)}) VALUES "
            f"({','.join('?' * len(_COLUMNS))})", [list(_row(a).values()) for a in articles])
        self.conn.executemany("INSERT INTO article_topics VALUES (?, ?)",
                              [(a.id, t) for a in articles for t in a.topics])
        for a in articles:
            self.store.search.add(a)

    def put_row(self, article: Article, replace: bool) -> None:
        """Write a story's row and topics as another seat left them (sync), its body
        already rendered here (render). Inside the caller's transaction."""
        if replace:
            self.store.db["articles"].update(article.id, _row(article))
        else:
            self.store.db["articles"].insert(_row(article))
        self._set_topics(article.id, article.topics)

    def render(self, article: Article) -> None:
        """Render a story's body with this seat's renderer (before a transaction)."""
        self._render(article)

    def cache_rendered(self, article_id: str, body_html: str) -> None:
        """Store a body's HTML rendered again with the current renderer (no content
        change: the story's edit count and time stay as they are)."""
        with self.store.transaction():
            self.conn.execute("UPDATE articles SET body_html = ?, renderer_version = ? "
                              "WHERE id = ?", [body_html, self._renderer(), article_id])

    # ---- helpers --------------------------------------------------------------------
    def _rows_by_id(self, columns: str, ids: list[str]) -> dict[str, dict]:
        return {r["id"]: r for r in self.in_chunks(
            f"SELECT {columns} FROM articles WHERE id IN ({{marks}})", ids, dicts=True)}

    def topics_of(self, article_ids: list[str]) -> dict[str, list[str]]:
        """article id → its topic ids, for each of these articles."""
        out: dict[str, list[str]] = {i: [] for i in article_ids}
        for article_id, topic_id in self.in_chunks(
                "SELECT article_id, topic_id FROM article_topics WHERE article_id IN "
                "({marks})", article_ids):
            out[article_id].append(topic_id)
        return out

    def _next_number(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM articles").fetchone()[0]

    def _renderer(self) -> str:
        return renderer_version(self.store.settings().video_hosts)

    def _render(self, article: Article) -> None:
        rendered = render_safely(article.body, self.store.settings().video_hosts)
        article.body_html = rendered.html
        article.renderer_version = FALLBACK if rendered.fallback else self._renderer()

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


def _pending_note(corrections: str | None) -> str | None:
    """The note of a correction (更正) under way, not yet published; else None."""
    notes = json.loads(corrections) if corrections else []
    return notes[-1]["note"] if notes and notes[-1].get("at") is None else None
