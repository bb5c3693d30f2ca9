"""Users: who works in the newsroom, their roles and password hashes."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Iterable

from newsdesk import times
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.ids import new_id
from newsdesk.model import SIGNING_ROLES, User
from newsdesk.store._sql import Repository, stamp


def _user(row: dict) -> User:
    return User(**(row | {"roles": json.loads(row["roles"]), "active": bool(row["active"]),
                          "public_keys": json.loads(row["public_keys"])}))


class Users(Repository):
    def add(self, username: str, real_name: str, roles: Iterable[str] = (),
            password_hash: str | None = None, actor_id: str | None = None,
            key: tuple[str, str] | None = None) -> User:
        """A new account; key: its (public key, sealed private key) when it has a
        password (newsdesk.review.signing)."""
        username, real_name = (username or "").strip(), (real_name or "").strip()
        if not username or not real_name:
            raise NewsdeskError("a user needs a username and a real name")
        user = User(id=new_id(), username=username, real_name=real_name,
                    roles=sorted(set(roles)), password_hash=password_hash,
                    public_keys=[key[0]] if key else [], private_key=key[1] if key else None,
                    **stamp(actor_id))
        row = asdict(user) | {"roles": json.dumps(user.roles),
                              "public_keys": json.dumps(user.public_keys)}
        with self.store.transaction():
            if self.one("SELECT 1 FROM users WHERE username = ?", [username]):
                raise NewsdeskError("a user named {username!r} already exists", username=username)
            self.store.db["users"].insert(row)
        return user

    def all(self) -> list[User]:
        return [_user(r) for r in self.rows("SELECT * FROM users ORDER BY username")]

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        """user id → real name, for just these ids (a page of a table, a history)."""
        return self.lookup("users", "real_name", ids)

    def choices(self) -> list[str]:
        """The active users' ids in username order: what a login list holds."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM users WHERE active ORDER BY username")]

    def labels(self, ids: Iterable[str]) -> dict[str, str]:
        """user id → 'real name (username)', as a login list shows them."""
        return self.lookup("users", "real_name || ' (' || username || ')'", ids)

    def roles(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """user id → their roles (a login list says what each person does)."""
        return {i: json.loads(r) for i, r in self.lookup("users", "roles", ids).items()}

    def with_role(self, role: str) -> list[User]:
        """The active users holding a role (reviewers of a stage: a handful)."""
        # LIKE first: with 10,000 accounts, parsing every roles list costs milliseconds.
        return [_user(r) for r in self.rows(
            "SELECT * FROM users WHERE active AND roles LIKE ? AND EXISTS (SELECT 1 FROM "
            "json_each(roles) WHERE value = ?) ORDER BY username", [f'%"{role}"%', role])]

    def with_signing_roles(self) -> list[User]:
        """Active reviewers and admins: whose acts are signed."""
        return [u for u in (_user(r) for r in self.rows(
            "SELECT * FROM users WHERE active ORDER BY username"))
                if SIGNING_ROLES & set(u.roles)]

    def get(self, user_id: str) -> User:
        row = self.one("SELECT * FROM users WHERE id = ?", [user_id])
        if not row:
            raise NotFound("no user with id {user_id!r}", user_id=user_id)
        return _user(row)

    def find(self, key: str) -> User:
        """A user by username, real name or id."""
        row = self.one("SELECT * FROM users WHERE username = ? OR id = ? ORDER BY "
                       "username = ? DESC LIMIT 1", [key, key, key])
        if not row:
            rows = self.rows("SELECT * FROM users WHERE real_name = ?", [key])
            if len(rows) > 1:
                raise NewsdeskError("more than one user is called {key!r}: use the username",
                                    key=key)
            row = rows[0] if rows else None
        if not row:
            raise NotFound("no user {key!r}", key=key)
        return _user(row)

    def update(self, user_id: str, actor_id: str | None, **values) -> User:
        """Change an account's roles, real name or whether it is active."""
        allowed = {"roles", "real_name", "active"}
        if set(values) - allowed:
            raise NewsdeskError("unknown user field {value!r}",
                                value=sorted(set(values) - allowed)[0])
        row = {k: (json.dumps(sorted(set(v))) if k == "roles" else v) for k, v in values.items()}
        with self.store.transaction():
            self.get(user_id)  # NotFound
            sets = ", ".join(f"{k} = ?" for k in row)
            self.conn.execute(f"UPDATE users SET {sets}, updated_at = ?, updated_by = ? "
                              "WHERE id = ?", [*row.values(), times.now(), actor_id, user_id])
        return self.get(user_id)

    def set_password_hash(self, user_id: str, password_hash: str | None,
                          actor_id: str | None, key: tuple[str, str] | None = None) -> None:
        """A new password hash, and with it a new key pair (the public key added to
        those kept, the sealed private key replacing the old)."""
        with self.store.transaction():
            keys = self.get(user_id).public_keys + ([key[0]] if key else [])
            self.conn.execute("UPDATE users SET password_hash = ?, public_keys = ?, "
                              "private_key = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                              [password_hash, json.dumps(keys), key[1] if key else None,
                               times.now(), actor_id, user_id])

    def set_signature(self, user_id: str, signed_by: str | None,
                      signature: str | None) -> None:
        """Who vouched for the account as it now stands (an admin's signature)."""
        with self.store.transaction(content=False):
            self.conn.execute("UPDATE users SET signed_by = ?, signature = ? WHERE id = ?",
                              [signed_by, signature, user_id])
