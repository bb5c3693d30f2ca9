"""机审's findings beside the editor: a list model (blocking ones first, the first
MAX_SHOWN of them) and the panel that shows it with its Apply fix / Accept buttons."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

MAX_SHOWN = 300  # findings listed and underlined at once


def _mark(finding) -> str:
    return "✓ " if finding.accepted else ("⛔ " if finding.severity == "block" else "⚠ ")


class FindingsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown: list = []
        self.hidden = 0  # findings past MAX_SHOWN: counted in a last row

    def set_findings(self, findings: list) -> None:
        # A long, messy body can have thousands of findings: listing and underlining
        # them all takes the UI thread a quarter of a second at every pause, so the
        # first MAX_SHOWN are shown and the rest counted.
        ordered = sorted(findings, key=lambda f: f.severity != "block")
        self.beginResetModel()
        self.shown, self.hidden = ordered[:MAX_SHOWN], max(0, len(ordered) - MAX_SHOWN)
        self.endResetModel()

    def finding(self, row: int):
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown) + bool(self.hidden)

    def data(self, index, role=Qt.DisplayRole):
        f = self.finding(index.row())
        if role == Qt.DisplayRole:
            return (_mark(f) + f.message if f else
                    self.tr("… and %1 more: fix these first").replace("%1", str(self.hidden)))
        if role == Qt.ToolTipRole and f:
            return f.message_en
        return None

    def flags(self, index):
        return super().flags(index) if self.finding(index.row()) else Qt.NoItemFlags


class FindingsPanel(QWidget):
    activated = Signal(object)        # a finding clicked: show it in the text
    fix_requested = Signal(object)
    accept_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.view = QListView()
        self.view.setWordWrap(True)
        self.view.setModel(self.model)
        self.fix_button = QPushButton(self.tr("Apply fix"))
        self.accept_button = QPushButton(self.tr("Accept…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Machine checks")))
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.accept_button)
        layout.addLayout(buttons)
        self.view.clicked.connect(lambda index: self._emit(self.activated))
        self.view.activated.connect(lambda index: self._emit(self.activated))
        self.fix_button.clicked.connect(lambda: self._emit(self.fix_requested))
        self.accept_button.clicked.connect(lambda: self._emit(self.accept_requested))

    def selected(self):
        return self.model.finding(self.view.currentIndex().row())

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))

    def _emit(self, signal) -> None:
        finding = self.selected()
        if finding is not None:
            signal.emit(finding)
