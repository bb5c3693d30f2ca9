"""What a seat accepts from the newsroom's repository, checked before anything is
merged or imported: user records signed by an admin (or, for a new password, by the
user's own earlier key), sign-offs signed by their reviewers and made by someone who
holds the role, and a history that only grows — no commit the seat had seen taken
away. What this seat holds and finds changed there unvouched — a review event, an
account — is put back by the import, which reports it, and sent back up; anything
else unvouched is refused: the refusal names what was wrong and leaves the database
and the seat's own branch as they were."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache, partial

from newsdesk.review import signing
from newsdesk.errors import NewsdeskError
from newsdesk.model import Role
from newsdesk.review import rules
from newsdesk.store import Store
from newsdesk.sync import records as rec

_IDENTITY = ("username", "real_name", "roles", "active")
SPREAD_FROM = 2_000  # signatures verified on one thread below this; in parts of it above


class Refused(NewsdeskError):
    """Something arriving from the newsroom's repository is not to be trusted."""


def check(store: Store, git, base, theirs, pinned_key: str | None, admin_id: str | None,
          known: dict[str, dict] | None = None) -> dict[str, dict | None]:
    """Refused unless everything theirs changed since base may be taken in, but for
    accounts: an account changed there without an admin's signature (or sent again
    older, or removed) is not believed — returned (id → the repository's record, None
    where removed) for the import to keep this seat's copy, which goes back up. Every
    sign-off is checked against the accounts as believed. known: the users trusted
    before it (id → record); the database's by default."""
    changed = git.changed(base, theirs)
    if known is None:
        known = {u.id: _trusted(u) for u in store.users.all()}
    users, forged = accounts(git, changed, known, pinned_key, admin_id)
    _outlets_files(git, theirs, changed, users)
    stages = store.settings().review_stages
    signed: list[tuple] = []  # (title, name, event, keys): checked together, below
    for path, (old, new) in changed.items():
        if rec.story_kind(path) == "events":
            story = rec.story_id(path)
            title = partial(_title, store, git, theirs, path, story)  # asked if refused
            written = cache(partial(_written, git, theirs, changed, path))  # if signed
            signed += _events(title, users, stages, story,
                              rec.lines_records(git.blob(old), path) if old else [],
                              rec.lines_records(git.blob(new), path) if new else [],
                              written)
    _signatures(signed)
    return forged


def forged_account(row: dict) -> Refused:
    """What a joining seat, which holds no copy to keep, says of a forged account."""
    return Refused("the newsroom's copy of {name}'s account ({username}: roles, password "
                   "or keys) is not signed by an admin: refused, nothing taken in",
                   name=row.get("real_name", "?"), username=row.get("username", "?"))


def _signatures(signed: list[tuple]) -> None:
    """Each new event's signature verified — a joining seat's hundreds of thousands
    spread over the cores (cryptography lets go of the GIL while it verifies); the
    first bad one, in order, refused."""
    verified = lambda part: [signing.event_signed_by(e, keys)  # noqa: E731
                             for _title, _name, e, keys in part]
    if len(signed) < SPREAD_FROM:
        good = verified(signed)
    else:
        parts = [signed[i:i + SPREAD_FROM] for i in range(0, len(signed), SPREAD_FROM)]
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            good = [ok for part in pool.map(verified, parts) for ok in part]
    for (title, name, _e, _keys), ok in zip(signed, good):
        if not ok:
            raise Refused("a sign-off of “{title}” in the newsroom's copy claims to be "
                          "{name}'s but is not signed with their key: refused, nothing "
                          "taken in", title=title(), name=name)


def users_at(git, tree) -> dict[str, dict]:
    """The users as a tree of the repository holds them (id → record)."""
    spec = rec.table_of("users/x.toml")
    rows = (rec.table_rows(spec, git.read(tree, path), path)[0]
            for path in git.subtree_files(tree, "users") if spec.holds(path))
    return {row["id"]: _trusted(row) for row in rows}


def _trusted(user) -> dict:
    """A user (a User or a record's row) as trust knows them: what is signed, and by whom."""
    record = user if isinstance(user, dict) else user.__dict__
    return signing.user_record(user) | {"signature": record.get("signature"),
                                        "signed_by": record.get("signed_by")}


def accounts(git, changed: dict, known: dict[str, dict], pinned_key, admin_id
             ) -> tuple[dict[str, dict], dict[str, dict | None]]:
    """Every user as this seat will know them (id → record), and the accounts changed
    without being vouched for (id → the repository's record, None where it is gone:
    accounts are closed, never removed). Accounts are judged by id, wherever their
    files stand (a file moved, renamed or copied keeps its account). A change is
    vouched for when signed by an admin already trusted, or by the pinned founding
    admin's key, or — a new password, nothing else changed — by the user's own earlier
    key; never when it is older than the believed copy it replaces (an old version sent
    again), nor when two files claim one account."""
    known = dict(known)
    spec = rec.table_of("users/x.toml")
    left: dict[str, dict] = {}           # each account as the files changed had it
    arrived: dict[str, list[dict]] = {}  # and as they have it now
    for path, (old, new) in changed.items():
        if spec.holds(path):
            if old:
                row = rec.table_rows(spec, git.blob(old), path)[0]
                left[row["id"]] = row
            if new:
                row = rec.table_rows(spec, git.blob(new), path)[0]
                arrived.setdefault(row["id"], []).append(row)
    forged: dict[str, dict | None] = {i: None for i in left
                                      if i not in arrived and i in known}
    admins = _admins(known, pinned_key, admin_id)
    waiting = {}
    for i, rows in arrived.items():
        row = rows[0]
        if len(rows) > 1:
            forged[i] = row
            continue
        if known.get(i) == _trusted(row):
            continue  # this seat's own copy (put back by a seat that found it changed)
        before = left.get(i)
        # What it replaces, where that was believed: the file's last copy when an admin
        # signed it (a forged one replaced by a true one is a repair), else this seat's.
        if before is None:
            reference = known.get(i)
        else:
            reference = before if _vouched(before, None, admins) else None
        if reference and (row.get("updated_at") or "") < (reference.get("updated_at") or ""):
            forged[i] = row
        else:
            waiting[i] = (row, before)
    while waiting:  # an admin made in this change vouches for those after them
        done = [i for i, (row, before) in waiting.items()
                if _vouched(row, before, _admins(known, pinned_key, admin_id))]
        if not done:
            forged |= {i: row for i, (row, _before) in waiting.items()}
            break
        for i in done:
            known[i] = signing.user_record(waiting.pop(i)[0])
    return known, forged


def _admins(known: dict[str, dict], pinned_key, admin_id) -> dict[str, list[str]]:
    """The active admins' keys (id → keys), the pinned founding admin's among them."""
    trusted = {i: r["public_keys"] for i, r in known.items()
               if Role.ADMIN in r["roles"] and r["active"]}
    if pinned_key and admin_id:
        trusted[admin_id] = [*trusted.get(admin_id, []), pinned_key]
    return trusted


def _outlets_files(git, theirs, changed: dict, users: dict[str, dict]) -> None:
    """Each file only admins change (the newsroom's own settings, the outlet's settings,
    channels, topics, lists) is signed, as it now is, by an admin."""
    files = {rec.signed_file(p) or p for p in changed}
    for path in sorted(files):
        if not rec.admins_only(path):
            continue
        data = git.read(theirs, path)
        sig = rec.sig_record(git.read(theirs, path + rec.SIG), path + rec.SIG)
        signer = users.get(sig.get("signed_by"), {})
        admin = Role.ADMIN in signer.get("roles", []) and signer.get("active")
        if data is not None and not (admin and signing.verify(
                signer["public_keys"], sig.get("signature"),
                signing.file_payload(path, data))):
            raise Refused("the newsroom's copy of {file} (a file only admins change) is not "
                          "signed by an admin: refused, nothing taken in", file=path)


def _vouched(row: dict, before: dict | None, trusted: dict[str, list[str]]) -> bool:
    signer = row.get("signed_by")
    if signer in trusted and signing.user_signed_by(row, trusted[signer]):
        return True
    own = before is not None and signer == row["id"] and all(
        signing.user_record(row)[k] == signing.user_record(before)[k] for k in _IDENTITY)
    return own and signing.user_signed_by(row, before.get("public_keys") or [])


def _events(title, users: dict[str, dict], stages: list[dict], story: str,
            old: list[dict], new: list[dict], written) -> list[tuple]:
    """The story's events checked but for their signatures, which it returns to be
    verified: (title, actor's name, event, actor's keys) for each new signed one. One
    this seat held, changed or dropped there, is not checked here: the import keeps
    this seat's copy and reports the tampering (sync.standing). written(): the story's
    revisions and author, as the newsroom's copy has them."""
    seen = {e["id"] for e in old}
    signed = []
    for i, e in enumerate(new):
        if e["id"] in seen or (e["kind"] not in rules.SIGN_OFFS and not e.get("signature")):
            continue
        actor = users.get(e.get("actor_id"))
        name = (actor or {}).get("real_name") or e.get("actor_id") or "?"
        signed.append((title, name, e | {"article_id": story},
                       actor["public_keys"] if actor else []))
        if actor is not None and (e["kind"] in rules.SIGN_OFFS or e["kind"] == "imported") \
                and not rules.may_sign(actor["roles"], e["kind"], e.get("stage"), stages):
            raise Refused("{name} signed “{title}” ({kind}) without holding that review "
                          "role: refused, nothing taken in", name=name, title=title(),
                          kind=e["kind"])
        if e["kind"] in ("approve", "return") and e.get("actor_id") in _wrote(
                written(), new[:i], e.get("revision")):
            raise Refused("{name} signed or returned “{title}” though they wrote it "
                          "(rule: own story): refused, nothing taken in", name=name,
                          title=title())
    return signed


def _written(git, theirs, changed: dict, path: str) -> tuple[list[dict], str | None]:
    """A story's revisions and its author as the newsroom's copy has them (the blobs
    the change brought, else the tree's)."""
    base = rec.story_base(path)

    def read(suffix: str) -> bytes | None:
        if base + suffix in changed:
            return git.blob(changed[base + suffix][1])
        return git.read(theirs, base + suffix)
    revisions, text = read(".revisions.jsonl"), read(".md")
    author = rec.story_record(text, base + ".md")[0].get("author_id") if text else None
    return (rec.lines_records(revisions, base + ".revisions.jsonl") if revisions else [],
            author)


def _wrote(written: tuple[list[dict], str | None], before: list[dict],
           revision: int | None) -> set[str]:
    """Who had written the story when a sign-off of this revision was made."""
    revisions, author = written
    return rules.writers([r for r in revisions if r["number"] <= (revision or 0)], before,
                         author)


def _title(store: Store, git, theirs, path: str, story: str) -> str:
    """The story's headline here, else as the newsroom's copy has it."""
    here = store.syncing.titles([story]).get(story)
    if here:
        return here
    text = git.read(theirs, rec.story_base(path) + ".md")
    return rec.story_record(text, path)[0].get("title", story[:8]) if text else story[:8]
