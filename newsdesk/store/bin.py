"""回收站: drafts deleted before they were ever submitted, kept whole (the story, its
topics and revisions) until restored or purged."""
from __future__ import annotations

import json
from dataclasses import asdict

from newsdesk.errors import NotFound
from newsdesk.model import Article
from newsdesk.store._sql import Repository


class Bin(Repository):
    def put(self, article: Article, actor_id: str | None, at: str) -> None:
        with self.store.transaction():
            revisions = self.store.articles.take_out(article)
            self.conn.execute(
                "INSERT INTO recycle_bin VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, article.title, article.author_id, at, actor_id,
                 json.dumps(asdict(article), ensure_ascii=False),
                 json.dumps(article.topics), json.dumps(revisions, ensure_ascii=False)])

    def items(self) -> list[dict]:
        """What is in the bin, most recently deleted first (no story bodies)."""
        return self.rows("SELECT article_id, title, author_id, deleted_at, deleted_by "
                         "FROM recycle_bin ORDER BY deleted_at DESC, article_id")

    def get(self, article_id: str) -> dict:
        row = self.one("SELECT article_id, title, author_id, deleted_at, deleted_by "
                       "FROM recycle_bin WHERE article_id = ?", [article_id])
        if not row:
            raise NotFound("no story {value} in the recycle bin", value=article_id[:8])
        return row

    def take_back(self, article_id: str) -> Article:
        """The story as it was, back among the stories."""
        row = self.one("SELECT story, revisions FROM recycle_bin WHERE article_id = ?",
                       [article_id])
        if not row:
            raise NotFound("no story {value} in the recycle bin", value=article_id[:8])
        article = Article(**json.loads(row["story"]))
        with self.store.transaction():
            self.store.articles.put_back(article, json.loads(row["revisions"]))
            self.conn.execute("DELETE FROM recycle_bin WHERE article_id = ?", [article_id])
        return article

    def purge(self, deleted_before: str | None = None) -> int:
        """Delete for good what was deleted before a time (everything when None)."""
        with self.store.transaction():
            cur = self.conn.execute(
                "DELETE FROM recycle_bin WHERE ? IS NULL OR deleted_at < ?",
                [deleted_before, deleted_before])
        return cur.rowcount
