"""What the export reads (live stories, withdrawn pages) and what it remembers: the
files each export wrote (its manifest) and what was uploaded."""
from __future__ import annotations

from newsdesk import times
from newsdesk.text.render import FALLBACK
from newsdesk.store._sql import LIVE, Repository
from newsdesk.store.assets import extension


class Exports(Repository):
    _LIST = ("SELECT a.id, a.title, a.kicker, a.summary, a.channel_id, a.public_path, "
             "a.first_published_at, a.updated_at, a.pinned, a.weight, a.revision, "
             "a.live_revision, COALESCE(a.renderer_version, '') AS renderer_version, "
             "a.cover_asset_id, c.filename AS cover_filename FROM articles a {index}"
             "LEFT JOIN assets c ON c.id = a.cover_asset_id WHERE " + LIVE + " {where} "
             "ORDER BY a.first_published_at DESC, a.id {limit}")

    def live_stories(self) -> list[dict]:
        """Every live story's list fields, newest first, with its topic ids."""
        rows = self.rows(self._LIST.format(index="INDEXED BY articles_live ", where="",
                                           limit=""))
        topics: dict[str, list[str]] = {}
        for article_id, topic_id in self.conn.execute(
                f"SELECT t.article_id, t.topic_id FROM article_topics t JOIN articles a "
                f"ON a.id = t.article_id WHERE {LIVE}"):
            topics.setdefault(article_id, []).append(topic_id)
        return self._finish(rows, topics)

    def _finish(self, rows: list[dict], topics: dict[str, list[str]]) -> list[dict]:
        for r in rows:
            r["topics"] = topics.get(r["id"], [])
            # The cover's site path, as a body links to a picture (assets.add).
            cover, name = r.pop("cover_asset_id"), r.pop("cover_filename")
            r["cover"] = f"assets/{cover}{extension(name)}" if cover and name else None
            if r["live_revision"] != r["revision"]:
                live = self.store.articles.revision_content(r["id"], r["live_revision"])
                r |= {k: live.get(k, r[k]) for k in ("title", "kicker", "summary")}
        return rows

    def _some_live(self, where: str, params: list, limit: int | None = None,
                   index: str = "") -> list[dict]:
        rows = self.rows(self._LIST.format(index=index and f"INDEXED BY {index} ",
                                           where=f"AND {where}",
                                           limit="LIMIT ?" if limit else ""),
                         params + ([limit] if limit else []))
        return self._finish(rows, self.store.articles.topics_of([r["id"] for r in rows]))

    def live_of(self, ids: list[str]) -> list[dict]:
        """live_stories' rows of those of these stories that are live."""
        out = []
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            out += self._some_live(f"a.id IN ({','.join('?' * len(part))})", part)
        return out

    def newest_live(self, limit: int, *, channel_id: str | None = None,
                    topic_id: str | None = None, with_cover: bool = False,
                    pinned: bool = False) -> list[dict]:
        """live_stories' first rows (all pinned ones, pinned): overall, in one channel
        (not its sub-channels), in one topic, or with a cover picture."""
        if channel_id is not None:
            return self._some_live("a.channel_id = ?", [channel_id], limit)
        if topic_id is not None:
            return self._some_live("a.id IN (SELECT article_id FROM article_topics WHERE "
                                   "topic_id = ?)", [topic_id], limit)
        if pinned:
            return self._some_live("a.pinned != 0", [], index="articles_pinned")
        if with_cover:
            return self._some_live("a.cover_asset_id IS NOT NULL", [], limit,
                                   index="articles_covers")
        return self._some_live("1", [], limit)

    def sitemap_entries(self, offset: int, limit: int) -> list[tuple[str, str]]:
        """(public path, updated_at) of live stories, oldest first (live_stories'
        order reversed), from offset."""
        return [tuple(r) for r in self.conn.execute(
            f"SELECT a.public_path, a.updated_at FROM articles a INDEXED BY articles_live "
            f"WHERE {LIVE} ORDER BY a.first_published_at, a.id DESC LIMIT ? OFFSET ?",
            [limit, offset])]

    def sitemap_around(self, story: dict, before: int, limit: int) -> list[tuple[str, str]]:
        """sitemap_entries from `before` entries before this story to `limit` in all,
        found from the story in the index, however far into the archive it is."""
        at = [story["first_published_at"], story["first_published_at"], story["id"]]
        older = self.conn.execute(
            f"SELECT a.public_path, a.updated_at FROM articles a INDEXED BY articles_live "
            f"WHERE {LIVE} AND a.first_published_at <= ? AND NOT (a.first_published_at = ? "
            "AND a.id <= ?) ORDER BY a.first_published_at DESC, a.id LIMIT ?",
            at + [before]).fetchall()
        rest = self.conn.execute(
            f"SELECT a.public_path, a.updated_at FROM articles a INDEXED BY articles_live "
            f"WHERE {LIVE} AND a.first_published_at >= ? AND NOT (a.first_published_at = ? "
            "AND a.id > ?) ORDER BY a.first_published_at, a.id DESC LIMIT ?",
            at + [limit - len(older)]).fetchall()
        return [tuple(r) for r in older[::-1] + rest]

    # ---- what changed since an export ------------------------------------------------
    def change_mark(self) -> int:
        """The latest change to any story (article_changes, migration m011)."""
        return self.conn.execute("SELECT IFNULL(MAX(seq), 0) FROM article_changes"
                                 ).fetchone()[0]

    def changed_since(self, seq: int, limit: int) -> list[str] | None:
        """The stories changed after mark seq; None when more than limit did."""
        ids = [r[0] for r in self.conn.execute(
            "SELECT article_id FROM article_changes WHERE seq > ? LIMIT ?", [seq, limit + 1])]
        return None if len(ids) > limit else ids

    def mark(self, out_dir: str) -> tuple[str, int, int, int] | None:
        """(whole-site key, change mark, live stories, files) the last export to
        out_dir finished with."""
        row = self.conn.execute("SELECT global_key, seq, stories, files FROM export_marks "
                                "WHERE out_dir = ?", [out_dir]).fetchone()
        return tuple(row) if row else None

    def records(self, out_dir: str, paths: list[str]) -> dict[str, tuple[str, str | None]]:
        """path → (input key, list key) of these paths as the last export wrote them."""
        return {p: (key, list_key) for p, key, list_key in self.in_chunks(
            "SELECT path, input_key, list_key FROM export_state WHERE out_dir = ? AND path "
            "IN ({marks})", paths, before=[out_dir])}

    def new_assets(self, out_dir: str) -> list[dict]:
        """assets.all()'s rows of the assets the last export to out_dir did not write
        (a file assets/ID.ext: ids are hex, so assets/ID to assets/ID~ holds it)."""
        rows = self.rows(
            "SELECT id, filename, mime FROM assets s WHERE NOT EXISTS (SELECT 1 FROM "
            "export_state e WHERE e.out_dir = ? AND e.path BETWEEN 'assets/' || s.id AND "
            "'assets/' || s.id || '~') ORDER BY id", [out_dir])
        for r in rows:
            r["ext"] = extension(r["filename"])
        return rows

    def live_ids(self) -> list[str]:
        """Every live story's id, newest first (what 网站自查 reads, a batch at a time)."""
        return [r[0] for r in self.conn.execute(
            f"SELECT a.id FROM articles a INDEXED BY articles_live WHERE {LIVE} "
            "ORDER BY a.first_published_at DESC, a.id")]

    def channel_activity(self) -> dict[str, tuple[int, str | None]]:
        """channel id → (live stories filed directly in it, the newest one's first
        publication)."""
        return {c: (n, newest) for c, n, newest in self.conn.execute(
            f"SELECT a.channel_id, COUNT(*), MAX(a.first_published_at) FROM articles a "
            f"WHERE {LIVE} GROUP BY a.channel_id")}

    def withdrawn_pages(self) -> list[dict]:
        return self.rows("SELECT id, public_path, updated_at FROM articles WHERE "
                         "state = 'withdrawn' AND public_path IS NOT NULL")

    def fallback_ids(self) -> list[str]:
        """Live stories whose stored HTML is the plain-paragraph fallback (their render
        overran the time limit when they were saved)."""
        return [r[0] for r in self.conn.execute(
            f"SELECT a.id FROM articles a WHERE a.renderer_version = ? AND {LIVE}",
            [FALLBACK])]

    def keys(self, out_dir: str) -> dict[str, str]:
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
            f"e.path = a.public_path WHERE {LIVE} AND (e.input_key IS NULL OR "
            "e.input_key != ? || ':' || a.updated_at || ':' || a.live_revision || ':' || "
            "a.revision || ':' || COALESCE(a.renderer_version, ''))", [out_dir, key_prefix])}

    def exists(self, out_dir: str) -> bool:
        """Whether anything was ever exported to out_dir."""
        return self.conn.execute("SELECT 1 FROM export_state WHERE out_dir = ? LIMIT 1",
                                 [out_dir]).fetchone() is not None

    def state(self, out_dir: str, paths: list[str] | None = None
              ) -> dict[str, tuple[str, int]]:
        """path → (sha256, size) of what the last export to out_dir wrote (all paths,
        or just these)."""
        if paths is None:
            return {p: (sha, size) for p, sha, size in self.conn.execute(
                "SELECT path, sha256, size FROM export_state WHERE out_dir = ?", [out_dir])}
        return {p: (sha, size) for p, sha, size in self.in_chunks(
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

    def list_keys(self, out_dir: str) -> dict[str, str]:
        """path → list key of every story page the last export to out_dir wrote."""
        return dict(self.conn.execute(
            "SELECT path, list_key FROM export_state WHERE out_dir = ? AND list_key IS NOT "
            "NULL", [out_dir]))

    def save_state(self, out_dir: str, files: list[tuple[str, str, int, str, str | None]],
                   removed: list[str], moved: list[tuple[str, str]] = ()) -> None:
        """(path, sha256, size, input key, list key) of the files written or found
        unchanged; the paths removed; (list key, path) of pages left as they were whose
        story moved in the site's order."""
        now = times.now()
        with self.store.transaction():
            self.conn.executemany("UPDATE export_state SET list_key = ? WHERE out_dir = ? "
                                  "AND path = ?", [(k, out_dir, p) for k, p in moved])
            self.conn.executemany(
                "INSERT OR REPLACE INTO export_state (out_dir, path, sha256, size, "
                "input_key, written_at, list_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(out_dir, p, sha, size, key, now, list_key)
                 for p, sha, size, key, list_key in files])
            self.conn.executemany("DELETE FROM export_state WHERE out_dir = ? AND path = ?",
                                  [(out_dir, p) for p in removed])

    def forget(self, out_dir: str) -> None:
        """Drop the record of what was exported to out_dir: the next export is full."""
        with self.store.transaction(content=False):
            self.conn.execute("DELETE FROM export_state WHERE out_dir = ?", [out_dir])
            self.drop_mark(out_dir)

    def drop_mark(self, out_dir: str) -> None:
        with self.store.transaction(content=False):
            self.conn.execute("DELETE FROM export_marks WHERE out_dir = ?", [out_dir])

    def save_mark(self, out_dir: str, global_key: str, seq: int, stories: int,
                  files: int) -> None:
        with self.store.transaction(content=False):
            self.conn.execute("INSERT OR REPLACE INTO export_marks VALUES (?, ?, ?, ?, ?)",
                              [out_dir, global_key, seq, stories, files])

    def mark_uploaded(self, out_dir: str) -> int:
        """Record that what the last export wrote to out_dir is now on the web host."""
        with self.store.transaction():
            self.conn.execute("DELETE FROM uploaded_state WHERE out_dir = ?", [out_dir])
            cur = self.conn.execute(
                "INSERT INTO uploaded_state SELECT out_dir, path, sha256 FROM export_state "
                "WHERE out_dir = ?", [out_dir])
        return cur.rowcount

    def uploaded_state(self, out_dir: str) -> dict[str, str]:
        return dict(self.conn.execute("SELECT path, sha256 FROM uploaded_state WHERE "
                                      "out_dir = ?", [out_dir]))
