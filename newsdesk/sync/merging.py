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

from newsdesk import chain
from newsdesk.merge import places

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


# Where a story stands in review: decided by the review events, not by the later save
# (a return made meanwhile wins, else the later change's), and never a person's
# conflict to settle — taking "the other version" would skip a sign-off.
WORKFLOW = ("state", "review_stage", "submitted_at")


def returned_side(base_events: list[dict], ours: list[dict], theirs: list[dict]
                  ) -> str | None:
    """'ours' or 'theirs' when only that side returned the story (退回) since they
    parted: a return concurrent with a sign-off wins, the sign-off stays on record."""
    known = {e["id"] for e in base_events}
    returned = [side for side, events in (("ours", ours), ("theirs", theirs))
                if any(e["kind"] == "return" and e["id"] not in known for e in events)]
    return returned[0] if len(returned) == 1 else None


def merge_story(record: str, base: tuple[dict, str], ours: tuple[dict, str],
                theirs: tuple[dict, str], workflow_side: str | None = None
                ) -> tuple[tuple[dict, str], list[Conflict]]:
    """(front matter, body) of one story; workflow_side: the side whose review state
    stands (see returned_side), else the later change's. The revision number is the
    higher: both seats' revisions are kept (merge_revisions)."""
    fields, conflicts = merge_fields(record, base[0], ours[0], theirs[0],
                                     skip=(*WORKFLOW, "revision"))
    if workflow_side:
        side = ours[0] if workflow_side == "ours" else theirs[0]
        fields |= {k: side[k] for k in WORKFLOW if k in side}
        fields = {k: v for k, v in fields.items() if k in side or k not in WORKFLOW}
    numbers = [x["revision"] for x in (ours[0], theirs[0]) if x.get("revision")]
    if numbers:
        fields["revision"] = max(numbers)
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
    shared = ours[:n]
    seen = {e["id"] for e in shared}
    rest = sorted({e["id"]: e for e in ours[n:] + theirs[n:] if e["id"] not in seen}
                  .values(), key=lambda e: (e["at"], e["id"]))
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
