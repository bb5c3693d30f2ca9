"""The review queue: filters, the queue table and the opened item side by side.
Keyboard: j/k or arrows move, Enter (or a double-click) opens the story in the editor,
Ctrl+Shift+A approves, Ctrl+Shift+R returns."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from newsdesk.review import workflow
from newsdesk.store import Store
from ui.choices import ChoiceModel, choice_box
from ui.id_model import setup_table
from ui.queue import signing
from ui.queue.queue_model import QueueModel
from ui.queue.review_panel import ReviewPanel


class QueueTable(QTableView):
    """The queue table, with mail-reader keys: j/k move, Enter opens. (Letter keys
    must be handled here: item views take them for type-ahead before shortcuts.)"""
    opened = Signal()

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key_J: 1, Qt.Key_K: -1}.get(event.key())
        if step and not event.modifiers():
            row = self.currentIndex().row() + step
            if 0 <= row < self.model().rowCount():
                self.selectRow(row)
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.opened.emit()
            return
        super().keyPressEvent(event)


class ReviewQueue(QWidget):
    stories_changed = Signal(object)  # ids of the stories a review action changed
    open_story = Signal(str)          # a row opened: the story, in the editor

    def __init__(self, store: Store, user, parent=None, look_of=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        for k, s in enumerate(workflow.stages(store), 1):
            self.stage.addItem(s["name"], k)
        self.channel = choice_box(ChoiceModel(store.channels.choices(), store.channels.names,
                                              first=self.tr("All channels")))
        self.mine = QCheckBox(self.tr("Waiting for me"))
        self.mine.setChecked(True)  # a reviewer first sees what they can sign
        self.outcome = QLabel()  # what the last sign-off or return led to
        self.outcome.setWordWrap(True)
        self.model = QueueModel(store, self)
        self.table = QueueTable()
        setup_table(self.table, self.model, ["社" * 14, "桃源街道", "周建国", "终审",
                                             "2026-11-28 23:50", "999 min", "Warnings"])
        self.panel = ReviewPanel(store, user, look_of=look_of)
        filters = QHBoxLayout()
        for w in (self.stage, self.channel, self.mine):
            filters.addWidget(w)
        filters.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.outcome)
        column.addWidget(self.table)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setSizes([620, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._wire()
        self.reload()

    def _wire(self) -> None:
        self.stage.currentIndexChanged.connect(self.reload)
        self.channel.currentIndexChanged.connect(self.reload)
        self.mine.toggled.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.panel.approve_requested.connect(self.approve_current)
        self.panel.return_requested.connect(self.return_current)
        self.table.opened.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        for key, slot in (("Ctrl+Shift+A", self.approve_current),
                          ("Ctrl+Shift+R", self.return_current)):
            QShortcut(QKeySequence(key), self, slot,
                      context=Qt.WidgetWithChildrenShortcut)

    def reload(self, *_args, keep_row: int | None = None) -> None:
        """Re-read the queue for the current filters; keep the cursor where it was. The
        last sign-off's outcome goes: it spoke of a queue since changed (another user's,
        other filters, stories moved on)."""
        self.outcome.clear()
        channel_id = self.channel.currentData()
        if self.mine.isChecked():
            ids = workflow.waiting_for(self.store, self.user, channel_id,
                                       self.stage.currentData())
        else:
            ids = workflow.queue(self.store, self.stage.currentData(), channel_id)
        self.model.set_ids(ids)
        if ids:
            row = min(keep_row or 0, len(ids) - 1)
            self.table.selectRow(row)
            self._on_row(self.model.index(row, 0))
        else:
            self.panel.show_article(None)

    def _on_row(self, current, _previous=None) -> None:
        if current.isValid():
            self.panel.show_article(self.store.articles.get(self.model.ids[current.row()]))

    def _open(self, *_index) -> None:
        """Enter or a double-click: the story in the editor (the panel shows what
        changed, for coming back)."""
        self.panel.tabs.setCurrentWidget(self.panel.changes)
        if self.panel.article is not None:
            self.open_story.emit(self.panel.article.id)

    def _after(self, row: int, transition) -> None:
        """Signed or returned (None: not done): say where it went, read the queue again."""
        if transition is None:
            return
        self.reload(keep_row=row)
        self.outcome.setText(signing.outcome(self.store, transition.article))
        self.stories_changed.emit({transition.article.id})

    def approve_current(self) -> None:
        article = self.panel.article
        if article is not None:
            row = self.table.currentIndex().row()
            self._after(row, signing.approve(self, self.store, self.user, article))

    def return_current(self) -> None:
        article = self.panel.article
        if article is not None:
            row = self.table.currentIndex().row()
            self._after(row, signing.send_back(self, self.store, self.user, article))
