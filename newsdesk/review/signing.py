"""Signatures that make a sign-off its reviewer's own on whichever seat it was made
(Ed25519, `cryptography`). A user with a password has a key pair: the public key is on
their user record (every key they ever had, so old sign-offs still verify), and the
private key travels there too, encrypted with a key derived from their password
(scrypt, AES-GCM), so they can sign from any seat. A key is unlocked for this process
when the password is given (sign-in, a sign-off, a command's --as) and kept in memory
only."""
from __future__ import annotations

import base64
import hashlib
import json
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey, Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding, NoEncryption, PrivateFormat, PublicFormat,
)

from newsdesk.model import CONTENT_FIELDS

_N, _R, _P = 2**14, 8, 1
_unlocked: dict[str, Ed25519PrivateKey] = {}   # user id → key, this process only

# What an event's signature covers: who did what to which revision when — not its
# place in the chain, which a merge of two seats' events may renumber.
EVENT_SIGNED = ("id", "article_id", "kind", "stage", "revision", "actor_id", "at",
                "comment", "detail")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(record: dict, fields: tuple[str, ...] | None = None) -> bytes:
    """The bytes a signature covers: the fields (all when None) as sorted JSON."""
    chosen = {k: record.get(k) for k in fields} if fields else record
    return json.dumps(chosen, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _sealing_key(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def new_key(password: str) -> tuple[str, str, Ed25519PrivateKey]:
    """(public key, private key sealed with the password, the key itself)."""
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_sealing_key(password, salt)).encrypt(nonce, raw, None)
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _b64(public), f"scrypt-aesgcm${_b64(salt)}${_b64(nonce)}${_b64(sealed)}", key


def open_key(sealed: str, password: str) -> Ed25519PrivateKey | None:
    """The private key, or None when the password does not open it."""
    try:
        scheme, salt, nonce, data = sealed.split("$")
        if scheme != "scrypt-aesgcm":
            return None
        raw = AESGCM(_sealing_key(password, _unb64(salt))).decrypt(_unb64(nonce),
                                                                   _unb64(data), None)
    except (ValueError, InvalidTag):
        return None
    return Ed25519PrivateKey.from_private_bytes(raw)


def unlock(user_id: str, key: Ed25519PrivateKey | None) -> None:
    if key is not None:
        _unlocked[user_id] = key


def unlock_with(user, password: str | None) -> None:
    """The user's key for this process, when the password opens it."""
    if user.private_key and password:
        unlock(user.id, open_key(user.private_key, password))


def can_sign(user_id: str | None) -> bool:
    return user_id in _unlocked


def public_of(user_id: str) -> str | None:
    key = _unlocked.get(user_id)
    return _b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)) if key \
        else None


def sign(user_id: str, payload: bytes) -> str | None:
    """The user's signature of payload, or None when their key is not unlocked here."""
    key = _unlocked.get(user_id)
    return _b64(key.sign(payload)) if key else None


def verify(public_keys: list[str], signature: str | None, payload: bytes) -> bool:
    """Does one of these keys sign payload so?"""
    if not signature:
        return False
    try:
        raw = _unb64(signature)
    except ValueError:
        return False
    for public in public_keys:
        try:
            Ed25519PublicKey.from_public_bytes(_unb64(public)).verify(raw, payload)
            return True
        except (ValueError, InvalidSignature):
            continue
    return False


# What an admin's signature over a user record covers: who they are, what they may do,
# their password and keys, and when it was so.
USER_SIGNED = ("id", "username", "real_name", "roles", "password_hash", "active",
               "public_keys", "private_key", "updated_at")


def user_record(user) -> dict:
    """A user as signed: the fields of USER_SIGNED (a User or a record's row)."""
    get = user.get if isinstance(user, dict) else lambda k: getattr(user, k)
    return {k: get(k) for k in USER_SIGNED} | {"active": bool(get("active")),
                                                "roles": sorted(get("roles") or [])}


def sign_user(user, signer_id: str) -> str | None:
    """signer's signature of a user (a User or a record's row)."""
    return sign(signer_id, canonical(user_record(user)))


def user_signed_by(row: dict, public_keys: list[str]) -> bool:
    """Is the user record (a row, with its signature) signed by one of these keys?"""
    return verify(public_keys, row.get("signature"), canonical(user_record(row)))


def file_payload(path: str, data: bytes) -> bytes:
    """What an admin's signature of one of the outlet's files covers: which file, and
    exactly its bytes."""
    return canonical({"path": path, "sha256": hashlib.sha256(data).hexdigest()})


def sign_event(event: dict) -> str | None:
    return sign(event.get("actor_id"), canonical(event, EVENT_SIGNED)) \
        if event.get("actor_id") else None


def event_signed_by(event: dict, public_keys: list[str]) -> bool:
    return verify(public_keys, event.get("signature"), canonical(event, EVENT_SIGNED))


def content_hash(content: dict) -> str:
    """What a final sign-off (or an admin's import as published) vouches for: a
    revision's content fields (model.CONTENT_FIELDS, as the revision snapshots them),
    hashed so that every seat computes the same from the same story (its topics are a
    set: the database gives them back in its own order)."""
    fields = {k: content.get(k) for k in CONTENT_FIELDS}
    fields["topics"] = sorted(fields["topics"] or [])
    return hashlib.sha256(canonical(fields)).hexdigest()
