"""系统管理 · channels: the tree as the site's navigation shows it; add (a list or a link
channel), rename, move up or down. Admins change; everyone else reads."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLineEdit, QMessageBox,
    QPushButton, QTreeWidget, QTreeWidgetItem, QWidget,
)

from newsdesk import navigation
from newsdesk.errors import NewsdeskError
from newsdesk.model import ChannelKind
from newsdesk.store import Store
from ui.admin.panel import lay_out


class ChannelDialog(QDialog):
    """A new channel: slug (its path on the site), name, parent, and an address when it
    links elsewhere."""

    def __init__(self, channels, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a channel"))
        self.slug, self.name, self.url = QLineEdit(), QLineEdit(), QLineEdit()
        self.slug.setPlaceholderText("shehui")
        self.name.setPlaceholderText("社会")
        self.url.setPlaceholderText(self.tr("https://… (a link channel only)"))
        self.parent_box = QComboBox()
        self.parent_box.addItem(self.tr("(top level)"), None)
        for c in channels:
            if c.kind == ChannelKind.LIST:
                self.parent_box.addItem(c.name, c.slug)
        for box in (self.slug, self.name, self.url):  # room for an address, placeholders whole
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("乡" * 20))
        form = QFormLayout(self)
        form.addRow(self.tr("Slug (path)"), self.slug)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Under"), self.parent_box)
        form.addRow(self.tr("Links to"), self.url)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChannelsTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Slug (path)"),
                                   self.tr("Links to")])
        self.tree.setColumnWidth(0, 220)
        self.add_button = QPushButton(self.tr("Add…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.up_button, self.down_button = QPushButton(self.tr("Up")), QPushButton(self.tr("Down"))
        self.parent_button = QPushButton(self.tr("Move under…"))
        self.link_button = QPushButton(self.tr("Link…"))
        lay_out(self, self.tree, [self.add_button, self.rename_button, self.up_button,
                                  self.down_button, self.parent_button, self.link_button],
                admin)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.parent_button.clicked.connect(self.reparent)
        self.link_button.clicked.connect(self.link)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        self.channels = self.store.channels.all()
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for c in self.channels:
            item = QTreeWidgetItem([c.name, c.slug, c.url or ""])
            item.setData(0, 256, c.id)
            parent = items.get(c.parent_id)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[c.id] = item
        self.tree.expandAll()
        if keep in items:
            self.tree.setCurrentItem(items[keep])

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, 256) if item else None

    def _do(self, title: str, action, keep: str | None = None) -> None:
        try:
            action()
        except NewsdeskError as e:
            QMessageBox.warning(self, title, str(e))
            return
        self.reload(keep)

    def add(self) -> None:
        dialog = ChannelDialog(self.channels, self)
        if dialog.exec() != QDialog.Accepted:
            return
        url = dialog.url.text().strip()
        self._do(self.tr("Not added"), lambda: navigation.add_channel(
            self.store, self.admin, dialog.slug.text().strip(), dialog.name.text(),
            dialog.parent_box.currentData(), url))

    def rename(self) -> None:
        channel_id = self.selected_id()
        if channel_id is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename a channel"), self.tr(
            "New name (its path on the site stays):"),
            text=self.store.channels.get(channel_id).name)
        if ok:
            self._do(self.tr("Not renamed"), lambda: navigation.rename_channel(
                self.store, self.admin, channel_id, name), keep=channel_id)

    def move(self, step: int) -> None:
        channel_id = self.selected_id()
        if channel_id is not None:
            self._do(self.tr("Not moved"), lambda: navigation.move_channel(
                self.store, self.admin, channel_id, step), keep=channel_id)

    def reparent(self) -> None:
        channel_id = self.selected_id()
        if channel_id is None:
            return
        top = self.tr("(top level)")
        lists = [c for c in self.channels if c.kind == ChannelKind.LIST and c.id != channel_id]
        choice, ok = QInputDialog.getItem(self, self.tr("Move a channel"), self.tr(
            "Put it under (paths on the site do not change):"),
            [top] + [c.name for c in lists], 0, False)
        if ok:
            parent = next((c.slug for c in lists if c.name == choice), None)
            self._do(self.tr("Not moved"), lambda: navigation.reparent_channel(
                self.store, self.admin, channel_id, parent), keep=channel_id)

    def link(self) -> None:
        channel_id = self.selected_id()
        if channel_id is None:
            return
        url, ok = QInputDialog.getText(self, self.tr("Link channel"), self.tr(
            "The address it links to (empty: a list of stories again):"),
            text=self.store.channels.get(channel_id).url or "")
        if ok:
            self._do(self.tr("Not changed"), lambda: navigation.set_channel_link(
                self.store, self.admin, channel_id, url.strip() or None), keep=channel_id)
