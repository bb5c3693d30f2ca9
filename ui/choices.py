"""Pick lists that may be long (10,000 channels or users): the model holds the ids
and asks the store for labels a page at a time, as the list is drawn."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QProxyStyle, QStyle

PAGE = 100
INDENT = "　"  # a full-width space per level, as the channel tree is shown elsewhere


class ChoiceModel(QAbstractListModel):
    """Rows of (id, depth); Qt.UserRole is the id (QComboBox.currentData), the display
    text is the label, indented by depth. `first` is an optional leading row (e.g.
    'All channels') whose id is None."""

    def __init__(self, rows: list[tuple[str, int]],
                 labels: Callable[[list[str]], dict[str, str]],
                 first: str | None = None, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str | None, int]] = ([(None, 0)] if first else []) + rows
        self.first = first
        self._labels = labels
        self._fetched: dict[str, str] = {}
        self._rows_by_id = {id_: n for n, (id_, _) in enumerate(self.rows)}

    def row_of(self, id_: str | None) -> int:
        return self._rows_by_id.get(id_, -1)

    def label(self, row: int) -> str:
        id_, depth = self.rows[row]
        if id_ is None:
            return self.first or ""
        if id_ not in self._fetched:
            start = row - row % PAGE
            page = [i for i, _ in self.rows[start:start + PAGE] if i is not None]
            self._fetched.update(self._labels(page))
        return INDENT * depth + self._fetched.get(id_, "")

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.UserRole:
            return self.rows[index.row()][0]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.label(index.row())
        return None


class _ListBelowStyle(QProxyStyle):
    """The drop-down list opens below the box (as on Windows), not over it: the
    over-the-box popup measures every row's text first, i.e. reads every label."""

    def styleHint(self, hint, option=None, widget=None, data=None):
        if hint == QStyle.SH_ComboBox_Popup:
            return 0
        return super().styleHint(hint, option, widget, data)


def choice_box(model: ChoiceModel, width_in_chars: int = 14) -> QComboBox:
    """A combo box over a ChoiceModel that never reads every label: its width comes from
    a character count, not from measuring all rows, and its list draws only what
    shows."""
    box = QComboBox()
    style = _ListBelowStyle()
    style.setParent(box)
    box.setStyle(style)
    box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(width_in_chars)
    box.setModel(model)
    model.setParent(box)  # the box does not own a model it is given
    box.view().setUniformItemSizes(True)
    return box


def select_id(box: QComboBox, id_: str | None) -> None:
    """Show the row of this id (the first row when it is not in the list)."""
    box.setCurrentIndex(max(box.model().row_of(id_), 0))
