"""One of the outlet's other 机审 lists as a page of the word-lists dialog: protected
names (in the order leaders are named, so rows move up and down), its own misspellings,
words kept in traditional characters. Import and export as text, like the word lists."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from newsdesk import named_files
from newsdesk.checks.confusions import shipped
from newsdesk.checks.lists import checked, format_entries, parse_entries
from newsdesk.checks.words import ListError
from newsdesk.errors import NewsdeskError
from newsdesk.model import ListEntry
from ui import file_dialogs


class EntryPage(QWidget):
    def __init__(self, kind: str, entries: list[ListEntry], editable: bool, parent=None):
        super().__init__(parent)
        self.kind = kind
        headers, about = self._texts(kind)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 220)
        for e in entries:
            self.add_row(e)
        explain = QLabel(about)
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        self.edit_buttons = []
        actions = [(self.tr("Add"), lambda: self.add_row(ListEntry(""))),
                   (self.tr("Remove"), self.remove_rows)]
        if kind == "names":
            actions += [(self.tr("Move up"), lambda: self.move(-1)),
                        (self.tr("Move down"), lambda: self.move(1))]
        actions += [(self.tr("Import…"), self.import_file)]
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            button.setEnabled(editable)
            buttons.addWidget(button)
            self.edit_buttons.append(button)
        export = QPushButton(self.tr("Export…"))
        export.clicked.connect(lambda _checked=False: self.export_file())
        buttons.addWidget(export)
        buttons.addStretch(1)
        if not editable:
            self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _texts(self, kind: str) -> tuple[list[str], str]:
        if kind == "names":
            return ([self.tr("Name"), self.tr("Titles (joined with 、)"), self.tr("Note")],
                    self.tr("Protected names (重要人名), in the order leaders are named. 机审 "
                            "blocks a name typed with a homophone, or one character off next "
                            "to its title, and warns of a title that is not theirs or of "
                            "leaders named out of this order."))
        if kind == "confusions":
            return ([self.tr("Wrong"), self.tr("Right"), self.tr("Source")],
                    self.tr("The outlet's own misspellings (易错词), added to the %1 pairs "
                            "Newsdesk ships. A wrong form with no correction turns a shipped "
                            "pair off.").replace("%1", f"{len(shipped()):,}"))
        return ([self.tr("Word"), self.tr("Why")],
                self.tr("Words kept in traditional characters (a name, a Hong Kong "
                        "company): 机审 does not flag them as 繁简混用."))

    def add_row(self, e: ListEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = [e.key, e.note] if self.kind == "traditional" else [e.key, e.value, e.note]
        for col, value in enumerate(values):
            self.table.setItem(row, col, QTableWidgetItem(value))

    def remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.table.rowCount():
            return
        for col in range(self.table.columnCount()):
            a, b = self.table.takeItem(row, col), self.table.takeItem(to, col)
            self.table.setItem(row, col, b)
            self.table.setItem(to, col, a)
        self.table.setCurrentCell(to, self.table.currentColumn())

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def entries(self) -> list[ListEntry]:
        """The rows as entries, checked by the list file's rules (ListError names the
        row as its line)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, c) for c in range(self.table.columnCount())]
            if cells[0]:
                rows.append(ListEntry(cells[0], "", cells[1]) if self.kind == "traditional"
                            else ListEntry(*cells))
        return checked(self.kind, rows)

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path = file_dialogs.open_file(self, self.tr("Import list"), "",
                                          self.tr("Text files (*.txt *.tsv)"))
            if not path:
                return
        try:
            found = parse_entries(self.kind, named_files.read_text(path))
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Import list"), str(e))
            return
        except (OSError, UnicodeDecodeError, ListError) as e:
            QMessageBox.warning(self, self.tr("Import list"), f"{path}: {e}")
            return
        known = {self._text(r, 0) for r in range(self.table.rowCount())}
        for e in found:
            if e.key not in known:
                self.add_row(e)

    def export_file(self, path: str | None = None) -> None:
        if path is None:
            path = file_dialogs.save_file(self, self.tr("Export list"),
                                          f"{self.kind}.tsv",
                                          self.tr("Text files (*.txt *.tsv)"))
            if not path:
                return
        try:
            named_files.write_text(path, format_entries(self.kind, self.entries()))
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Export list"), str(e))
            return
        except (OSError, ListError) as e:
            QMessageBox.warning(self, self.tr("Export list"), f"{path}: {e}")
