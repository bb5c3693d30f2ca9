"""`newsdesk` / `python main.py <command>`: argparse commands over the core.
Exit codes: 0 ok, 1 problems found, 2 usage or input errors (one line, no traceback)."""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
import unicodedata
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Iterator

from db import DatabaseDamaged, SchemaTooNew, as_damage
from newsdesk import (
    accounts, backup, checks, importers, present, settings, times, views, workflow,
)
from newsdesk.checks.words import format_list, parse_list
from newsdesk.demo import load_demo, load_starter_words
from newsdesk.errors import NewsdeskError
from newsdesk.model import State
from newsdesk.paths import default_db_path
from newsdesk.site import ExportCancelled, changes, export_site
from newsdesk.site.verify import verify
from newsdesk.store import Store

OK, PROBLEMS, USAGE = 0, 1, 2
ENV_PASSWORD = "NEWSDESK_PASSWORD"


class CliError(Exception):
    """A user's mistake: printed as one line, exit 2."""


# ---- output helpers ---------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        print("  ".join([_pad(c, w) for c, w in zip(r, widths)] + [r[-1]]).rstrip())


def _json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# ---- opening the database -------------------------------------------------------------
def _db_path(args) -> Path:
    return Path(args.db) if args.db else default_db_path()


def _open(args, must_exist: bool = True) -> Store:
    path = _db_path(args)
    if must_exist and not path.exists():
        raise CliError(f"no database at {path}; create one with 'newsdesk init --db {path}'")
    try:
        return Store.open(path)
    except SchemaTooNew as e:
        raise CliError(f"{path}: {e}") from None
    except DatabaseDamaged as e:
        raise CliError(backup.damage_message(e)) from None
    except sqlite3.DatabaseError as e:
        raise CliError(f"{path} is not a usable Newsdesk database ({e})") from None


@contextmanager
def _opened(args, must_exist: bool = True) -> Iterator[Store]:
    store = _open(args, must_exist)
    try:
        yield store
    finally:
        store.close()


def _channel_name(store: Store, channel_id: str | None, cache: dict) -> str:
    if not channel_id:
        return ""
    if channel_id not in cache:
        cache[channel_id] = store.channel(channel_id).name
    return cache[channel_id]


# ---- commands ------------------------------------------------------------------------
def cmd_init(args) -> int:
    path = _db_path(args)
    with _opened(args, must_exist=False) as store:
        if args.demo:
            if not store.is_empty():
                raise CliError(f"{path} already has content; demo data goes into a new database")
            n = load_demo(store)
            print(f"created {path} with the demo newsroom ({n} stories). It is a demo: its "
                  "reviewers and admin have no passwords, so anyone can sign as them; "
                  "start a real newsroom in a new database")
        else:
            if not store.word_terms():
                load_starter_words(store)
            print(f"ready: {path}")
    return OK


def cmd_import(args) -> int:
    with _opened(args) as store:
        actor = store.find_user(args.as_user).id if args.as_user else None
        if args.channel:
            store.find_channel(args.channel)
        report = importers.import_paths(store, args.paths, actor_id=actor,
                                        channel=args.channel)
    for path, article_id, state in report.imported:
        print(f"imported {path} → {article_id[:8]} ({state})")
    for path, why in report.skipped:
        print(f"skipped {path}: {why}")
    for path, why in report.failed:
        print(f"failed {path}: {why}", file=sys.stderr)
    print(f"{len(report.imported)} imported, {len(report.skipped)} skipped, "
          f"{len(report.failed)} failed")
    return PROBLEMS if report.failed else OK


def _summary(store: Store, a, channels: dict, tz: str) -> dict:
    return {"id": a.id, "state": a.state, "review_stage": a.review_stage,
            "channel": _channel_name(store, a.channel_id, channels),
            "date": times.local_text(a.first_published_at or a.publish_at or a.updated_at, tz),
            "title": a.title, "public_path": a.public_path}


def cmd_list(args) -> int:
    with _opened(args) as store:
        channel = store.find_channel(args.channel).id if args.channel else None
        author = store.find_user(args.author).id if args.author else None
        ids = store.article_ids(state=args.state, channel_id=channel, author_id=author,
                                limit=args.limit, offset=args.offset)
        tz, channels = store.settings().timezone, {}
        rows = [_summary(store, a, channels, tz) for a in store.articles(ids)]
    if args.json:
        _json(rows)
    else:
        _table([[r["id"][:8], r["state"], r["date"][:16], r["channel"], r["title"]]
                for r in rows])
    return OK


def cmd_search(args) -> int:
    query = " ".join(args.query)
    with _opened(args) as store:
        hits = store.search(query, limit=args.limit)
        tz, channels = store.settings().timezone, {}
        rows = [asdict(h) | {"channel": _channel_name(store, h.channel_id, channels),
                             "date": times.local_text(h.date, tz)} for h in hits]
    if args.json:
        _json(rows)
    elif not rows:
        print(f"no story matches {query!r}")
    else:
        for r in rows:
            print(f"{r['article_id'][:8]}  {r['date'][:10]}  {r['channel']}  {r['title']}")
            print(f"          {r['snippet']}")
    return OK


def cmd_show(args) -> int:
    with _opened(args) as store:
        data = present.story(store, store.resolve_article_id(args.id))
    if args.json:
        _json(data)
        return OK
    meta = data["meta"]
    for line in (data["kicker"], data["title"], data["subtitle"]):
        if line:
            print(line)
    print(f"发布时间:{meta['published_at']}  来源:{meta['source']}  "
          f"编辑:{meta['editor']}  审核:{meta['reviewer']}")
    print()
    print(data["body"])
    if data["reporters"]:
        print(f"（记者{'、'.join(data['reporters'])}）")
    print()
    print(f"id {data['id']} · {data['state']} · {(data['channel'] or {}).get('name', '')} · "
          f"{data['char_count']} 字 · revision {data['revision']}"
          + (f" · {data['public_path']}" if data["public_path"] else ""))
    return OK


def cmd_users(args) -> int:
    with _opened(args) as store:
        if args.action == "passwd":
            user = store.find_user(args.username)
            password = _new_password(user.username, required=False)
            accounts.set_password(store, user, password)
            print(f"password {'set' if password else 'removed'} for {user.username}")
            return OK
        if args.action == "add":
            password = None
            if accounts.needs_password(store, args.role):
                password = _new_password(args.username, required=True)
            user = accounts.add_user(store, args.username, args.name, args.role, password)
            print(f"added {user.username} ({user.real_name})")
            return OK
        users = store.users()
    rows = [{"id": u.id, "username": u.username, "real_name": u.real_name,
             "roles": u.roles, "active": u.active} for u in users]
    if args.json:
        _json(rows)
    else:
        _table([[r["username"], r["real_name"], ", ".join(r["roles"])] for r in rows])
    return OK


def cmd_settings(args) -> int:
    """The site settings: all with their help, one, or (admins) set one."""
    with _opened(args) as store:
        if args.action == "set":
            user = _actor(store, args)
            accounts.require_admin(user, "change site settings")
            workflow.check_password(user, _password(user))
            store.set_settings({args.key: settings.parse(args.key, args.value)}, user.id)
            print(f"{args.key} = {_setting_text(getattr(store.settings(), args.key))}")
            return OK
        current = store.settings()
    rows = [{"name": name, "type": kind, "value": getattr(current, name), "default": default,
             "help": text} for name, kind, default, text in settings.described()
            if args.action != "get" or name == args.key]
    if args.action == "get" and not rows:
        raise CliError(f"there is no setting {args.key!r}")
    if args.json:
        _json(rows if args.action != "get" else rows[0])
    elif args.action == "get":
        print(_setting_text(rows[0]["value"]))
    else:
        for r in rows:
            print(f"{r['name']} = {_setting_text(r['value'])}\n    {r['help']}")
    return OK


def _setting_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _new_password(username: str, required: bool) -> str | None:
    """A new password: $NEWSDESK_PASSWORD, else asked twice on a terminal."""
    password = os.environ.get(ENV_PASSWORD)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"new password for {username}: ")
        if getpass.getpass("again: ") != password:
            raise CliError("the two passwords differ")
    if password is None or (required and not password):
        raise CliError(f"{username} needs a password: give it in ${ENV_PASSWORD} or on a "
                       "terminal")
    return password


def cmd_channels(args) -> int:
    with _opened(args) as store:
        if args.action == "add":
            c = store.add_channel(args.slug, args.name, parent=args.parent,
                                  kind="link" if args.link else "list", url=args.link)
            print(f"added channel {c.slug} ({c.name})")
            return OK
        channels = store.channels()
    slugs = {c.id: c.slug for c in channels}
    rows = [{"id": c.id, "slug": c.slug, "name": c.name, "parent": slugs.get(c.parent_id),
             "kind": c.kind, "url": c.url} for c in channels]
    if args.json:
        _json(rows)
    else:
        _table([[("  " if r["parent"] else "") + r["slug"], r["name"],
                 r["kind"] + (f" → {r['url']}" if r["url"] else "")] for r in rows])
    return OK


def _actor(store: Store, args):
    if not args.as_user:
        raise CliError("say who is acting: --as USER")
    return store.find_user(args.as_user)


def _password(user) -> str | None:
    """The acting user's password: $NEWSDESK_PASSWORD, else a prompt on a terminal."""
    if not user.password_hash:
        return None
    if ENV_PASSWORD in os.environ:
        return os.environ[ENV_PASSWORD]
    if sys.stdin.isatty():
        return getpass.getpass(f"password for {user.username}: ")
    return None


def _report(store: Store, verb: str, t: workflow.Transition) -> None:
    a = t.article
    stage = workflow.stage_name(store, a.review_stage)
    where = f"waiting for {stage}" if stage else a.state
    print(f"{verb} {a.id[:8]} {a.title} (revision {t.event.revision}) → {where}")


def cmd_review(args) -> int:
    """submit / approve / return / withdraw / correct, acting as --as USER."""
    with _opened(args) as store:
        article_id = store.resolve_article_id(args.id)
        user = _actor(store, args)
        if args.command == "submit":
            t, verb = workflow.submit(store, article_id, user, args.comment), "submitted"
        elif args.command == "approve":
            t = workflow.approve(store, article_id, user, _password(user), args.comment)
            verb = "approved"
        elif args.command == "return":
            t = workflow.return_story(store, article_id, user, args.reason, _password(user))
            verb = "returned"
        elif args.command == "withdraw":
            t = workflow.withdraw(store, article_id, user, args.reason, _password(user))
            verb = "withdrew"
        else:
            t, verb = workflow.begin_correction(store, article_id, user, args.note), \
                "reopened for correction"
        _report(store, verb, t)
    return OK


def cmd_history(args) -> int:
    with _opened(args) as store:
        rows = present.history(store, store.resolve_article_id(args.id))
    if args.json:
        _json(rows)
    else:
        _table([[str(r["seq"]), r["at"][:16], r["kind"], r["stage_name"], r["actor"],
                 f"r{r['revision']}" if r["revision"] else "", r["comment"]] for r in rows])
    return OK


def cmd_audit(args) -> int:
    with _opened(args) as store:
        problems = workflow.audit(store)
        checked = store.count_events()
    if not problems:
        print(f"review history intact: {checked} events checked")
        return OK
    for p in problems:
        print(f"article {p.article_id} event {p.event_id} (seq {p.seq}): {p.reason}")
    print(f"{len(problems)} broken chain(s) in {checked} events")
    return PROBLEMS


def _progress_bar(done: int, total: int, _path: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="",
          file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def _write_changes(store: Store, out: Path, changes_file: str | None,
                   zip_file: str | None) -> None:
    """What changed since the last --mark-uploaded: a list, and a zip to upload."""
    rows = changes.since_upload(store, out)
    if changes_file:
        changes.write_list(rows, changes_file)
        print(f"{len(rows)} changes since the last upload listed in {changes_file}")
    if zip_file:
        print(f"packed {changes.pack(out, rows, zip_file)} files into {zip_file}")


def cmd_export(args) -> int:
    out = Path(args.out).resolve()
    with _opened(args) as store:
        if args.mark_uploaded:
            n = store.mark_uploaded(str(out))
            if not n:
                raise CliError(f"nothing has been exported to {out} yet")
            print(f"marked {n} files in {out} as uploaded")
            return OK
        actor = store.find_user(args.as_user) if args.as_user else None
        progress = _progress_bar if sys.stderr.isatty() else None
        try:
            report = export_site(store, out, full=args.full, actor=actor, progress=progress)
        except ExportCancelled as e:
            raise CliError(str(e)) from None
        except OSError as e:
            raise CliError(f"could not write the site to {out}: {e.strerror or e}; the "
                           "files written so far are whole, run the export again") from None
        if args.changes or args.zip:
            _write_changes(store, out, args.changes, args.zip)
    for article_id in report.published:
        print(f"published {article_id[:8]} (its time had come)")
    for path in report.written[:args.show]:
        print(f"wrote {path}")
    for path in report.removed:
        print(f"removed {path}")
    print(f"{len(report.written)} written, {len(report.removed)} removed, "
          f"{report.unchanged} unchanged in {out}")
    for problem in report.problems:
        print(f"newsdesk: problem: {problem}", file=sys.stderr)
    for story in report.plain:
        print(f"newsdesk: problem: story {story} could not be formatted in time (its "
              "markdown is pathological); its page shows plain paragraphs", file=sys.stderr)
    return PROBLEMS if report.problems or report.plain else OK


def cmd_verify(args) -> int:
    report = verify(args.manifest, args.target, timeout=args.timeout)
    if args.json:
        _json({"checked": report.checked, "modified": [
            {"path": p, "added": t} for p, t in report.modified],
            "missing": report.missing, "unexpected": report.unexpected})
    else:
        for path, added in report.modified:
            print(f"modified   {path}" + (f"\n           added: {added}" if added else ""))
        for path in report.missing:
            print(f"missing    {path}")
        for path in report.unexpected:
            print(f"unexpected {path}")
        print(f"{report.checked} files checked: {len(report.modified)} modified, "
              f"{len(report.missing)} missing, {len(report.unexpected)} unexpected")
    return OK if report.ok else PROBLEMS


def cmd_views(args) -> int:
    with _opened(args) as store:
        for path in args.files:
            r = views.import_log(store, path)
            if r.already:
                print(f"{path}: already counted; skipped")
                continue
            print(f"{path}: {r.counted} article views counted from {r.lines} lines "
                  f"({r.bots} bots, {r.not_ok} not 200/GET, {r.other} other pages, "
                  f"{r.malformed} unreadable)")
    return OK


def _check_target(store: Store, target: str):
    """An article by id prefix, or a file (markdown, saved page) as it would import."""
    path = Path(target)
    if path.suffix.lower() in importers.SUPPORTED and path.exists():
        return importers.as_article(store, path)
    return store.article(store.resolve_article_id(target))


def cmd_check(args) -> int:
    with _opened(args) as store:
        report = checks.run_checks(store, _check_target(store, args.target))
    if args.json:
        _json(report.to_dict())
    else:
        for f in report.findings:
            where = f"{f.field}[{f.start}:{f.end}]" if f.end else f.field
            fix = f" → “{f.suggestion}”" if f.suggestion else ""
            mark = " (accepted: " + f.note + ")" if f.accepted else ""
            print(f"{f.severity:5}  {where:18}  {f.message}{fix}{mark}")
        print(f"{report.verdict}: {len(report.findings)} findings, "
              f"{report.error_rate:.1f} per 10,000 characters "
              f"(threshold {report.threshold:g}) in {report.char_count} characters")
    return PROBLEMS if report.blocking else OK


def cmd_words(args) -> int:
    """The outlet's word lists (机审) as plain text files."""
    with _opened(args) as store:
        if args.action == "import":
            try:
                terms = parse_list(Path(args.file).read_text("utf-8"))
            except (OSError, UnicodeDecodeError) as e:
                raise CliError(f"{args.file}: cannot read ({e})") from None
            except ValueError as e:
                raise CliError(f"{args.file}: {e}") from None
            n = store.set_word_terms(terms, None, replace=args.replace)
            print(f"{n} terms imported" + (" (the list was replaced)" if args.replace else ""))
            return OK
        terms = store.word_terms()
    if args.action == "export":
        Path(args.file).write_text(format_list(terms), "utf-8")
        print(f"{len(terms)} terms written to {args.file}")
    elif args.json:
        _json([asdict(t) for t in terms])
    else:
        _table([[t.level, t.term, t.category, t.replacement] for t in terms])
    return OK


def cmd_backup(args) -> int:
    with _opened(args) as store:
        if args.to:
            made = backup.backup(store, args.to)
        else:
            made = backup.backup_now(store, keep=args.keep)
    print(f"backed up to {made} ({made.stat().st_size // 1024} KiB, checked)")
    return OK


def cmd_restore(args) -> int:
    path = _db_path(args)
    aside = backup.restore(path, args.file)
    print(f"restored {args.file} to {path}; the previous database is kept at {aside}")
    return OK


# ---- the parser ------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    # --db works before or after the command; SUPPRESS keeps a later one from resetting it.
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                    help="database file (default: $NEWSDESK_DB or the user data directory)")
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--json", action="store_true", help="print JSON")

    p = argparse.ArgumentParser(prog="newsdesk", description="Newsdesk newsroom editor")
    p.add_argument("--db", metavar="PATH", default=None,
                   help="database file (default: $NEWSDESK_DB or the user data directory)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("init", parents=[db], help="create a database")
    c.add_argument("--demo", action="store_true", help="fill it with the demo newsroom")
    c.set_defaults(func=cmd_init)

    c = sub.add_parser("import", parents=[db], help="import markdown files or saved pages")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    c.add_argument("--as", dest="as_user", metavar="USER", help="the importing user")
    c.add_argument("--channel", help="channel for files that name none")
    c.set_defaults(func=cmd_import)

    c = sub.add_parser("list", parents=[db, listing], help="list stories, newest first")
    c.add_argument("--state", choices=[s.value for s in State])
    c.add_argument("--channel", help="channel slug or name")
    c.add_argument("--author", help="username or real name")
    c.add_argument("--limit", type=int, default=50)
    c.add_argument("--offset", type=int, default=0)
    c.set_defaults(func=cmd_list)

    c = sub.add_parser("search", parents=[db, listing], help="full-text search")
    c.add_argument("query", nargs="+")
    c.add_argument("--limit", type=int, default=20)
    c.set_defaults(func=cmd_search)

    c = sub.add_parser("show", parents=[db, listing], help="show one story")
    c.add_argument("id", help="article id or a unique prefix of it")
    c.set_defaults(func=cmd_show)

    c = sub.add_parser("users", parents=[db, listing], help="list or add users")
    users = c.add_subparsers(dest="action", metavar="ACTION")
    add = users.add_parser("add", parents=[db], help="add a user")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="real name, as pages print it")
    add.add_argument("--role", action="append", default=[],
                     help="editor, reviewer1..3 or admin; repeatable")
    passwd = users.add_parser("passwd", parents=[db],
                              help=f"set a password (from ${ENV_PASSWORD} or a prompt; "
                                   "empty removes it)")
    passwd.add_argument("username")
    c.set_defaults(func=cmd_users, json=False)

    c = sub.add_parser("channels", parents=[db, listing], help="list or add channels")
    channels = c.add_subparsers(dest="action", metavar="ACTION")
    add = channels.add_parser("add", parents=[db], help="add a channel")
    add.add_argument("slug", help="ASCII path segment, e.g. shehui")
    add.add_argument("name", help="display name, e.g. 社会")
    add.add_argument("--parent", help="parent channel slug or name")
    add.add_argument("--link", metavar="URL", help="make it a link channel")
    c.set_defaults(func=cmd_channels, json=False)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("id", help="article id or a unique prefix of it")
    acting.add_argument("--as", dest="as_user", metavar="USER", required=True,
                        help=f"who acts (password from ${ENV_PASSWORD} or a prompt)")
    for name, text in (("submit", "submit a draft for review"),
                       ("approve", "sign off the story's current review stage"),
                       ("return", "return the story to its author, with a reason"),
                       ("withdraw", "withdraw (撤稿) a story, admins only"),
                       ("correct", "reopen a published story for a correction")):
        c = sub.add_parser(name, parents=[db, acting], help=text)
        if name in ("submit", "approve"):
            c.add_argument("--comment", default="")
        elif name == "correct":
            c.add_argument("--note", required=True, help="the 更正 note the page will carry")
        else:
            c.add_argument("--reason", required=True)
        c.set_defaults(func=cmd_review)

    c = sub.add_parser("history", parents=[db, listing], help="a story's review history")
    c.add_argument("id")
    c.set_defaults(func=cmd_history)

    c = sub.add_parser("audit", parents=[db], help="verify the review history hash chains")
    c.set_defaults(func=cmd_audit)

    c = sub.add_parser("settings", parents=[db, listing],
                       help="the site settings: list, get, or set one (admins)")
    settings_sub = c.add_subparsers(dest="action", metavar="ACTION")
    get = settings_sub.add_parser("get", parents=[db, listing], help="one setting's value")
    get.add_argument("key")
    put = settings_sub.add_parser("set", parents=[db], help="set one (lists as JSON)")
    put.add_argument("key")
    put.add_argument("value")
    put.add_argument("--as", dest="as_user", metavar="USER", required=True,
                     help=f"an admin (password from ${ENV_PASSWORD} or a prompt)")
    c.set_defaults(func=cmd_settings)

    c = sub.add_parser("check", parents=[db, listing],
                       help="machine checks (机审) of a story or a file; exit 1 if blocked")
    c.add_argument("target", metavar="ID|FILE")
    c.set_defaults(func=cmd_check)

    c = sub.add_parser("words", parents=[db, listing], help="the 机审 word lists")
    words = c.add_subparsers(dest="action", metavar="ACTION")
    imp = words.add_parser("import", parents=[db], help="add terms from a text file")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true", help="replace the whole list")
    exp = words.add_parser("export", parents=[db], help="write the list to a text file")
    exp.add_argument("file")
    c.set_defaults(func=cmd_words, json=False)

    c = sub.add_parser("backup", parents=[db], help="a checked copy of the database")
    c.add_argument("--to", metavar="FILE", help="where (default: the backups folder next "
                   "to the database, keeping the newest --keep)")
    c.add_argument("--keep", type=int, default=None, help="automatic backups to keep")
    c.set_defaults(func=cmd_backup)

    c = sub.add_parser("restore", parents=[db],
                       help="put a backup in place (the current database is kept aside)")
    c.add_argument("file", help="a backup file")
    c.set_defaults(func=cmd_restore)

    c = sub.add_parser("export", parents=[db], help="write the static site (incremental)")
    c.add_argument("--out", required=True, metavar="DIR", help="output folder")
    c.add_argument("--full", action="store_true", help="re-render every page")
    c.add_argument("--as", dest="as_user", metavar="USER",
                   help="who publishes the stories whose time has come")
    c.add_argument("--changes", metavar="FILE",
                   help="list what changed since the last --mark-uploaded")
    c.add_argument("--zip", metavar="FILE", help="pack those files for upload")
    c.add_argument("--mark-uploaded", action="store_true",
                   help="record that DIR as exported is now on the web host (no export)")
    c.add_argument("--show", type=int, default=20, metavar="N",
                   help="name at most N written files (default 20)")
    c.set_defaults(func=cmd_export)

    c = sub.add_parser("verify", parents=[listing],
                       help="compare a deployed copy (folder or URL) with the manifest")
    c.add_argument("--manifest", required=True, metavar="FILE", help="DIR/manifest.json")
    c.add_argument("target", help="a folder or an http(s) base URL")
    c.add_argument("--timeout", type=float, default=10)
    c.set_defaults(func=cmd_verify)

    c = sub.add_parser("views", parents=[db], help="page views from access logs")
    views_sub = c.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = views_sub.add_parser("import", parents=[db], help="count article views in logs")
    imp.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(func=cmd_views)
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        code = _run(build_parser().parse_args(argv))
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _reader_gone()


def _run(args) -> int:
    try:
        return args.func(args)
    except (CliError, NewsdeskError) as e:
        return _fail(str(e))
    except sqlite3.DatabaseError as e:
        # A damaged page is met by the first query that reads it, in any command.
        damaged = as_damage(e, _db_path(args) if "db" in args else None)
        if damaged is not None:
            return _fail(backup.damage_message(damaged))
        if isinstance(e, sqlite3.OperationalError):
            return _fail(f"the database could not be used: {e}")
        raise


def _fail(message: str) -> int:
    print(f"newsdesk: error: {message}", file=sys.stderr)
    return USAGE


def _reader_gone() -> int:
    """The reader of our output went away (`newsdesk list | head`): stop quietly, as
    Unix tools do (128 + SIGPIPE), with nothing more written to the closed pipe."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a file (under a test's capture): nothing to flush later
    return 141 if os.name == "posix" else OK
