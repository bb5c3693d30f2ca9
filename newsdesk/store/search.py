"""The full-text index: contentless FTS5 over segmented text (newsdesk.text.segment), one
row per story, kept in step by the articles repository. A row's key is its story's
date, so FTS5 hands matches over newest first and a page of 20 is read without
collecting every match (村 matches most of a county archive)."""
from __future__ import annotations

import sqlite3
from collections import Counter

from newsdesk import times
from newsdesk.text import segment
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, SearchHit, StoryFilter, field_names
from newsdesk.store import filters
from newsdesk.store._sql import Repository

SORTS = ("newest", "relevance")
# Relevance: bm25 over the columns, a headline match weighing most, then the names.
_WEIGHTS = "10.0, 1.0, 3.0, 10.0, 1.0, 3.0"


def _columns(a: Article) -> list[str]:
    """Each field's bigrams, then each field's single characters (segment.FIELDS)."""
    def words(column: str) -> str:
        out: list[str] = []
        for name in field_names(search=column):
            value = getattr(a, name)
            out += value if isinstance(value, list) else [value]
        return "\n".join(out)
    texts = [words(column) for column in ("headline", "text", "names")]  # segment.FIELDS
    return [segment.segment(t) for t in texts] + [segment.characters(t) for t in texts]


def _date(a: Article) -> str:
    """The date a list shows and sorts by: first publication, else the time it is
    scheduled for, else its last change."""
    return a.first_published_at or a.publish_at or a.updated_at


def _key(date: str, article_id: str) -> int:
    """A row key that sorts by date: seconds since 1970, then a tie-break from the id."""
    seconds = int(times.from_stored(date).timestamp())
    return seconds * 1_000_000 + int(article_id[:5], 16) % 1_000_000


class Search(Repository):
    def add(self, a: Article) -> None:
        key = _key(_date(a), a.id)
        while True:  # two stories in the same second with the same tie-break: the next key
            try:
                self.conn.execute("INSERT INTO search_docs(rowid, article_id, date) "
                                  "VALUES (?, ?, ?)", [key, a.id, _date(a)])
                break
            except sqlite3.IntegrityError:
                if self.conn.execute("SELECT 1 FROM search_docs WHERE article_id = ?",
                                     [a.id]).fetchone():
                    raise
                key += 1
        self.conn.execute("INSERT INTO search_index(rowid, title, body, people, title1, "
                          "body1, people1) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [key, *_columns(a)])

    def remove(self, a: Article) -> None:
        # Contentless FTS5 forgets a row only when told the exact text it indexed.
        row = self.conn.execute("SELECT rowid FROM search_docs WHERE article_id = ?",
                                [a.id]).fetchone()
        if row:
            self.conn.execute(
                "INSERT INTO search_index(search_index, rowid, title, body, people, title1, "
                "body1, people1) VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)",
                [row[0], *_columns(a)])
            self.conn.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])

    def redate(self, old: Article, new: Article) -> None:
        """A save that changed no searched words: if the date the story sorts by moved,
        so does its place in the index's order."""
        if _date(old) != _date(new):
            self.remove(old)
            self.add(new)

    def _matches(self, query: str, f: StoryFilter) -> tuple[str, list]:
        """FROM … WHERE … of the stories matching query and f, and its parameters."""
        expression = segment.match_expression(query)
        if expression is None:
            raise NewsdeskError("nothing to search for in {query!r}", query=query)
        where, params = filters.conditions(f, "d.date")
        sql = ("FROM search_index s JOIN search_docs d ON d.rowid = s.rowid "
               "JOIN articles a ON a.id = d.article_id WHERE search_index MATCH ?"
               + "".join(f" AND {w}" for w in where))
        return sql, [expression, *params]

    def find(self, query: str, f: StoryFilter = StoryFilter(), sort: str = "newest",
             limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """A page of the stories matching query and f: newest first (read in the
        index's order, stopping after the page), or by relevance (every match scored:
        headline matches first, then by how much of the query each has)."""
        if sort not in SORTS:
            raise NewsdeskError("sort by {sorts}, not {sort!r}", sorts=" or ".join(SORTS),
                                sort=sort)
        matches, params = self._matches(query, f)
        order = ("s.rowid DESC" if sort == "newest"
                 else f"bm25(search_index, {_WEIGHTS}), s.rowid DESC")
        rows = self.rows(
            f"SELECT a.id, a.title, a.state, a.channel_id, a.body, a.summary, d.date "
            f"{matches} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
        headline = {r[0] for r in self.conn.execute(
            "SELECT d.article_id FROM search_index s JOIN search_docs d ON d.rowid = s.rowid "
            f"WHERE search_index MATCH ? AND d.article_id IN ({','.join('?' * len(rows))})",
            [segment.match_expression(query, ("title",)), *(r["id"] for r in rows)])} \
            if rows else set()
        terms = segment.query_terms(query)
        return [SearchHit(article_id=r["id"], title=r["title"], state=r["state"],
                          channel_id=r["channel_id"], date=r["date"],
                          matched_in="headline" if r["id"] in headline else "text",
                          snippet=segment.snippet(r["summary"] + "\n" + r["body"], terms))
                for r in rows]

    def count(self, query: str, f: StoryFilter = StoryFilter(),
              cap: int = filters.EXACT_UP_TO) -> tuple[int, bool]:
        """(how many stories match, whether that is exact): past cap, counting stops
        and the answer is cap with exact False ("1,000+")."""
        matches, params = self._matches(query, f)
        n = self.conn.execute(f"SELECT count(*) FROM (SELECT 1 {matches} LIMIT ?)",
                              [*params, cap + 1]).fetchone()[0]
        return (n, True) if n <= cap else (cap, False)

    def facets(self, query: str, f: StoryFilter = StoryFilter(),
               cap: int = filters.EXACT_UP_TO) -> dict[str, Counter]:
        """Counts by state, channel and origin among the newest cap matches (all of
        them when there are no more): what each filter would leave."""
        matches, params = self._matches(query, f)
        rows = self.conn.execute(f"SELECT a.state, a.channel_id, a.origin {matches} "
                                 "ORDER BY s.rowid DESC LIMIT ?", [*params, cap]).fetchall()
        return {"state": Counter(r[0] for r in rows),
                "channel_id": Counter(r[1] for r in rows if r[1]),
                "origin": Counter(r[2] for r in rows)}

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
            self.store.set_local_meta("segmenter", segment.SEGMENTER_VERSION)
        return len(ids)
