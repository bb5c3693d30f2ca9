"""Pictures into a story: picked with the file dialog, pasted or dropped; stored once by
content hash; each asks for its alternative text (required: the page is read aloud to
some readers) and an optional caption, which makes it a figure on the page."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QWidget,
)

from newsdesk import named_files, pictures
from newsdesk.errors import NewsdeskError
from newsdesk.model import User
from newsdesk.store import Store
from ui import file_dialogs

SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


# A caption's credit: its closing full-width parentheses naming who took or gave the
# picture, as county papers print it: 孩子们在看书。（记者 刘海涛 摄）
_CREDIT = re.compile(r"^(?P<caption>.*?)\s*（(?P<credit>[^（）]*(?:摄|图|提供|来源)[^（）]*)）$",
                     re.S)


def split_credit(caption: str) -> tuple[str, str]:
    """(caption, credit) of a caption as stored."""
    m = _CREDIT.match(caption)
    return (m["caption"], m["credit"].strip()) if m else (caption, "")


def with_credit(caption: str, credit: str) -> str:
    """The caption as stored: the credit in full-width parentheses at its end."""
    credit = credit.strip().strip("（）() ")
    return f"{caption.strip()}（{credit}）" if credit else caption.strip()


class ImageTextDialog(QDialog):
    """Alt text (OK only once there is some), caption and credit for one picture."""

    def __init__(self, alt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("images", "Picture text"))
        self.setMinimumWidth(480)  # room for a sentence of Chinese
        self.alt = QLineEdit(alt)  # a new picture's is empty: a file's name describes nothing
        self.alt.setPlaceholderText(QCoreApplication.translate(
            "images", "Describe what the picture shows, for readers who cannot see it"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(QCoreApplication.translate(
            "images", "Shown under the picture (optional)"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(QCoreApplication.translate(
            "images", "Who took it, e.g. 记者 刘海涛 摄 (optional)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("images", "Alt text (required)"), self.alt)
        form.addRow(QCoreApplication.translate("images", "Caption"), self.caption)
        form.addRow(QCoreApplication.translate("images", "Credit"), self.credit)
        form.addRow(self.buttons)
        self.alt.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.alt.text().strip()))


def ask_text(parent: QWidget, alt: str, caption: str = "") -> tuple[str, str] | None:
    """(alt, caption) for a picture, its words so far given, or None when the person
    cancels. The caption as stored carries its credit."""
    dialog = ImageTextDialog(alt, parent)
    text, credit = split_credit(caption)
    dialog.caption.setText(text)
    dialog.credit.setText(credit)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.alt.text().strip(), with_credit(dialog.caption.text(), dialog.credit.text())


def store_file(parent: QWidget, store: Store, user: User, title: str,
               path: str | None) -> tuple[str, str] | None:
    """Ask for an image file (unless path is given) and store it; returns its site path
    (assets/<sha256>.<ext>) and its file's name without the extension."""
    if path is None:
        # 所有文件 too: a picture saved from WeChat or a phone often has no extension.
        path = file_dialogs.open_file(parent, title, file_dialogs.pictures_folder(),
                                      ";;".join((QCoreApplication.translate(
                                          "images", "Images (*.jpg *.jpeg *.png *.gif *.webp)"),
                                          QCoreApplication.translate("images", "All files (*)"))))
        if not path:
            return None
    try:
        link = pictures.store_picture(store, named_files.read_bytes(path), Path(path).name, user)
    except (OSError, NewsdeskError) as e:
        QMessageBox.warning(parent, title, str(e))
        return None
    file_dialogs.picture_taken(path)
    return link, Path(path).stem


def png_bytes(image: QImage) -> bytes:
    """A pasted picture (a screenshot, an image copied from a page) as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def image_files(urls) -> list[str]:
    """The local picture files among dropped or pasted URLs."""
    return [u.toLocalFile() for u in urls
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SUFFIXES]
