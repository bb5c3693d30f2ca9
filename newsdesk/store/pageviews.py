"""Page views counted from the web host's access logs, per story and day."""
from __future__ import annotations

from newsdesk import times
from newsdesk.store._sql import LIVE, Repository


class PageViews(Repository):
    def public_paths(self) -> dict[str, str]:
        """public path → article id, for every story that was ever published."""
        return dict(self.conn.execute("SELECT public_path, id FROM articles WHERE "
                                      "public_path IS NOT NULL"))

    def log_imported(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM view_logs WHERE sha256 = ?",
                                 [sha256]).fetchone() is not None

    def add(self, counts: dict[tuple[str, str], int], log_sha256: str, log_name: str) -> None:
        """Add (article id, day) → views, and remember the log they came from."""
        with self.store.transaction():
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
            f"a.id = v.article_id WHERE v.day >= ? AND {LIVE} GROUP BY v.article_id "
            "ORDER BY n DESC, v.article_id LIMIT ?", [since_day, limit])]
