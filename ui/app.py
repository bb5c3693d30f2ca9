"""Start the GUI: open (or create, with the demo newsroom) the database, show the window."""
from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db import DatabaseDamaged, SchemaTooNew
from newsdesk import backup
from newsdesk.demo import load_demo
from newsdesk.paths import default_db_path
from newsdesk.store import Store
from ui import i18n


def open_store(path: Path) -> Store:
    """The store at path; a new (empty) database gets the demo newsroom, so the first
    look is a working newsroom. load_demo is one transaction: a crash leaves it empty,
    and the next start fills it again."""
    store = Store.open(path)
    if store.is_empty():
        load_demo(store)
    return store


def offer_restore(app, path: Path, damaged: DatabaseDamaged) -> Store | None:
    """The database is damaged: say so and offer the newest good backup. Never a
    traceback, never a silent start on an empty database."""
    tr = lambda text: QCoreApplication.translate("app", text)  # noqa: E731
    good = backup.newest_good_backup(path)
    box = QMessageBox(QMessageBox.Critical, tr("Newsdesk"),
                      tr("The database %1 is damaged (%2).").replace("%1", str(path))
                      .replace("%2", damaged.detail))
    restore = None
    if good:
        box.setInformativeText(tr("The newest good backup is %1. Restore it? The damaged "
                                  "file is kept aside.").replace("%1", str(good)))
        restore = box.addButton(tr("Restore the backup"), QMessageBox.AcceptRole)
    else:
        box.setInformativeText(tr("No good backup was found next to it."))
    box.addButton(QMessageBox.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
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


def main(argv: list[str] | None = None) -> int:
    allow_web_engine_as_root()
    parser = argparse.ArgumentParser(prog="newsdesk")
    parser.add_argument("--db", metavar="PATH")
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName("Newsdesk")
    app.setApplicationName("Newsdesk")
    i18n.install(app)
    path = Path(args.db) if args.db else default_db_path()
    try:
        store = open_store(path)
    except DatabaseDamaged as e:
        store = offer_restore(app, path, e)
        if store is None:
            return 2
    except (SchemaTooNew, sqlite3.DatabaseError) as e:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Newsdesk"),
                             QCoreApplication.translate("app", "Cannot open %1:\n%2")
                             .replace("%1", str(path)).replace("%2", str(e)))
        return 2
    from ui.login import LoginDialog  # widgets after QApplication exists
    from ui.main_window import MainWindow

    login = LoginDialog(store)
    if login.exec() != LoginDialog.Accepted:
        store.close()
        return 0
    window = MainWindow(store, str(path), login.user)
    window.show()
    window.check_whole_file()
    code = app.exec()
    store.close()
    return code
