"""加入编辑部: this PC becomes a seat of a newsroom that shares a repository — its
address, where the new database goes, and the join itself (clone, then the database
built) on a thread of its own, with nothing left behind when it fails."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.sync.seat import join_new
from ui import file_dialogs
from ui.repository_dialog import RepositoryDialog


class JoinDialog(RepositoryDialog):
    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a newsroom"))
        self.joined: Path | None = None
        self.database = QLineEdit(str(folder / "newsroom.db"))
        choose = QPushButton(self.tr("Choose…"))
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.database, 1)
        row.addWidget(choose)
        self.lay_out(self.tr("The newsroom's administrator gives you the address of its "
                             "shared repository. This PC gets a database of its own, "
                             "filled from it; sign in afterwards as yourself."),
                     self.tr("Join"), [(self.tr("Repository"), self.remote),
                                       (self.tr("New database"), where)])
        choose.clicked.connect(self.choose)

    def choose(self) -> None:
        path = file_dialogs.save_file(
            self, self.tr("New database"), self.database.text(),
            self.tr("Newsdesk database (*.db)"))
        if path:
            self.database.setText(path)

    def missing(self, remote: str) -> str | None:
        if not remote or not self.database.text().strip():
            return self.tr("Give the repository's address and where the new database goes.")
        return None

    def run(self, remote: str) -> threading.Thread:
        self.status.setText(self.tr("Joining: fetching the newsroom and building this PC's "
                                    "database…"))
        path = Path(self.database.text().strip())

        def join() -> None:
            try:
                self.ended.emit((path, *join_new(path, remote, self.progressed.emit)))
            except (NewsdeskError, OSError) as e:
                self.ended.emit(e)
        thread = threading.Thread(target=join, daemon=True, name="join")
        thread.start()
        return thread

    def phases(self) -> dict[str, str]:
        return {"fetch": self.tr("Fetching the newsroom: %1 of %2 objects"),
                "build": self.tr("Building this PC's database: %1 of %2 stories")}

    def succeeded(self, outcome) -> None:
        self.joined = outcome[0]
