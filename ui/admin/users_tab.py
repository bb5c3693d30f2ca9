"""系统管理 · users: add, roles, deactivate, reset a password. Admins change; everyone
else reads, and changes their own password with the old one. The rules (and their
messages) are the core's: newsdesk.review.accounts and newsdesk.review.door."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
    QWidget,
)

from newsdesk import present
from newsdesk.review import accounts, door
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from ui.admin.panel import lay_out


class UserDialog(QDialog):
    """A new account (username, real name, roles, password) or an account's roles."""

    def __init__(self, store: Store, user=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User") if user else self.tr("Add a user"))
        self.username, self.real_name = QLineEdit(), QLineEdit()
        self.user = user
        self.password, self.password_again = QLineEdit(), QLineEdit()
        for box in (self.password, self.password_again):
            box.setEchoMode(QLineEdit.Password)
        self.mismatch = QLabel(self.tr("The two passwords differ."))
        self.mismatch.setStyleSheet("color:#b3261e")
        self.mismatch.hide()
        self.password_again.textChanged.connect(lambda: self.mismatch.hide())
        self.roles = {role: QCheckBox(name) for role, name in present.role_names(store).items()}
        form = QFormLayout(self)
        if user is None:
            form.addRow(self.tr("Username"), self.username)
            form.addRow(self.tr("Real name"), self.real_name)
        boxes = QHBoxLayout()
        for role, box in self.roles.items():
            box.setChecked(bool(user) and role in user.roles)
            boxes.addWidget(box)
        form.addRow(self.tr("Roles"), boxes)
        if user is None:  # typed twice: a typo would lock the new user out
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.password_again)
            form.addRow("", self.mismatch)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """OK: refused, with the message beside the fields, while the two differ."""
        if self.user is None and self.password.text() != self.password_again.text():
            self.mismatch.show()
            self.password_again.setFocus()
            self.password_again.selectAll()
            return
        super().accept()

    def chosen_roles(self) -> list[str]:
        return [role for role, box in self.roles.items() if box.isChecked()]


class UsersTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Real name"),
                                              self.tr("Roles"), self.tr("Active")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.roles_button = QPushButton(self.tr("Roles…"))
        self.active_button = QPushButton(self.tr("Deactivate / activate"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.own_password_button = QPushButton(self.tr("Change my password…"))
        lay_out(self, self.table, [self.add_button, self.roles_button, self.active_button,
                                   self.password_button, self.own_password_button], admin)
        self.own_password_button.setEnabled(True)  # everyone's own
        self.add_button.clicked.connect(self.add)
        self.roles_button.clicked.connect(self.change_roles)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        self.own_password_button.clicked.connect(self.change_own_password)
        self.reload()

    def reload(self) -> None:
        self.users = self.store.users.all()
        names = present.role_names(self.store)
        self.table.setRowCount(len(self.users))
        for row, u in enumerate(self.users):
            for column, text in enumerate((
                    u.username, u.real_name, "、".join(names.get(r, r) for r in u.roles),
                    self.tr("yes") if u.active else self.tr("no"))):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self):
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _do(self, title: str, action) -> None:
        try:
            action()
        except NewsdeskError as e:
            QMessageBox.warning(self, title, str(e))
            return
        self.reload()

    def add(self) -> None:
        dialog = UserDialog(self.store, parent=self)
        if dialog.exec() != QDialog.Accepted:
            return

        def add() -> None:
            accounts.add_user(self.store, dialog.username.text(), dialog.real_name.text(),
                              dialog.chosen_roles(), dialog.password.text() or None,
                              self.admin.id)
        self._do(self.tr("Not added"), add)

    def change_roles(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(self.store, user, parent=self)
        if dialog.exec() == QDialog.Accepted:
            self._do(self.tr("Not changed"), lambda: accounts.change_user(
                self.store, self.admin, user, roles=dialog.chosen_roles()))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(self.tr("Not changed"), lambda: accounts.change_user(
                self.store, self.admin, user, active=not user.active))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"), self.tr("New password for %1:").replace(
                "%1", user.real_name), QLineEdit.Password)
        if not ok:
            return

        self._do(self.tr("Not changed"), lambda: accounts.set_password(
            self.store, user, password, self.admin.id))

    def change_own_password(self) -> None:
        """The signed-in user's own password: the old one proves it's them."""
        me = self.store.users.get(self.admin.id)
        old = None
        if me.password_hash:
            old, ok = QInputDialog.getText(self, self.tr("Change my password"),
                                           self.tr("Current password:"), QLineEdit.Password)
            if not ok:
                return
        new, ok = QInputDialog.getText(self, self.tr("Change my password"),
                                       self.tr("New password:"), QLineEdit.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(self, self.tr("Change my password"),
                                         self.tr("The same password again:"),
                                         QLineEdit.Password)
        if not ok:
            return
        if again != new:
            QMessageBox.warning(self, self.tr("Not changed"),
                                self.tr("The two passwords differ."))
            return
        self._do(self.tr("Not changed"),
                 lambda: door.change_own_password(self.store, me, old, new))
