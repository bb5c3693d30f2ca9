"""Autosave off the UI thread. Saving a 2 MB body means rendering it, re-indexing it
for search and writing it: about 0.4 s, a stall a typist feels at every autosave. So
autosaves run on a thread of their own, with a connection of their own (SQLite
connections stay in their thread; WAL lets the UI thread go on reading meanwhile).
One save at a time: the next starts from what the last one returned."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from newsdesk.review import workflow
from newsdesk.store import Store


class Saver(QObject):
    finished = Signal(object)  # the Future of a save: its result or its exception

    def __init__(self, path: str, parent=None):
        super().__init__(parent)
        self.path = path
        self._store: Store | None = None  # opened and used on the saver's thread only
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="newsdesk-autosave")
        self.running: Future | None = None

    def _edit(self, article_id: str, values: dict, user, expect_edits: int):
        if self._store is None:
            self._store = Store.open(self.path)
        return workflow.edit(self._store, article_id, values, user,
                             expect_edits=expect_edits)

    def start(self, article_id: str, values: dict, user, expect_edits: int) -> Future:
        """Save in the background; `finished` brings the outcome to the UI thread."""
        assert self.running is None, "one save at a time"
        self.running = self._pool.submit(self._edit, article_id, values, user, expect_edits)
        self.running.add_done_callback(self.finished.emit)  # queued to the UI thread
        return self.running

    def wait(self) -> Future | None:
        """Block until the running save (if any) is done; returns it."""
        future = self.running
        if future is not None:
            try:
                future.result()
            except Exception:  # noqa: BLE001 - the caller reads it from the future
                pass
        return future

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        """Finish what runs, close the thread's connection, stop the thread."""
        if self._pool is not None:
            self._pool.submit(self._close_store).result()
            self._pool.shutdown(wait=True)
            self._pool = None
