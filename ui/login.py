"""Who is at the keyboard: chosen at start-up (and on 'Switch user'), with the
password prompt where the user has one. The check itself is the core's."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit,
)

from newsdesk.review import accounts, workflow
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from ui.choices import ChoiceModel, choice_box, select_id


def who_does_what(store: Store, ids) -> dict[str, str]:
    """'王芳 (wangfang) · 初审': who each person is and what they do."""
    ids = list(ids)
    names = {s["role"]: s["name"] for s in workflow.stages(store)}
    names |= {"editor": QCoreApplication.translate("LoginDialog", "Editor"),
              "admin": QCoreApplication.translate("LoginDialog", "Admin")}
    roles = store.users.roles(ids)
    return {i: " · ".join([label] + [names.get(r, r) for r in roles.get(i, [])])
            for i, label in store.users.labels(ids).items()}


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent=None, join_folder: Path | None = None):
        """join_folder: at start-up, where a database joining a newsroom would go (the
        dialog then offers 加入编辑部 beside signing in here)."""
        super().__init__(parent)
        self.store = store
        self.user = None
        self.joined: Path | None = None  # the database of a newsroom joined from here
        self.setWindowTitle(self.tr("Who is working?"))
        # A plain function, not a method: the list's model must not hold the dialog
        # (a cycle the garbage collector would break by deleting the dialog twice).
        self.users = choice_box(ChoiceModel([(u, 0) for u in store.users.choices()],
                                            partial(who_does_what, store)), width_in_chars=28)
        select_id(self.users, QSettings().value("login/user"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.join_folder = join_folder
        if join_folder is not None:
            join = buttons.addButton(self.tr("Join a newsroom…"), QDialogButtonBox.ResetRole)
            join.setObjectName("join-newsroom")
            join.clicked.connect(self.join_newsroom)
        form = QFormLayout(self)
        form.addRow(self.tr("User"), self.users)
        self.password_label = QLabel(self.tr("Password"))
        form.addRow(self.password_label, self.password)
        form.addRow(self.error)
        form.addRow(buttons)
        self.users.currentIndexChanged.connect(self._on_user)
        self._on_user()

    def _give_password(self, user):
        """A reviewer or admin without a password (an account from before passwords were
        required): set one now, or do not switch. Returns the user, or None."""
        asked = self.tr("%1 reviews or administers: a sign-off must be their own, so "
                        "the account needs a password. New password:").replace(
                            "%1", user.real_name)
        password, ok = QInputDialog.getText(self, self.tr("Set a password"), asked,
                                            QLineEdit.Password)
        if not ok or not password:
            self.error.setText(self.tr("%1 needs a password first.").replace(
                "%1", user.real_name))
            return None
        again, ok = QInputDialog.getText(self, self.tr("Set a password"),
                                         self.tr("The same password again:"), QLineEdit.Password)
        if not ok or again != password:
            self.error.setText(self.tr("The two passwords differ."))
            return None
        accounts.set_password(self.store, user, password, user.id)
        return self.store.users.get(user.id)

    def join_newsroom(self) -> None:
        """This PC becomes a seat of a newsroom: on success the app opens its database."""
        from ui.join_dialog import JoinDialog  # loaded when first asked for
        dialog = JoinDialog(self.join_folder, self)
        accepted = dialog.exec() == QDialog.Accepted
        dialog.wait()
        if accepted:
            self.joined = dialog.joined
            self.reject()

    def _selected(self):
        return self.store.users.get(self.users.currentData())

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
            if not user.password_hash and accounts.needs_password(self.store, user.roles):
                user = self._give_password(user)
        except NewsdeskError as e:
            self.error.setText(str(e))
            return
        if user is None:
            return
        self.user = user
        QSettings().setValue("login/user", user.id)
        super().accept()
