"""On the seat marked as the publisher: while the app is open, publish each scheduled
story at its time — every minute it looks for what has come due and, when something
has, runs 发布 to the default target (or writes the folder when there is none) on a
thread and connection of its own. The status bar says what happened."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk import times
from newsdesk.model import Role
from newsdesk.publish.run import PublishReport, write_or_publish
from newsdesk.targets import default_name
from ui.jobs import on_own_connection
from ui.publish.publish_dialog import PUBLISHER


class OnTime(QObject):
    said = Signal(str)                 # what the status bar shows
    stories_changed = Signal(object)   # ids published

    def __init__(self, window, interval_ms: int = 60_000):
        super().__init__(window)
        self.window = window
        self._thread: threading.Thread | None = None
        self._ended = _Relay(self)
        self._ended.ended.connect(self._report)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        store, user = self.window.store, self.window.user
        if store.local_meta(PUBLISHER) != "1" or self._thread is not None:
            return
        due = store.events.due(times.now())
        if not due:
            return
        if user is None or Role.ADMIN not in user.roles:
            self.said.emit(self.tr("%1 stories have come due: an admin publishes them")
                           .replace("%1", str(len(due))))
            return
        # To the default target (keyring passwords only), or with none into the folder.
        self._thread = on_own_connection(
            store.path, lambda own: write_or_publish(own, user, default_name(own.settings())),
            self._ended.ended.emit, "newsdesk-on-time")

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _report(self, outcome) -> None:
        self._thread = None
        if isinstance(outcome, Exception):
            self.said.emit(self.tr("Publishing on time failed: %1").replace("%1", str(outcome)))
            return
        export = outcome.export if isinstance(outcome, PublishReport) else outcome
        where = outcome.target if isinstance(outcome, PublishReport) else export.out
        self.said.emit(self.tr("Published on time: %1 stories, to %2")
                       .replace("%1", str(len(export.published))).replace("%2", where))
        self.stories_changed.emit(set(export.published))


class _Relay(QObject):
    ended = Signal(object)   # from the run's thread to the UI thread (queued)
