"""发布: export the site into the outlet's output folder and, when a target is chosen,
upload what differs to the web host and verify it — off the UI thread, on a database
connection of its own, with the phase and its progress (export, compare, upload N of M,
verify), Cancel (a cancelled run leaves the site whole), the result, and the history of
runs. The host key question and the password are asked here, on the UI thread."""
from __future__ import annotations

import threading
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
    QTextBrowser, QVBoxLayout,
)

from newsdesk import keyring_store, times
from newsdesk.errors import NewsdeskError
from newsdesk.publish import hostkeys
from newsdesk.publish.run import (
    PublishReport, Tampered, needs_password, verdict, write_or_publish,
)
from newsdesk.targets import default_name, find, targets
from newsdesk.site import ExportCancelled, ExportReport
from newsdesk.store import Store
from ui import file_dialogs
from ui.jobs import OwnRun

PUBLISHER = "publisher_seat"   # local_meta: this seat publishes scheduled stories on time


class PublishDialog(OwnRun, QDialog):
    progressed = Signal(str, int, int)  # phase, done, to do (from the run's thread)
    ended = Signal(object)              # the report, or the error that stopped it
    asked = Signal(str, str, object)    # a first-time host key: host, fingerprint, answer
    stories_changed = Signal(object)    # ids of the stories this run published

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Publish the site"))
        self.resize(760, 560)
        site = store.settings()
        self.folder = QLineEdit(site.output_dir)
        self.folder.setPlaceholderText(self.tr("The folder the site is written into"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.target = QComboBox()
        self.targets_button = QPushButton(self.tr("Targets…"))
        self._fill_targets()
        self.publisher = QCheckBox(self.tr("This computer publishes scheduled stories on time "
                                           "while the app is open"))
        self.publisher.setChecked(store.local_meta(PUBLISHER) == "1")
        self.start_button = QPushButton(self.tr("Publish"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.overwrite_button = QPushButton(self.tr("Put the published versions back"))
        self.open_button = QPushButton(self.tr("Open the site"))
        self.close_button = QPushButton(self.tr("Close"))
        self.phase = QLabel()
        self.phase.setMinimumWidth(max(self.phase.fontMetrics().horizontalAdvance(word)
                                       for word in self._phase_names().values()) + 8)
        self.bar = QProgressBar()
        self.status = QLabel(self.tr("Writes what changed since the last publication, and "
                                     "publishes the approved stories whose time has come."))
        self.status.setWordWrap(True)
        self.report = QTextBrowser()
        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Target"), self.tr("Outcome"),
            self.tr("Uploaded"), self.tr("Message")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setColumnWidth(0, 140)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.report, self.tr("Result"))
        self.tabs.addTab(self.history, self.tr("History"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Output folder")))
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Upload to")))
        where.addWidget(self.target, 1)
        where.addWidget(self.targets_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(where)
        layout.addWidget(self.publisher)
        layout.addWidget(self.status)
        progress = QHBoxLayout()
        progress.addWidget(self.phase)
        progress.addWidget(self.bar, 1)
        layout.addLayout(progress)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._running(False)
        self.open_button.setEnabled(False)
        self.overwrite_button.setVisible(False)
        self.browse_button.clicked.connect(self.choose_folder)
        self.targets_button.clicked.connect(lambda _checked=False: self.edit_targets())
        self.start_button.clicked.connect(lambda _checked=False: self.start())
        self.overwrite_button.clicked.connect(lambda _checked=False: self.start(overwrite=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_site)
        self.publisher.toggled.connect(self._mark_publisher)
        self.progressed.connect(self._progressed)
        self.ended.connect(self._ended)
        self.asked.connect(self._ask_host)
        self._fill_history()

    def _fill_targets(self) -> None:
        site = self.store.settings()
        found = targets(site)
        self.target.clear()
        self.target.addItem(self.tr("Only write the folder (upload by hand)"), "")
        for t in found:
            self.target.addItem(f"{t.name} — {t.address}", t.name)
        self.target.setCurrentIndex(max(self.target.findData(default_name(site)), 0))

    def edit_targets(self) -> None:
        """系统管理's 发布目标 tab, then the list here again."""
        from ui.admin.admin_dialog import AdminDialog  # its tabs load only when asked
        AdminDialog(self.store, self.user, 4, self).exec()
        self._fill_targets()

    def choose_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Output folder"),
                                     self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _mark_publisher(self, on: bool) -> None:
        with self.store.transaction(content=False):
            self.store.set_local_meta(PUBLISHER, "1" if on else "0")

    def _running(self, running: bool) -> None:
        for w in (self.start_button, self.close_button, self.folder, self.browse_button,
                  self.target, self.targets_button, self.overwrite_button):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _password(self, name: str) -> str | None | bool:
        """The target's password: the keyring's, or asked (False: the person declined)."""
        target = find(self.store.settings(), name)
        if not needs_password(target) or hostkeys.saved_password(target) is not None:
            return None
        text, ok = QInputDialog.getText(
            self, self.tr("Publish the site"),
            self.tr("Password for %1:").replace("%1", target.address), QLineEdit.Password)
        if not ok:
            return False
        if keyring_store.keyring_works() and QMessageBox.question(
                self, self.tr("Publish the site"),
                self.tr("Keep the password in this computer's keyring?")) == QMessageBox.Yes:
            try:
                hostkeys.save_password(target, text)
            except NewsdeskError as e:
                QMessageBox.warning(self, self.tr("Publish the site"), str(e))
        return text

    def start(self, overwrite: bool = False) -> None:
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
        name = self.target.currentData()
        password = self._password(name) if name else None
        if password is False:
            return
        self.report.clear()
        self.overwrite_button.setVisible(False)
        self.bar.setRange(0, 0)  # busy until the plan says how many pages
        self.status.setText(self.tr("Publishing…"))
        self._running(True)
        self.run_own(lambda store, cancel: write_or_publish(
            store, self.user, name, password=password, confirm=self._confirm,
            overwrite=overwrite, cancel=cancel, progress=self.progressed.emit),
            "newsdesk-publish")

    def _confirm(self, host: str, fingerprint: str) -> bool:
        """On the run's thread: ask on the UI thread and wait for the answer."""
        answer = {"done": threading.Event(), "yes": False}
        self.asked.emit(host, fingerprint, answer)
        answer["done"].wait()
        return answer["yes"]

    def _ask_host(self, host: str, fingerprint: str, answer: dict) -> None:
        answer["yes"] = QMessageBox.question(
            self, self.tr("Publish the site"),
            self.tr("%1 is reached for the first time. Its key is\n%2\nTrust it only if the "
                    "host's administrator confirms this fingerprint.")
            .replace("%1", host).replace("%2", fingerprint)) == QMessageBox.Yes
        answer["done"].set()

    def cancel(self) -> None:
        if self._cancel is not None:
            super().cancel()
            self.status.setText(self.tr("Cancelling: the files being sent are finished "
                                        "first…"))

    def _phase_names(self) -> dict[str, str]:
        """The run's phases, then how it ended (the label's last word)."""
        return {"export": self.tr("Exporting"), "compare": self.tr("Comparing"),
                "upload": self.tr("Uploading"), "verify": self.tr("Verifying"),
                "done": self.tr("Finished"), "cancelled": self.tr("Cancelled"),
                "stopped": self.tr("Stopped")}

    def _progressed(self, phase: str, done: int, total: int) -> None:
        self.phase.setText(self._phase_names().get(phase, phase))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self, outcome) -> None:
        """The progress row says how the run ended, not the phase it was last in."""
        if isinstance(outcome, ExportCancelled) or getattr(outcome, "cancelled", False):
            end = "cancelled"
        else:
            end = "stopped" if isinstance(outcome, Exception) else "done"
        self.phase.setText(self._phase_names()[end])
        self.bar.setRange(0, 1)
        if end == "done":
            self.bar.setValue(1)
        else:
            self.bar.reset()  # no percentage: the run did not get to the end

    def _ended(self, outcome) -> None:
        self._running(False)
        self._thread = None
        self._finished(outcome)
        self._fill_history()
        if isinstance(outcome, Tampered):
            self.status.setText(str(outcome))
            self.report.setHtml(self._tampered_html(outcome))
            self.overwrite_button.setVisible(True)
            return
        if isinstance(outcome, Exception):
            text = outcome.strerror if isinstance(outcome, OSError) else str(outcome)
            self.status.setText(self.tr("Not published: %1").replace("%1", str(text)))
            return
        export = outcome.export if isinstance(outcome, PublishReport) else outcome
        if isinstance(outcome, PublishReport):
            self.status.setText(self._publish_summary(outcome))
            self.overwrite_button.setVisible(not outcome.ok and outcome.verify is not None
                                             and bool(outcome.verify.modified))
        else:
            self.status.setText(self.tr("Published: %1 files written, %2 removed, %3 unchanged.")
                                .replace("%1", str(len(outcome.written)))
                                .replace("%2", str(len(outcome.removed)))
                                .replace("%3", str(outcome.unchanged)))
        self.report.setHtml(self._report_html(outcome, export))
        self.open_button.setEnabled(True)
        if export is not None and export.published:
            self.stories_changed.emit(set(export.published))

    def _publish_summary(self, r: PublishReport) -> str:
        if r.cancelled:
            return self.tr("Cancelled after %1 files: what went up is whole; publish again to "
                           "finish.").replace("%1", str(len(r.uploaded)))
        said = (self.tr("Uploaded %1 files (%2 KB), removed %3, to %4.")
                .replace("%1", str(len(r.uploaded))).replace("%2", str(round(r.sent / 1024)))
                .replace("%3", str(len(r.removed))).replace("%4", r.target))
        v = r.verify
        if r.unreachable or v is None:  # the core's words: what checked the site, if anything
            return " ".join([said, *verdict(r)])
        if v.ok:
            return said + " " + self.tr("Verified: the host serves what was published (%1 "
                                        "files).").replace("%1", str(v.checked))
        return said + " " + self.tr("The verify found %1 modified and %2 missing files: see "
                                    "below.").replace("%1", str(len(v.modified))) \
            .replace("%2", str(len(v.missing)))

    def _section(self, heading: str, items) -> str:
        return (f"<h4>{escape(heading)}</h4><ul>"
                + "".join(f"<li>{escape(str(i))}</li>" for i in items) + "</ul>") if items else ""

    def _report_html(self, outcome, export: ExportReport | None) -> str:
        out = []
        if isinstance(outcome, PublishReport) and outcome.verify is not None:
            spam = self.tr("search-spam injection (博彩):")
            out.append(self._section(self.tr("Changed on the host"), [
                f"{p}  +{added}" + (f"  {spam} {'、'.join(outcome.verify.spam[p])}"
                                    if p in outcome.verify.spam else "")
                for p, added in outcome.verify.modified]))
            out.append(self._section(self.tr("Missing on the host"), outcome.verify.missing))
            out.append(self._section(self.tr("Put back"), outcome.repaired))
            out.append(self._section(self.tr("Uploaded"), outcome.uploaded[:200]))
        if export is not None:
            titles = {a.id: a.title for a in self.store.articles.many(export.published)}
            for heading, items in (
                    (self.tr("Stories published now (their time had come)"),
                     [titles.get(i, i) for i in export.published]),
                    (self.tr("Left out (fix and publish again)"), export.problems),
                    (self.tr("Held back: not as their review signed them off"),
                     export.withheld),
                    (self.tr("Shown unformatted (simplify their markup)"), export.plain),
                    (self.tr("Files written"), export.written[:200]),
                    (self.tr("Files removed"), export.removed)):
                out.append(self._section(heading, items))
        return "".join(out)

    def _tampered_html(self, e: Tampered) -> str:
        spam = self.tr("search-spam injection (博彩):")

        def shown(path, added, names):
            return (f"{path}  +{added}" if added else path) \
                + (f"  {spam} {'、'.join(names)}" if names else "")
        return (self._section(self.tr("Changed on the host by someone else"),
                              [shown(*f) for f in e.files])
                + self._section(self.tr("Added on the host by someone else"),
                                [shown(*f) for f in e.added])
                + self._section(self.tr("Removed from the host by someone else"), e.missing))

    def _fill_history(self) -> None:
        runs = self.store.publishing.history()
        self.history.setRowCount(len(runs))
        outcomes = {"ok": self.tr("verified"), "differs": self.tr("differs"),
                    "failed": self.tr("failed"), "tampered": self.tr("changed by others"),
                    "cancelled": self.tr("cancelled"), "running": self.tr("running")}
        tz = self.store.settings().timezone
        for row, r in enumerate(runs):
            for col, value in enumerate((times.local_text(r["started_at"], tz)[:16],
                                         r["user_name"] or "", r["target"],
                                         outcomes.get(r["outcome"], r["outcome"]),
                                         str(r["uploaded"]), r["message"])):
                self.history.setItem(row, col, QTableWidgetItem(value))

    def open_site(self) -> None:
        """The exported home page in the system browser."""
        home = Path(self.folder.text().strip()) / "index.html"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(home)))
