"""What the export reads (live stories, withdrawn pages) and what it remembers: the
files each export wrote (its manifest) and what was uploaded."""
from __future__ import annotations

from newsdesk import times
from newsdesk.render import FALLBACK
from newsdesk.store._sql import LIVE, Repository
from newsdesk.store.assets import extension


class Exports(Repository):
    def live_stories(self) -> list[dict]:
        """Every live story's list fields, newest first, with its topic ids."""
        rows = self.rows(
            "SELECT a.id, a.title, a.kicker, a.summary, a.channel_id, a.public_path, "
            "a.first_published_at, a.updated_at, a.pinned, a.weight, a.revision, "
            "a.live_revision, COALESCE(a.renderer_version, '') AS renderer_version, "
            "a.cover_asset_id, c.filename AS cover_filename "
            "FROM articles a INDEXED BY articles_live "
            f"LEFT JOIN assets c ON c.id = a.cover_asset_id WHERE {LIVE} "
            "ORDER BY a.first_published_at DESC, a.id")
        topics: dict[str, list[str]] = {}
        for article_id, topic_id in self.conn.execute(
                f"SELECT t.article_id, t.topic_id FROM article_topics t JOIN articles a "
                f"ON a.id = t.article_id WHERE {LIVE}"):
            topics.setdefault(article_id, []).append(topic_id)
        for r in rows:
            r["topics"] = topics.get(r["id"], [])
            # The cover's site path, as a body links to a picture (assets.add).
            cover, name = r.pop("cover_asset_id"), r.pop("cover_filename")
            r["cover"] = f"assets/{cover}{extension(name)}" if cover and name else None
            if r["live_revision"] != r["revision"]:
                live = self.store.articles.revision_content(r["id"], r["live_revision"])
                r |= {k: live.get(k, r[k]) for k in ("title", "kicker", "summary")}
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

    def save_state(self, out_dir: str, files: list[tuple[str, str, int, str]],
                   removed: list[str]) -> None:
        now = times.now()
        with self.store.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO export_state VALUES (?, ?, ?, ?, ?, ?)",
                [(out_dir, p, sha, size, key, now) for p, sha, size, key in files])
            self.conn.executemany("DELETE FROM export_state WHERE out_dir = ? AND path = ?",
                                  [(out_dir, p) for p in removed])

    def forget(self, out_dir: str) -> None:
        """Drop the record of what was exported to out_dir: the next export is full."""
        with self.store.transaction(content=False):
            self.conn.execute("DELETE FROM export_state WHERE out_dir = ?", [out_dir])

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
