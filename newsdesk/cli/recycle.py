"""回收站 on the command line: delete a draft that was never submitted, list the bin,
restore from it, empty it (admins)."""
from __future__ import annotations

import click

from newsdesk import times
from newsdesk.review import bin_rules
from newsdesk.i18n import _
from newsdesk.cli.common import (
    OK, Session, acting_option, acting_user, json_option, print_json, table, with_db,
)


@click.command()
@click.argument("article_id", metavar="ID")
@acting_option()
@with_db
def delete(session: Session, article_id: str, as_user: str) -> int:
    """Move a draft that was never submitted to the recycle bin."""
    with session.opened() as store:
        a = bin_rules.delete_draft(store, store.articles.resolve_id(article_id),
                                 acting_user(store, as_user))
    print(_("moved {id} {title} to the recycle bin (purged after {days} days)",
            id=a.id[:8], title=a.title, days=bin_rules.BIN_DAYS))
    return OK


@click.group("bin", invoke_without_command=True)
@json_option
@with_db
@click.pass_context
def bin_(ctx, session: Session, as_json: bool) -> int:
    """The recycle bin: what is in it (restore ID, empty)."""
    if ctx.invoked_subcommand is not None:
        return OK
    with session.opened() as store:
        items = store.bin.items()
        names = store.users.names(i["deleted_by"] for i in items)
        tz = store.settings().timezone
    if as_json:
        print_json(items)
    else:
        table([[i["article_id"][:8], times.local_text(i["deleted_at"], tz)[:16],
                names.get(i["deleted_by"], ""), i["title"]] for i in items])
    return OK


@bin_.command("restore")
@click.argument("article_id", metavar="ID")
@acting_option()
@with_db
def restore(session: Session, article_id: str, as_user: str) -> int:
    """Put a deleted draft back among the stories."""
    with session.opened() as store:
        ids = [i["article_id"] for i in store.bin.items()
               if i["article_id"].startswith(article_id.strip().lower())]
        a = bin_rules.restore_draft(store, ids[0] if len(ids) == 1 else article_id,
                                  acting_user(store, as_user))
    print(_("restored {id} {title}", id=a.id[:8], title=a.title))
    return OK


@bin_.command("empty")
@acting_option()
@with_db
def empty(session: Session, as_user: str) -> int:
    """Delete everything in the recycle bin for good (admins)."""
    with session.opened() as store:
        n = bin_rules.empty_bin(store, acting_user(store, as_user))
    print(_("purged {n} drafts from the recycle bin", n=n))
    return OK


COMMANDS = [delete, bin_]
