"""The rulebook of 三审, declared once: which review event takes a story from which
state to which, and whose act each event may be. The workflow's operations, the sync's
replay of two seats' events, the trust check of what arrives from the newsroom's
repository and the app's enabled actions all read it here, so they cannot disagree.

Pure functions over plain values (states, role names, event dicts): no store, no I/O."""
from __future__ import annotations

from dataclasses import dataclass

from newsdesk.model import IN_REVIEW, SIGNED_OFF, Role, State


@dataclass(frozen=True)
class Move:
    """One review event's transition: the states it leaves from and where it goes.
    to None: it moves nothing by itself (the stage decides, see moved())."""
    kind: str
    leaves: tuple[str, ...]
    to: str | None
    who: str   # "author", "editor", "stage" (the current stage's role), "admin", "publisher"


# The transition table. approve goes on to the next stage, or to approved/scheduled
# after the last; every other move lands where this table says.
TRANSITIONS: dict[str, Move] = {m.kind: m for m in (
    Move("submit", (State.DRAFT, State.RETURNED), State.SUBMITTED, "author"),
    Move("recall", (State.SUBMITTED,), State.DRAFT, "author"),
    Move("approve", IN_REVIEW, None, "stage"),
    Move("return", IN_REVIEW, State.RETURNED, "stage"),
    Move("void", SIGNED_OFF, State.SUBMITTED, "editor"),
    Move("withdraw", (State.DRAFT, State.SUBMITTED, State.IN_REVIEW, State.RETURNED,
                      State.APPROVED, State.SCHEDULED, State.PUBLISHED), State.WITHDRAWN,
         "admin"),
    Move("correction", (State.PUBLISHED,), State.DRAFT, "editor"),
    Move("publish", (State.APPROVED, State.SCHEDULED), State.PUBLISHED, "publisher"),
)}

# Events that are a reviewer's (or an admin's) own act: signed, by their key.
SIGN_OFFS = frozenset({"approve", "return", "withdraw"})


def leaves(kind: str, state: str) -> bool:
    """May an event of this kind be taken from this state?"""
    move = TRANSITIONS.get(kind)
    return move is not None and state in move.leaves


def moved(at: dict, event: dict, last_stage: int, publish_at: str | None) -> dict | None:
    """The review fields (state, review_stage, submitted_at) an event leaves a story
    standing at (at: its fields before), or None when the event does not fit there (a
    sign-off made on a seat that had not yet seen a return, a second sign-off of one
    stage): on record, moving nothing."""
    kind, state, stage = event["kind"], at.get("state"), at.get("review_stage")
    if not leaves(kind, state):
        return None
    if kind == "submit":
        return {"state": State.SUBMITTED, "review_stage": 1, "submitted_at": event.get("at")}
    if kind == "approve":
        if event.get("stage") != stage:
            return None
        if stage < last_stage:
            return {"state": State.IN_REVIEW, "review_stage": stage + 1}
        later = publish_at and publish_at > (event.get("at") or "")
        return {"state": State.SCHEDULED if later else State.APPROVED, "review_stage": None}
    if kind == "void":
        return {"state": State.SUBMITTED, "review_stage": 1}
    if kind == "correction":
        return {"state": State.DRAFT}
    return {"state": TRANSITIONS[kind].to, "review_stage": None}


def replay(events: list[dict], last_stage: int, publish_at: str | None = None,
           start: dict | None = None) -> dict:
    """Where a story stands after its events, taken in order from start (a new draft
    when None): what the events alone say, whatever a story file claims."""
    fields = dict(start or {"state": State.DRAFT, "review_stage": None,
                            "submitted_at": None})
    for e in events:
        fields |= moved(fields, e, last_stage, publish_at) or {}
    return fields


def may_sign(roles, kind: str, stage: int | None, stages: list[dict]) -> bool:
    """May someone holding these roles make this signed act? A sign-off or a return of
    stage k needs stage k's role (an admin's role signs no stage it does not hold); a
    withdrawal needs an admin."""
    roles = set(roles)
    if kind == "withdraw":
        return Role.ADMIN in roles
    if kind in ("approve", "return"):
        return bool(stage) and stage <= len(stages) and stages[stage - 1]["role"] in roles
    return True
