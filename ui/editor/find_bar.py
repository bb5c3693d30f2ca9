"""Find and replace in the body (Ctrl+F, Ctrl+H): plain text, case as typed."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget


class FindBar(QWidget):
    def __init__(self, body: QPlainTextEdit, parent=None):
        super().__init__(parent)
        self.body = body
        self.find_text, self.replace_text = QLineEdit(), QLineEdit()
        self.find_text.setPlaceholderText(self.tr("Find"))
        self.replace_text.setPlaceholderText(self.tr("Replace with"))
        for box in (self.find_text, self.replace_text):  # room for a phrase, not a word
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("乡" * 8))
        self.status = QLabel()
        buttons = [(self.tr("Next"), self.find_next), (self.tr("Replace"), self.replace_one),
                   (self.tr("Replace all"), self.replace_all), (self.tr("Close"), self.hide)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_text, 1)
        layout.addWidget(self.replace_text, 1)
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.status)
        self.find_text.returnPressed.connect(self.find_next)
        self.hide()

    def open(self, replacing: bool) -> None:
        self.replace_text.setVisible(replacing)
        self.show()
        selected = self.body.textCursor().selectedText()
        if selected:
            self.find_text.setText(selected)
        self.find_text.setFocus()
        self.find_text.selectAll()

    def find_next(self) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        if self.body.find(needle):
            self.status.clear()
            return True
        self.body.moveCursor(QTextCursor.Start)  # wrap around once
        found = self.body.find(needle)
        self.status.setText("" if found else self.tr("Not found"))
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
        self.status.setText(self.tr("%1 replaced").replace("%1", str(count)))
        return count
