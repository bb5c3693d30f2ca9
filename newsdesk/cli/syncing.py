"""A newsroom of many seats on the command line: found one on a shared repository,
join a seat to it, sync, see where things stand, settle conflicts."""
from __future__ import annotations

import getpass
import json
import os
import sys

import click

from newsdesk import present, times
from newsdesk.cli.common import (OK, PROBLEMS, USAGE, CliError, Session, acting_option,
                                 acting_user, json_option, print_json, table, with_db)
from newsdesk.i18n import _
from newsdesk.sync import conflicts as settling, login
from newsdesk.sync.seat import Seat, join_new, repo_path


def _report(result) -> None:
    if result.login_needed:
        raise CliError("{why}: 'newsdesk sync login' keeps them on this PC",
                       why=result.offline)
    if result.offline:
        print(_("offline: {why}; {n} files kept here for the next sync",
                why=result.offline, n=result.committed))
        return
    print(_("synced: {sent} files sent, {got} received, {c} new conflicts",
            sent=result.committed, got=result.received, c=result.conflicts))
    if result.repeated:
        print(_("{n} review events arrived twice (sent again): each taken once",
                n=result.repeated))
    for t in result.tampered:
        if t["record"].startswith("users:"):
            account = json.loads(t["kept"]) or json.loads(t["other"])
            print(_("tampering: {name}'s account ({username}) was changed in the "
                    "newsroom's repository by commit {commit} without an admin's "
                    "signature; this seat's copy is kept and sent back",
                    name=account["real_name"], username=account["username"],
                    commit=t["other_by"]))
            continue
        print(_("tampering: a review event of {story} this seat holds was changed in the "
                "newsroom's repository by commit {commit}; this seat's copy is kept and "
                "sent back", story=t["record"][:8], commit=t["other_by"]))
    if result.repaired:
        print(_("{n} stories' files claimed what their review events do not allow: this "
                "seat keeps what the events say and sends it back (see 'newsdesk "
                "conflicts')", n=result.repaired))


@click.group("sync", invoke_without_command=True)
@acting_option(required=False, changes=False,
               help_text="who syncs: the commit names them, and an admin's key signs the "
                         "outlet's files changed here")
@json_option
@with_db
@click.pass_context
def sync(ctx, session: Session, as_user: str | None, as_json: bool) -> int:
    """Sync with the newsroom's repository (init REMOTE, join REMOTE, status)."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        user = acting_user(store, as_user)  # an admin's key signs the outlet's files
        result = Seat.of(store).sync(user.username if user else "")
    if not as_json:
        _report(result)
        return PROBLEMS if result.tampered else OK
    print_json(result.__dict__)
    return USAGE if result.login_needed else PROBLEMS if result.tampered else OK


@sync.command("login")
@click.argument("remote", required=False)
@click.option("--user", "user", required=True, help="the user name on the repository's "
              "server (password or access token from $NEWSDESK_GIT_PASSWORD or a prompt)")
@with_db
def login_command(session: Session, remote: str | None, user: str) -> int:
    """Keep this PC's login to the newsroom's repository (REMOTE: this seat's own unless
    given, as before `sync join`) in the keyring."""
    if remote is None:
        with session.opened() as store:
            remote = Seat.of(store).remote
    secret = os.environ.get("NEWSDESK_GIT_PASSWORD")
    if secret is None:
        if not sys.stdin.isatty():
            raise CliError("give the password in $NEWSDESK_GIT_PASSWORD or on a terminal")
        secret = getpass.getpass(_("password for {target}: ", target=remote))
    if not login.remember(remote, login.Login(user, secret)):
        raise CliError("this machine has no keyring to keep passwords in: give the login "
                       "in $NEWSDESK_GIT_USER and $NEWSDESK_GIT_PASSWORD to each command")
    print(_("the login for {remote} is in the keyring", remote=remote))
    return OK


@sync.command("init")
@click.argument("remote")
@acting_option(help_text="the admin founding the newsroom")
@with_db
def init(session: Session, remote: str, as_user: str) -> int:
    """Make this database the newsroom's, on REMOTE (a folder, ssh://, https://,
    git://); this seat becomes the publisher."""
    with session.opened() as store:
        admin = acting_user(store, as_user)  # the founder signs every account
        Seat.init(store, remote, admin, _progress_line if sys.stderr.isatty() else None)
        stories = store.articles.count()
    print(_("this database is now the newsroom on {remote} ({n} stories); its "
            "repository is {path}", remote=remote, n=stories, path=repo_path(session.path)))
    return OK


@sync.command("join")
@click.argument("remote")
@with_db
def join(session: Session, remote: str) -> int:
    """Join a new seat to the newsroom on REMOTE: --db names the new database."""
    files, stories = join_new(session.path, remote,
                              _progress_line if sys.stderr.isatty() else None)
    print(_("joined the newsroom on {remote}: {n} stories, {files} files read into {path}",
            remote=remote, n=stories, files=files, path=session.path))
    return OK


@sync.command("publisher")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def publisher(session: Session, as_user: str) -> int:
    """Make this seat the newsroom's publisher (numbers stories, exports, uploads)."""
    with session.opened() as store:
        Seat.of(store).become_publisher(acting_user(store, as_user))
    print(_("this seat now publishes for the newsroom; the others stop at their next sync"))
    return OK


@sync.command("status")
@json_option
@with_db
def status(session: Session, as_json: bool) -> int:
    """Where this seat stands: what waits to go up, conflicts, the last sync."""
    with session.opened() as store:
        s = Seat.of(store).status()
        tz = store.settings().timezone
    if as_json:
        print_json(s.__dict__)
        return OK
    table([[_("remote"), s.remote],
           [_("waiting to go up"), str(s.pending)],
           [_("conflicts"), str(s.conflicts)],
           [_("last synced"), times.local_text(s.synced_at, tz)[:16] if s.synced_at
            else _("never")],
           [_("publisher"), (s.publisher or "") + (_(" (this seat)") if s.is_publisher
                                                    else "")],
           *([[_("tampering"), _("{n} found, the latest by commit {commit} (settle it in "
                                 "'newsdesk conflicts')", n=s.tampered,
                                 commit=s.tampered_by)]] if s.tampered else [])])
    return PROBLEMS if s.tampered else OK


@click.group("conflicts", invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def conflicts(ctx, session: Session, as_json: bool) -> int:
    """Changes that lost to a later one on the same field or paragraph (settle ID)."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        rows = store.syncing.conflicts()
        names = store.users.names(r["other_by"] for r in rows)
        roles = present.role_names(store)
    if as_json:
        print_json(rows)
        return OK
    if not rows:
        print(_("no conflicts"))
    table([[r["id"][:8], r["title"] or (_("{name}'s account", name=r["account"])
                                        if r["account"] else r["record"]), r["field"],
            names.get(r["other_by"], r["other_by"] or ""), _short(r["other"], roles)]
           for r in rows])
    return OK


def _progress_line(done: int, total: int, phase: str) -> None:
    """How far a join or a founding has got, on one line of a terminal."""
    said = {"fetch": _("fetching: {done} of {total} objects", done=done, total=total),
            "build": _("building the database: {done} of {total} stories", done=done,
                       total=total),
            "write": _("writing the repository: {done} of {total} stories", done=done,
                       total=total),
            "push": _("sending: {done} of {total} objects", done=done, total=total)}[phase]
    print(f"\r{said}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _short(value, roles: dict[str, str]) -> str:
    return settling.shown(value, roles).replace("\n", " ")[:40]


@conflicts.command("settle")
@click.argument("conflict_id", metavar="ID")
@click.option("--take-other", "how", flag_value="other",
              help="the change that lost replaces the one that stood")
@click.option("--mark", "how", flag_value="mark",
              help="both versions into the body, marked, to settle in the editor")
@acting_option(required=False, help_text="who edits the story (--take-other, --mark)")
@with_db
def settle(session: Session, conflict_id: str, how: str | None, as_user: str | None) -> int:
    """Settle a conflict: by default what stands stays; every seat sees it gone."""
    with session.opened() as store:
        if how is None:
            conflict = settling.keep(store, conflict_id)
            print(_("settled {id}: kept what stands", id=conflict["id"][:8]))
            return OK
        if not as_user:
            raise CliError("--take-other and --mark edit the story: say who with --as")
        act = settling.take_other if how == "other" else settling.mark_both
        story = act(store, conflict_id, store.users.find(as_user))
    print(_("settled the conflict in {id} {title}", id=story.id[:8], title=story.title))
    return OK


COMMANDS = [sync, conflicts]
