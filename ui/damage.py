"""A damaged database, in the app: at open, or met by any later query (a damaged page is
found only when something reads it). One hook sees every error that escapes a slot, on
any pane, and hands a damaged-database error to the window; one dialog says what
happened and offers the newest good backup. A database that is sound but cannot be used
here (its folder read-only, the disk full, another program holding it) is said as that,
with no backup offered: restoring one would not help."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from db import DatabaseDamaged, as_trouble
from newsdesk import backup


def ask_restore(parent, damaged: DatabaseDamaged, kept: Path | None = None) -> Path | None:
    """Say the database is damaged, where the editor's text was kept, and offer the
    newest good backup. Returns that backup when the user chose to restore it."""
    good = backup.newest_good_backup(damaged.path)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QCoreApplication.translate("damage", "The database is damaged"))
    box.setText(QCoreApplication.translate("damage", "The database %1 is damaged (%2).")
                .replace("%1", str(damaged.path))
                .replace("%2", backup.what_is_damaged(damaged)))
    more, restore = [], None
    if kept:
        more.append(QCoreApplication.translate("damage", "Your text is kept in %1.")
                    .replace("%1", str(kept)))
    if good:
        more.append(QCoreApplication.translate(
            "damage", "The newest good backup is %1. Restore it? The damaged file is kept "
            "aside.").replace("%1", str(good)))
        restore = box.addButton(QCoreApplication.translate("damage", "Restore the backup"),
                                QMessageBox.AcceptRole)
    else:
        more.append(QCoreApplication.translate("damage",
                                               "No good backup was found next to it."))
    box.setInformativeText("\n\n".join(more))
    box.addButton(QMessageBox.Close)
    box.exec()
    return good if restore is not None and box.clickedButton() is restore else None


def say_unusable(parent, message: str) -> None:
    """The database is sound but cannot be used now: why, and what to do about it (the
    core's message). No backup is offered: restoring one would not help."""
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("app", "Newsdesk"),
                      message, QMessageBox.Close, parent)
    box.exec()


class DamageGuard:
    """sys.excepthook for the running app: a damaged-database error goes to `handler`
    (once), anything else to the previous hook (a write that met a full disk or another
    program's lock says so where it was asked for, as a NewsdeskError)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.handler: Callable[[DatabaseDamaged], None] | None = None
        self.met: DatabaseDamaged | None = None
        self._previous = sys.excepthook

    def install(self) -> "DamageGuard":
        self._previous = sys.excepthook
        sys.excepthook = self._hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous

    def _hook(self, kind, error, tb) -> None:
        damaged = as_trouble(error, self.path)
        if not isinstance(damaged, DatabaseDamaged):
            self._previous(kind, error, tb)
            return
        if self.met is not None:
            return  # already being handled: one dialog, whatever else fails meanwhile
        self.met = damaged
        if self.handler is not None:
            self.handler(damaged)

    def attach(self, handler: Callable[[DatabaseDamaged], None]) -> None:
        """Hand errors to handler from now on, and any met before it was attached."""
        self.handler = handler
        if self.met is not None:
            handler(self.met)
