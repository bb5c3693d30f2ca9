"""What sync reads from and writes to the database: stories with their events and
revisions as plain rows, the small shared tables, pictures, and this seat's sync marks.
The repository's side of it (files, git) is newsdesk.sync."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from newsdesk.errors import NotFound
from newsdesk.model import Article
from newsdesk.store._sql import Repository

# An article's columns a seat keeps to itself (rendered HTML, the save counter).
_LOCAL = ("body_html", "renderer_version", "edits")
_JSON = ("reporters", "tags", "corrections")


@dataclass
class StoryRows:
    """One story as rows: its article row (JSON decoded, local columns left out, the
    body inside), topic ids, events and revisions in order, the 机审 findings accepted
    in it and the 机审 report of each submitted revision."""
    fields: dict
    topics: list[str] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    revisions: list[dict] = field(default_factory=list)
    accepted: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)


def _revision_row(article_id: str, r: dict) -> dict:
    return {"id": r["id"], "article_id": article_id, "number": r["number"],
            "content": json.dumps(r["content"], ensure_ascii=False), "reason": r["reason"],
            "created_at": r["created_at"], "updated_at": r["updated_at"],
            "updated_by": r.get("updated_by")}


def _event_row(article_id: str, e: dict) -> dict:
    """An event as its review_events row, stamped with its own time."""
    return {"id": e["id"], "article_id": article_id, "seq": e["seq"], "kind": e["kind"],
            "stage": e.get("stage"), "revision": e.get("revision"),
            "actor_id": e.get("actor_id"), "at": e["at"], "comment": e.get("comment", ""),
            "detail": json.dumps(e.get("detail") or {}, ensure_ascii=False),
            "prev_hash": e["prev_hash"], "hash": e["hash"], "signature": e.get("signature"),
            "created_at": e["at"],
            "updated_at": e["at"], "updated_by": e.get("actor_id")}


def _decoded(row: dict, columns) -> dict:
    return row | {c: json.loads(row[c]) for c in columns if c in row}


class Syncing(Repository):
    # ---- this seat's marks (local_meta) ----------------------------------------------
    def mark(self, key: str) -> str | None:
        return self.store.local_meta(f"sync_{key}")

    def set_marks(self, **values: str | None) -> None:
        with self.store.transaction(content=False):
            for key, value in values.items():
                if value is None:
                    self.store.delete_local_meta(f"sync_{key}")
                else:
                    self.store.set_local_meta(f"sync_{key}", value)

    def large_cache(self) -> None:
        """A page cache of 256 MB for this connection: a joining seat fills indexes
        keyed by random ids, which with SQLite's 2 MB default are read back from disk
        page by page as they outgrow it."""
        self.conn.execute("PRAGMA cache_size = -262144")

    def defer_references(self) -> None:
        """Check references at commit, not row by row: another seat's rows arrive in
        file order (a sub-channel before its parent). Inside a transaction."""
        self.conn.execute("PRAGMA defer_foreign_keys = ON")

    # ---- stories ------------------------------------------------------------------
    def change_mark(self) -> int:
        """The newest change number of any story (article_changes)."""
        return self.conn.execute("SELECT IFNULL(MAX(seq), 0) FROM article_changes"
                                 ).fetchone()[0]

    def local_changes(self) -> list[str]:
        """The stories changed here since this seat last committed its changes."""
        return self.changed_since(int(self.mark("seq") or 0))

    def received(self, local: list[str]) -> None:
        """What an import wrote came from the newsroom, not from here: the change mark
        (seq) moves past it, and the stories changed here before it (local) are
        numbered after it, still to go up. Inside the import's transaction."""
        top = self.change_mark()
        self.conn.executemany(
            "INSERT OR REPLACE INTO article_changes (article_id, seq) VALUES (?, "
            "(SELECT IFNULL(MAX(seq), 0) + 1 FROM article_changes))", [[i] for i in local])
        self.set_marks(seq=str(top))

    def titles(self, ids: list[str]) -> dict[str, str]:
        return self.lookup("articles", "title", ids)

    def all_story_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY created_at")]

    def changed_since(self, seq: int) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT article_id FROM article_changes WHERE seq > ? ORDER BY seq", [seq])]

    def stories(self, ids: list[str]) -> dict[str, StoryRows]:
        """The stories of these ids that exist, as rows."""
        out = {r["id"]: StoryRows({k: v for k, v in _decoded(r, _JSON).items()
                                   if k not in _LOCAL})
               for r in self.in_chunks("SELECT * FROM articles WHERE id IN ({marks})", ids,
                                       dicts=True)}
        found = list(out)
        for article_id, topic_id in self.in_chunks(
                "SELECT article_id, topic_id FROM article_topics WHERE article_id IN "
                "({marks}) ORDER BY article_id, topic_id", found):
            out[article_id].topics.append(topic_id)
        for r in self.in_chunks("SELECT * FROM review_events WHERE article_id IN ({marks}) "
                                "ORDER BY article_id, seq", found, dicts=True):
            out[r["article_id"]].events.append(
                {k: v for k, v in _decoded(r, ("detail",)).items()
                 if k not in ("created_at", "updated_at", "updated_by")})
        for r in self.in_chunks("SELECT * FROM revisions WHERE article_id IN ({marks}) "
                                "ORDER BY article_id, number", found, dicts=True):
            out[r["article_id"]].revisions.append(_decoded(r, ("content",)))
        for r in self.in_chunks("SELECT * FROM check_acceptances WHERE article_id IN "
                                "({marks}) ORDER BY article_id, rule, field, text", found,
                                dicts=True):
            out[r["article_id"]].accepted.append(r)
        for r in self.in_chunks("SELECT * FROM check_reports WHERE article_id IN ({marks}) "
                                "ORDER BY article_id, revision", found, dicts=True):
            out[r["article_id"]].reports.append(_decoded(r, ("report",)))
        return out

    def created_at_of_removed(self, ids: list[str]) -> dict[str, str]:
        """id → created_at of stories no longer in the articles table (in the 回收站),
        so their files in the repository can be found and removed."""
        return {r["article_id"]: json.loads(r["story"])["created_at"]
                for r in self.in_chunks("SELECT article_id, story FROM recycle_bin WHERE "
                                        "article_id IN ({marks})", ids, dicts=True)}

    def put_story(self, article: Article, story: StoryRows) -> None:
        """A story as the repository has it: row, topics, revisions and events replaced
        (the events from the first one that differs: a merge may have chained them
        again). article carries the body rendered here. Inside a transaction."""
        old = self.one("SELECT edits FROM articles WHERE id = ?", [article.id])
        if old:
            self.store.search.remove(self.store.articles.get(article.id))
            article.edits = old["edits"] + 1   # an open editor's copy is now stale
        else:  # restored from the bin on another seat: out of this seat's bin
            self.conn.execute("DELETE FROM recycle_bin WHERE article_id = ?", [article.id])
        self.store.articles.put_row(article, replace=bool(old))
        self.conn.execute("DELETE FROM revisions WHERE article_id = ?", [article.id])
        self.store.db["revisions"].insert_all(
            [_revision_row(article.id, r) for r in story.revisions])
        have = self.rows("SELECT id, hash FROM review_events WHERE article_id = ? "
                         "ORDER BY seq", [article.id])
        same = 0
        while same < min(len(have), len(story.events)) and \
                (have[same]["id"], have[same]["hash"]) == \
                (story.events[same]["id"], story.events[same]["hash"]):
            same += 1
        self.conn.execute("DELETE FROM review_events WHERE article_id = ? AND seq > ?",
                          [article.id, same])
        self.store.db["review_events"].insert_all(
            [_event_row(article.id, e) for e in story.events[same:]])
        for table in ("check_acceptances", "check_reports"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
        self._insert_checks([(article, story)])
        self.store.search.add(article)

    def add_stories(self, stories: list[tuple[Article, StoryRows]]) -> None:
        """Stories new to this seat, many at once (a seat joining a newsroom): rows,
        topics, search entries, revisions and events. Inside a transaction."""
        self.store.articles.insert_many([a for a, _s in stories])
        revisions = [_revision_row(a.id, r) for a, s in stories for r in s.revisions]
        events = [_event_row(a.id, e) for a, s in stories for e in s.events]
        for table, rows in (("revisions", revisions), ("review_events", events)):
            self._insert(table, rows)
        self._insert_checks(stories)

    def _insert_checks(self, stories: list[tuple[Article, StoryRows]]) -> None:
        self._insert("check_acceptances", [
            {"id": r["id"], "article_id": a.id, "rule": r["rule"], "field": r["field"],
             "text": r["text"], "note": r.get("note", ""), "created_at": r["created_at"],
             "updated_at": r["updated_at"], "updated_by": r.get("updated_by")}
            for a, s in stories for r in s.accepted])
        self._insert("check_reports", [
            {"article_id": a.id, "revision": r["revision"], "verdict": r["verdict"],
             "report": json.dumps(r["report"], ensure_ascii=False),
             "created_at": r["created_at"]} for a, s in stories for r in s.reports])

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            self.conn.executemany(
                f"INSERT INTO {table} ({','.join(rows[0])}) VALUES "
                f"({','.join('?' * len(rows[0]))})", [list(r.values()) for r in rows])

    def remove_story(self, article_id: str, at: str) -> None:
        """A draft another seat deleted goes into this seat's 回收站 too (restored on
        any seat, it comes back on all). Inside a transaction."""
        if self.one("SELECT id FROM articles WHERE id = ?", [article_id]):
            self.store.bin.put(self.store.articles.get(article_id), None, at)

    # ---- small tables ---------------------------------------------------------------
    def rows_of(self, table: str, json_columns: tuple[str, ...],
                where: tuple[str, str] | None = None) -> list[dict]:
        sql, params = f"SELECT * FROM {table}", []
        if where:
            sql += f" WHERE {where[0]} = ?"
            params.append(where[1])
        rows = [_decoded(r, json_columns) for r in self.rows(sql, params)]
        return [{k: v for k, v in r.items() if where is None or k != where[0]} for r in rows]

    def put_rows(self, table: str, key: tuple[str, ...], json_columns: tuple[str, ...],
                 rows: list[dict], where: tuple[str, str] | None = None,
                 removed: list[dict] = ()) -> None:
        """Rows written (by key) and removed rows deleted. Inside a transaction."""
        extra = {where[0]: where[1]} if where else {}
        match = " AND ".join(f"{k} = ?" for k in (*key, *extra))
        for r in removed:
            self.conn.execute(f"DELETE FROM {table} WHERE {match}",
                              [r[k] for k in key] + list(extra.values()))
        for r in rows:
            r = r | extra | {c: json.dumps(r[c], ensure_ascii=False)
                             for c in json_columns if c in r}
            self.conn.execute(f"DELETE FROM {table} WHERE {match}",
                              [r[k] for k in key] + list(extra.values()))
            self.conn.execute(f"INSERT INTO {table} ({','.join(r)}) VALUES "
                              f"({','.join('?' * len(r))})", list(r.values()))

    # ---- pictures ------------------------------------------------------------------
    def assets_since(self, at: str | None) -> list[dict]:
        """Pictures stored since `at` (all when None), without their bytes."""
        return self.rows("SELECT id, filename, mime, size, created_at, updated_at, "
                         "updated_by FROM assets WHERE ? IS NULL OR created_at >= ? "
                         "ORDER BY created_at", [at, at])

    def put_asset(self, row: dict, data: bytes) -> None:
        self.conn.execute("INSERT OR IGNORE INTO assets (id, filename, mime, size, data, "
                          "created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)",
                          [row["id"], row["filename"], row["mime"], len(data), data,
                           row["created_at"], row["updated_at"], row.get("updated_by")])

    # ---- conflicts ----------------------------------------------------------------
    def conflicts(self) -> list[dict]:
        """Open conflicts, oldest first, with the story's title where the record is one,
        the account holder's name where it is an account (kept and other decoded)."""
        return [_decoded(r, ("kept", "other")) for r in self.rows(
            "SELECT c.*, a.title, u.real_name AS account FROM sync_conflicts c "
            "LEFT JOIN articles a ON a.id = c.record "
            "LEFT JOIN users u ON c.record = 'users:' || u.id ORDER BY c.other_at, c.id")]

    def conflict(self, prefix: str) -> dict:
        """The open conflict whose id starts with prefix."""
        found = [c for c in self.conflicts() if c["id"].startswith(prefix.strip().lower())]
        if len(found) != 1:
            raise NotFound("no single conflict {value}: `conflicts` lists them",
                           value=prefix)
        return found[0]

    def conflict_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM sync_conflicts").fetchone()[0]

    def settle(self, conflict_id: str) -> None:
        """The conflict is settled: gone here, and from every seat at the next sync.
        Inside a transaction or on its own."""
        with self.store.transaction():
            self.conn.execute("DELETE FROM sync_conflicts WHERE id = ?", [conflict_id])
