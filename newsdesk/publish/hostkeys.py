"""Who 发布 trusts and what it may say to them: SSH host keys, trusted on first use
(with the person's confirmation) and kept per seat; a key that changed is refused,
never silently accepted. Passwords and key passphrases live in the operating system's
keyring; a machine without one is told so and asked at each run."""
from __future__ import annotations

from typing import Callable

from newsdesk import keyring_store
from newsdesk.errors import NewsdeskError
from newsdesk.targets import Target

SERVICE = "newsdesk-publish"
Confirm = Callable[[str, str], bool]   # (host, fingerprint) → trust it?


class HostKeyChanged(NewsdeskError):
    """The server's key is not the one trusted before: a different machine answers."""


class HostKeyRefused(NewsdeskError):
    """A first-time key that nobody confirmed."""


def check_host_key(store, host: str, port: int, key: str, fingerprint: str,
                   confirm: Confirm | None) -> None:
    """Trust the key (host:port's first time, confirmed), accept it (known), or refuse
    (changed, or unconfirmed)."""
    slot = f"hostkey:{host}:{port}"
    known = store.local_meta(slot)
    if known == key:
        return
    if known is not None:
        raise HostKeyChanged(
            "the host key of {host}:{port} has changed (now {fingerprint}): another machine "
            "may be answering in its place. Nothing was sent. If the host's administrator "
            "confirms a new key, remove the old one with 'newsdesk targets forget-key {host} "
            "{port}'", host=host, port=port, fingerprint=fingerprint)
    if confirm is None or not confirm(f"{host}:{port}", fingerprint):
        raise HostKeyRefused("the host key of {host}:{port} ({fingerprint}) was not confirmed; "
                             "nothing was sent", host=host, port=port, fingerprint=fingerprint)
    with store.transaction(content=False):
        store.set_local_meta(slot, key)


def forget_host_key(store, host: str, port: int) -> bool:
    slot = f"hostkey:{host}:{port}"
    if store.local_meta(slot) is None:
        return False
    with store.transaction(content=False):
        store.delete_local_meta(slot)
    return True


def saved_password(target: Target) -> str | None:
    return keyring_store.get(SERVICE, target.address)


def save_password(target: Target, password: str) -> None:
    keyring_store.put(SERVICE, target.address, password)
