"""The rulebook of 三审, declared once: which review event takes a story from which
state to which, and whose act each event may be. The workflow's operations, the sync's
replay of two seats' events, the trust check of what arrives from the newsroom's
repository and the app's enabled actions all read it here, so they cannot disagree.

Pure functions over plain values (states, users, event and revision dicts): no store,
no I/O. The who-may functions (why_not_*) return the rule's refusal, or None."""
from __future__ import annotations

import json
from dataclasses import dataclass

from newsdesk.i18n import _
from newsdesk.model import IN_REVIEW, SIGNED_OFF, Role, State, User, state_name


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
    # An archive story an admin imported as published: online without 三审, on their
    # signed word (the export checks the signature and its content hash).
    Move("imported", (State.DRAFT,), State.PUBLISHED, "admin"),
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
    withdrawal, or an import put online, needs an admin."""
    roles = set(roles)
    if kind in ("withdraw", "imported"):
        return Role.ADMIN in roles
    if kind in ("approve", "return"):
        return bool(stage) and stage <= len(stages) and stages[stage - 1]["role"] in roles
    return True


# ---- who may: the rules of each act, over the story's facts and the user -------------
# What "wrote it" looks at: changing either makes whoever saved it a writer of the story.
WRITTEN = ("title", "body")


def cycle_start(events: list[dict]) -> int:
    """The revision the current review cycle starts after: the one last published or
    reopened for a correction; 0 for a story never published (its creation starts it)."""
    return max((e.get("revision") or 0 for e in events
                if e["kind"] in ("publish", "correction")), default=0)


def writers(revisions: list[dict], events: list[dict], author_id: str | None) -> set[str]:
    """Who wrote the story in its current review cycle, and so may neither sign nor
    return it: its author, and whoever saved a revision that changed its title or body
    since it was created or last published, before submission included. revisions:
    the story's revision rows (number, updated_by, content as JSON text or dict);
    events: its review events. A reviewer's traced edit at their own stage (留痕: a
    revise event names its revision) does not make them a writer: it is their stage's
    revision, shown as theirs to the later stages, and they still sign that stage."""
    since = cycle_start(events)
    traced = {e.get("revision") for e in events if e["kind"] == "revise"}
    wrote = {author_id} - {None}
    before = None
    for r in sorted(revisions, key=lambda r: r["number"]):
        content = r["content"] if isinstance(r["content"], dict) else json.loads(r["content"])
        text = tuple(content.get(k) for k in WRITTEN)
        if r["number"] > since and r["number"] not in traced and r.get("updated_by") \
                and text != before:
            wrote.add(r["updated_by"])
        before = text
    return wrote


def why_not_submit(state: str, user: User, author_id: str | None) -> str | None:
    """Why user may not submit a story in this state, or None: its author or an editor
    submits a draft or a returned story."""
    if not leaves("submit", state):
        return _("only drafts and returned stories are submitted; this one is {state}",
                 state=state_name(state))
    if user.id != author_id and not {Role.EDITOR, Role.ADMIN} & set(user.roles):
        return _("{name} is neither the author nor an editor (rule: who submits)",
                 name=user.real_name)
    return None


def why_not_recall(state: str, user: User, author_id: str | None,
                   signed: bool) -> str | None:
    """Why user may not recall (撤回) the story, or None: its author takes a submitted
    story back until its first sign-off (signed: a stage is signed)."""
    if not leaves("recall", state) or signed:
        return _("only a submitted story nobody has signed yet can be recalled; this one "
                 "is {state} (rule: recall)", state=state_name(state))
    if user.id != author_id:
        return _("{name} is not the author; only the author recalls a story (rule: "
                 "recall)", name=user.real_name)
    return None


def why_not_review(state: str, stage: int | None, stages: list[dict], user: User,
                   wrote: set[str]) -> str | None:
    """Why user may not act on the story's current stage (approve or return), or None:
    an active holder of the stage's role who did not write it (wrote: writers())."""
    if not leaves("approve", state):
        return _("the story is {state}, not waiting for review", state=state_name(state))
    held = stages[stage - 1]
    if not user.active:
        return _("{name} is not an active user", name=user.real_name)
    if not may_sign(user.roles, "approve", stage, stages):
        return _("{name} does not hold the {stage} role ({role}) (rule: stage role)",
                 name=user.real_name, stage=held["name"], role=held["role"])
    if user.id in wrote:
        return _("{name} wrote this story (changed its title or body since it was "
                 "created or last published) and may not review it (rule: own story)",
                 name=user.real_name)
    return None


def signed_another(events: list[dict], user_id: str, stage: int | None) -> int | None:
    """The other stage of this story user already signed, if any: nobody signs two."""
    return next((e.get("stage") for e in events if e["kind"] == "approve"
                 and e.get("actor_id") == user_id and e.get("stage") != stage), None)


def why_not_withdraw(state: str, live: bool, user: User) -> str | None:
    """Why user may not withdraw (撤稿) the story, or None: an admin withdraws a story
    that is out, or approved to go (live: a revision of it is on the site)."""
    if Role.ADMIN not in user.roles:
        return _("{name} is not an admin; only admins withdraw a story (rule: withdraw)",
                 name=user.real_name)
    if not (leaves("publish", state) or state == State.PUBLISHED or live):
        return _("a {state} story is not out to withdraw", state=state_name(state))
    return None


def why_not_correct(state: str, user: User) -> str | None:
    """Why user may not start a correction (更正) of the story, or None."""
    if not leaves("correction", state):
        return _("only published stories are corrected; this one is {state}",
                 state=state_name(state))
    if not {Role.EDITOR, Role.ADMIN} & set(user.roles):
        return _("{name} is not an editor (rule: who corrects)", name=user.real_name)
    return None
