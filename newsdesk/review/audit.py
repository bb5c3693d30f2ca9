"""The audit of the review history: every story's event chain walked again, hash by
hash; every signature checked against its signer's keys; every live story's text
against what its sign-offs vouch for; every account against the admin who vouched
for it."""
from __future__ import annotations

from dataclasses import dataclass

from newsdesk.review import chain, rules, signing
from newsdesk.review.clearance import Judge
from newsdesk.i18n import _
from newsdesk.model import Role
from newsdesk.store import Store


@dataclass
class AuditProblem:
    article_id: str
    seq: int
    event_id: str
    reason: str
    username: str = ""   # a problem of an account, not of a story


def audit(store: Store) -> list[AuditProblem]:
    """Re-walk every article's event chain (the first broken row of each article),
    check every signature (a signed event must verify with its actor's keys; outside
    the demo a sign-off must be signed), that every live story is cleared (its final
    sign-off's content hash that of its live text: review.clearance), and that every
    account that is signed is vouched for by an admin (or, for a new password, by its
    own user)."""
    problems = _chains(store)
    demo = store.settings().demo
    users = {u.id: u for u in store.users.all()}
    for e in store.events.every():
        keys = users[e.actor_id].public_keys if e.actor_id in users else []
        if e.signature and not signing.event_signed_by(vars(e), keys):
            problems.append(AuditProblem(e.article_id, e.seq, e.id, _(
                "the signature is not its actor's (forged, or changed after signing)")))
        elif not e.signature and not demo and e.kind in rules.SIGN_OFFS:
            problems.append(AuditProblem(e.article_id, e.seq, e.id, _(
                "a sign-off without its signer's signature")))
    live = store.exports.live_ids()
    for article_id, reason in Judge(store).withheld(live).items():
        problems.append(AuditProblem(article_id, 0, "", _(
            "live, but held back from the site: {reason}", reason=reason)))
    return problems + _accounts(users)


def _accounts(users: dict) -> list[AuditProblem]:
    """Each signed account as it stands, signed by an active admin's key or (its own
    password changed) by the user's own."""
    problems = []
    for user in users.values():
        if not user.signature:
            continue
        row = vars(user)
        signer = users.get(user.signed_by)
        admin = signer is not None and signer.active and Role.ADMIN in signer.roles
        if not ((admin or (signer is not None and signer.id == user.id))
                and signing.user_signed_by(row, signer.public_keys)):
            problems.append(AuditProblem("", 0, "", _(
                "the account is not as its admin signed it (roles, password or keys "
                "changed after signing, or signed by someone who is not an admin)"),
                username=user.username))
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
