"""Find and replace in the body (Ctrl+F, Ctrl+H): plain text, case as typed."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget,
)


class FindBar(QWidget):
    """Two short rows above the body, find and replace, each field with its buttons
    beside it: narrow enough for the body's column at 1366×768, so showing it (or what
    it says) never widens the editor and moves the editor/preview split."""

    def __init__(self, body: QPlainTextEdit, parent=None):
        super().__init__(parent)
        self.body = body
        self.find_text, self.replace_text = QLineEdit(), QLineEdit()
        self.find_text.setPlaceholderText(self.tr("Find"))
        self.replace_text.setPlaceholderText(self.tr("Replace with"))
        for box in (self.find_text, self.replace_text):  # room for a phrase, not a word
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("乡" * 6))
        self.status = QLabel()
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 4)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.find_text, 0, 0)
        grid.addWidget(self.replace_text, 1, 0)
        self._replacing = [self.replace_text]
        for (row, column), label, slot in (((0, 1), self.tr("Next"), self.find_next),
                                           ((0, 2), self.tr("Close"), self.hide),
                                           ((1, 1), self.tr("Replace"), self.replace_one),
                                           ((1, 2), self.tr("Replace all"), self.replace_all)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            grid.addWidget(button, row, column)
            if row == 1:
                self._replacing.append(button)
        grid.addWidget(self.status, 2, 0, 1, 3)  # a line of its own, shown when it speaks
        self.status.hide()
        self.find_text.returnPressed.connect(self.find_next)
        self.hide()

    def open(self, replacing: bool) -> None:
        for widget in self._replacing:
            widget.setVisible(replacing)
        self.say("")
        self.show()
        selected = self.body.textCursor().selectedText()
        if selected:
            self.find_text.setText(selected)
        self.find_text.setFocus()
        self.find_text.selectAll()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def find_next(self) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        if self.body.find(needle):
            self.say("")
            return True
        self.body.moveCursor(QTextCursor.Start)  # wrap around once
        found = self.body.find(needle)
        self.say("" if found else self.tr("Not found"))
        return found

    def replace_one(self) -> None:
        cursor = self.body.textCursor()
        if cursor.selectedText() == self.find_text.text() and cursor.hasSelection():
            cursor.insertText(self.replace_text.text())
        self.find_next()

    def replace_all(self) -> int:
        needle, replacement = self.find_text.text(), self.replace_text.text()
        if not needle:
            return 0
        doc = self.body.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one undo step for all of it
        count = 0
        found = doc.find(needle, 0, QTextDocument.FindFlag(0))
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = doc.find(needle, found.position(), QTextDocument.FindFlag(0))
        cursor.endEditBlock()
        self.say(self.tr("%1 replaced").replace("%1", str(count)))
        return count
