"""系统管理 · topics (专题): the site's topic pages; add one. Admins change."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox,
    QPushButton, QTableWidget, QTableWidgetItem, QWidget,
)

from newsdesk import navigation
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from ui.admin.panel import lay_out


class TopicDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a topic"))
        self.slug, self.name, self.description = QLineEdit(), QLineEdit(), QLineEdit()
        self.slug.setPlaceholderText("xiangcun")
        self.name.setPlaceholderText("乡村振兴在越溪")
        form = QFormLayout(self)
        form.addRow(self.tr("Slug (path)"), self.slug)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class TopicsTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Slug (path)"),
                                              self.tr("Description")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.add_button = QPushButton(self.tr("Add…"))
        lay_out(self, self.table, [self.add_button], admin)
        self.add_button.clicked.connect(self.add)
        self.reload()

    def reload(self) -> None:
        topics = self.store.channels.topics()
        self.table.setRowCount(len(topics))
        for row, topic in enumerate(topics):
            for column, text in enumerate((topic.name, topic.slug, topic.description)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add(self) -> None:
        dialog = TopicDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        try:
            navigation.add_topic(self.store, self.admin, dialog.slug.text().strip(),
                                 dialog.name.text(), dialog.description.text().strip())
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not added"), str(e))
            return
        self.reload()
