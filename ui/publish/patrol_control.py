"""巡检 in the app: 网站 → 巡检网站 checks the whole site on the default target against
the server's manifest (newsdesk/publish/patrol.py), on a thread and database connection
of its own, with the keyring's password and the host keys already trusted. The status
bar shows the last check of this seat (of a publish run, publish --watch or this
action): when, and what it found, the files in its tooltip."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from newsdesk import times
from newsdesk.publish import patrol
from newsdesk.publish.run import check_site
from ui.jobs import on_own_connection


class PatrolControl(QObject):
    ended = Signal(object)   # the check (a Patrol), or what stopped it

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.label.setObjectName("patrol-label")
        self._thread: threading.Thread | None = None
        self.ended.connect(self._ended)
        self.show_last()

    def run(self) -> None:
        if self._thread is not None:
            return
        store, user = self.window.store, self.window.user
        self.label.setText(self.tr("巡检: checking the live site…"))
        self._thread = on_own_connection(store.path, lambda own: check_site(own, user),
                                         self.ended.emit, "newsdesk-patrol")

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _ended(self, outcome) -> None:
        self._thread = None
        self.show_last()
        if isinstance(outcome, Exception):
            text = outcome.strerror if isinstance(outcome, OSError) else str(outcome)
            self.window.statusBar().showMessage(
                self.tr("The live site could not be checked: %1").replace("%1", str(text)))
        elif outcome.ok:
            self.window.statusBar().showMessage(
                self.tr("巡检: the host serves what was published (%1 files)")
                .replace("%1", str(outcome.checked)))
        else:
            self.window.statusBar().showMessage(
                self.tr("巡检: changed by someone else on the host: %1")
                .replace("%1", ", ".join(outcome.paths())))

    def show_last(self) -> None:
        """The last check, from this seat's memory: nothing before the first."""
        last = patrol.last(self.window.store)
        if last is None:
            self.label.clear()
            self.label.setToolTip("")
            return
        when = times.local_text(last["at"], self.window.store.settings().timezone)[:16]
        if last["count"]:
            self.label.setText(self.tr("巡检 %1: %2 files changed by others")
                               .replace("%1", when).replace("%2", str(last["count"])))
            self.label.setStyleSheet("color: #c62828")
        else:
            self.label.setText(self.tr("巡检 %1: no changes").replace("%1", when))
            self.label.setStyleSheet("")
        tip = [self.tr("%1: %2 files").replace("%1", last["target"])
               .replace("%2", str(last["checked"]))]
        for heading, paths in ((self.tr("Changed:"), last["changed"]),
                               (self.tr("Added:"), last["added"]),
                               (self.tr("Removed:"), last["missing"])):
            if paths:
                tip.append(heading + " " + ", ".join(paths))
        self.label.setToolTip("\n".join(tip))
