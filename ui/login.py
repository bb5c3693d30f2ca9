"""Who is at the keyboard: chosen at start-up (and on 'Switch user'), with the
password prompt where the user has one. The check itself is the core's."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
)

from newsdesk import workflow
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from ui.choices import ChoiceModel, choice_box, select_id


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.user = None
        self.setWindowTitle(self.tr("Who is working?"))
        self.users = choice_box(ChoiceModel([(u, 0) for u in store.user_choices()],
                                            store.user_labels), width_in_chars=18)
        select_id(self.users, QSettings().value("login/user"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User"), self.users)
        self.password_label = QLabel(self.tr("Password"))
        form.addRow(self.password_label, self.password)
        form.addRow(self.error)
        form.addRow(buttons)
        self.users.currentIndexChanged.connect(self._on_user)
        self._on_user()

    def _selected(self):
        return self.store.user(self.users.currentData())

    def _on_user(self) -> None:
        has_password = bool(self._selected().password_hash)
        self.password.setVisible(has_password)
        self.password_label.setVisible(has_password)
        self.password.clear()
        self.error.clear()

    def accept(self) -> None:
        user = self._selected()
        try:
            workflow.check_password(user, self.password.text() if user.password_hash else None)
        except NewsdeskError as e:
            self.error.setText(str(e))
            return
        self.user = user
        QSettings().setValue("login/user", user.id)
        super().accept()
