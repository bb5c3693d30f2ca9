"""Start the GUI: open (or create, with the demo newsroom) the database, show the window."""
from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from db import DatabaseDamaged, SchemaTooNew, as_trouble
from newsdesk import backup
from newsdesk.demo import load_demo
from newsdesk.errors import NewsdeskError
from newsdesk.paths import ENV_DB, default_db_path
from newsdesk.store import Store
from ui import i18n, look
from ui.damage import DamageGuard, ask_restore, say_unusable


JOINED = "app/joined_database"  # QSettings: the newsroom this PC joined from the app


def chosen_db_path() -> Path:
    """$NEWSDESK_DB if set; else the database of the newsroom this PC joined from the
    app, while it exists; else the user's default database."""
    joined = QSettings().value(JOINED)
    if not os.environ.get(ENV_DB) and joined and Path(joined).exists():
        return Path(joined)
    return default_db_path()


def open_store(path: Path) -> Store:
    """The store at path; a new (empty) database gets the demo newsroom, so the first
    look is a working newsroom. load_demo is one transaction: a crash leaves it empty,
    and the next start fills it again."""
    store = Store.open(path)
    if store.is_empty():
        load_demo(store)
    return store


def offer_restore(path: Path, damaged: DatabaseDamaged) -> Store | None:
    """The database is damaged: say so and offer the newest good backup. Never a
    traceback, never a silent start on an empty database."""
    good = ask_restore(None, damaged)
    if good is None:
        return None
    backup.restore(path, good)
    return open_store(path)


def allow_web_engine_as_root() -> None:
    """Chromium refuses to run as root with its sandbox (containers, CI): turn the
    sandbox off then, and only then, and say so."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
            logging.getLogger("newsdesk").warning(
                "running as root: the preview's web engine runs without its sandbox")


def main(db: str | Path | None = None) -> int:
    """The app on the database at db (default: $NEWSDESK_DB or the user's own)."""
    allow_web_engine_as_root()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Newsdesk")
    app.setApplicationName("Newsdesk")
    look.apply(app)
    i18n.install(app)
    path = Path(db) if db else chosen_db_path()
    while True:
        try:
            store = open_store(path)
        except DatabaseDamaged as e:
            store = offer_restore(path, e)
            if store is None:
                return 2
        except NewsdeskError as e:  # sound, but not usable here (read-only, full, busy)
            say_unusable(None, str(e))
            return 2
        except (SchemaTooNew, sqlite3.DatabaseError) as e:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Newsdesk"),
                                 QCoreApplication.translate("app", "Cannot open %1:\n%2")
                                 .replace("%1", str(path)).replace("%2", str(e)))
            return 2
        code, restore_from, joined = run_window(app, store, path)
        if joined is not None:  # this PC joined a newsroom: work on its database now
            QSettings().setValue(JOINED, str(joined))
            path = joined
            continue
        if restore_from is None:
            return code
        # The database turned out damaged while open and the user chose the backup:
        # put it in place and start again on it.
        backup.restore(path, restore_from)


def run_window(app, store: Store, path: Path) -> tuple[int, Path | None, Path | None]:
    """Log in and run the main window until it closes; returns the exit code, the
    backup to restore when the database turned out damaged, and the database of a
    newsroom joined from the sign-in dialog."""
    from ui.login import LoginDialog  # widgets after QApplication exists
    from ui.main_window import MainWindow

    guard = DamageGuard(path).install()
    window = None
    try:
        login = LoginDialog(store, join_folder=default_db_path().parent)
        if login.exec() != LoginDialog.Accepted:
            return 0, None, login.joined
        window = MainWindow(store, str(path), login.user)
        guard.attach(window.database_damaged)  # also what was met while it was built
        if window.damaged is None:
            window.show()
            window.check_whole_file()
            code = app.exec()
        return (2 if window.damaged else code), window.restore_from, None
    except sqlite3.DatabaseError as e:  # met outside any slot: building a dialog
        damaged = as_trouble(e, path)
        if not isinstance(damaged, DatabaseDamaged):
            raise
        if window is not None:
            window.database_damaged(damaged)
            return 2, window.restore_from, None
        return 2, ask_restore(None, damaged), None
    finally:
        guard.uninstall()
        store.close()
