"""导入旧网站: the core's import in the app. Choose pages or a folder, see per page what
would go in (headline, time, 来源, 字数, the body's start, what is doubtful) before
anything is written, then import on a thread of its own with progress and Cancel; the
待核对 tab lists imported stories to check, opens them, and marks them checked."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QProgressBar,
    QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from newsdesk.importers import ImportReport, SUPPORTED, import_paths
from newsdesk.importers.story import Doubt
from newsdesk.model import state_name
from newsdesk.store import Store
from ui import file_dialogs
from ui.id_model import tooltip
from ui.jobs import OwnRun

STORY = Qt.UserRole + 1


class ImportDialog(OwnRun, QDialog):
    progressed = Signal(int, int)   # files read, files to read (from its thread)
    ended = Signal(object)          # the ImportReport, or the error that stopped it
    stories_changed = Signal(object)   # the ids of the stories imported
    open_story = Signal(str)

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.paths: list[str] = []
        self._dry_run = True
        self.setWindowTitle(self.tr("Import an old site's pages"))
        self.resize(1100, 640)
        # What was chosen, shown (not typed: the two buttons choose), whole on hover.
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._show_paths()
        self.folder_button = QPushButton(self.tr("Choose a folder…"))
        self.files_button = QPushButton(self.tr("Choose files…"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("(as the page says)"), None)
        for c in store.channels.all():
            self.channel.addItem(c.name, c.slug)
        # As wide as its longest item: AdjustToContents measured the full-width
        # brackets short and cut “（按页面所示）”.
        metrics = self.channel.fontMetrics()
        self.channel.setMinimumWidth(60 + max(metrics.horizontalAdvance(
            self.channel.itemText(i)) for i in range(self.channel.count())))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.import_button = QPushButton(self.tr("Import"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.bar = QProgressBar()
        self.summary = QLabel(self.tr("Nothing is written until you press Import."))
        self.summary.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setHeaderLabels([self.tr("File"), self.tr("Headline"),
                                    self.tr("Publish time"), self.tr("Source (来源)"),
                                    self.tr("Characters"),
                                    self.tr("Body begins"), self.tr("Notes")])
        # The notes (what to check, why a page cannot go in) get the room; whole in
        # each row's tooltip.
        for column, width in enumerate((110, 240, 140, 90, 50, 190)):
            self.table.setColumnWidth(column, width)
        self.doubts = QTreeWidget()
        self.doubts.setHeaderLabels([self.tr("Headline"), self.tr("State"), self.tr("File"),
                                     self.tr("To check")])
        self.doubts.setColumnWidth(0, 320)
        self.open_button = QPushButton(self.tr("Open"))
        self.checked_button = QPushButton(self.tr("Checked"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Pages"))
        checklist = QWidget()
        box = QVBoxLayout(checklist)
        box.addWidget(self.doubts, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(self.checked_button)
        box.addLayout(row)
        self.tabs.addTab(checklist, self.tr("To check (待核对)"))
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.folder_button)
        top.addWidget(self.files_button)
        top.addWidget(QLabel(self.tr("Channel")))
        top.addWidget(self.channel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.preview_button, self.import_button, self.cancel_button,
                  self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.folder_button.clicked.connect(self.choose_folder)
        self.files_button.clicked.connect(self.choose_files)
        self.preview_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        self.doubts.itemDoubleClicked.connect(self._open)
        self.checked_button.clicked.connect(self._checked)
        self.progressed.connect(self._progressed)
        self.ended.connect(self._ended)
        self._running(False)
        self._fill_doubts()

    def choose_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Choose a folder"))
        if folder:
            self.choose([folder])

    def choose_files(self) -> None:
        pattern = " ".join(f"*{s}" for s in sorted(SUPPORTED))
        files = file_dialogs.open_files(self, self.tr("Choose files"), "",
                                        self.tr("Pages and stories (%1)")
                                        .replace("%1", pattern))
        if files:
            self.choose(files)

    def choose(self, paths: list[str]) -> None:
        self.paths = paths
        self._show_paths()
        self.start(dry_run=True)  # what would go in, before anything is written

    def _show_paths(self) -> None:
        if not self.paths:
            self.where.setText(self.tr("Choose saved pages (.html, .txt) or markdown files, "
                                       "or a folder of them →"))
            self.where.setStyleSheet("color:#666")
            self.where.setToolTip("")
            return
        shown = self.paths[0] if len(self.paths) == 1 else self.tr(
            "%1 files: %2 …").replace("%1", str(len(self.paths))).replace("%2", self.paths[0])
        self.where.setText(self.where.fontMetrics().elidedText(shown, Qt.ElideMiddle, 480))
        self.where.setStyleSheet("")
        self.where.setToolTip("\n".join(self.paths))

    def _running(self, running: bool) -> None:
        for w in (self.folder_button, self.files_button, self.channel, self.close_button,
                  self.preview_button):
            w.setEnabled(not running)
        self.preview_button.setEnabled(not running and bool(self.paths))
        self.import_button.setEnabled(not running and bool(self.paths))
        self.cancel_button.setEnabled(running)

    def start(self, dry_run: bool) -> None:
        if not self.paths:
            return
        self._dry_run = dry_run
        self.table.clear()
        self.bar.setRange(0, 0)
        self.summary.setText(self.tr("Reading the pages…") if dry_run
                             else self.tr("Importing…"))
        self._running(True)
        paths, channel = list(self.paths), self.channel.currentData()
        actor = self.user.id if self.user else None
        self.run_own(lambda store, cancel: import_paths(
            store, paths, actor_id=actor, channel=channel, dry_run=dry_run,
            progress=lambda n, total, _path: self.progressed.emit(n, total),
            stop=cancel.is_set), "newsdesk-import")

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _ended(self, outcome) -> None:
        self._thread = None
        self._running(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        if not isinstance(outcome, ImportReport):
            self.summary.setText(self.tr("Could not import: %1").replace("%1", str(outcome)))
            return
        tz = self.store.settings().timezone
        for row in outcome.rows:
            s = row.summary(tz)
            notes = s["warnings"] + ([s["why"]] if s["why"] else [])
            item = QTreeWidgetItem([s["file"].rsplit("/", 1)[-1], s["headline"], s["time"],
                                    s["source"], str(s["chars"]) if row.story else "",
                                    s["start"], "；".join(notes)])
            item.setToolTip(0, s["file"])
            for column in (1, 5, 6):  # headline, first lines, notes: cut to the column
                item.setToolTip(column, tooltip(item.text(column)))
            item.setData(0, STORY, row.article_id)
            if row.outcome == "skipped":  # in the archive already: it will not go in again
                for column in range(self.table.columnCount()):
                    item.setBackground(column, QColor("#fff3cd"))
            self.table.addTopLevelItem(item)
        would = len(outcome.of("would import"))
        counts = (self.tr("%1 pages would be imported, %2 of them to check; %3 cannot be imported "
                          "(see the last column). Nothing has been written.") if self._dry_run else
                  self.tr("%1 imported, %2 of them to check; %3 failed."))
        self.summary.setText(
            counts.replace("%1", str(would if self._dry_run else len(outcome.imported)))
            .replace("%2", str(len(outcome.doubtful))).replace("%3", str(len(outcome.failed)))
            + (" " + self.tr("Cancelled.") if outcome.cancelled else "")
            + (" " + self.tr("Already imported, skipped: %1 (same headline and publish time; "
                             "marked in the list).").replace("%1", str(len(outcome.skipped)))
               if outcome.skipped else ""))
        if not self._dry_run:
            self._fill_doubts()
            self.stories_changed.emit({i for _f, i, _s in outcome.imported})

    def _fill_doubts(self) -> None:
        self.doubts.clear()
        for p in self.store.doubts.pending():
            item = QTreeWidgetItem([p["title"], state_name(p["state"]), p["file"],
                                    "；".join(str(Doubt(**d)) for d in p["doubts"])])
            item.setData(0, STORY, p["article_id"])
            item.setToolTip(3, item.text(3))
            self.doubts.addTopLevelItem(item)
        self.tabs.setTabText(1, self.tr("To check (待核对): %1")
                             .replace("%1", str(self.doubts.topLevelItemCount())))

    def _open(self) -> None:
        item = self.doubts.currentItem()
        if item is not None:
            self.open_story.emit(item.data(0, STORY))
            self.accept()

    def _checked(self) -> None:
        item = self.doubts.currentItem()
        if item is not None:
            self.store.doubts.clear(item.data(0, STORY))
            self._fill_doubts()
