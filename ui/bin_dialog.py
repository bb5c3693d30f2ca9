"""回收站: the drafts deleted in the last 30 days, to restore; admins may empty it."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from newsdesk import times
from newsdesk.review import bin_rules
from newsdesk.errors import NewsdeskError
from newsdesk.model import Role
from newsdesk.store import Store


class BinDialog(QDialog):
    restored = Signal(object)  # ids of the stories put back

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Recycle bin"))
        self.resize(720, 420)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Headline"), self.tr("Deleted"),
                                              self.tr("By")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 380)
        self.table.setColumnWidth(1, 140)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.empty_button = QPushButton(self.tr("Empty the bin…"))
        self.empty_button.setVisible(Role.ADMIN in user.roles)
        close = QPushButton(self.tr("Close"))
        note = QLabel(self.tr("Drafts that were never submitted, kept %1 days after they "
                              "were deleted.").replace("%1", str(bin_rules.BIN_DAYS)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore)
        self.empty_button.clicked.connect(self.empty)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        self.items = self.store.bin.items()
        names = self.store.users.names(i["deleted_by"] for i in self.items)
        tz = self.store.settings().timezone
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, text in enumerate((item["title"],
                                           times.local_text(item["deleted_at"], tz)[:16],
                                           names.get(item["deleted_by"], ""))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.items:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.items))
        self.empty_button.setEnabled(bool(self.items))

    def restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        try:
            article = bin_rules.restore_draft(self.store, self.items[row]["article_id"],
                                            self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not restored"), str(e))
            return
        self.reload()
        self.restored.emit({article.id})

    def empty(self) -> None:
        if QMessageBox.question(self, self.tr("Empty the bin"), self.tr(
                "Delete the %1 drafts in the bin for good?").replace(
                    "%1", str(len(self.items)))) != QMessageBox.Yes:
            return
        try:
            bin_rules.empty_bin(self.store, self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not emptied"), str(e))
            return
        self.reload()
