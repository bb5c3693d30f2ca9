"""The audit of the review history: every story's event chain walked again, hash by hash."""
from __future__ import annotations

from dataclasses import dataclass

from newsdesk.review import chain, signing
from newsdesk.i18n import _
from newsdesk.store import Store


@dataclass
class AuditProblem:
    article_id: str
    seq: int
    event_id: str
    reason: str


def audit(store: Store) -> list[AuditProblem]:
    """Re-walk every article's event chain (the first broken row of each article), and
    check every signature: a signed event must verify with its actor's keys."""
    problems = _chains(store)
    keys = {u.id: u.public_keys for u in store.users.all()}
    for e in store.events.every():
        if e.signature and not signing.event_signed_by(vars(e), keys.get(e.actor_id, [])):
            problems.append(AuditProblem(e.article_id, e.seq, e.id, _(
                "the signature is not its actor's (forged, or changed after signing)")))
    return problems


def _chains(store: Store) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    current, prev, expected, broken = None, chain.GENESIS, 1, False
    for e in store.events.every():
        if e.article_id != current:
            current, prev, expected, broken = e.article_id, chain.GENESIS, 1, False
        if broken:
            continue
        reason = None
        if e.seq != expected:
            reason = _("row(s) missing before seq {seq}", seq=e.seq)
        elif e.prev_hash != prev:
            reason = _("prev_hash does not match the row before it")
        elif chain.event_hash(e.prev_hash, e.__dict__) != e.hash:
            reason = _("stored hash does not match the row's content (edited by hand?)")
        if reason:
            problems.append(AuditProblem(e.article_id, e.seq, e.id, reason))
            broken = True
        prev, expected = e.hash, e.seq + 1
    return problems
