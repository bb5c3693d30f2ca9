"""A StoryFilter as SQL: conditions on the articles row `a`, given the expression of
the date a list sorts by (search_docs.date for a search, the listing's date for a
list). One builder, so a filter means the same in the story list and in a search."""
from __future__ import annotations

from newsdesk.model import StoryFilter

EXACT_UP_TO = 1000  # counts past this are given as "1,000+"

# A channel and everything under it.
_SUBCHANNELS = ("a.channel_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
                "SELECT c.id FROM channels c JOIN sub ON c.parent_id = sub.id) "
                "SELECT id FROM sub)")
_SIGNED_BY = ("EXISTS (SELECT 1 FROM review_events e WHERE e.article_id = a.id "
              "AND e.kind = 'approve' AND e.actor_id = ?)")
_PICTURED = "(a.cover_asset_id IS NOT NULL OR instr(a.body, '![') > 0)"


def conditions(f: StoryFilter, date: str) -> tuple[list[str], list]:
    """(SQL conditions, their parameters) for f."""
    out: list[str] = []
    params: list = []

    def add(sql: str, *values) -> None:
        out.append(sql)
        params.extend(values)

    if f.channel_id is not None:
        add(_SUBCHANNELS, f.channel_id)
    for column in ("state", "source", "origin", "author_id"):
        if getattr(f, column) is not None:
            add(f"a.{column} = ?", getattr(f, column))
    if f.since is not None:
        add(f"{date} >= ?", f.since)
    if f.until is not None:
        add(f"{date} < ?", f.until)
    if f.person_id is not None:
        add(f"(a.author_id = ? OR a.editor_id = ? OR {_SIGNED_BY})", *[f.person_id] * 3)
    if f.topic_id is not None:
        add("EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id "
            "AND t.topic_id = ?)", f.topic_id)
    if f.has_image is not None:
        add(_PICTURED if f.has_image else f"NOT {_PICTURED}")
    return out, params
