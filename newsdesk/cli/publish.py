"""发布 from the command line: publish to a target (now, what has come due, or on
watch, checking the whole site on a schedule: 巡检), the targets and their passwords and
host keys, the history of runs."""
from __future__ import annotations

import getpass
import os
import sys

import click

from newsdesk.cli.common import (
    OK, PROBLEMS, CliError, Session, acting_option, acting_user, json_option, print_json,
    table, with_db,
)
from newsdesk import keyring_store, times
from newsdesk.cli.site import print_differences, print_injection, print_withheld
from newsdesk.i18n import N_, _
from newsdesk.publish import hostkeys
from newsdesk.publish.patrol import Patrol
from newsdesk.publish.remote import PublishError
from newsdesk.publish.run import PHASES, Tampered, needs_password, publish as run_publish
from newsdesk.publish.run import verdict
from newsdesk.publish.run import publish_due, watch as watch_due
from newsdesk.targets import default_name, find, targets as all_targets

ENV_TARGET_PASSWORD = "NEWSDESK_TARGET_PASSWORD"


def _target_password(target) -> str | None:
    """$NEWSDESK_TARGET_PASSWORD, the keyring, or a prompt on a terminal."""
    if not needs_password(target):
        return os.environ.get(ENV_TARGET_PASSWORD)
    if ENV_TARGET_PASSWORD in os.environ:
        return os.environ[ENV_TARGET_PASSWORD]
    saved = hostkeys.saved_password(target)
    if saved is not None:
        return saved
    if not sys.stdin.isatty():
        raise CliError("{target} needs a password: set ${env} or save it with 'newsdesk targets "
                       "password {name}'", target=target.address, env=ENV_TARGET_PASSWORD,
                       name=target.name)
    if not keyring_store.keyring_works():
        print(_("this machine has no keyring: the password is asked at each run"),
              file=sys.stderr)
    return getpass.getpass(_("password for {target}: ", target=target.address))


def _confirm(trusted: str | None):
    """First use of a host key: the fingerprint given with --trust-host-key, or a
    question on a terminal."""
    def confirm(host: str, fingerprint: str) -> bool:
        if trusted is not None:
            return trusted == fingerprint
        if not sys.stdin.isatty():
            print(_("{host} offers the host key {fingerprint}, seen for the first time: run "
                    "again with --trust-host-key {fingerprint} once its administrator confirms "
                    "it", host=host, fingerprint=fingerprint), file=sys.stderr)
            return False
        return click.confirm(_("{host} offers the host key {fingerprint}, seen for the first "
                               "time. Trust it?", host=host, fingerprint=fingerprint))
    return confirm


def _progress(phase: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{_(PHASE_NAMES[phase])} {done}/{total}   ", end="", file=sys.stderr,
              flush=True)


PHASE_NAMES = dict(zip(PHASES, (N_("export"), N_("compare"), N_("upload"), N_("verify"))))


def _found(found: Patrol) -> None:
    """What a check of the whole site found someone else did there, file by file."""
    for path, injected, names in found.changed:
        print(_("changed on the server: {path}", path=path))
        print_injection(injected, names)
    for path, injected, names in found.added:
        print(_("added on the server: {path}", path=path))
        print_injection(injected, names)
    for path in found.missing:
        print(_("removed from the server: {path}", path=path))


def _checked(found: Patrol) -> None:
    print(_("whole site checked on the host: {checked} files, {compared} of them by "
            "checksum; none changed, added or removed by others",
            checked=found.checked, compared=found.compared))


def _refused(e: Tampered) -> int:
    _found(e.found)
    print(_("newsdesk: problem: {problem}", problem=e), file=sys.stderr)
    return PROBLEMS


def _said(report) -> int:
    """The run as lines; its exit code."""
    if report.export is not None:
        for article_id in report.export.published:
            print(_("published {id} (its time had come)", id=article_id[:8]))
        print_withheld(report.export)
    for path in report.already:
        print(_("already there {path} (from a run that was cut)", path=path))
    for path in report.repaired:
        print(_("put back {path}", path=path))
    if report.patrol is not None and report.patrol.ok:
        _checked(report.patrol)
    print(_("{uploaded} files uploaded ({kb} KB), {removed} removed, to {target} in {seconds:.1f} s",
            uploaded=len(report.uploaded), kb=round(report.sent / 1024), removed=len(report.removed),
            target=report.target, seconds=report.seconds))
    if report.cancelled:
        print(_("cancelled: what was uploaded is whole; publish again to finish"))
        return PROBLEMS
    if report.verify is not None:
        print_differences(report.verify)
    for line in verdict(report):
        print(line)
    return OK if report.ok and not (report.export and report.export.withheld) else PROBLEMS


@click.command()
@click.option("--target", metavar="NAME", help="a publish target (default: the site's)")
@click.option("--due", is_flag=True, help="only if a story's time has come (for cron, "
                                          "systemd timers, the Task Scheduler)")
@click.option("--watch", is_flag=True, help="publish what comes due until stopped, and "
                                              "check the whole site on the host (巡检)")
@click.option("--every", type=click.FloatRange(min=1), default=60, show_default=True,
              help="seconds between looks for what has come due, with --watch")
@click.option("--check-every", type=click.FloatRange(min=1), default=600, show_default=True,
              help="seconds between checks of the whole site (巡检), with --watch")
@click.option("--overwrite", is_flag=True,
              help="put back files someone else changed on the server")
@click.option("--verify-all", is_flag=True,
              help="verify the whole site afterwards, not only what was sent")
@click.option("--trust-host-key", metavar="FINGERPRINT",
              help="the SFTP host key to trust on first use (SHA256:…)")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def publish(session: Session, target: str | None, due: bool, watch: bool, every: float,
            check_every: float, overwrite: bool, verify_all: bool,
            trust_host_key: str | None, as_user: str) -> int:
    """发布: export, upload what differs to the web host, verify (exit 1 on a difference)."""
    with session.opened() as store:
        user = acting_user(store, as_user)
        target = find(store.settings(), target)
        options = dict(password=_target_password(target), confirm=_confirm(trust_host_key),
                       overwrite=overwrite, verify_all=verify_all, progress=_progress)
        try:
            if watch:
                print(_("watching: publishing to {target} what comes due, every {every:g} s, "
                        "and checking the whole site every {check:g} s (Ctrl+C stops)",
                        target=target.name, every=every, check=check_every))
                try:
                    watch_due(store, user, target.name, every=every, check_every=check_every,
                              said=_watch_said, **options)
                except KeyboardInterrupt:
                    return OK
                return OK
            report = (publish_due(store, user, target.name, **options) if due
                      else run_publish(store, user, target.name, **options))
        except Tampered as e:
            return _refused(e)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if report is None:
            print(_("nothing has come due"))
            return OK
        return _said(report)


def _watch_said(outcome) -> None:
    if isinstance(outcome, Tampered):
        _refused(outcome)
    elif isinstance(outcome, PublishError):
        print(_("newsdesk: problem: {problem}", problem=outcome), file=sys.stderr)
    elif isinstance(outcome, Patrol):
        if outcome.ok:
            _checked(outcome)
        else:
            _found(outcome)
            problem = _("{count} files on the server were changed, added or removed by "
                        "someone else: publish with overwrite to put the published versions "
                        "back", count=len(outcome.paths()))
            print(_("newsdesk: problem: {problem}", problem=problem), file=sys.stderr)
    else:
        _said(outcome)


@click.group("targets", invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def targets_group(ctx, session: Session, as_json: bool) -> int:
    """Where 发布 uploads (the publish_targets setting), with their passwords."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        site = store.settings()
        found = all_targets(site)
    rows = [{"name": t.name, "kind": t.kind, "address": t.address,
             "default": t.name == default_name(site),
             "password": "keyring" if hostkeys.saved_password(t) else ""} for t in found]
    if as_json:
        print_json(rows)
    else:
        table([["*" if r["default"] else "", r["name"], r["address"], r["password"]]
               for r in rows])
    return OK


@targets_group.command("password")
@click.argument("name")
@with_db
def target_password(session: Session, name: str) -> int:
    """Save a target's password (or key passphrase) in the keyring."""
    with session.opened() as store:
        target = find(store.settings(), name)
    secret = os.environ.get(ENV_TARGET_PASSWORD)
    if secret is None:
        if not sys.stdin.isatty():
            raise CliError("give the password in ${env} or on a terminal",
                           env=ENV_TARGET_PASSWORD)
        secret = getpass.getpass(_("password for {target}: ", target=target.address))
    hostkeys.save_password(target, secret)
    print(_("the password for {target} is in the keyring", target=target.address))
    return OK


@targets_group.command("forget-key")
@click.argument("host")
@click.argument("port", type=int)
@with_db
def forget_key(session: Session, host: str, port: int) -> int:
    """Forget a host's trusted key (after its administrator confirms a new one)."""
    with session.opened() as store:
        if not hostkeys.forget_host_key(store, host, port):
            raise CliError("no host key is kept for {host}:{port}", host=host, port=port)
    print(_("forgot the host key of {host}:{port}", host=host, port=port))
    return OK


# A run's outcome as the app's history says it.
OUTCOMES = {"ok": N_("verified"), "differs": N_("differs"), "failed": N_("failed"),
            "tampered": N_("changed by others"), "cancelled": N_("cancelled"),
            "running": N_("running")}


@targets_group.command("history")
@json_option
@with_db
def history(session: Session, as_json: bool) -> int:
    """The latest publish runs."""
    with session.opened() as store:
        runs = store.publishing.history()
        tz = store.settings().timezone
    if as_json:
        print_json(runs)
    else:  # in the outlet's time, as every other listing
        table([[times.local_text(r["started_at"], tz)[:16], r["user_name"] or "", r["target"],
                _(OUTCOMES.get(r["outcome"], r["outcome"])), str(r["uploaded"]),
                str(r["removed"]), r["message"][:60]] for r in runs])
    return OK


COMMANDS = [publish, targets_group]
