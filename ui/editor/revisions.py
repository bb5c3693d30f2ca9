"""A story's revisions (checkpoints), to look at and restore one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser,
    QVBoxLayout,
)

from newsdesk import present, times


class RevisionsDialog(QDialog):
    def __init__(self, store, article, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisions of “%1”").replace("%1", article.title))
        self.resize(900, 560)
        self.chosen: int | None = None
        self.revisions = list(reversed(store.articles.revisions(article.id)))
        names = store.users.names(r.updated_by for r in self.revisions)
        tz = store.settings().timezone
        # Each publication of a revision, by whoever published it (the publish event's
        # actor and time, not the revision's last editor).
        published: dict[int, list[str]] = {}
        for e in present.history(store, article.id):
            if e["kind"] == "publish" and e["revision"]:
                published.setdefault(e["revision"], []).append(
                    self.tr("%1 by %2 at %3").replace("%1", e["action"])
                    .replace("%2", e["actor"] or self.tr("the schedule"))
                    .replace("%3", e["at"][:16]))
        self.list = QListWidget()
        for r in self.revisions:
            line = (self.tr("Version %1").replace("%1", str(r.number))
                    + f" · {times.local_text(r.created_at, tz)[:16]} · {self._reason(r.reason)}"
                    f" · {names.get(r.updated_by, '')}")
            self.list.addItem(QListWidgetItem(
                "\n".join([line, *("　" + p for p in published.get(r.number, []))])))
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

    def _reason(self, reason: str) -> str:
        """Why the revision was kept, as the newsroom says it."""
        if reason.startswith("restore r"):
            return self.tr("restored version %1").replace("%1", reason.removeprefix("restore r"))
        return {"create": self.tr("created"), "edit": self.tr("edited"),
                "save": self.tr("saved"), "submit": self.tr("submitted"),
                "import": self.tr("imported")}.get(reason, reason)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            c = self.revisions[row].content
            self.text.setPlainText(f"{c.get('title', '')}\n\n{c.get('body', '')}")

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.revisions):
            self.chosen = self.revisions[row].number
            self.accept()
