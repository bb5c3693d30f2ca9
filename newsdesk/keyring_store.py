"""Secrets kept in the operating system's keyring (Windows Credential Manager, macOS
Keychain, the Secret Service), never in a database or the newsroom's repository: the
publish targets' passwords, the newsroom repository's login. keyring is imported when
a secret is wanted: at the app's start it would cost 40 ms."""
from __future__ import annotations

from newsdesk.errors import NewsdeskError


def keyring_works() -> bool:
    import keyring
    from keyring.backends import fail
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def get(service: str, key: str) -> str | None:
    import keyring
    import keyring.errors
    if not keyring_works():
        return None
    try:
        return keyring.get_password(service, key)
    except keyring.errors.KeyringError:
        return None


def put(service: str, key: str, secret: str) -> None:
    import keyring
    import keyring.errors
    if not keyring_works():
        raise NewsdeskError("this machine has no keyring to keep passwords in: the password "
                            "is asked at each run")
    try:
        keyring.set_password(service, key, secret)
    except keyring.errors.KeyringError as e:
        raise NewsdeskError("the keyring refused the password: {reason}", reason=e) from None
