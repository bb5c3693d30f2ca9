"""What a story arriving from the newsroom's repository may claim, decided by its
events and by what this seat already holds, never by the story's file (issue 30):

- its events: one line an id (a line sent twice is noted, once is kept); an event this
  seat holds is this seat's copy — a changed, reordered or dropped copy in the
  repository is tampering, reported and repaired from here;
- where it stands in review (state, stage, submitted) is the rulebook's replay of those
  events (the trust check has verified every sign-off this seat did not hold);
- its publication (first time, number, public address, live revision) comes from the
  publisher's publish event, else stays as this seat held it;
- once signed off (approved, scheduled, published) its headline and body change only
  with a new final sign-off: a file that changes them without one is a conflict, the
  signed text stays.

Pure functions over rows: every honest seat, holding the same events, decides alike."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from newsdesk.model import State
from newsdesk.review import chain, rules
from newsdesk.sync.merging import Conflict

REVIEW = ("state", "review_stage", "submitted_at")
PUBLICATION = ("first_published_at", "number", "public_path", "live_revision")
LOCKED = (State.APPROVED, State.SCHEDULED, State.PUBLISHED)
SIGNED_TEXT = ("title", "body")
_CHAIN = ("seq", "prev_hash", "hash")
TAMPERED = "tampering"  # a conflict's field: an event of this seat's changed there


@dataclass
class Standing:
    """A story's events and fields as this seat takes them, and what it found."""
    events: list[dict]
    fields: dict
    conflicts: list[Conflict] = field(default_factory=list)
    repeated: int = 0                                   # event lines sent twice
    tampered: list[tuple[dict, dict | None]] = field(default_factory=list)  # (ours, theirs)

    @property
    def repaired(self) -> bool:
        """Does this seat's version differ from the file's (to go back up)?"""
        return bool(self.conflicts or self.repeated or self.tampered)


def content(event: dict) -> dict:
    """An event as its actor made it: all but its place in the chain."""
    return {k: v for k, v in event.items()
            if k not in (*_CHAIN, "article_id") and v is not None}


def once(events: list[dict]) -> tuple[list[dict], int]:
    """Each event id once, at its first line; how many lines repeated one."""
    seen: set[str] = set()
    out = [e for e in events if not (e["id"] in seen or seen.add(e["id"]))]
    return out, len(events) - len(out)


def rechained(article_id: str, events: list[dict]) -> list[dict]:
    """The events chained in this order (unchanged where the chain already holds)."""
    out, prev = [], chain.GENESIS
    for n, e in enumerate(events, 1):
        e = e | {"seq": n, "prev_hash": prev}
        e["hash"] = prev = chain.event_hash(prev, e | {"article_id": article_id})
        out.append(e)
    return out


def held_events(article_id: str, held: list[dict], arriving: list[dict]
                ) -> tuple[list[dict], int, list[tuple[dict, dict | None]]]:
    """The story's events: the file's, with every event this seat holds as its own
    copy. A held event changed (anything but its place in the chain, which a merge
    redoes), missing, or out of this seat's order is tampering: (ours, theirs or None).
    Then the held events stay in this seat's order and the new ones follow."""
    arriving, repeated = once(arriving)
    theirs = {e["id"]: e for e in arriving}
    tampered = [(e, theirs.get(e["id"])) for e in held
                if e["id"] not in theirs or content(theirs[e["id"]]) != content(e)]
    mine = {e["id"]: e for e in held}
    order = [e["id"] for e in arriving if e["id"] in mine]
    if order != [e["id"] for e in held] and not tampered:
        tampered = [(e, theirs[e["id"]]) for e in held
                    if order.index(e["id"]) != held.index(e)]
    if not tampered:
        return arriving, repeated, []
    events = held + [e for e in arriving if e["id"] not in mine]
    return rechained(article_id, events), repeated, tampered


def review_of(events: list[dict], held_ids: set[str], last_stage: int,
              publish_at: str | None) -> dict:
    """Where the events leave the story in review. An import that put it online counts
    when its event is signed (the trust check verified it) or this seat held it."""
    # An unsigned import arriving puts nothing online.
    trusted = [e for e in events
               if e["kind"] != "imported" or e.get("signature") or e["id"] in held_ids]
    return rules.replay(trusted, last_stage, publish_at)


def standing(article_id: str, held: tuple[dict, list[dict]] | None, file_fields: dict,
             arriving: list[dict], last_stage: int, by: str, at: str) -> Standing:
    """The story as this seat takes it. held: its fields (the body among them) and
    events as this seat holds them, None when new here; file_fields: the file's, body
    among them; by, at: who sent it, when (named in a conflict)."""
    mine, mine_events = held if held is not None else ({}, [])
    events, repeated, tampered = held_events(article_id, mine_events, arriving)
    held_ids = {e["id"] for e in mine_events}
    fields = dict(file_fields)
    fields |= review_of(events, held_ids, last_stage, fields.get("publish_at"))
    new = [e for e in events if e["id"] not in held_ids]
    fields |= _publication(mine, file_fields, new)
    if mine.get("state") in LOCKED and fields["state"] in LOCKED and not any(
            e["kind"] == "approve" and e.get("stage") == last_stage for e in new):
        fields |= {k: mine.get(k) for k in SIGNED_TEXT}
    conflicts = [Conflict(article_id, name, json.dumps(fields.get(name), ensure_ascii=False),
                          json.dumps(file_fields.get(name), ensure_ascii=False), by, at)
                 for name in (*REVIEW, *PUBLICATION, *SIGNED_TEXT)
                 if fields.get(name) != file_fields.get(name)]
    return Standing(events, {k: v for k, v in fields.items() if v is not None}, conflicts,
                    repeated, tampered)


def _publication(mine: dict, file_fields: dict, new: list[dict]) -> dict:
    """Publication fields: a new publish event's (what it records), else as held."""
    out = {k: mine.get(k) for k in PUBLICATION}
    for e in new:
        if e["kind"] == "publish":
            detail = e.get("detail") or {}
            out |= {k: detail[k] for k in PUBLICATION if k in detail}
            out["live_revision"] = e.get("revision", out["live_revision"])
        elif e["kind"] == "imported" and e.get("signature"):
            out |= {k: file_fields.get(k) for k in PUBLICATION}
    return out
