"""Review events: per story, a chain of rows each hashed onto the one before, and the
lists made from them (the review queue, what is due, who signed)."""
from __future__ import annotations

import json
from typing import Iterator

from newsdesk import times
from newsdesk.review import chain, signing
from newsdesk.ids import new_id
from newsdesk.model import ReviewEvent
from newsdesk.store._sql import Repository, stamp


def chained(article_id: str, seq: int, prev: str, kind: str, at: str, *,
            stage: int | None = None, revision: int | None = None,
            actor_id: str | None = None, comment: str = "",
            detail: dict | None = None) -> dict:
    """A review event, hashed onto the previous one of its story (prev)."""
    event = {"id": new_id(), "article_id": article_id, "seq": seq, "kind": kind,
             "stage": stage, "revision": revision, "actor_id": actor_id, "at": at,
             "comment": comment, "detail": detail or {}}
    return event | {"prev_hash": prev, "hash": chain.event_hash(prev, event)}


def _row(event: dict) -> dict:
    """An event as its review_events row: detail as JSON, stamped with its own time."""
    return event | {"detail": json.dumps(event["detail"], ensure_ascii=False),
                    "created_at": event["at"], "updated_at": event["at"],
                    "updated_by": event["actor_id"]}


def _event(row: dict) -> ReviewEvent:
    return ReviewEvent(**(row | {"detail": json.loads(row["detail"])}))


class Events(Repository):
    def append(self, article_id: str, kind: str, actor_id: str | None, *,
               stage: int | None = None, revision: int | None = None,
               comment: str = "", detail: dict | None = None,
               at: str | None = None) -> ReviewEvent:
        with self.store.transaction():
            last = self.one("SELECT seq, hash FROM review_events WHERE article_id = ? "
                            "ORDER BY seq DESC LIMIT 1", [article_id])
            event = chained(article_id, last["seq"] + 1 if last else 1,
                            last["hash"] if last else chain.GENESIS, kind, at or times.now(),
                            stage=stage, revision=revision, actor_id=actor_id,
                            comment=comment, detail=detail)
            # Its actor's own, whichever seat it travels to (when their key is unlocked).
            event["signature"] = signing.sign_event(event)
            self.store.db["review_events"].insert(_row(event))
        return ReviewEvent(**event, **stamp(actor_id, event["at"]))

    def append_new_chains(self, events: list[dict]) -> None:
        """Events of stories that have none yet (archive loads): dicts of append()'s
        arguments plus article_id, chained per story in the order given. Call inside
        the transaction that adds the stories."""
        last: dict[str, tuple[int, str]] = {}
        rows = []
        for e in events:
            seq, prev = last.get(e["article_id"], (0, chain.GENESIS))
            event = chained(e["article_id"], seq + 1, prev, e["kind"], e["at"],
                            stage=e.get("stage"), revision=e.get("revision"),
                            actor_id=e.get("actor_id"), comment=e.get("comment", ""),
                            detail=e.get("detail"))
            last[e["article_id"]] = (seq + 1, event["hash"])
            rows.append(_row(event))
        if rows:
            cols = list(rows[0])
            self.conn.executemany(
                f"INSERT INTO review_events ({','.join(cols)}) VALUES "
                f"({','.join('?' * len(cols))})", [list(r.values()) for r in rows])

    def of(self, article_id: str) -> list[ReviewEvent]:
        """A story's events in order."""
        return [_event(r) for r in self.rows(
            "SELECT * FROM review_events WHERE article_id = ? ORDER BY seq", [article_id])]

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM review_events").fetchone()[0]

    def every(self) -> Iterator[ReviewEvent]:
        """Every event, article by article in seq order (streamed: archives are big)."""
        cur = self.conn.execute("SELECT * FROM review_events ORDER BY article_id, seq")
        names = [d[0] for d in cur.description]
        for row in cur:
            yield _event(dict(zip(names, row)))

    def queue(self, stages: list[int] | None = None, channel_id: str | None = None,
              signable_by: str | None = None) -> list[str]:
        """Stories waiting for review, longest-waiting first. signable_by drops those
        that user signed at another stage (whether they wrote one is the rulebook's
        question, asked of each story's revisions: review.workflow.waiting_for)."""
        sql = ("SELECT a.id FROM articles a WHERE a.state IN ('submitted', 'in_review')")
        params: list = []
        if stages:
            sql += f" AND a.review_stage IN ({','.join('?' * len(stages))})"
            params += stages
        if channel_id:
            sql += " AND a.channel_id = ?"
            params.append(channel_id)
        if signable_by:
            sql += (" AND NOT EXISTS (SELECT 1 FROM review_events e WHERE e.article_id = "
                    "a.id AND e.kind = 'approve' AND e.actor_id = ? AND "
                    "e.stage != a.review_stage)")
            params.append(signable_by)
        sql += " ORDER BY a.submitted_at, a.id"
        return [r[0] for r in self.conn.execute(sql, params)]

    def due(self, now: str) -> list[str]:
        """Approved and scheduled stories whose publish time is not after now."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE state IN ('approved', 'scheduled') AND "
            "(publish_at IS NULL OR publish_at <= ?) ORDER BY publish_at", [now])]

    def final_signoffs(self, ids: list[str], stage: int) -> dict[str, str]:
        """article id → the user who last signed `stage` (the final one) of it."""
        return self.signers(ids, stage)[0]

    def signers(self, ids: list[str], stage: int) -> tuple[dict[str, str], dict[str, dict]]:
        """(article id → the user who signed `stage`, the final one, in the latest
        round of review; article id → the names an imported archive page carried):
        what a page's meta line prints, in one pass over the stories' events (an export
        asks for 500 at a time). Within a round the first sign-off of the stage stands:
        a second, made at the same time on another seat, stays on record superseded."""
        signed: dict[str, str] = {}
        imported: dict[str, dict] = {}
        in_round: set[str] = set()  # articles whose stage is signed in this round
        # In chain order: a submission or a void starts a round, whose sign-off replaces
        # the earlier round's.
        for article_id, kind, actor_id, detail in self.in_chunks(
                "SELECT article_id, kind, actor_id, detail FROM review_events WHERE "
                "((kind = 'approve' AND stage = ?) OR kind IN ('imported', 'submit', "
                "'void')) AND article_id IN ({marks}) ORDER BY article_id, seq", ids,
                before=[stage]):
            if kind == "approve" and article_id not in in_round:
                signed[article_id] = actor_id
                in_round.add(article_id)
            elif kind in ("submit", "void"):
                in_round.discard(article_id)
            elif kind == "imported":
                imported[article_id] = json.loads(detail)
        return signed, imported

    def return_reasons(self, ids: list[str]) -> dict[str, str]:
        """article id → the reason of its latest return (退回)."""
        # In chain order, so a later return replaces an earlier one.
        return dict(self.in_chunks(
            "SELECT article_id, comment FROM review_events WHERE kind = 'return' AND "
            "article_id IN ({marks}) ORDER BY article_id, seq", ids))
