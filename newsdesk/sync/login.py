"""Who this seat is to the newsroom's repository when its server asks (https:// on a
Gitea or GitLab server, http:// on the office network): a user name and a password or
access token, kept per address in the operating system's keyring — never in the
database or the repository. A machine without a keyring keeps it until the app
closes; scripts give it in $NEWSDESK_GIT_USER and $NEWSDESK_GIT_PASSWORD."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from newsdesk import keyring_store
from newsdesk.errors import NewsdeskError

SERVICE = "newsdesk-sync"
_this_run: dict[str, "Login"] = {}  # address → login, where there is no keyring


@dataclass(frozen=True)
class Login:
    user: str
    password: str


class LoginNeeded(NewsdeskError):
    """The repository's server asks for a login this seat does not have, or turned
    away the one it has: not offline — somebody has to give it."""


def is_http(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def login_for(url: str) -> Login | None:
    """The login for url: from the environment (scripts), the keyring, or this run."""
    user, password = os.environ.get("NEWSDESK_GIT_USER"), os.environ.get(
        "NEWSDESK_GIT_PASSWORD")
    if user and password:
        return Login(user, password)
    saved = keyring_store.get(SERVICE, url)
    if saved:
        try:
            return Login(**json.loads(saved))
        except (ValueError, TypeError):
            return None  # not ours: asked again, and overwritten
    return _this_run.get(url)


def remember(url: str, login: Login) -> bool:
    """Keep the login for url: True in the keyring, False for this run only."""
    if not login.user or not login.password:
        raise NewsdeskError("the repository's login needs a user name and a password "
                            "(or an access token)")
    if keyring_store.keyring_works():
        keyring_store.put(SERVICE, url, json.dumps({"user": login.user,
                                                    "password": login.password}))
        return True
    _this_run[url] = login
    return False


def needed(url: str, refused: bool) -> LoginNeeded:
    if refused:
        return LoginNeeded("the newsroom repository {url} did not accept the user name and "
                           "password this PC has for it: give them again", url=url)
    return LoginNeeded("the newsroom repository {url} asks for a user name and password "
                       "(or an access token): give them first", url=url)
