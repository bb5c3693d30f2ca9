"""加入编辑部: this PC becomes a seat of a newsroom that shares a repository — its
address, where the new database goes, and the join itself (clone, then the database
built) on a thread of its own, with nothing left behind when it fails."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.sync.seat import join_new


class JoinDialog(QDialog):
    ended = Signal(object)  # (path, files, stories), or the error that stopped the join
    progressed = Signal(int, int, str)  # done, of how many, 'fetch' or 'build'


    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a newsroom"))
        self.joined: Path | None = None
        self.thread: threading.Thread | None = None
        self.remote = QLineEdit()
        self.remote.setPlaceholderText(r"\\server\newsroom\newsroom.git  ·  "
                                       "ssh://newsroom@server/srv/newsroom.git")
        self.remote.setMinimumWidth(420)
        self.database = QLineEdit(str(folder / "newsroom.db"))
        choose = QPushButton(self.tr("Choose…"))
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.database, 1)
        row.addWidget(choose)
        note = QLabel(self.tr("The newsroom's administrator gives you the address of its "
                              "shared repository. This PC gets a database of its own, "
                              "filled from it; sign in afterwards as yourself."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.join_button = self.buttons.addButton(self.tr("Join"),
                                                  QDialogButtonBox.AcceptRole)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Repository"), self.remote)
        form.addRow(self.tr("New database"), where)
        form.addRow(self.status)
        form.addRow(self.bar)
        form.addRow(self.buttons)
        choose.clicked.connect(self.choose)
        self.join_button.clicked.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        self.ended.connect(self._ended)
        self.progressed.connect(self._progressed)

    def choose(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("New database"), self.database.text(),
            self.tr("Newsdesk database (*.db)"))
        if path:
            self.database.setText(path)

    def join(self) -> None:
        remote, path = self.remote.text().strip(), self.database.text().strip()
        if not remote or not path:
            self.status.setText(self.tr("Give the repository's address and where the new "
                                        "database goes."))
            return
        self.join_button.setEnabled(False)
        self.status.setText(self.tr("Joining: fetching the newsroom and building this PC's "
                                    "database…"))
        self.thread = threading.Thread(target=self._run, args=(Path(path), remote),
                                       daemon=True, name="join")
        self.thread.start()

    def _run(self, path: Path, remote: str) -> None:
        try:
            self.ended.emit((path, *join_new(path, remote, self.progressed.emit)))
        except (NewsdeskError, OSError) as e:
            self.ended.emit(e)

    def _progressed(self, done: int, total: int, phase: str) -> None:
        self.bar.setVisible(True)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        texts = {"fetch": self.tr("Fetching the newsroom: %1 of %2 objects"),
                 "build": self.tr("Building this PC's database: %1 of %2 stories")}
        self.status.setText(texts[phase].replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    def _ended(self, outcome) -> None:
        self.join_button.setEnabled(True)
        self.bar.setVisible(False)
        if isinstance(outcome, Exception):
            self.status.setText(str(outcome))
            return
        self.joined = outcome[0]
        self.accept()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
