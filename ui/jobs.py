"""Work off the UI thread, in one way for every pane: a function runs on the pane's
own thread pool and its result comes back to a callback on the UI thread. (A
QRunnable cannot emit signals; the pane's Jobs object, living on the UI thread, does.)"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Jobs(QObject):
    _done = Signal(object, object)  # the callback, the function's result

    def __init__(self, parent=None, threads: int = 1):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._done.connect(lambda then, result: then(result))  # queued: UI thread

    def start(self, fn: Callable, *args, then: Callable[[object], None]) -> None:
        """fn(*args) on a worker thread; then(result) on the UI thread after it."""
        self.pool.start(_Job(self, fn, args, then))


class _Job(QRunnable):
    def __init__(self, jobs: Jobs, fn: Callable, args: tuple, then: Callable):
        super().__init__()
        self.jobs, self.fn, self.args, self.then = jobs, fn, args, then

    def run(self) -> None:
        self.jobs._done.emit(self.then, self.fn(*self.args))
