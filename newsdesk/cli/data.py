"""The database file itself: checked backups and restoring one."""
from __future__ import annotations

import click

from newsdesk import backup as backups
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
    print(f"backed up to {made} ({made.stat().st_size // 1024} KiB, checked)")
    return OK


@click.command()
@click.argument("file")
@with_db
def restore(session: Session, file: str) -> int:
    """Put a backup in place (the current database is kept aside)."""
    aside = backups.restore(session.path, file)
    print(f"restored {file} to {session.path}; the previous database is kept at {aside}")
    return OK


COMMANDS = [backup, restore]
