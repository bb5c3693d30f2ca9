"""建立多机编辑部: an administrator makes this database the newsroom's shared
repository (a folder on the office server, or a server's address), this PC its
publisher — on a thread of its own, with how far it has got, nothing founded when it
fails. Other PCs then join from the sign-in window."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from newsdesk.sync.seat import Seat
from ui import file_dialogs
from ui.jobs import on_own_connection
from ui.repository_dialog import RepositoryDialog


class FoundDialog(RepositoryDialog):
    def __init__(self, db_path: str, user, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Found a newsroom of many PCs"))
        self.db_path, self.user = db_path, user
        choose = QPushButton(self.tr("Folder…"))
        choose.setObjectName("choose-folder")
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.remote, 1)
        row.addWidget(choose)
        self.lay_out(self.tr(
            "This database's stories, sign-offs, users, channels and settings are written "
            "into the newsroom's shared repository: a new folder on the office server, or "
            "an empty repository on a server. This PC becomes the one that publishes. "
            "Other PCs then join from the sign-in window (Join a newsroom)."),
            self.tr("Found"), [(self.tr("Repository"), where)])
        choose.clicked.connect(self.choose)

    def choose(self) -> None:
        """A folder on the office server; the repository is a new folder in it."""
        folder = file_dialogs.folder(self, self.tr("Where the repository goes"))
        if folder:
            self.remote.setText(str(Path(folder) / "newsroom.git"))

    def missing(self, remote: str) -> str | None:
        return None if remote else self.tr("Give the repository's address or choose a folder.")

    def run(self, remote: str) -> threading.Thread:
        self.status.setText(self.tr("Founding the newsroom…"))
        user_id = self.user.id
        return on_own_connection(
            self.db_path,
            lambda store: Seat.init(store, remote, store.users.get(user_id),
                                    self.progressed.emit),
            self.ended.emit, "found")

    def phases(self) -> dict[str, str]:
        return {"write": self.tr("Writing the repository: %1 of %2 stories"),
                "push": self.tr("Sending it to the server: %1 of %2 objects")}
