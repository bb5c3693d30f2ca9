"""The database file itself: checked backups and restoring one."""
from __future__ import annotations

import click

from newsdesk import backup as backups
from newsdesk.i18n import _
from newsdesk.cli.common import OK, Session, with_db


@click.command()
@click.option("--to", metavar="FILE", help="where (default: the backups folder next to "
                                         "the database, keeping the newest --keep)")
@click.option("--keep", type=int, default=None, help="automatic backups to keep")
@with_db
def backup(session: Session, to: str | None, keep: int | None) -> int:
    """A checked copy of the database."""
    with session.opened() as store:
        made = backups.backup(store, to) if to else backups.backup_now(store, keep=keep)
    print(_("backed up to {path} ({size} KiB, checked)",
            path=made, size=made.stat().st_size // 1024))
    return OK


@click.command()
@click.argument("file")
@with_db
def restore(session: Session, file: str) -> int:
    """Put a backup in place (the current database is kept aside)."""
    aside = backups.restore(session.path, file)
    print(_("restored {file} to {path}; the previous database is kept at {aside}",
            file=file, path=session.path, aside=aside))
    return OK


COMMANDS = [backup, restore]
