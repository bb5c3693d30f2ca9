"""网站自查 in the app: the core's inspection on its own thread and connection, with a
progress bar and Cancel; the findings grouped by kind (must fix first), a double-click
opens the story a finding is in, and the report saves as the same HTML page the CLI
writes."""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from newsdesk import named_files, os_text
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import pick
from newsdesk.site.inspect import InspectReport, inspect_site
from newsdesk.site.inspect_report import report_html, rule_label
from newsdesk.store import Store
from ui import file_dialogs
from ui.jobs import OwnRun
from ui.look import severity_icon

STORY = Qt.UserRole + 1


class InspectDialog(OwnRun, QDialog):
    progressed = Signal(int, int)   # stories read, stories to read (from its thread)
    ended = Signal(object)          # the InspectReport, or the error that stopped it
    open_story = Signal(str)        # a finding's story, double-clicked

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.report: InspectReport | None = None
        self.setWindowTitle(self.tr("Site self-inspection (网站自查)"))
        self.resize(980, 640)
        self.folder = QLineEdit(store.settings().output_dir)
        self.folder.setPlaceholderText(self.tr("The exported site, for its links (optional)"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.links = QCheckBox(self.tr("Follow the site's links"))
        self.links.setChecked(True)
        self.external = QCheckBox(self.tr("Check external links (needs the internet)"))
        self.external.setChecked(True)
        self.start_button = QPushButton(self.tr("Inspect"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save the HTML report…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.bar = QProgressBar()
        self.summary = QLabel(self.tr("Checks every published story, every channel, the "
                                      "footer and the links, as a provincial inspection does."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("Channel"), self.tr("Story"),
                                   self.tr("Where")])
        self.tree.setColumnWidth(0, 460)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 240)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Site folder")))
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        options = QHBoxLayout()
        options.addWidget(self.links)
        options.addWidget(self.external)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._running(False)
        self.save_button.setEnabled(False)
        self.browse_button.clicked.connect(self.choose_folder)
        self.links.toggled.connect(self.external.setEnabled)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda _checked=False: self.save_html())
        self.tree.itemDoubleClicked.connect(self._open)
        self.progressed.connect(self._progressed)
        self.ended.connect(self._ended)

    def choose_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Site folder"),
                                     self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _running(self, running: bool) -> None:
        for w in (self.start_button, self.close_button, self.folder, self.browse_button,
                  self.links):
            w.setEnabled(not running)
        self.external.setEnabled(not running and self.links.isChecked())
        self.cancel_button.setEnabled(running)

    def start(self) -> None:
        folder = self.folder.text().strip()
        if folder and not Path(folder).is_dir():
            self.summary.setText(self.tr("%1 is not a folder.").replace("%1", folder))
            return
        self.tree.clear()
        self.bar.setRange(0, 0)
        self.summary.setText(self.tr("Inspecting…"))
        self._running(True)
        links, external = self.links.isChecked(), self.external.isChecked()
        self.run_own(lambda store, cancel: inspect_site(
            store, folder or None, links=links, external=external,
            progress=self.progressed.emit, cancel=cancel), "newsdesk-inspect")

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _ended(self, outcome) -> None:
        self._running(False)
        self._thread = None
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        if not isinstance(outcome, InspectReport):
            why = os_text.said(outcome) if isinstance(outcome, OSError) else str(outcome)
            self.summary.setText(self.tr("Could not inspect: %1").replace("%1", why))
            return
        self.report = outcome
        self.save_button.setEnabled(True)
        verdict = {"block": self.tr("Problems an inspection would fail the site for:"),
                   "warn": self.tr("Nothing blocking; warnings to look at:"),
                   "pass": self.tr("No problem found:")}[outcome.verdict]
        self.summary.setText(
            verdict + " " + self.tr("%1 to fix, %2 warnings, %3 notes in %4 published stories, "
                                    "%5 channels, %6 pages, %7 external links.")
            .replace("%1", str(outcome.count("block"))).replace("%2", str(outcome.count("warn")))
            .replace("%3", str(outcome.count("info"))).replace("%4", str(outcome.stories))
            .replace("%5", str(outcome.channels)).replace("%6", str(outcome.pages))
            .replace("%7", str(outcome.external)))
        self._fill(outcome)

    def _fill(self, report: InspectReport) -> None:
        for (severity, label), problems in groupby(
                report.problems, key=lambda p: (p.severity, rule_label(p.rule))):
            problems = list(problems)
            group = QTreeWidgetItem([f"{label} ({len(problems)})"])
            group.setIcon(0, severity_icon(severity))
            for p in problems:
                item = QTreeWidgetItem([pick(p.message, p.message_en), p.channel, p.title,
                                        p.where])
                item.setData(0, STORY, p.story_id)
                item.setToolTip(0, item.text(0))
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(severity == "block")

    def _open(self, item: QTreeWidgetItem) -> None:
        story = item.data(0, STORY)
        if story:
            self.open_story.emit(story)
            self.accept()

    def save_html(self, path: str | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            path = file_dialogs.save_file(self, self.tr("Save the HTML report"),
                                          "inspect.html", self.tr("Web pages (*.html)"))
            if not path:
                return
        try:
            named_files.write_text(path, report_html(self.report, self.store.settings().name))
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Save the HTML report"), str(e))
            return
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save the HTML report"),
                                f"{path}: {e.strerror or e}")
