"""What the clearance of live stories reads (each story's live text and the events that
vouch for it) and what this seat remembers of it: the signatures it verified and each
story's verdict as of its latest change (migration m015), so that an export of a big
archive judges again only the stories that changed."""
from __future__ import annotations

import hashlib
import json

from newsdesk.model import CONTENT_FIELDS, FIELDS
from newsdesk.store._sql import LIVE, Repository

# The events a story's clearance is judged from: rounds of review, imports, and the
# publications that put a round live.
VOUCHING = ("submit", "void", "approve", "imported", "publish")
# Content fields a story row holds as JSON lists (topics have their own table).
_LISTS = [f.name for f in FIELDS if f.kind in ("names", "list") and f.name != "topics"]
WHOLE = 5000  # stories past which remembered verdicts are read in one pass


class Clearances(Repository):
    def seqs(self, ids: list[str]) -> dict[str, int]:
        """story id → its latest change (article_changes): read before the story, so a
        verdict is never remembered as of a change it did not see."""
        return dict(self.in_chunks("SELECT article_id, seq FROM article_changes WHERE "
                                   "article_id IN ({marks})", ids))

    def live_content(self, ids: list[str]) -> dict[str, dict]:
        """story id → the content of its live revision (what its page shows): the story
        as it stands, or under a correction the revision that was published. (Only the
        content columns: an archive's rendered bodies stay on disk.)"""
        columns = [k for k in CONTENT_FIELDS if k != "topics"]
        out: dict[str, dict] = {}
        older: list[tuple[str, int]] = []
        for row in self.in_chunks(
                f"SELECT a.id, a.revision, a.live_revision, {', '.join(columns)} FROM "
                f"articles a WHERE {LIVE} AND a.id IN ({{marks}})", ids):
            article_id, revision, live = row[:3]
            if live != revision:
                older.append((article_id, live))
                continue
            content = dict(zip(columns, row[3:]))
            for k in _LISTS:   # stored as JSON, as Articles keeps them
                content[k] = json.loads(content[k]) if content[k] else []
            out[article_id] = content
        topics = self.store.articles.topics_of(list(out))
        for article_id, content in out.items():
            content["topics"] = topics[article_id]
        for article_id, number in older:
            out[article_id] = self.store.articles.revision_content(article_id, number)
        return out

    def legacy(self, ids: list[str]) -> dict[str, dict]:
        """story id → the content of the revision it had live when this seat took up
        clearances (migration m015), for those whose stored text is still that one."""
        out = {}
        for article_id, number, sha, content in self.in_chunks(
                "SELECT l.article_id, l.revision, l.content_sha256, r.content FROM "
                "legacy_live l JOIN revisions r ON r.article_id = l.article_id AND "
                "r.number = l.revision WHERE l.article_id IN ({marks})", ids):
            if hashlib.sha256(content.encode("utf-8")).hexdigest() == sha:
                out[article_id] = json.loads(content)
        return out

    def events(self, ids: list[str]) -> dict[str, list[dict]]:
        """story id → its rounds' and imports' events in chain order, as signed."""
        out: dict[str, list[dict]] = {i: [] for i in ids}
        for row in self.in_chunks(
                "SELECT id, article_id, kind, stage, revision, actor_id, at, comment, "
                "detail, signature FROM review_events WHERE kind IN "
                f"({','.join(repr(k) for k in VOUCHING)}) AND article_id IN ({{marks}}) "
                "ORDER BY article_id, seq", ids, dicts=True):
            row["detail"] = json.loads(row["detail"]) if row["detail"] else {}
            out[row["article_id"]].append(row)
        return out

    # ---- what this seat verified ------------------------------------------------------
    def verified(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        """(event id, signature) → (digest of what it signed, key that verified it), for
        those of these this seat has verified."""
        out = {}
        for start in range(0, len(keys), 250):
            part = keys[start:start + 250]
            where = " OR ".join(["(event_id = ? AND signature = ?)"] * len(part))
            out.update(((e, s), (p, k)) for e, s, p, k in self.conn.execute(
                f"SELECT event_id, signature, payload, public_key FROM verified_signatures "
                f"WHERE {where}", [v for pair in part for v in pair]))
        return out

    def remember_verified(self, rows: list[tuple[str, str, str, str]]) -> None:
        """(event id, signature, digest of what it signed, key that verified it)."""
        with self.store.transaction():
            self.conn.executemany("INSERT OR REPLACE INTO verified_signatures VALUES "
                                  "(?, ?, ?, ?)", rows)

    # ---- verdicts ---------------------------------------------------------------------
    def verdicts(self, ids: list[str], context: str) -> dict[str, str | None]:
        """story id → its remembered verdict (None: cleared; else the reason, as JSON),
        for those judged with this context and unchanged since."""
        sql = ("SELECT c.article_id, c.reason FROM clearances c JOIN article_changes ch ON "
               "ch.article_id = c.article_id AND ch.seq = c.seq WHERE c.context = ?")
        if len(ids) > WHOLE:   # one pass over each table beats looking up id by id
            wanted = set(ids)
            latest = dict(self.conn.execute("SELECT article_id, seq FROM article_changes"))
            return {i: r for i, seq, r in self.conn.execute(
                "SELECT article_id, seq, reason FROM clearances WHERE context = ?",
                [context]) if i in wanted and latest.get(i) == seq}
        return dict(self.in_chunks(sql + " AND c.article_id IN ({marks})", ids,
                                   before=[context]))

    def remember(self, verdicts: list[tuple[str, int, str | None]], context: str) -> None:
        """(story id, the change it was judged at, reason or None) judged with context."""
        with self.store.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO clearances (article_id, seq, context, reason) "
                "VALUES (?, ?, ?, ?)", [(i, seq, context, r) for i, seq, r in verdicts])

    def exported_with(self, out_dir: str) -> str | None:
        """The context the last export to out_dir judged its stories with."""
        row = self.conn.execute("SELECT context FROM export_clearances WHERE out_dir = ?",
                                [out_dir]).fetchone()
        return row[0] if row else None

    def mark_exported(self, out_dir: str, context: str) -> None:
        with self.store.transaction():
            self.conn.execute("INSERT OR REPLACE INTO export_clearances VALUES (?, ?)",
                              [out_dir, context])

    def forget_other_contexts(self, context: str) -> None:
        """Drop the verdicts reached with other reviewers or stages (after every live
        story was judged with this one)."""
        with self.store.transaction():
            self.conn.execute("DELETE FROM clearances WHERE context != ?", [context])

    def withheld(self, context: str) -> dict[str, str]:
        """Live story id → the reason it is held back, as remembered and still current."""
        return dict(self.conn.execute(
            "SELECT a.id, c.reason FROM clearances c JOIN articles a ON a.id = c.article_id "
            "JOIN article_changes ch ON ch.article_id = c.article_id AND ch.seq = c.seq "
            f"WHERE c.reason IS NOT NULL AND c.context = ? AND {LIVE}", [context]))
