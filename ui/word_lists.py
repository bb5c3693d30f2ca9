"""The outlet's 机审 lists, edited in the app: the word lists (terms with their level,
category and suggested replacement) and, on their own tabs, protected names, the
outlet's misspellings and words kept in traditional characters; each imports and
exports as a plain text file, and Save keeps them all or, when one has a bad row,
none."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from newsdesk import checks, named_files
from newsdesk.checks.lists import KINDS
from newsdesk.checks.words import ListError, format_list, parse_list
from newsdesk.errors import NewsdeskError
from newsdesk.model import Term
from ui import file_dialogs
from ui.check_lists import EntryPage


class WordListDialog(QDialog):
    def __init__(self, store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("机审 lists"))
        self.resize(820, 580)
        refusal = checks.why_not_change_lists(user)  # everyone reads; admins change
        editable = refusal is None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter terms…"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Level"),
                                              self.tr("Category"), self.tr("Replacement")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        for t in store.checks.terms():
            self.add_row(t)
        buttons = QHBoxLayout()
        self.edit_buttons = []
        for label, slot in ((self.tr("Add"), lambda: self.add_row(Term("", "block"))),
                            (self.tr("Remove"), self.remove_rows),
                            (self.tr("Import…"), self.import_file),
                            (self.tr("Export…"), self.export_file)):
            button = QPushButton(label)
            # not slot itself: clicked passes `checked`, which import_file would take
            # for a path
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            if slot != self.export_file:
                self.edit_buttons.append(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not editable:
            note = QLabel(refusal)
            note.setStyleSheet("background:#fff3cd;color:#7a5200;padding:6px")
            layout.addWidget(note)
            self.table.setEditTriggers(QTableWidget.NoEditTriggers)
            for w in [*self.edit_buttons, box.button(QDialogButtonBox.Save)]:
                w.setEnabled(False)
            for row in range(self.table.rowCount()):
                self.table.cellWidget(row, 1).setEnabled(False)
        words = QWidget()
        page = QVBoxLayout(words)
        page.addWidget(self.filter)
        page.addWidget(self.table)
        page.addLayout(buttons)
        self.pages = {kind: EntryPage(kind, store.checks.entries(kind), editable)
                      for kind in KINDS}
        self.tabs = QTabWidget()
        self.tabs.addTab(words, self.tr("Banned and cautioned words"))
        for kind, label in zip(KINDS, (self.tr("Protected names"), self.tr("Misspellings"),
                                       self.tr("Traditional characters kept"))):
            self.tabs.addTab(self.pages[kind], label)
        layout.addWidget(self.tabs)
        layout.addWidget(box)
        self.filter.textChanged.connect(self._filter)
        self._count()

    def add_row(self, t: Term) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        level = QComboBox()
        level.addItem(self.tr("block (禁用)"), "block")
        level.addItem(self.tr("warn (慎用)"), "warn")
        level.setCurrentIndex(level.findData(t.level))
        self.table.setItem(row, 0, QTableWidgetItem(t.term))
        self.table.setCellWidget(row, 1, level)
        self.table.setItem(row, 2, QTableWidgetItem(t.category))
        self.table.setItem(row, 3, QTableWidgetItem(t.replacement))
        self._count()

    def remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._count()

    def terms(self) -> list[Term]:
        out = []
        for row in range(self.table.rowCount()):
            text = lambda col: (self.table.item(row, col).text()  # noqa: E731
                                if self.table.item(row, col) else "").strip()
            if text(0):
                out.append(Term(text(0), self.table.cellWidget(row, 1).currentData(),
                                text(2), text(3)))
        return out

    def _filter(self, text: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            self.table.setRowHidden(row, bool(text) and text not in (item.text() if item else ""))

    def _count(self) -> None:
        self.count.setText(self.tr("%1 terms").replace("%1", str(self.table.rowCount())))

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path = file_dialogs.open_file(self, self.tr("Import word list"), "",
                                          self.tr("Text files (*.txt)"))
            if not path:
                return
        try:
            terms = parse_list(named_files.read_text(path))
        except (OSError, UnicodeDecodeError, ValueError, NewsdeskError) as e:
            QMessageBox.warning(self, self.tr("Import word list"), f"{path}: {e}")
            return
        known = {t.term: row for row, t in enumerate(self.terms())}
        for t in terms:
            if t.term not in known:
                self.add_row(t)

    def export_file(self, path: str | None = None) -> None:
        if path is None:
            path = file_dialogs.save_file(self, self.tr("Export word list"),
                                          "wordlist.txt", self.tr("Text files (*.txt)"))
            if not path:
                return
        try:
            named_files.write_text(path, format_list(self.terms()))
        except (OSError, NewsdeskError) as e:
            QMessageBox.warning(self, self.tr("Export word list"), str(e))

    def save(self) -> None:
        """Every list, or none: a bad row anywhere is shown on its tab and nothing is
        saved."""
        entries = {}
        for kind, page in self.pages.items():
            try:
                entries[kind] = page.entries()
            except ListError as e:
                self.tabs.setCurrentWidget(page)
                QMessageBox.warning(self, self.tr("机审 lists"), str(e))
                return
        try:
            checks.save_lists(self.store, self.terms(), entries, self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("机审 lists"), str(e))
            return
        self.accept()
