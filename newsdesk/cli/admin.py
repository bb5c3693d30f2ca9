"""The newsroom's own data: users, channels, site settings and the 机审 lists."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from newsdesk import checks, navigation, present, settings as site_settings
from newsdesk.review import accounts
from newsdesk.checks.lists import KINDS, format_entries, parse_entries
from newsdesk.checks.words import ListError, format_list, parse_list
from newsdesk.i18n import _
from newsdesk.cli.common import (
    OK, CliError, Session, acting_option, acting_user, json_option, new_password,
    print_json, read_text, table, with_db,
)


@click.group(invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def users(ctx, session: Session, as_json: bool) -> int:
    """List users, or add one, or set a password."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        rows = [{"id": u.id, "username": u.username, "real_name": u.real_name,
                 "roles": u.roles, "active": u.active} for u in store.users.all()]
        names = present.role_names(store)
    if as_json:
        print_json(rows)
    else:  # roles as the app names them (the stages by their names)
        table([[r["username"], r["real_name"], _(", ").join(names.get(x, x) for x in r["roles"])]
               for r in rows])
    return OK


@users.command("add")
@click.argument("username")
@click.option("--name", required=True, help="real name, as pages print it")
@click.option("--role", "roles", multiple=True,
              help="editor, reviewer1..3 or admin; repeatable")
@acting_option(required=False, help_text="the admin adding it (outside the demo; the "
                                         "first admin of a new database needs none)")
@with_db
def add_user(session: Session, username: str, name: str, roles: tuple[str, ...],
             as_user: str | None) -> int:
    """Add a user (outside the demo with a password: $NEWSDESK_NEW_PASSWORD or a
    prompt)."""
    with session.opened() as store:
        actor = acting_user(store, as_user)
        password = None  # outside the demo every account needs one to act
        if not accounts.is_demo(store):
            password = new_password(username, required=True)
        user = accounts.add_user(store, username, name, roles, password,
                                 actor.id if actor else None)
    print(_("added {username} ({name})", username=user.username, name=user.real_name))
    return OK


@users.command("passwd")
@click.argument("username")
@acting_option(required=False, help_text="who sets it, outside the demo: the user (their "
                                         "old password) or an admin")
@with_db
def passwd(session: Session, username: str, as_user: str | None) -> int:
    """Set a password (from $NEWSDESK_NEW_PASSWORD or a prompt; empty removes it)."""
    with session.opened() as store:
        actor = acting_user(store, as_user)
        user = store.users.find(username)
        password = new_password(user.username, required=False)
        accounts.set_password(store, user, password, actor.id if actor else None)
    print(_("password set for {username}", username=user.username) if password
          else _("password removed for {username}", username=user.username))
    return OK


@users.command("change")
@click.argument("username")
@click.option("--role", "roles", multiple=True, help="the roles it now has; repeatable")
@click.option("--deactivate/--activate", "deactivate", default=None,
              help="stop (or allow again) the account's use; it is never deleted")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def change_user(session: Session, username: str, roles: tuple[str, ...],
                deactivate: bool | None, as_user: str) -> int:
    """Change a user's roles, or deactivate (or activate) them (admins)."""
    with session.opened() as store:
        admin = acting_user(store, as_user)
        user = accounts.change_user(store, admin, store.users.find(username),
                                    roles=roles or None,
                                    active=None if deactivate is None else not deactivate)
    roles = ", ".join(user.roles) or _("no roles")
    print(f"{user.username}: {roles}" + ("" if user.active else _(" (deactivated)")))
    return OK


@click.group(invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def channels(ctx, session: Session, as_json: bool) -> int:
    """List channels, or add one."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        all_channels = store.channels.all()
    slugs = {c.id: c.slug for c in all_channels}
    rows = [{"id": c.id, "slug": c.slug, "name": c.name, "parent": slugs.get(c.parent_id),
             "kind": c.kind, "url": c.url} for c in all_channels]
    if as_json:
        print_json(rows)
    else:
        table([[("  " if r["parent"] else "") + r["slug"], r["name"],
                r["kind"] + (f" → {r['url']}" if r["url"] else "")] for r in rows])
    return OK


@channels.command("add")
@click.argument("slug")
@click.argument("name")
@click.option("--parent", help="parent channel slug or name")
@click.option("--link", metavar="URL", help="make it a link channel")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def add_channel(session: Session, slug: str, name: str, parent: str | None,
                link: str | None, as_user: str) -> int:
    """Add a channel (SLUG: an ASCII path segment such as shehui; NAME: 社会)."""
    with session.opened() as store:
        c = navigation.add_channel(store, acting_user(store, as_user), slug, name, parent, link)
    print(_("added channel {slug} ({name})", slug=c.slug, name=c.name))
    return OK


@channels.command("rename")
@click.argument("channel")
@click.argument("name")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def rename_channel(session: Session, channel: str, name: str, as_user: str) -> int:
    """Give a channel a new name (its slug, in every public path, stays)."""
    with session.opened() as store:
        c = navigation.rename_channel(store, acting_user(store, as_user),
                                      store.channels.find(channel).id, name)
    print(_("renamed channel {slug} to {name}", slug=c.slug, name=c.name))
    return OK


@channels.command("move")
@click.argument("channel")
@click.argument("direction", type=click.Choice(["up", "down"]))
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def move_channel(session: Session, channel: str, direction: str, as_user: str) -> int:
    """Move a channel one place among its siblings (the navigation's order)."""
    with session.opened() as store:
        order = navigation.move_channel(store, acting_user(store, as_user),
                                        store.channels.find(channel).id,
                                        -1 if direction == "up" else 1)
    print(" ".join(c.slug for c in order))
    return OK


@channels.command("change")
@click.argument("channel")
@click.option("--parent", help="put it under this list channel")
@click.option("--top", is_flag=True, help="put it at the top level")
@click.option("--link", metavar="URL", help="make it a link channel to URL")
@click.option("--list", "as_list", is_flag=True, help="make it a list channel again")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def change_channel(session: Session, channel: str, parent: str | None, top: bool,
                   link: str | None, as_list: bool, as_user: str) -> int:
    """Move a channel under another (or to the top), or make it a link or a list."""
    with session.opened() as store:
        c, admin = store.channels.find(channel), acting_user(store, as_user)
        if parent or top:
            c = navigation.reparent_channel(store, admin, c.id, None if top else parent)
        if link or as_list:
            c = navigation.set_channel_link(store, admin, c.id, None if as_list else link)
    print(f"{c.slug}: {c.kind}" + (f" → {c.url}" if c.url else ""))
    return OK


@click.group(invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def topics(ctx, session: Session, as_json: bool) -> int:
    """List topics (专题), or add one."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        rows = [{"slug": t.slug, "name": t.name, "description": t.description}
                for t in store.channels.topics()]
    if as_json:
        print_json(rows)
    else:
        table([[r["slug"], r["name"], r["description"]] for r in rows])
    return OK


@topics.command("add")
@click.argument("slug")
@click.argument("name")
@click.option("--description", default="", help="a line the topic's page shows")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def add_topic(session: Session, slug: str, name: str, description: str, as_user: str) -> int:
    """Add a topic (SLUG: its path, such as xiangcun; NAME: 乡村振兴在越溪)."""
    with session.opened() as store:
        topic = navigation.add_topic(store, acting_user(store, as_user), slug, name, description)
    print(_("added topic {slug} ({name})", slug=topic.slug, name=topic.name))
    return OK


def _setting_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@click.group(invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def settings(ctx, session: Session, as_json: bool) -> int:
    """The site settings: list them with their help, get one, or set one (admins)."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        current = store.settings()
    rows = _setting_rows(current)
    if as_json:
        print_json(rows)
    else:
        for r in rows:  # the name and help as the app's form shows them
            print(f"{r['name']} = {_setting_text(r['value'])}\n    "
                  + _("{label}: {help}", label=_(r["label"]), help=_(r["help"])))
    return OK


def _setting_rows(current) -> list[dict]:
    return [{"name": s.name, "label": s.label, "type": s.kind, "value": getattr(current, s.name),
             "default": s.default, "help": s.help} for s in site_settings.declared()]


@settings.command("get")
@click.argument("key")
@json_option
@with_db
def get_setting(session: Session, key: str, as_json: bool) -> int:
    """One setting's value."""
    with session.opened() as store:
        rows = [r for r in _setting_rows(store.settings()) if r["name"] == key]
    if not rows:
        raise CliError("there is no setting {key!r}", key=key)
    if as_json:
        print_json(rows[0])
    else:
        print(_setting_text(rows[0]["value"]))
    return OK


@settings.command("set")
@click.argument("key")
@click.argument("value")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def set_setting(session: Session, key: str, value: str, as_user: str) -> int:
    """Set one (lists as JSON)."""
    with session.opened() as store:
        accounts.change_settings(store, acting_user(store, as_user),
                                 {key: site_settings.parse(key, value)})
        print(f"{key} = {_setting_text(getattr(store.settings(), key))}")
    return OK


@click.group(invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def words(ctx, session: Session, as_json: bool) -> int:
    """The 机审 word lists: list them, or import or export them as text."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        terms = store.checks.terms()
    if as_json:
        print_json([asdict(t) for t in terms])
    else:
        table([[t.level, t.term, t.category, t.replacement] for t in terms])
    return OK


@words.command("import")
@click.argument("file")
@click.option("--replace", is_flag=True, help="replace the whole list")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def import_words(session: Session, file: str, replace: bool, as_user: str) -> int:
    """Add terms from a text file (term<TAB>block|warn<TAB>category<TAB>replacement)."""
    with session.opened() as store:
        try:
            terms = parse_list(read_text(file))
        except ValueError as e:
            raise CliError("{file}: {e}", file=file, e=e) from None
        n = checks.save_word_list(store, terms, acting_user(store, as_user),
                                  replace=replace)
    print(_("{count} terms imported (the list was replaced)", count=n) if replace
          else _("{count} terms imported", count=n))
    return OK


@words.command("export")
@click.argument("file")
@with_db
def export_words(session: Session, file: str) -> int:
    """Write the list to a text file."""
    with session.opened() as store:
        terms = store.checks.terms()
    Path(file).write_text(format_list(terms), "utf-8")
    print(_("{count} terms written to {file}", count=len(terms), file=file))
    return OK


KIND = click.Choice(KINDS)


@click.group("lists")
def check_lists() -> None:
    """The other 机审 lists: names (重要人名, in the order leaders are named),
    confusions (the outlet's own 易错词) and traditional (words kept in 繁体)."""


@check_lists.command("show")
@click.argument("kind", type=KIND)
@json_option
@with_db
def show_list(session: Session, kind: str, as_json: bool) -> int:
    """List one."""
    with session.opened() as store:
        entries = store.checks.entries(kind)
    if as_json:
        print_json([asdict(e) for e in entries])
    else:
        table([[e.key, e.value, e.note] for e in entries])
    return OK


@check_lists.command("import")
@click.argument("kind", type=KIND)
@click.argument("file")
@acting_option(help_text="an admin (password from $NEWSDESK_PASSWORD or a prompt)")
@with_db
def import_list(session: Session, kind: str, file: str, as_user: str) -> int:
    """Replace a list with a text file's (one entry a line, tab-separated)."""
    try:
        entries = parse_entries(kind, read_text(file))
    except ListError as e:
        raise CliError("{file}: {e}", file=file, e=e) from None
    with session.opened() as store:
        user = acting_user(store, as_user)
        n = checks.save_list(store, kind, entries, user)
    print(_("{count} entries imported (the list was replaced)", count=n))
    return OK


@check_lists.command("export")
@click.argument("kind", type=KIND)
@click.argument("file")
@with_db
def export_list(session: Session, kind: str, file: str) -> int:
    """Write a list to a text file."""
    with session.opened() as store:
        entries = store.checks.entries(kind)
    Path(file).write_text(format_entries(kind, entries), "utf-8")
    print(_("{count} entries written to {file}", count=len(entries), file=file))
    return OK


COMMANDS = [users, channels, topics, settings, words, check_lists]
