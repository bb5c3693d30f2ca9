"""Merging what two seats changed from the same record, by record type (DESIGN §11).
Pure functions over records, deterministic: whichever seat merges gets the same.

- rows of small tables and a story's front matter merge field by field: a field one
  side changed takes that side; the same field changed on both → the later change
  (updated_at) wins, the other is kept as a conflict;
- a body merges three-way with paragraphs as lines; a paragraph both changed keeps
  the later side, the other side's text is kept as a conflict;
- events are a union: the common history stays, what each side appended after it is
  put in time order and chained again;
- revisions are a union; a number both sides used goes to the later one's next."""
from __future__ import annotations

import json
from dataclasses import dataclass

from newsdesk.review import chain
from newsdesk.text.merge import places
from newsdesk.review import rules

_STAMP = ("updated_at", "updated_by")


@dataclass
class Conflict:
    """A change that lost to a later one on the same field or paragraph: both values
    as JSON (a body's place as the text of its paragraphs)."""
    record: str        # the story id, or the table and the row's key
    field: str
    kept: str
    other: str
    other_by: str | None
    other_at: str


def _conflict(record: str, name: str, kept, loser: dict) -> Conflict:
    return Conflict(record, name, json.dumps(kept, ensure_ascii=False),
                    json.dumps(loser.get(name), ensure_ascii=False),
                    loser.get("updated_by"), loser.get("updated_at") or "")


def _later(ours: dict, theirs: dict) -> bool:
    """Does theirs win? The later updated_at; a tie goes to the larger text, so both
    seats choose alike."""
    a = (ours.get("updated_at") or "", repr(sorted(ours.items())))
    b = (theirs.get("updated_at") or "", repr(sorted(theirs.items())))
    return b > a


def merge_fields(record: str, base: dict, ours: dict, theirs: dict,
                 skip: tuple[str, ...] = ()) -> tuple[dict, list[Conflict]]:
    """One record's fields, three-way (missing fields are None)."""
    theirs_wins = _later(ours, theirs)
    out, conflicts = {}, []
    for name in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(name), ours.get(name), theirs.get(name)
        if name in _STAMP:
            out[name] = (theirs if theirs_wins else ours).get(name)
        elif o == t or t == b:
            out[name] = o
        elif o == b:
            out[name] = t
        else:
            out[name] = t if theirs_wins else o
            if name not in skip:
                conflicts.append(_conflict(record, name, out[name],
                                           ours if theirs_wins else theirs))
    return {k: v for k, v in out.items() if v is not None}, conflicts


def merge_rows(table: str, key: tuple[str, ...], base: list[dict], ours: list[dict],
               theirs: list[dict]) -> tuple[list[dict], list[Conflict]]:
    """A small table's rows, each row field by field; a row one side deleted goes
    unless the other side changed it."""
    index = lambda rows: {tuple(str(r.get(k)) for k in key): r for r in rows}  # noqa: E731
    b, o, t = index(base), index(ours), index(theirs)
    out, conflicts = [], []
    for k in dict.fromkeys([*o, *t, *b]):
        br, orow, trow = b.get(k), o.get(k), t.get(k)
        if orow is None or trow is None:
            alive = orow if trow is None else trow
            if alive is not None and (br is None or alive != br):
                out.append(alive)  # added on one side, or changed where the other deleted
            continue
        row, found = merge_fields(f"{table}:{'/'.join(k)}", br or {}, orow, trow)
        out.append(row)
        conflicts += found
    return out, conflicts


def merge_body(record: str, base: str, ours: str, theirs: str, theirs_wins: bool,
               other_by: str | None, other_at: str) -> tuple[str, list[Conflict]]:
    """A body by paragraph; where both changed the same place, the later side's text."""
    out, conflicts = [], []
    for place in places(base, ours, theirs):
        if isinstance(place, tuple):
            kept, other = (place[1], place[0]) if theirs_wins else place
            out += kept
            conflicts.append(Conflict(record, "body", json.dumps("\n\n".join(kept),
                                                                 ensure_ascii=False),
                                      json.dumps("\n\n".join(other), ensure_ascii=False),
                                      other_by, other_at))
        else:
            out.append(place)
    return "\n\n".join(out), conflicts


# Where a story stands in review: decided by the review events, never by the later save
# and never a person's conflict to settle — taking "the other version" would skip a
# sign-off.
WORKFLOW = ("state", "review_stage", "submitted_at")


def interleaved(ours: list[dict], theirs: list[dict]) -> list[dict]:
    """Two seats' new events in time order, each seat's own order kept (times are to
    the second: events of one second stay as they happened there); one both hold, once.
    The same whichever side is ours."""
    out, i, j = [], 0, 0
    key = lambda e: (e.get("at") or "", e["id"])  # noqa: E731
    while i < len(ours) or j < len(theirs):
        if j == len(theirs) or (i < len(ours) and key(ours[i]) <= key(theirs[j])):
            out.append(ours[i])
            i += 1
        else:
            out.append(theirs[j])
            j += 1
    seen: set[str] = set()
    return [e for e in out if not (e["id"] in seen or seen.add(e["id"]))]


def review_state(start: dict, base: list[dict], ours: list[dict], theirs: list[dict],
                 merged: list[dict], last_stage: int) -> dict | None:
    """The review fields after what two seats did since they parted (ours, theirs:
    each seat's events; merged: as merge_events chains them), replayed from where the
    story stood then (start: its fields there). A return on one seat beats the other
    seat's sign-offs made meanwhile (they stay on record); of two sign-offs of one
    stage the first counts. None when at most one seat moved it in review since."""
    known = {e["id"] for e in base}
    new = [e for e in merged if e["id"] not in known]
    mine, yours = ({e["id"] for e in side if e["id"] not in known} for side in (ours, theirs))
    if not (mine and yours) or all(e["kind"] == "revise" for e in new):
        # One seat alone moved it: where it stands is that seat's (merge_fields takes
        # it), already decided there from the order its events have. Replayed from the
        # start here it could differ: an event the other merged in before ones the
        # start held, a sign-off outvoted in a merge there, would count again.
        return None
    returned = [side for side in (mine, yours)
                if any(e["kind"] == "return" for e in new if e["id"] in side)]
    outvoted = (yours - mine if returned[0] is mine else mine - yours) \
        if len(returned) == 1 else set()
    fields = {k: start.get(k) for k in WORKFLOW}
    for e in new:
        if e["kind"] == "approve" and e["id"] in outvoted:
            continue
        fields |= rules.moved(fields, e, last_stage, start.get("publish_at")) or {}
    return fields


def merge_story(record: str, base: tuple[dict, str], ours: tuple[dict, str],
                theirs: tuple[dict, str], review: dict | None = None
                ) -> tuple[tuple[dict, str], list[Conflict]]:
    """(front matter, body) of one story; review: its review fields as the seats'
    events leave them (review_state), else the later change's. The revision number is
    no conflict either: it follows the story's revisions (rows.article_of)."""
    fields, conflicts = merge_fields(record, base[0], ours[0], theirs[0],
                                     skip=(*WORKFLOW, "revision"))
    if review is not None:
        fields = {k: v for k, v in (fields | review).items() if v is not None}
    theirs_wins = _later(ours[0], theirs[0])
    loser = ours[0] if theirs_wins else theirs[0]
    body, found = merge_body(record, base[1], ours[1], theirs[1], theirs_wins,
                             loser.get("updated_by"), loser.get("updated_at") or "")
    return (fields, body), conflicts + found


def merge_events(article_id: str, ours: list[dict], theirs: list[dict]) -> list[dict]:
    """A story's review events: the history both sides share, then whatever either
    appended after it in (time, id) order, chained again onto the shared part."""
    n = 0
    while n < min(len(ours), len(theirs)) and ours[n]["id"] == theirs[n]["id"]:
        n += 1
    if n in (len(ours), len(theirs)):   # one side only appended
        return ours if len(ours) >= len(theirs) else theirs
    mine, yours = {e["id"] for e in ours}, {e["id"] for e in theirs}
    if mine < yours or yours < mine:  # one side holds all the other's, in its order
        return theirs if mine < yours else ours
    shared = ours[:n]
    seen = {e["id"] for e in shared}
    rest = interleaved([e for e in ours[n:] if e["id"] not in seen],
                       [e for e in theirs[n:] if e["id"] not in seen])
    prev = shared[-1]["hash"] if shared else chain.GENESIS
    out = list(shared)
    for e in rest:
        e = e | {"seq": len(out) + 1, "prev_hash": prev}
        e["hash"] = prev = chain.event_hash(prev, e | {"article_id": article_id})
        out.append(e)
    return out


# A story's 机审 records, each once: an accepted finding by what it matched, a report
# by the revision it was made for.
CHECK_KEYS = {"accepted": ("rule", "field", "text"), "reports": ("revision",)}


def merge_checks(kind: str, base: list[dict], ours: list[dict], theirs: list[dict]
                 ) -> tuple[list[dict], list[Conflict]]:
    """A story's accepted findings or reports from both sides, in key order. Two
    reports of one revision number (two seats submitted at once) are 机审's own
    output: the later stands, nobody is asked."""
    rows, found = merge_rows(kind, CHECK_KEYS[kind], base, ours, theirs)
    if kind == "reports":
        found = []
    return sorted(rows, key=lambda r: [str(r.get(k)) for k in CHECK_KEYS[kind]]), found


def merge_revisions(ours: list[dict], theirs: list[dict]) -> list[dict]:
    """A story's revisions, each once; a number taken twice goes to the later one's
    next free number."""
    rows = sorted({r["id"]: r for r in ours + theirs}.values(),
                  key=lambda r: (r["number"], r.get("created_at") or "", r["id"]))
    out, used = [], set()
    top = max((r["number"] for r in rows), default=0)
    for r in rows:
        if r["number"] in used:
            top += 1
            r = r | {"number": top}
        used.add(r["number"])
        out.append(r)
    return sorted(out, key=lambda r: r["number"])
