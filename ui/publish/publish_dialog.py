"""发布: export the site into the outlet's output folder off the UI thread, with a
progress bar and Cancel, then the report and a way to open the site. The export is
the core's (newsdesk.site), with a database connection of its own on its thread."""
from __future__ import annotations

import threading
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QTextBrowser, QVBoxLayout,
)

from newsdesk.errors import NewsdeskError
from newsdesk.site import ExportReport, export_site
from newsdesk.store import Store


class PublishDialog(QDialog):
    progressed = Signal(int, int)      # pages done, pages to do (from the export's thread)
    ended = Signal(object)             # the ExportReport, or the error that stopped it
    stories_changed = Signal(object)   # ids of the stories this export published

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Publish the site"))
        self.resize(640, 480)
        self.folder = QLineEdit(store.settings().output_dir)
        self.folder.setPlaceholderText(self.tr("The folder the site is written into"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.start_button = QPushButton(self.tr("Publish"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.open_button = QPushButton(self.tr("Open the site"))
        self.close_button = QPushButton(self.tr("Close"))
        self.bar = QProgressBar()
        self.status = QLabel(self.tr("Writes what changed since the last publication, and "
                                     "publishes the approved stories whose time has come."))
        self.status.setWordWrap(True)
        self.report = QTextBrowser()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Output folder")))
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self._cancel: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._running(False)
        self.open_button.setEnabled(False)
        self.browse_button.clicked.connect(self.choose_folder)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_site)
        self.progressed.connect(self._progressed)
        self.ended.connect(self._ended)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        self.folder.setEnabled(not running)
        self.browse_button.setEnabled(not running)

    def start(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.status.setText(self.tr("Choose the folder the site is written into."))
            return
        try:
            if folder != self.store.settings().output_dir:  # chosen once, kept for next time
                self.store.set_settings({"output_dir": folder}, self.user.id)
        except NewsdeskError as e:
            self.status.setText(str(e))
            return
        self.report.clear()
        self.bar.setRange(0, 0)  # busy until the plan says how many pages
        self.status.setText(self.tr("Publishing…"))
        self._running(True)
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._export, args=(self.store.path, folder),
                                        daemon=True, name="newsdesk-publish")
        self._thread.start()

    def _export(self, db_path: str, folder: str) -> None:
        """On the export's own thread, with its own connection."""
        try:
            store = Store.open(db_path)
        except NewsdeskError as e:
            self.ended.emit(e)
            return
        try:
            report = export_site(store, folder, actor=self.user, cancel=self._cancel,
                                 progress=lambda done, total, _path:
                                 self.progressed.emit(done, total), parallel=False)
        except (NewsdeskError, OSError) as e:
            self.ended.emit(e)
        except Exception as e:
            self.ended.emit(e)  # the dialog says so; the bug goes on to the excepthook
            raise
        else:
            self.ended.emit(report)
        finally:
            store.close()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling: the pages being written are finished "
                                        "first…"))

    def wait(self) -> None:
        """Until the export's thread is done (closing the app, tests)."""
        if self._thread is not None:
            self._thread.join()

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _ended(self, outcome) -> None:
        self._running(False)
        self._thread = None
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if isinstance(outcome, ExportReport) else 0)
        if not isinstance(outcome, ExportReport):
            text = outcome.strerror if isinstance(outcome, OSError) else str(outcome)
            self.status.setText(self.tr("Not published: %1").replace("%1", str(text)))
            return
        self.status.setText(self.tr("Published: %1 files written, %2 removed, %3 unchanged.")
                            .replace("%1", str(len(outcome.written)))
                            .replace("%2", str(len(outcome.removed)))
                            .replace("%3", str(outcome.unchanged)))
        self.report.setHtml(self._report_html(outcome))
        self.open_button.setEnabled(True)
        if outcome.published:
            self.stories_changed.emit(set(outcome.published))

    def _report_html(self, report: ExportReport) -> str:
        out = []
        titles = {a.id: a.title for a in self.store.articles.many(report.published)}
        for heading, items in (
                (self.tr("Stories published now (their time had come)"),
                 [titles.get(i, i) for i in report.published]),
                (self.tr("Left out (fix and publish again)"), report.problems),
                (self.tr("Shown unformatted (simplify their markup)"), report.plain),
                (self.tr("Files written"), report.written[:200]),
                (self.tr("Files removed"), report.removed)):
            if items:
                out.append(f"<h4>{escape(heading)}</h4><ul>"
                           + "".join(f"<li>{escape(str(i))}</li>" for i in items) + "</ul>")
        return "".join(out)

    def open_site(self) -> None:
        """The exported home page in the system browser."""
        home = Path(self.folder.text().strip()) / "index.html"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(home)))
