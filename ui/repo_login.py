"""This PC's login to the newsroom's repository on an http(s) server (a Gitea's user
name and password or access token): two fields the join and found dialogs show for
such an address, and a dialog the status bar opens when the server asks again."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from newsdesk.errors import NewsdeskError
from newsdesk.sync import login


class LoginFields(QObject):
    """Two rows of a dialog's form, shown for an http(s) address only (a folder,
    ssh:// and git:// need no login here)."""

    def __init__(self, form: QFormLayout):
        super().__init__(form)
        self.form = form
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("User name on the server"), self.user)
        form.addRow(self.tr("Password or access token"), self.password)

    def show_for(self, url: str) -> None:
        for field in (self.user, self.password):
            self.form.setRowVisible(field, login.is_http(url.strip()))

    def keep(self, url: str) -> None:
        """The login given, kept for url (in the keyring where there is one)."""
        if login.is_http(url) and self.user.text().strip() and self.password.text():
            login.remember(url, login.Login(self.user.text().strip(), self.password.text()))


class RepositoryLoginDialog(QDialog):
    """The server turned this seat away: its login, given again."""

    def __init__(self, url: str, why: str, parent=None):
        super().__init__(parent)
        self.url = url
        self.setWindowTitle(self.tr("Log in to the newsroom's repository"))
        said = QLabel(why)
        said.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(said)
        self.fields = LoginFields(form)
        found = login.login_for(url)
        if found is not None:
            self.fields.user.setText(found.user)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            login.remember(self.url, login.Login(self.fields.user.text().strip(),
                                                 self.fields.password.text()))
        except NewsdeskError as e:
            self.error.setText(str(e))
            return
        super().accept()
