"""Who may have an account without a password. A sign-off (初审/复审/终审), a return or a
withdrawal is a reviewer's or an admin's own act: outside the demo newsroom such an
account must have a password, set when the account is made or given the role, and
asked for when someone switches to it. The demo newsroom (site setting `demo`) keeps
its password-free users for trying things out, and says it is a demo."""
from __future__ import annotations

from typing import Iterable

from newsdesk.review import auth, signing
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, _
from newsdesk.model import SIGNING_ROLES, Role, User
from newsdesk.store import Store



class PasswordRequired(NewsdeskError):
    """A reviewer's or admin's account without a password, outside the demo."""


def is_demo(store: Store) -> bool:
    return store.settings().demo


def needs_password(store: Store, roles: Iterable[str]) -> bool:
    return bool(SIGNING_ROLES & set(roles)) and not is_demo(store)


def unguarded(store: Store) -> bool:
    """Nobody need be proven to act: in the demo newsroom, and in a new database until
    its first admin is added (there is nobody yet to prove)."""
    return is_demo(store) or not store.users.with_role(Role.ADMIN)


def add_user(store: Store, username: str, real_name: str, roles: Iterable[str],
             password: str | None = None, actor_id: str | None = None) -> User:
    """A new account; one with a reviewer or admin role needs a password."""
    roles = list(roles)
    bad = [r for r in roles if r not in set(Role)]
    if bad:
        raise NewsdeskError("unknown role {role!r}; roles are {roles}", role=bad[0],
                            roles=", ".join(r.value for r in Role))
    if needs_password(store, roles) and not password:
        raise PasswordRequired(
            "{username} would review or administer: give the account a password "
            "(a sign-off must be its reviewer's own)", username=username)
    if not unguarded(store):
        require_admin(store.users.get(actor_id) if actor_id else None, N_("add users"))
    _can_vouch(store, actor_id, None)
    pair, key = _new_key(password)
    user = store.users.add(username, real_name, roles,
                           auth.hash_password(password) if password else None, actor_id,
                           pair)
    signing.unlock(user.id, key)
    vouch(store, user.id, actor_id)
    return store.users.get(user.id)


def set_password(store: Store, user: User, password: str | None,
                 actor_id: str | None = None) -> None:
    """Set (or, with an empty one, remove) a password: by the user themself (proven by
    their old one) or an admin; a reviewer's or admin's cannot be removed outside the
    demo."""
    if not password and needs_password(store, user.roles):
        raise PasswordRequired("{name} reviews or administers: the password cannot be removed",
                               name=user.real_name)
    if not unguarded(store) and actor_id != user.id:
        require_admin(store.users.get(actor_id) if actor_id else None,
                      N_("set someone else's password"))
    _can_vouch(store, actor_id, user.id)
    pair, key = _new_key(password)
    store.users.set_password_hash(user.id, auth.hash_password(password) if password else None,
                                  actor_id, pair)
    vouch(store, user.id, actor_id)  # a user's own change: signed with their old key
    signing.unlock(user.id, key)


def change_user(store: Store, admin: User, user: User, *, roles: Iterable[str] | None = None,
                active: bool | None = None) -> User:
    """An admin changes someone's roles or deactivates them (an account is never deleted:
    its name stays on what it signed). A signing role needs a password outside the demo;
    the last active admin stays an admin."""
    require_admin(admin, N_("change users"))
    _can_vouch(store, admin.id, user.id)
    values: dict = {}
    if roles is not None:
        roles = list(roles)
        bad = [r for r in roles if r not in set(Role)]
        if bad:
            raise NewsdeskError("unknown role {role!r}; roles are {roles}", role=bad[0],
                                roles=", ".join(r.value for r in Role))
        if not user.password_hash and needs_password(store, roles):
            raise PasswordRequired("{name} would review or administer: set a password first",
                                   name=user.real_name)
        values["roles"] = roles
    if active is not None:
        values["active"] = active
    after = set(values.get("roles", user.roles)) if values.get("active", user.active) else set()
    if Role.ADMIN in user.roles and Role.ADMIN not in after and not [
            u for u in store.users.with_role(Role.ADMIN) if u.id != user.id]:
        raise NewsdeskError("{name} is the last admin: make someone else an admin first",
                            name=user.real_name)
    store.users.update(user.id, admin.id, **values)
    vouch(store, user.id, admin.id)
    return store.users.get(user.id)


def _new_key(password: str | None) -> tuple[tuple[str, str] | None, object]:
    """((public key, sealed private key), the private key) for a password."""
    if not password:
        return None, None
    public, sealed, key = signing.new_key(password)
    return (public, sealed), key


def _can_vouch(store: Store, signer_id: str | None, user_id: str | None) -> None:
    """In a newsroom of many seats every account change is signed (the other seats
    refuse one that is not): by an admin whose key is unlocked here, or by the user
    themselves for their own password."""
    if not store.syncing.mark("remote"):
        return
    signer = store.users.get(signer_id) if signer_id else None
    if signer is None or not signing.can_sign(signer.id) or not (
            Role.ADMIN in signer.roles or signer.id == user_id):
        raise NewsdeskError("in a newsroom of many seats an account changes only when an "
                            "admin signs it: act as one, with their password (--as ADMIN)")


def vouch(store: Store, user_id: str, signer_id: str | None) -> None:
    """Sign the account as it now stands: by an admin, or by its own user for a new
    password. Unsigned when the signer's key is not unlocked here (a seat of a newsroom
    then refuses the change)."""
    user = store.users.get(user_id)
    signer = store.users.get(signer_id) if signer_id else None
    if signer is None or not (Role.ADMIN in signer.roles or signer.id == user.id):
        return
    signature = signing.sign_user(user, signer.id)
    if signature:
        store.users.set_signature(user.id, signer.id, signature)


def require_admin(user: User | None, what: str) -> None:
    """Settings, users and lists are the outlet's: only admins change them (None: nobody
    was named)."""
    if user is None:
        raise NewsdeskError("only admins {what}: act as one (--as ADMIN, with their "
                            "password)", what=_(what))
    refusal = why_not_admin(user, what)
    if refusal:
        raise NewsdeskError(refusal)


def why_not_admin(user: User, what: str) -> str | None:
    """Why user may not do what only admins do, or None (screens say it beforehand)."""
    if Role.ADMIN not in user.roles:
        return _("{name} is not an admin; only admins {what}", name=user.real_name,
                 what=_(what))
    return None


def change_settings(store: Store, admin: User | None, values: dict) -> list[str]:
    """The site settings given, changed by an admin (the names changed)."""
    require_admin(admin, N_("change site settings"))
    return store.set_settings(values, admin.id)


def check_signer(store: Store, user: User) -> None:
    """Refuse a reviewer's or admin's act by an account that has no password (made
    before passwords were required): anyone at the PC could act as it."""
    if not user.password_hash and needs_password(store, user.roles):
        raise PasswordRequired(
            "{name} has no password, so anyone could sign as them: set one "
            "first ('newsdesk users passwd {username} --as ADMIN', or switch to "
            "the user in the app)", name=user.real_name, username=user.username)
