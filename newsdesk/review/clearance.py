"""Whether a story may be on the public site: its live revision is vouched for by the
review round that led to it — a sign-off of every configured stage, each by an active
holder of that stage's role (rules.may_sign), nobody signing two stages, each signed
with its signer's key, the last one's content hash that of the live text — or by its
import as published, signed by an active admin with the same hash. In the demo
newsroom (its users have no keys) the signatures are not asked for; the stages and the
hash are. Whatever a seat took in (a story file changed in the shared repository, a
database changed behind the workflow's back), the export and the publish run put live
only what this says is cleared.

This seat remembers each signature it verified and each story's verdict as of the
story's latest change (store.clearances), so an export judges only what changed."""
from __future__ import annotations

import hashlib
import json

from newsdesk.i18n import N_, _
from newsdesk.model import Role
from newsdesk.review import rules, signing
from newsdesk.store import Store

CHUNK = 1000  # stories judged at a time (their texts are read whole)
VERSION = 1   # of these rules: a change judges every story again

NOTHING = N_("no completed review and no import as published vouches for it")
MISSING = N_("its {stage} sign-off is missing")
NOT_HOLDER = N_("its {stage} sign-off is by {name}, who is not an active holder of the "
                "{stage} role")
TWO_STAGES = N_("{name} signed two of its stages")
NOT_SIGNED = N_("its {stage} sign-off is not signed with {name}'s key (forged, or changed "
                "after signing)")
NOT_ADMIN = N_("its import as published is not by an active admin")
IMPORT_NOT_SIGNED = N_("its import as published is not signed with {name}'s key")
CHANGED = N_("its text is not the text that was signed off (changed afterwards)")


class Judge:
    """The rules as they stand on this seat now: stages, reviewers, their keys."""

    def __init__(self, store: Store):
        settings = store.settings()
        self.store = store
        self.stages = settings.review_stages
        self.demo = settings.demo
        self.users = {u.id: u for u in store.users.all()}
        # What a remembered verdict depends on besides the story itself.
        basis = [VERSION, self.demo, self.stages,
                 sorted([u.id, u.real_name, sorted(u.roles), u.active, u.public_keys]
                        for u in self.users.values())]
        self.context = hashlib.sha256(json.dumps(basis, ensure_ascii=False).encode()
                                      ).hexdigest()

    def withheld(self, ids: list[str]) -> dict[str, str]:
        """Of these live stories, those not cleared → why (as a message)."""
        known = self.store.clearances.verdicts(ids, self.context)
        todo = [i for i in ids if i not in known]
        for start in range(0, len(todo), CHUNK):
            known |= self._judge(todo[start:start + CHUNK])
        return {i: say(r) for i, r in known.items() if r is not None}

    def _judge(self, ids: list[str]) -> dict[str, str | None]:
        seqs = self.store.clearances.seqs(ids)   # before the stories: see seqs()
        contents = self.store.clearances.live_content(ids)
        events = self.store.clearances.events(ids)
        vouching = {i: _vouching(events[i], len(self.stages)) for i in ids}
        legacy = self.store.clearances.legacy(
            [i for i, v in vouching.items() if not v or _before_hashes(v)])
        signed = [e for v in vouching.values() if v for e in _signoffs(v)]
        good = set() if self.demo else self._verified(signed)
        verdicts = {i: self._verdict(vouching[i], contents.get(i), good, legacy.get(i))
                    for i in ids}
        self.store.clearances.remember(
            [(i, seqs[i], v) for i, v in verdicts.items() if i in seqs], self.context)
        return verdicts

    def _verdict(self, vouching, content: dict | None, good: set[str],
                 legacy: dict | None) -> str | None:
        """legacy: the text the story had live when this seat took up clearances."""
        if content is not None and legacy is not None and \
                signing.content_hash(legacy) == signing.content_hash(content):
            return None  # live before sign-offs named their text, and unchanged since
        if vouching is None or content is None:
            return _reason(NOTHING)
        if vouching.get("kind") == "imported":
            return self._imported(vouching, content, good)
        names = []
        for k, stage in enumerate(self.stages, 1):
            e = vouching.get(k)
            if e is None:
                return _reason(MISSING, stage=stage["name"])
            user = self.users.get(e["actor_id"])
            name = user.real_name if user else str(e["actor_id"])
            if user is None or not user.active or not rules.may_sign(
                    user.roles, "approve", k, self.stages):
                return _reason(NOT_HOLDER, stage=stage["name"], name=name)
            if not self.demo and e["id"] not in good:
                return _reason(NOT_SIGNED, stage=stage["name"], name=name)
            if name in names:
                return _reason(TWO_STAGES, name=name)
            names.append(name)
        if vouching[len(self.stages)]["detail"].get("content_hash") != \
                signing.content_hash(content):
            return _reason(CHANGED)
        return None

    def _imported(self, e: dict, content: dict, good: set[str]) -> str | None:
        user = self.users.get(e["actor_id"])
        if user is None or not user.active or Role.ADMIN not in user.roles:
            return _reason(NOT_ADMIN)
        if not self.demo and e["id"] not in good:
            return _reason(IMPORT_NOT_SIGNED, name=user.real_name)
        if e["detail"].get("content_hash") != signing.content_hash(content):
            return _reason(CHANGED)
        return None

    def _verified(self, events: list[dict]) -> set[str]:
        """Ids of these events whose signature verifies with their actor's key: what this
        seat verified before is looked up, the rest verified and remembered."""
        keys = {e["id"]: self.users[e["actor_id"]].public_keys if e["actor_id"] in
                self.users else [] for e in events}
        events = [e for e in events if e.get("signature")]
        digests = {e["id"]: _digest(e) for e in events}
        seen = self.store.clearances.verified([(e["id"], e["signature"]) for e in events])
        good, new = set(), []
        for e in events:
            payload, key = seen.get((e["id"], e["signature"]), (None, None))
            if payload == digests[e["id"]] and key in keys[e["id"]]:
                good.add(e["id"])
                continue
            key = next((k for k in keys[e["id"]] if signing.event_signed_by(e, [k])), None)
            if key is not None:
                good.add(e["id"])
                new.append((e["id"], e["signature"], digests[e["id"]], key))
        if new:
            self.store.clearances.remember_verified(new)
        return good


def _vouching(events: list[dict], last: int) -> dict | None:
    """What vouches for the live revision: the first sign-off of each stage (stage →
    event) of the latest round completed when it was last published, or the latest
    import as published (the event). A correction signed off but not yet published
    leaves the page on the round before it."""
    found, live, current = None, None, {}
    for e in events:
        if e["kind"] in ("submit", "void"):
            current = {}
        elif e["kind"] == "approve" and e["stage"] is not None:
            current.setdefault(e["stage"], e)
            if e["stage"] == last:
                found = dict(current)
        elif e["kind"] == "imported":
            found = live = e
        elif e["kind"] == "publish":
            live = found
    return live if live is not None else found


def _before_hashes(vouching: dict) -> bool:
    """Was this round signed off before sign-offs named their text?"""
    signoffs = _signoffs(vouching)
    return not any("content_hash" in e["detail"] for e in signoffs)


def _signoffs(vouching: dict) -> list[dict]:
    return [vouching] if vouching.get("kind") == "imported" else list(vouching.values())


def _digest(event: dict) -> str:
    return hashlib.sha256(signing.canonical(event, signing.EVENT_SIGNED)).hexdigest()


def _reason(message: str, **values) -> str:
    """A reason as remembered: the message id and its values (said in the language of
    whoever reads it)."""
    return json.dumps([message, values], ensure_ascii=False)


def say(reason: str) -> str:
    message, values = json.loads(reason)
    return _(message, **values)

