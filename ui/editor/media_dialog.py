"""图片: the pictures of the story in the editor, with their words; give one new words,
swap its file, or take it out. Each change is an edit of the body (one undo step), so
autosave, the journal and the preview follow as with typing."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from newsdesk import pictures
from newsdesk.errors import NotFound
from ui.editor import images


class MediaDialog(QDialog):
    def __init__(self, pane):
        super().__init__(pane)
        self.pane = pane
        self.setWindowTitle(self.tr("Pictures of this story"))
        self.resize(640, 420)
        self.list = QListWidget()
        self.list.setIconSize(QSize(96, 72))
        self.words_button = QPushButton(self.tr("Alt text and caption…"))
        self.replace_button = QPushButton(self.tr("Replace the file…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for b in (self.words_button, self.replace_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.empty = QLabel(self.tr("This story has no pictures yet: Insert image…, paste "
                                    "or drop one into the text."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.words_button.clicked.connect(self.edit_words)
        self.replace_button.clicked.connect(self.replace_file)
        self.remove_button.clicked.connect(self.remove)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self, row: int = 0) -> None:
        self.pictures = self.pane.body.all_pictures()  # (position in the body, picture)
        self.list.clear()
        for _, p in self.pictures:
            item = QListWidgetItem(p.alt + (f"\n{p.caption}" if p.caption else ""))
            item.setIcon(self._thumbnail(p))
            self.list.addItem(item)
        self.empty.setVisible(not self.pictures)
        for b in (self.words_button, self.replace_button, self.remove_button):
            b.setEnabled(bool(self.pictures))
        if self.pictures:
            self.list.setCurrentRow(min(row, len(self.pictures) - 1))

    def _thumbnail(self, p: pictures.Picture) -> QIcon:
        pixmap = QPixmap()
        if p.asset_id:
            try:
                pixmap.loadFromData(self.pane.store.assets.data(p.asset_id))
            except NotFound:
                pass
        return QIcon(pixmap)

    def selected(self) -> tuple[int, pictures.Picture] | None:
        row = self.list.currentRow()
        return self.pictures[row] if 0 <= row < len(self.pictures) else None

    def _put(self, position: int, markdown: str | None) -> None:
        """New markdown for the picture at position in the body (None takes it out):
        one undo step."""
        self.pane.body.set_picture(position, markdown)
        self.reload(self.list.currentRow())

    def edit_words(self) -> None:
        chosen = self.selected()
        text = images.ask_text(self, chosen[1].alt, chosen[1].caption) if chosen else None
        if text:
            self._put(chosen[0], pictures.markdown(chosen[1].link, *text))

    def replace_file(self) -> None:
        chosen = self.selected()
        stored = images.store_file(self, self.pane.store, self.pane.user,
                                   self.tr("Replace the file"), None) if chosen else None
        if stored:
            _, p = chosen
            self._put(chosen[0], pictures.markdown(stored[0], p.alt, p.caption))

    def remove(self) -> None:
        chosen = self.selected()
        if chosen:
            self._put(chosen[0], None)
