"""Who 发布 trusts and what it may say to them: SSH host keys, trusted on first use
(with the person's confirmation) and kept per seat; a key that changed is refused,
never silently accepted. Passwords and key passphrases live in the operating system's
keyring; a machine without one is told so and asked at each run."""
from __future__ import annotations

from typing import Callable

from newsdesk.errors import NewsdeskError
from newsdesk.publish.targets import Target

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


# keyring is imported when a password is wanted: at the app's start it would cost 40 ms.
def keyring_works() -> bool:
    import keyring
    from keyring.backends import fail
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def saved_password(target: Target) -> str | None:
    import keyring
    import keyring.errors
    if not keyring_works():
        return None
    try:
        return keyring.get_password(SERVICE, target.address)
    except keyring.errors.KeyringError:
        return None


def save_password(target: Target, password: str) -> None:
    import keyring
    import keyring.errors
    if not keyring_works():
        raise NewsdeskError("this machine has no keyring to keep passwords in: the password "
                            "is asked at each run")
    try:
        keyring.set_password(SERVICE, target.address, password)
    except keyring.errors.KeyringError as e:
        raise NewsdeskError("the keyring refused the password: {reason}", reason=e) from None
