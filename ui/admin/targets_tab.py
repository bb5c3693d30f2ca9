"""发布目标: where 发布 uploads, edited as a table (name, kind, host, port, user, the site's
folder, a key or certificate file) with the default chosen below it; a target's
password goes into the keyring from here, and a host key can be forgotten once the
host's administrator confirms a new one. Saved through the site settings' one check."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from newsdesk.review import accounts
from newsdesk.errors import NewsdeskError
from newsdesk.model import Role
from newsdesk.publish import hostkeys
from newsdesk.targets import KINDS, PORTS, Target, targets
from newsdesk.store import Store

COLUMNS = ("name", "kind", "host", "port", "user", "path", "key_file", "ca_file")


class TargetsTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        editable = Role.ADMIN in admin.roles
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Kind"), self.tr("Host"), self.tr("Port"), self.tr("User"),
            self.tr("Site folder"), self.tr("Key file (SFTP)"),
            self.tr("Certificate (FTPS)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 120, 150, 56, 80, 200, 140)):
            self.table.setColumnWidth(col, width)
        site = store.settings()
        for t in targets(site):
            self.add_row(t)
        self.default = QComboBox()
        self._names()
        self.default.setCurrentIndex(max(self.default.findText(site.publish_target), 0))
        explain = QLabel(self.tr("Passwords are never kept here: “Password…” puts one into this "
                                 "computer's keyring."))
        explain.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.password_button = QPushButton(self.tr("Password…"))
        self.forget_button = QPushButton(self.tr("Forget the host key"))
        self.save_button = QPushButton(self.tr("Save targets"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.password_button,
                  self.forget_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Default target")))
        buttons.addWidget(self.default)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for w in (self.add_button, self.remove_button, self.save_button, self.forget_button):
            w.setEnabled(editable)
        if not editable:
            self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.add_button.clicked.connect(lambda _checked=False: self.add_row(
            Target(self.tr("host"), "sftp", "/var/www/html", port=PORTS["sftp"])))
        self.remove_button.clicked.connect(self.remove_rows)
        self.password_button.clicked.connect(lambda _checked=False: self.set_password())
        self.forget_button.clicked.connect(lambda _checked=False: self.forget_key())
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.table.itemChanged.connect(lambda _item: self._names())

    def add_row(self, t: Target) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox()
        for name, label in zip(KINDS, ("SFTP", "FTP", self.tr("FTPS (encrypted)"),
                                       self.tr("Folder (local or shared)"))):
            kind.addItem(label, name)
        kind.setCurrentIndex(max(kind.findData(t.kind), 0))
        self.table.setCellWidget(row, 1, kind)
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), kind.sizeHint().width() + 8))
        for col, name in enumerate(COLUMNS):
            if name != "kind":
                value = getattr(t, name)
                self.table.setItem(row, col, QTableWidgetItem(str(value) if value else ""))
        self._names()

    def remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._names()

    def _names(self) -> None:
        if not hasattr(self, "default"):
            return
        chosen = self.default.currentText()
        self.default.blockSignals(True)
        self.default.clear()
        self.default.addItems([t["name"] for t in self.rows() if t["name"]])
        self.default.setCurrentIndex(max(self.default.findText(chosen), 0))
        self.default.blockSignals(False)

    def rows(self) -> list[dict]:
        """The table as publish_targets items (empty cells left out)."""
        out = []
        for row in range(self.table.rowCount()):
            item = {}
            for col, name in enumerate(COLUMNS):
                if name == "kind":
                    item[name] = self.table.cellWidget(row, col).currentData()
                    continue
                cell = self.table.item(row, col)
                text = cell.text().strip() if cell else ""
                if text:
                    item[name] = int(text) if name == "port" and text.isdigit() else text
            out.append(item)
        return out

    def _current(self) -> Target | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        known = Target.__dataclass_fields__
        values = {k: v for k, v in self.rows()[row].items() if k in known}
        return Target(**{"name": "", "kind": "sftp", "path": ""} | values)

    def set_password(self) -> None:
        target = self._current()
        if target is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Password…"),
                                        self.tr("Password for %1:").replace("%1", target.address),
                                        QLineEdit.Password)
        if not ok:
            return
        try:
            hostkeys.save_password(target, text)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Password…"), str(e))

    def forget_key(self) -> None:
        target = self._current()
        if target is None or target.kind != "sftp":
            return
        port = target.port or PORTS["sftp"]
        if hostkeys.forget_host_key(self.store, target.host, port):
            QMessageBox.information(self, self.tr("Forget the host key"), self.tr(
                "The key of %1 is forgotten: the next connection asks again.")
                .replace("%1", f"{target.host}:{port}"))

    def save(self) -> None:
        try:
            accounts.require_admin(self.admin, "change site settings")
            self.store.set_settings({"publish_targets": self.rows(),
                                     "publish_target": self.default.currentText()},
                                    self.admin.id)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not saved"), str(e))
            return
        QMessageBox.information(self, self.tr("Publish targets"), self.tr("Saved."))
