"""Work off the UI thread, in one way for every pane: a function runs on the pane's
own thread pool and its result comes back to a callback on the UI thread. (A
QRunnable cannot emit signals; the pane's Jobs object, living on the UI thread, does.)"""
from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from newsdesk.errors import NewsdeskError
from newsdesk.store import Store


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


def on_own_connection(db_path: str, work: Callable[[Store], object],
                      ended: Callable[[object], None], name: str) -> threading.Thread:
    """work(store) on a thread of its own with a database connection of its own (a
    long run, cancellable, that reads and writes the database: export, publish,
    inspect). ended(its result, or the NewsdeskError or OSError that stopped it) is
    called on that thread: give it a signal's emit. A bug is handed to ended too, then
    raised on to the excepthook."""
    def run() -> None:
        try:
            store = Store.open(db_path)
        except NewsdeskError as e:
            ended(e)
            return
        try:
            outcome = work(store)
        except (NewsdeskError, OSError) as e:
            ended(e)
        except Exception as e:
            ended(e)
            raise
        else:
            ended(outcome)
        finally:
            store.close()
    thread = threading.Thread(target=run, daemon=True, name=name)
    thread.start()
    return thread


class OwnRun:
    """For a dialog whose long run has a thread and connection of its own (publish,
    inspect, import): start it with a fresh cancel event, cancel it, wait for it. The
    dialog declares an `ended` signal; the run's outcome is emitted on it."""
    _cancel: threading.Event | None = None
    _thread: threading.Thread | None = None

    def run_own(self, work: Callable[[Store, threading.Event], object], name: str) -> None:
        """work(store, cancel) on its own thread; self.ended gets what it returns."""
        self._cancel = cancel = threading.Event()
        self._thread = on_own_connection(self.store.path, lambda store: work(store, cancel),
                                         self.ended.emit, name)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def wait(self) -> None:
        """Until the run's thread is done (closing the app, tests)."""
        if self._thread is not None:
            self._thread.join()
