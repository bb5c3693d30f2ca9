"""机审's findings beside the editor: a list model (blocking ones first, the first
MAX_SHOWN of them, each with its severity's icon and colour, drawn from the icon font:
no system font can lack them) and the panel that shows it with its Apply fix / Accept
buttons, enabled only for what they can do."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from newsdesk.i18n import pick
from ui import look

MAX_SHOWN = 300  # findings listed and underlined at once
# The underline's colour in the text, the icon's and the message's in the list.
COLOURS = {"block": look.SEVERITIES["block"][1], "warn": look.SEVERITIES["warn"][1],
           "accepted": "#2f855a", "info": "#888888"}


def marker(kind: str) -> QIcon:
    """A finding's icon: its severity's, or a tick once it is accepted."""
    if kind == "accepted":
        return look.icon("check-circle-outline", COLOURS["accepted"])
    return look.severity_icon(kind)


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
            return (pick(f.message, f.message_en) if f else
                    self.tr("… and %1 more: fix these first").replace("%1", str(self.hidden)))
        if role == Qt.DecorationRole and f:
            return marker("accepted" if f.accepted else f.severity)
        if role == Qt.ForegroundRole and f and f.severity == "block" and not f.accepted:
            return QColor(COLOURS["block"])
        if role == Qt.ToolTipRole and f and f.suggestion:
            return self.tr("Suggested: “%1”").replace("%1", f.suggestion)
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
        self.view.selectionModel().currentChanged.connect(self._buttons)
        self.editable = False
        self._buttons()

    def show_findings(self, findings: list) -> None:
        """New findings (after a pause in typing): the one selected stays selected if it
        is still there, so a click lands where the person aimed."""
        was = self.selected()
        self.model.set_findings(findings)
        if was is not None:
            same = [n for n, f in enumerate(self.model.shown)
                    if (f.rule, f.field, f.text) == (was.rule, was.field, was.text)]
            if same:
                self.select(min(same, key=lambda n: abs(self.model.shown[n].start - was.start)))
        self._buttons()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._buttons()

    def _buttons(self, *_args) -> None:
        """Apply fix only for a finding that carries one; Accept for one not accepted."""
        f = self.selected()
        self.fix_button.setEnabled(self.editable and f is not None and f.suggestion is not None)
        self.accept_button.setEnabled(self.editable and f is not None and not f.accepted)

    def selected(self):
        return self.model.finding(self.view.currentIndex().row())

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))

    def _emit(self, signal) -> None:
        finding = self.selected()
        if finding is not None:
            signal.emit(finding)
