"""The one door every change to the newsroom comes through: who acts, proven. A user
with a password gives it (which unlocks their signing key in this process); an admin
where the rule says admin. The command line's --as and the app's signed-in user both
come here, so neither a command nor a screen acts as someone it has not proven.

The demo newsroom needs no passwords (it says so), and neither does a new database
before its first admin: there is nobody yet to prove."""
from __future__ import annotations

from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_
from newsdesk.model import User
from newsdesk.review import accounts, workflow
from newsdesk.store import Store

DEMO_NOTE = N_("a demo newsroom: nobody needs a password here, so anyone can act as anyone")


class NotProven(NewsdeskError):
    """A change without a proven actor, or by someone the rule does not allow."""


def enter(store: Store, username: str, password: str | None) -> User:
    """The user, proven: active and their password checked; outside the demo an
    account without one cannot act (anyone could, as it). Raises NewsdeskError."""
    user = store.users.find(username)
    if not user.active:
        raise NotProven("{name} is deactivated and cannot act", name=user.real_name)
    if not user.password_hash and not accounts.is_demo(store):
        raise accounts.PasswordRequired(
            "{name} has no password, so anyone could act as them: an admin sets one "
            "first ('newsdesk users passwd {username} --as ADMIN')", name=user.real_name,
            username=user.username)
    workflow.check_password(user, password)
    return user


def refuse_unnamed(store: Store) -> None:
    """Refuse a change nobody is named for, unless nobody need be proven here (the
    demo, a new database before its first admin)."""
    if not accounts.unguarded(store):
        raise NotProven("this changes the newsroom: say who acts (--as USER, with their "
                        "password)")


def change_own_password(store: Store, user: User, old: str | None, new: str) -> None:
    """A user's own new password, proven by the old one as --as USER proves it."""
    accounts.set_password(store, enter(store, user.username, old), new, user.id)
