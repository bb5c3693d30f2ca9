"""系统管理: users, channels, topics, site settings and publish targets in one dialog. Everyone may look; admins
change, and a line says so to the others."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout

from newsdesk.model import Role
from newsdesk.store import Store
from ui.admin.channels_tab import ChannelsTab
from ui.admin.settings_tab import SettingsTab
from ui.admin.targets_tab import TargetsTab
from ui.admin.topics_tab import TopicsTab
from ui.admin.users_tab import UsersTab


class AdminDialog(QDialog):
    def __init__(self, store: Store, user, tab: int = 0, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administration"))
        self.resize(860, 620)
        self.users, self.channels = UsersTab(store, user), ChannelsTab(store, user)
        self.settings = SettingsTab(store, user)
        self.topics = TopicsTab(store, user)
        self.targets = TargetsTab(store, user)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.channels, self.tr("Channels"))
        self.tabs.addTab(self.topics, self.tr("Topics"))
        self.tabs.addTab(self.settings, self.tr("Site settings"))  # index 3
        self.tabs.addTab(self.targets, self.tr("Publish targets"))  # index 4
        self.tabs.setCurrentIndex(tab)
        layout = QVBoxLayout(self)
        if Role.ADMIN not in user.roles:
            note = QLabel(self.tr("Read only: only an admin changes users, channels, "
                                  "topics and site settings."))
            note.setStyleSheet("background:#fff3cd;color:#7a5200;padding:6px")
            layout.addWidget(note)
        layout.addWidget(self.tabs)
