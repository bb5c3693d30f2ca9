"""The question a save overtaken by someone else's asks: merge into theirs, save a
copy, or leave it unsaved."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.model import Article


def ask(parent: QWidget, current: Article) -> str | None:
    """'merge', 'copy' or None (cancel): what to do with a save that someone else's
    save overtook."""
    question = QCoreApplication.translate(
        "conflict", "“%1” was saved elsewhere after you opened it. Merge your changes "
        "into theirs, or save yours as a copy?")
    box = QMessageBox(QMessageBox.Warning,
                      QCoreApplication.translate("conflict", "Saved elsewhere meanwhile"),
                      question.replace("%1", current.title), parent=parent)
    merge_button = box.addButton(QCoreApplication.translate("conflict", "Merge"),
                                 QMessageBox.AcceptRole)
    copy_button = box.addButton(QCoreApplication.translate("conflict", "Save as a copy"),
                                QMessageBox.ActionRole)
    box.addButton(QMessageBox.Cancel)
    box.exec()
    return {merge_button: "merge", copy_button: "copy"}.get(box.clickedButton())
