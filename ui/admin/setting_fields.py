"""One field of the site settings form per setting, chosen by what the core declares
(newsdesk.settings.declared): text, a folder, a choice, a count, a number, on/off, or a
list as a table of rows. Each is its Qt widget with value() (the setting's value, typed)
and read_only(); none asks a person for JSON."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView,
    QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QStyledItemDelegate, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from newsdesk.i18n import _
from newsdesk.settings import Setting
from ui import file_dialogs, look

ROW_DATA = Qt.UserRole + 1  # a row's stored dict: keys the table has no column for stay


class TextField(QLineEdit):
    def __init__(self, setting: Setting, value: str):
        super().__init__(value)

    def value(self) -> str:
        return self.text().strip()

    def read_only(self) -> None:
        self.setReadOnly(True)
        look.show_read_only(self, True)


class FolderField(TextField):
    """A folder's path, typed or picked with the button at its end."""

    def __init__(self, setting: Setting, value: str):
        super().__init__(setting, value)
        self.caption = _(setting.label)
        self.browse = self.addAction(look.icon("folder-open-outline"),
                                     QLineEdit.TrailingPosition)
        self.browse.setToolTip(self.tr("Choose a folder…"))
        self.browse.triggered.connect(self.choose)

    def choose(self) -> None:
        folder = file_dialogs.folder(self, self.caption, self.text())
        if folder:
            self.setText(folder)

    def read_only(self) -> None:
        super().read_only()
        self.browse.setVisible(False)


class ChoiceField(QComboBox):
    """One of the declared choices, by its name; other=True: any other value typed."""

    def __init__(self, setting: Setting, value: str):
        super().__init__()
        self.setEditable(setting.other)
        self.setInsertPolicy(QComboBox.NoInsert)  # a typed value is the value, not a choice
        for choice, label in setting.choices:
            self.addItem(_(label), choice)
        if self.findData(value) < 0:
            self.addItem(value, value)
        self.setCurrentIndex(self.findData(value))

    def value(self) -> str:
        if self.isEditable() and self.currentText() != self.itemText(self.currentIndex()):
            return self.currentText().strip()
        return self.currentData()

    def read_only(self) -> None:
        self.setEnabled(False)


class CountField(QSpinBox):
    def __init__(self, setting: Setting, value: int):
        super().__init__()
        self.setRange(1 if setting.positive else 0, 100_000)
        self.setValue(value)

    def read_only(self) -> None:
        self.setReadOnly(True)
        self.setButtonSymbols(QSpinBox.NoButtons)


class NumberField(QDoubleSpinBox):
    def __init__(self, setting: Setting, value: float):
        super().__init__()
        self.setRange(0, 10_000)
        self.setDecimals(2)
        self.setValue(value)

    def value(self) -> float:
        return round(super().value(), 2)

    def read_only(self) -> None:
        self.setReadOnly(True)
        self.setButtonSymbols(QDoubleSpinBox.NoButtons)


class SwitchField(QCheckBox):
    """On or off; its help is its own text (a box with nothing beside it says nothing)."""

    def __init__(self, setting: Setting, value: bool):
        super().__init__(_(setting.help))
        self.setChecked(value)

    def value(self) -> bool:
        return self.isChecked()

    def read_only(self) -> None:
        self.setEnabled(False)


class LongText(QStyledItemDelegate):
    """A cell of several lines (a page's text) edited in a box of several lines."""

    def createEditor(self, parent, option, index):
        return QPlainTextEdit(parent)

    def setEditorData(self, editor, index):
        editor.setPlainText(index.data(Qt.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.toPlainText(), Qt.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        rect.setHeight(max(rect.height(), 120))
        editor.setGeometry(rect)


class ListField(QWidget):
    """A list setting as a table, a row an entry (a text, or a dict by the declared
    columns; a column with choices is a combo box), with rows added, removed and moved."""
    VISIBLE_ROWS = 7

    def __init__(self, setting: Setting, value: list):
        super().__init__()
        self.columns = setting.columns
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([_(c.label) for c in self.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)
        for n, column in enumerate(self.columns):
            if column.long:
                self.table.setItemDelegateForColumn(n, LongText(self.table))
        for row in value:
            self.add_row(row)
        self.add_button = QPushButton(self.tr("Add a row"))
        self.remove_button = QPushButton(self.tr("Remove the row"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()
        self.table.itemChanged.connect(self._whole_on_hover)
        self.add_button.clicked.connect(lambda: self.add_row(None, edit=True))
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))

    def add_row(self, entry, edit: bool = False) -> None:
        """A row for entry (None: a new, empty one, whose first cell is then edited)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        stored = entry if isinstance(entry, dict) else {}
        for n, column in enumerate(self.columns):
            text = str(stored.get(column.key, "")) if column.key else str(entry or "")
            if column.choices:
                self.table.setCellWidget(row, n, self._choices(column, text))
            item = QTableWidgetItem(text)
            if column.long:  # cut short in its cell: whole on hover
                item.setToolTip(text)
            if n == 0:
                item.setData(ROW_DATA, stored)
            self.table.setItem(row, n, item)
        self._fit()
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def _whole_on_hover(self, item: QTableWidgetItem) -> None:
        if self.columns[item.column()].long and item.toolTip() != item.text():
            item.setToolTip(item.text())

    def _choices(self, column, value: str) -> QComboBox:
        box = QComboBox()
        for choice, label in column.choices:
            box.addItem(_(label), choice)
        box.setCurrentIndex(max(box.findData(value), 0))
        return box

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        if row < 0 or not 0 <= row + step < self.table.rowCount():
            return
        entries = self.value_rows()
        entries.insert(row + step, entries.pop(row))
        self.table.setRowCount(0)
        for entry in entries:
            self.add_row(entry)
        self.table.setCurrentCell(row + step, 0)

    def _cell(self, row: int, n: int) -> str:
        if self.columns[n].choices:
            return self.table.cellWidget(row, n).currentData()
        item = self.table.item(row, n)
        return item.text().strip() if item else ""

    def value_rows(self) -> list:
        """Every row's entry, empty ones included (while the table is rebuilt)."""
        rows = []
        for row in range(self.table.rowCount()):
            if self.columns[0].key is None:
                rows.append(self._cell(row, 0))
                continue
            stored = self.table.item(row, 0).data(ROW_DATA) or {}
            rows.append(stored | {c.key: self._cell(row, n) for n, c in enumerate(self.columns)})
        return rows

    def value(self) -> list:
        """The entries, leaving out rows where nothing was typed."""
        plain = [c.key for c in self.columns if not c.choices]
        return [e for e in self.value_rows()
                if (e if isinstance(e, str) else any(e.get(k) for k in plain))]

    def read_only(self) -> None:
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        for row in range(self.table.rowCount()):
            for n, column in enumerate(self.columns):
                if column.choices:
                    self.table.cellWidget(row, n).setEnabled(False)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setVisible(False)

    def _fit(self) -> None:
        """Tall enough for its rows and a spare one (two at least, then it scrolls)."""
        rows = min(max(self.table.rowCount() + 1, 2), self.VISIBLE_ROWS)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * row_height + 2 * self.table.frameWidth())


def field_for(setting: Setting, value):
    """The field a setting's declaration calls for."""
    if setting.kind == "list":
        return ListField(setting, value)
    if setting.choices:
        return ChoiceField(setting, value)
    if setting.widget == "folder":
        return FolderField(setting, value)
    return {"bool": SwitchField, "int": CountField, "float": NumberField}.get(
        setting.kind, TextField)(setting, value)
