"""The full-text index: contentless FTS5 over segmented text (newsdesk.search), one
row per story, kept in step by the articles repository."""
from __future__ import annotations

from newsdesk import search
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, SearchHit, field_names
from newsdesk.store._sql import Repository


def _columns(a: Article) -> tuple[str, str, str]:
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


class Search(Repository):
    def add(self, a: Article) -> None:
        cur = self.conn.execute("INSERT INTO search_docs(article_id, date) VALUES (?, ?)",
                                [a.id, a.first_published_at or a.updated_at])
        self.conn.execute("INSERT INTO search_index(rowid, title, body, people) "
                          "VALUES (?, ?, ?, ?)", [cur.lastrowid, *_columns(a)])

    def remove(self, a: Article) -> None:
        # Contentless FTS5 forgets a row only when told the exact text it indexed.
        row = self.conn.execute("SELECT rowid FROM search_docs WHERE article_id = ?",
                                [a.id]).fetchone()
        if row:
            self.conn.execute(
                "INSERT INTO search_index(search_index, rowid, title, body, people) "
                "VALUES ('delete', ?, ?, ?, ?)", [row[0], *_columns(a)])
            self.conn.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])

    def redate(self, a: Article) -> None:
        """The date a story sorts by changed, its words did not."""
        self.conn.execute("UPDATE search_docs SET date = ? WHERE article_id = ?",
                          [a.first_published_at or a.updated_at, a.id])

    def find(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every term of query, ranked in tiers as an editor reads
        them: all terms in the headline first, then in the names (reporters, 来源),
        then anywhere; newest first within a tier."""
        expr = search.match_expression(query)
        if expr is None:
            raise NewsdeskError("nothing to search for in {query!r}", query=query)
        # Column-filtered matches are cheap; sorting on search_docs.date avoids reading
        # the wide article rows of every match.
        rows = self.rows(
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

    def version(self) -> str | None:
        """The segmenter the index was built with."""
        return self.store.local_meta("segmenter")

    def rebuild(self) -> int:
        """Re-index every article (after the segmenter changed). Returns the count."""
        with self.store.transaction():
            self.conn.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
            self.conn.execute("DELETE FROM search_docs")
            ids = self.store.articles.ids()
            for chunk in range(0, len(ids), 1000):
                for a in self.store.articles.many(ids[chunk:chunk + 1000]):
                    self.add(a)
            self.store.set_local_meta("segmenter", search.SEGMENTER_VERSION)
        return len(ids)
