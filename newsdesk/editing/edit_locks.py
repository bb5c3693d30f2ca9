"""One editor per story: a lock with a heartbeat, per running app (instance). Another
app sees who holds it and may take it over; the holder learns at its next heartbeat.
A lock whose heartbeat stopped (the app crashed or was closed) lapses."""
from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import timedelta

from newsdesk import process, times
from newsdesk.model import User
from newsdesk.store import Store

HEARTBEAT_S = 10
LAPSE_S = 3 * HEARTBEAT_S


@dataclass
class LockState:
    ours: bool
    holder: str = ""          # the real name of whoever holds it, when not us
    since: str = ""           # their last heartbeat (stored UTC text)
    taken_from: str = ""      # whom we took it from, when we took it over


def new_instance() -> str:
    """A running editor's name for its locks: machine, process, then a random part."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex}"


def _lapsed(lock: dict, now: str) -> bool:
    return times.from_stored(lock["heartbeat_at"]) + timedelta(seconds=LAPSE_S) < \
        times.from_stored(now)


def _left_by_our_crash(lock: dict, user: User) -> bool:
    """The lock is this user's, from this machine, and the app that took it is gone
    (it crashed or was killed): nobody else is editing, so no take-over is needed."""
    host, _, rest = lock["instance"].partition("/")
    pid = rest.partition("/")[0]
    return (lock["user_id"] == user.id and host == socket.gethostname() and pid.isdigit()
            and not process.alive(int(pid)))


def acquire(store: Store, article_id: str, user: User, instance: str,
            take_over: bool = False, now: str | None = None) -> LockState:
    now = now or times.now()
    lock = store.locks.get(article_id)
    held = lock and lock["instance"] != instance and not _lapsed(lock, now) \
        and not _left_by_our_crash(lock, user)
    if held and not take_over:
        return LockState(False, store.users.get(lock["user_id"]).real_name, lock["heartbeat_at"])
    taken = store.users.get(lock["user_id"]).real_name if held else ""
    store.locks.set(article_id, user.id, instance, now, taken_from=taken or None)
    return LockState(True, taken_from=taken)


def heartbeat(store: Store, article_id: str, user: User, instance: str,
              now: str | None = None) -> LockState:
    """Renew our lock; when someone took it over, say who."""
    now = now or times.now()
    if store.locks.touch(article_id, instance, now):
        return LockState(True)
    lock = store.locks.get(article_id)
    if lock is None:  # it was released and nobody took it: ours again
        store.locks.set(article_id, user.id, instance, now)
        return LockState(True)
    return LockState(False, store.users.get(lock["user_id"]).real_name, lock["heartbeat_at"])


def release(store: Store, article_id: str, instance: str) -> None:
    store.locks.drop(article_id, instance)
