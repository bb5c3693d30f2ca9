"""Every file and folder the app asks a person for, through one door.

SQLite's locks on Linux and macOS are POSIX advisory locks, held per process: closing any
descriptor of the database file (or its -shm) anywhere in the app's process releases
them all, and another process (the CLI, cron's `publish --due`, a backup tool) then
believes it is alone — it checkpoints and deletes the write-ahead log the app is still
writing to. Qt's file dialogs list a folder through QFileSystemModel, whose default icon
provider asks QMimeDatabase for each file's type and reads the content of every file
whose name says nothing (newsdesk.db, -wal, -shm); the platform's own dialog (GTK's, in
the same process) sniffs content the same way. So the app shows Qt's own dialog with an
icon provider that names types by the file's name alone, and never opens a file it lists.
Windows locks belong to the handle, not the process: there the native dialog stays.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication, QDir, QFileInfo, QMimeDatabase, QSettings, QStandardPaths,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QSplitter, QWidget


class NameOnlyIcons(QFileIconProvider):
    """File icons and types from the file's name, never its content."""

    def __init__(self):
        super().__init__()
        self._mimes = QMimeDatabase()

    def _mime(self, info: QFileInfo):
        return self._mimes.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchExtension)

    def icon(self, what):
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QFileIconProvider.Folder)
        if not what.isFile():
            return super().icon(QFileIconProvider.File)
        mime = self._mime(what)
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(
            mime.genericIconName(), super().icon(QFileIconProvider.File)))

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)  # folders and drives: no content read
        mime = self._mime(info)
        return mime.comment() or mime.name()


_ICONS: NameOnlyIcons | None = None
LAST_PICTURES = "dialogs/last_pictures_folder"  # QSettings: where the last picture came from


def icons() -> NameOnlyIcons:
    """The one provider every file dialog and file model of the app uses."""
    global _ICONS
    if _ICONS is None:
        _ICONS = NameOnlyIcons()
    return _ICONS


def dialog(parent: QWidget | None, caption: str, directory: str = "",
           filter: str = "") -> QFileDialog:
    """A file dialog that never opens the files it lists (see the module's note)."""
    d = QFileDialog(parent, caption, directory, filter)
    if sys.platform != "win32":
        d.setOption(QFileDialog.DontUseNativeDialog)
        # Qt's own Chinese leaves these two in English.
        d.setLabelText(QFileDialog.LookIn, QCoreApplication.translate("file_dialogs", "Look in:"))
        d.setLabelText(QFileDialog.FileType,
                       QCoreApplication.translate("file_dialogs", "Files of type:"))
        sidebar = d.findChild(QSplitter)
        if sidebar is not None:  # room for 计算机 and the folders' names
            sidebar.setSizes([160, max(sidebar.width() - 160, 400)])
    d.setIconProvider(icons())
    return d


def pictures_folder() -> str:
    """Where a picture is looked for: the folder the last one came from, else the
    system's Pictures folder (else home) — never the program's own working folder."""
    last = QSettings().value(LAST_PICTURES)
    if last and Path(last).is_dir():
        return str(last)
    pictures = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
    return pictures if pictures and Path(pictures).is_dir() else QDir.homePath()


def picture_taken(path: str) -> None:
    """A picture came from path: the next one is looked for beside it."""
    QSettings().setValue(LAST_PICTURES, str(Path(path).parent))


def _ask(d: QFileDialog) -> list[str]:
    return d.selectedFiles() if d.exec() == QFileDialog.Accepted else []


def open_file(parent, caption: str, directory: str = "", filter: str = "") -> str:
    """One existing file, or '' when the person cancels."""
    d = dialog(parent, caption, directory, filter)
    d.setFileMode(QFileDialog.ExistingFile)
    return next(iter(_ask(d)), "")


def open_files(parent, caption: str, directory: str = "", filter: str = "") -> list[str]:
    d = dialog(parent, caption, directory, filter)
    d.setFileMode(QFileDialog.ExistingFiles)
    return _ask(d)


def save_file(parent, caption: str, directory: str = "", filter: str = "") -> str:
    d = dialog(parent, caption, directory, filter)
    d.setAcceptMode(QFileDialog.AcceptSave)
    return next(iter(_ask(d)), "")


def folder(parent, caption: str, directory: str = "") -> str:
    d = dialog(parent, caption, directory)
    d.setFileMode(QFileDialog.Directory)
    d.setOption(QFileDialog.ShowDirsOnly)
    return next(iter(_ask(d)), "")
