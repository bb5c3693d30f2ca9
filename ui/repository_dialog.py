"""What 加入编辑部 and 建立多机编辑部 share: the newsroom repository's address (with a
login for an http(s) server), a note, and a long run on a thread of its own with a
progress bar and what went wrong said in place."""
from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QProgressBar,
)

from newsdesk.errors import NewsdeskError
from ui.repo_login import LoginFields


class RepositoryDialog(QDialog):
    ended = Signal(object)              # what the run returned, or the error that stopped it
    progressed = Signal(int, int, str)  # done, of how many, the phase

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thread: threading.Thread | None = None
        self.remote = QLineEdit()
        self.remote.setPlaceholderText(r"\\server\newsroom\newsroom.git  ·  "
                                       "ssh://newsroom@server/srv/newsroom.git")
        self.remote.setMinimumWidth(420)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.form = QFormLayout(self)
        self.form.setSizeConstraint(QLayout.SetMinimumSize)  # grows as the status shows

    def lay_out(self, note: str, action: str, rows: list) -> None:
        """The note, rows of (label, widget) with the address among them, the login,
        the status and the buttons; action names the button that starts the run."""
        said = QLabel(note)
        said.setWordWrap(True)
        self.form.addRow(said)
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.login = LoginFields(self.form)
        self.login.show_for("")
        self.form.addRow(self.status)
        self.form.addRow(self.bar)
        self.form.addRow(self.buttons)
        self.go = self.buttons.addButton(action, QDialogButtonBox.AcceptRole)
        self.go.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.remote.textChanged.connect(self.login.show_for)
        self.ended.connect(self._ended)
        self.progressed.connect(self._progressed)

    def start(self) -> None:
        """The run, once what it needs is given (the login kept first)."""
        remote = self.remote.text().strip()
        missing = self.missing(remote)
        if missing:
            self.status.setText(missing)
            return
        try:
            self.login.keep(remote)
        except NewsdeskError as e:  # the keyring refused it
            self.status.setText(str(e))
            return
        self.go.setEnabled(False)
        self.thread = self.run(remote)

    def _progressed(self, done: int, total: int, phase: str) -> None:
        if self.bar.isHidden():
            self.bar.setVisible(True)
            self.adjustSize()  # a wrapped note is squeezed otherwise
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(self.phases()[phase].replace("%1", f"{done:,}")
                            .replace("%2", f"{total:,}"))

    def _ended(self, outcome) -> None:
        self.go.setEnabled(True)
        self.bar.setVisible(False)
        if isinstance(outcome, Exception):
            self.status.setText(str(outcome))
            return
        self.succeeded(outcome)
        self.accept()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()

    # ---- what each dialog says and does ------------------------------------------------
    def missing(self, remote: str) -> str | None:
        """What must still be given, said to the person; None when all is there."""
        raise NotImplementedError

    def run(self, remote: str) -> threading.Thread:
        """The run started on its own thread, emitting progressed and then ended."""
        raise NotImplementedError

    def phases(self) -> dict[str, str]:
        """The status line of each phase the run reports (%1 done of %2)."""
        raise NotImplementedError

    def succeeded(self, outcome) -> None:
        """What the dialog keeps of a run that went through."""
