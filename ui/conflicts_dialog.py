"""同步冲突: the changes that lost to a later one on the same field or paragraph, each
to keep as it stands, replace with the other version, or open in the editor with both
versions marked (as a save overtaken by another is merged)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from newsdesk import present, times
from newsdesk.errors import NewsdeskError
from newsdesk.model import field_label
from newsdesk.store import Store
from newsdesk.sync import conflicts as settling


class ConflictsDialog(QDialog):
    stories_changed = Signal(object)  # ids of stories a settling edited
    open_story = Signal(str)

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 440)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Story"), self.tr("Field"), self.tr("Standing"),
            self.tr("The other version"), self.tr("Changed by, when")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 70, 220, 220)):
            self.table.setColumnWidth(column, width)
        note = QLabel(self.tr("Two seats changed the same place at once: the later change "
                              "stands, the other is kept here until someone settles it."))
        note.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep what stands"))
        self.other_button = QPushButton(self.tr("Take the other version"))
        self.mark_button = QPushButton(self.tr("Merge in the editor…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for b in (self.keep_button, self.other_button, self.mark_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.keep_button.clicked.connect(self.keep)
        self.other_button.clicked.connect(lambda: self._settle(settling.take_other))
        self.mark_button.clicked.connect(self.merge_in_editor)
        close.clicked.connect(self.accept)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.reload()

    def reload(self) -> None:
        self.items = self.store.syncing.conflicts()
        names = self.store.users.names(c["other_by"] for c in self.items)
        tz = self.store.settings().timezone
        roles = present.role_names(self.store)
        self.table.setRowCount(len(self.items))
        for row, c in enumerate(self.items):
            what = c["title"] or (self.tr("%1's account").arg(c["account"]) if c["account"]
                                  else c["record"])
            cells = (what, field_label(c["field"]), settling.shown(c["kept"], roles),
                     settling.shown(c["other"], roles), f"{names.get(c['other_by'], c['other_by'] or '')} "
                     f"{times.local_text(c['other_at'], tz)[:16]}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self.items:
            self.table.selectRow(0)
        self._enable()

    def _current(self) -> dict | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _enable(self) -> None:
        c = self._current()
        in_story = c is not None and c["title"] is not None
        self.keep_button.setEnabled(c is not None)
        self.other_button.setEnabled(in_story)
        self.mark_button.setEnabled(in_story and c["field"] == "body")

    def keep(self) -> None:
        c = self._current()
        if c is not None:
            settling.keep(self.store, c["id"])
            self.reload()

    def merge_in_editor(self) -> None:
        c = self._current()
        if c is not None and self._settle(settling.mark_both):
            self.open_story.emit(c["record"])
            self.accept()

    def _settle(self, how) -> bool:
        c = self._current()
        if c is None:
            return False
        try:
            story = how(self.store, c["id"], self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not settled"), str(e))
            return False
        self.stories_changed.emit({story.id})
        self.reload()
        return True
