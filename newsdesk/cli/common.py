"""What every command shares: the database option and opening it, acting users and
their passwords, and output (tables that line up with Chinese, JSON).

The door is here for every command at once: a command with --as (acting_option) has
its user proven when it opens its database, before it changes anything, and a command
that changes the newsroom refuses to open it without --as outside the demo."""
from __future__ import annotations

import codecs
import functools
import getpass
import json
import os
import sqlite3
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from db import DatabaseDamaged, DatabaseUnusable, SchemaTooNew, as_trouble
from newsdesk import backup, named_files
from newsdesk.review import accounts, door
from newsdesk.errors import NewsdeskError, unusable
from newsdesk.i18n import _
from newsdesk.model import Origin, State
from newsdesk.paths import ENV_DB, default_db_path
from newsdesk.store import Store

OK, PROBLEMS, USAGE = 0, 1, 2
ENV_PASSWORD = "NEWSDESK_PASSWORD"
ENV_NEW_PASSWORD = "NEWSDESK_NEW_PASSWORD"  # apart: an admin may set another's password


class CliError(NewsdeskError):
    """A user's mistake on the command line: one line, exit 2."""


# ---- the database -------------------------------------------------------------------
class Session:
    """The command's database: --db after the command, else before it, else
    $NEWSDESK_DB, else the user's default database."""

    def __init__(self, db: str | None):
        self.path = Path(db) if db else default_db_path()
        self.acting: tuple[ActingOption, str | None] | None = None  # the command's --as

    def open(self, must_exist: bool = True) -> Store:
        path = self.path
        if must_exist and not path.exists():
            raise CliError("no database at {path}; create one with 'newsdesk init --db {path}'",
                           path=path)
        try:
            store = Store.open(path)
        except SchemaTooNew as e:
            raise CliError("{path}: {e}", path=path, e=e) from None
        except DatabaseDamaged as e:
            raise backup.damage_error(e) from None
        except sqlite3.DatabaseError as e:
            raise CliError("{path} is not a usable Newsdesk database ({e})",
                           path=path, e=e) from None
        if self.acting:
            try:
                _prove(store, *self.acting)
            except BaseException:
                store.close()
                raise
        return store

    @contextmanager
    def opened(self, must_exist: bool = True) -> Iterator[Store]:
        store = self.open(must_exist)
        try:
            yield store
        finally:
            store.close()


def read_text(file: str) -> str:
    """The UTF-8 text of a file the command was given ('-': standard input), a BOM left
    out; a CliError naming the file and what is wrong with it otherwise."""
    name = _("standard input") if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else named_files.read_bytes(file)
    except OSError as e:
        raise CliError("{file}: cannot read ({e})", file=name, e=e.strerror or e) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CliError("{file} is UTF-16 text (it begins with a UTF-16 byte order mark); "
                       "save it as UTF-8", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CliError("{file} is not UTF-8 text (0x{byte:02x} at byte offset {offset}); "
                       "save it as UTF-8", file=name, offset=e.start,
                       byte=data[e.start]) from None


DB_HELP = f"database file (default: ${ENV_DB} or the user data directory)"


def with_db(command):
    """Give the command a Session as its first argument, from --db given after the
    command or before it (the group's)."""
    @click.option("--db", "db", metavar="PATH", default=None, help=DB_HELP)
    @click.pass_context
    @functools.wraps(command)
    def wrapper(ctx, db, **kwargs):
        session = Session(db or ctx.find_root().params.get("db"))
        acting = [p for p in ctx.command.params if isinstance(p, ActingOption)]
        if acting:
            session.acting = (acting[0], kwargs.get("as_user"))
        try:
            result = command(session, **kwargs)
            if _invocation().pop("newsdesk.demo", False) and result in (None, OK):
                print(_(door.DEMO_NOTE), file=sys.stderr)
            return result
        except (sqlite3.DatabaseError, DatabaseDamaged) as e:
            # A damaged page is met by the first query that reads it, in any command; a
            # read can meet another program's lock or a disk that refuses, too.
            trouble = as_trouble(e, session.path)
            if isinstance(trouble, DatabaseDamaged):
                raise backup.damage_error(trouble) from None
            if isinstance(trouble, DatabaseUnusable):
                raise unusable(trouble) from None
            if isinstance(e, sqlite3.OperationalError):
                raise CliError("the database could not be used: {e}", e=e) from None
            raise
    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="print JSON")


def filter_options(command):
    """The story filters `search` and `list` share (newsdesk.filtering reads them)."""
    options = [
        click.option("--channel", help="channel slug or name (its sub-channels too)"),
        click.option("--state", type=click.Choice([s.value for s in State])),
        click.option("--since", metavar="DATE", help="from this day (2026-11-01)"),
        click.option("--until", metavar="DATE", help="to this day, inclusive"),
        click.option("--person", metavar="USER",
                     help="its author, its editor or a reviewer who signed it"),
        click.option("--source", help="来源, as written"),
        click.option("--origin", type=click.Choice([o.value for o in Origin])),
        click.option("--topic", help="topic slug or name"),
        click.option("--has-image/--no-image", "has_image", default=None,
                     help="with (or without) a picture or a cover"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class ActingOption(click.Option):
    """--as USER. changes: the command changes the newsroom, so outside the demo it
    needs --as even where click does not require it."""

    def __init__(self, *args, changes: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.changes = changes


def acting_option(required: bool = True, help_text: str | None = None,
                  changes: bool = True):
    """--as: who acts, always proven. required: even in the demo; changes: False for a
    command that changes nothing of the newsroom's by itself (sync), where --as is a
    choice."""
    return click.option("--as", "as_user", cls=ActingOption, changes=changes,
                        metavar="USER", required=required,
                        help=help_text or f"who acts (password from ${ENV_PASSWORD} or a "
                                          "prompt)")


# ---- who acts ----------------------------------------------------------------------------
def _invocation() -> dict:
    """What this command line has learnt so far (a password typed once, the demo
    said once); a scratch dict outside a command."""
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().meta if ctx else {}


def password_of(user) -> str | None:
    """The acting user's password: $NEWSDESK_PASSWORD, else a prompt on a terminal
    (once per command)."""
    if not user.password_hash:
        return None
    if ENV_PASSWORD in os.environ:
        return os.environ[ENV_PASSWORD]
    typed = _invocation().setdefault("newsdesk.typed", {})
    if user.id not in typed and sys.stdin.isatty():
        typed[user.id] = getpass.getpass(f"password for {user.username}: ")
    return typed.get(user.id)


def acting_user(store: Store, as_user: str | None):
    """The user --as names, proven by the door (their signing key unlocked); None
    without --as."""
    if not as_user:
        return None
    proven = _invocation().setdefault("newsdesk.proven", {})
    if (store.path, as_user) not in proven:
        user = store.users.find(as_user)
        proven[store.path, as_user] = door.enter(store, as_user, password_of(user)).id
    return store.users.get(proven[store.path, as_user])


def _prove(store: Store, option: ActingOption, as_user: str | None) -> None:
    """The door, as a command opens its database: --as proven; a change without it
    refused outside the demo. In the demo, what it did is followed by a line saying
    that nobody needed a password (after, and only on success: a refusal or a list of
    problems stays as it is)."""
    if as_user:
        acting_user(store, as_user)
    elif option.changes:
        door.refuse_unnamed(store)
    if accounts.is_demo(store):
        _invocation()["newsdesk.demo"] = True


def new_password(username: str, required: bool) -> str | None:
    """A new password: $NEWSDESK_NEW_PASSWORD, else asked twice on a terminal."""
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"new password for {username}: ")
        if getpass.getpass("again: ") != password:
            raise CliError("the two passwords differ")
    if password is None or (required and not password):
        raise CliError("{username} needs a password: give it in ${ENV_PASSWORD} or on "
                       "a terminal", username=username, ENV_PASSWORD=ENV_NEW_PASSWORD)
    return password


# ---- output --------------------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def table(rows: list[list[str]]) -> None:
    """Columns that line up when some cells are Chinese (two columns a character)."""
    if not rows:
        return
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        print("  ".join([_pad(c, w) for c, w in zip(r, widths)] + [r[-1]]).rstrip())


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def channel_name(store: Store, channel_id: str | None, cache: dict) -> str:
    if not channel_id:
        return ""
    if channel_id not in cache:
        cache[channel_id] = store.channels.get(channel_id).name
    return cache[channel_id]
