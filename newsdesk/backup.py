"""Backups of the one SQLite file that holds the outlet's archive: SQLite's online
backup API (consistent while the app is open), rotation (keep the newest N), and a
restore that checks the file first and keeps the current database aside."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from db import connect
from db.connection import DatabaseDamaged, DatabaseUnusable, SchemaTooNew, as_trouble
from newsdesk import times
from newsdesk.errors import NewsdeskError, unusable
from newsdesk.i18n import _
from newsdesk.model import field_label
from newsdesk.store import Store, files

EVERY = timedelta(days=1)
_PREFIX = "newsdesk-"


def backup_dir(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / "backups"


def check_file(path: str | Path) -> None:
    """Refuse a file that is not a sound Newsdesk database this version can open."""
    path = Path(path)
    if not path.is_file():
        raise NewsdeskError("{path}: no such file", path=path)
    try:
        result, tables = files.integrity_check(path)
    except sqlite3.DatabaseError as e:
        raise NewsdeskError("{path} is not a database ({e})", path=path, e=e) from None
    if result != "ok":
        raise NewsdeskError("{path} is damaged: {result}", path=path, result=result)
    if not {"articles", "_sqlite_migrations"} <= tables:
        raise NewsdeskError("{path} is not a Newsdesk database", path=path)
    try:
        connect(path, migrate=False).close()
    except (SchemaTooNew, DatabaseDamaged, DatabaseUnusable) as e:
        raise NewsdeskError("{path}: {e}", path=path, e=e) from None


def full_check(path: str | Path, thorough: bool = True
               ) -> DatabaseDamaged | NewsdeskError | None:
    """What the whole-file check (integrity_check; quick_check, pages only, unless
    thorough) found: the damage; or why it could not look (the folder read-only, the
    disk full, another program holding the file: a NewsdeskError, since that is no
    damage); or None when the file is sound."""
    try:
        result, _ = files.integrity_check(path, thorough)
    except sqlite3.DatabaseError as e:
        trouble = as_trouble(e, path)
        if isinstance(trouble, DatabaseUnusable):
            return unusable(trouble)
        return trouble or NewsdeskError("the whole-file check of {path} could not run: {e}",
                                        path=path, e=e)
    return None if result == "ok" else DatabaseDamaged(path, result)


def newest_good_backup(db_path: str | Path) -> Path | None:
    for candidate in backups(db_path):
        try:
            check_file(candidate)
        except NewsdeskError:
            continue
        return candidate
    return None


def what_is_damaged(damaged: DatabaseDamaged) -> str:
    """The damage in words: SQLite's, or for text that is not UTF-8 the story it is in
    and the field (never the garbled bytes)."""
    if damaged.column is None:
        return damaged.detail
    field = field_label(damaged.column)
    try:
        story, title, table = files.undecodable(damaged.path, damaged.column)
    except sqlite3.Error:  # the file cannot be searched: say what was met
        story, title, table = None, None, ""
    if story and title is not None:
        return _("story {id} “{title}”: its {field} is damaged (not valid UTF-8 text)",
                 id=story[:8], title=title, field=field)
    if story:
        return _("story {id}: its {field} is damaged (not valid UTF-8 text)",
                 id=story[:8], field=field)
    if table:
        return _("the {field} column of {table} holds text that is not valid UTF-8",
                 field=field, table=table)
    return _("stored {field} text is not valid UTF-8", field=field)


def damage_error(damaged: DatabaseDamaged) -> NewsdeskError:
    """The damage, and the newest good backup to put back (or that there is none)."""
    good = newest_good_backup(damaged.path)
    if good is None:
        return NewsdeskError("{path} is damaged or not a database ({what}); no good backup "
                             "was found: copy the file somewhere safe before anything writes "
                             "to it again",
                             path=damaged.path, what=what_is_damaged(damaged))
    return NewsdeskError("{path} is damaged or not a database ({what}); the newest good "
                         "backup is {good}: 'newsdesk restore {good}' puts it back (the "
                         "damaged file is kept aside)",
                         path=damaged.path, what=what_is_damaged(damaged), good=good)


def backup(store: Store, to: str | Path, thorough: bool = True) -> Path:
    """A consistent copy of the open database at `to` (written whole, then checked).
    The copy is the database page for page: damage found in it is the database's."""
    to = Path(to).resolve()
    if to == Path(store.path).resolve():
        raise NewsdeskError("a backup cannot overwrite the database itself")
    to.parent.mkdir(parents=True, exist_ok=True)
    tmp = to.with_name(f".{to.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        try:
            target = sqlite3.connect(tmp)
            try:
                store.backup_to(target)
                # One self-contained file: the check below leaves no -wal or -shm.
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        except sqlite3.Error as e:
            trouble = as_trouble(e, to)
            raise unusable(trouble) if isinstance(trouble, DatabaseUnusable) else e
        found = full_check(tmp, thorough)
        if isinstance(found, DatabaseDamaged):
            raise DatabaseDamaged(store.path, found.detail)
        if found is not None:
            raise found
        os.replace(tmp, to)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return to


_NAME = re.compile(r"newsdesk-(\d{8}-\d{6})([+-]\d{4})?\.db")


def made_at(path: Path) -> datetime | None:
    """When an automatic backup was made, from its name: local time with its UTC offset
    (newsdesk-20261129-093000+0800.db), or UTC in names without one (older backups)."""
    m = _NAME.fullmatch(path.name)
    if not m:
        return None
    if m.group(2):
        return datetime.strptime(m.group(1) + m.group(2), "%Y%m%d-%H%M%S%z")
    return datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)


def backups(db_path: str | Path) -> list[Path]:
    """The automatic backups of a database, newest first."""
    folder = backup_dir(db_path)
    found = [(made_at(p), p) for p in folder.glob(f"{_PREFIX}*.db")] if folder.is_dir() else []
    return [p for when, p in sorted((f for f in found if f[0]), reverse=True)]


def backup_now(store: Store, now: datetime | None = None, keep: int | None = None,
               thorough: bool = True) -> Path:
    """A backup into the backups folder, named by the outlet's local time, then the
    rotation: the newest `keep` (site setting backups_keep, default 10) stay, and so
    does the newest of each of the last `keep` days that have one, so a day of many
    closings does not push out last week's backups."""
    now = now or datetime.now(timezone.utc)
    settings = store.settings()
    local = now.astimezone(ZoneInfo(settings.timezone))
    as_of = times.instant()  # a change after this may not be in the copy
    made = backup(store, backup_dir(store.path) / f"{_PREFIX}{local:%Y%m%d-%H%M%S%z}.db",
                  thorough)
    store.note_backup(as_of)
    keep = keep or settings.backups_keep
    existing = backups(store.path)
    days: dict[str, Path] = {}
    for path in existing:
        days.setdefault(f"{made_at(path).astimezone(local.tzinfo):%Y%m%d}", path)
    kept = set(existing[:keep]) | set(list(days.values())[:keep])
    for old in existing:
        if old not in kept:
            old.unlink()
    return made


def auto_backup(store: Store, now: datetime | None = None, keep: int | None = None,
                closing: bool = False) -> Path | None:
    """Back up when something changed since the newest backup: at once when the app
    closes, at most daily while it is open. Returns the new backup, or None."""
    now = now or datetime.now(timezone.utc)
    existing = backups(store.path)
    if existing:
        changed, backed_up = store.changed_at(), store.backed_up_at()
        if changed is None or (backed_up is not None and changed <= backed_up):
            return None
        if not closing and now - made_at(existing[0]) < EVERY:
            return None
    # The app waits on these (at close, daily): its copy's pages are checked (quick_check,
    # a third of the time); rows against indexes are checked off the UI thread at start.
    return backup_now(store, now, keep, thorough=False)


def restore(db_path: str | Path, source: str | Path, now: datetime | None = None) -> Path:
    """Put a backup in place of the database (closed: not while the app has it open).
    The backup is checked first; the current file is kept aside, never overwritten.
    Returns where the current database was put."""
    db_path, source = Path(db_path).resolve(), Path(source).resolve()
    check_file(source)
    now = now or datetime.now(timezone.utc)
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    if db_path.exists():
        # Fold the write-ahead log in first, so the file kept aside is complete; a
        # damaged file may refuse, and then its log goes aside with it.
        try:
            files.fold_log(db_path)
        except sqlite3.DatabaseError:
            pass
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            log = Path(f"{db_path}{suffix}")
            if log.exists():
                os.replace(log, Path(f"{aside}{suffix}"))
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    shutil.copyfile(source, tmp)
    os.replace(tmp, db_path)
    return aside
