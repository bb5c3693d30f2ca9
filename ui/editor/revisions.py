"""A story's revisions (checkpoints), to look at and restore one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser,
    QVBoxLayout,
)

from newsdesk import times


class RevisionsDialog(QDialog):
    def __init__(self, store, article, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisions of “%1”").replace("%1", article.title))
        self.resize(900, 560)
        self.chosen: int | None = None
        self.revisions = list(reversed(store.articles.revisions(article.id)))
        names = store.users.names(r.updated_by for r in self.revisions)
        self.list = QListWidget()
        for r in self.revisions:
            self.list.addItem(QListWidgetItem(
                f"r{r.number} · {times.local_text(r.created_at)[:16]} · {r.reason} · "
                f"{names.get(r.updated_by, '')}"))
        self.text = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore this revision"),
                                                QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.text, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            c = self.revisions[row].content
            self.text.setPlainText(f"{c.get('title', '')}\n\n{c.get('body', '')}")

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.revisions):
            self.chosen = self.revisions[row].number
            self.accept()
