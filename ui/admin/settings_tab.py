"""系统管理 · site settings: every setting the core declares (newsdesk.settings), with its
help line; saved together after the core has checked them all. Admins change."""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from newsdesk.review import accounts
from newsdesk import settings as site_settings
from newsdesk.errors import NewsdeskError
from newsdesk.model import Role
from newsdesk.store import Store


def _labels() -> dict[str, str]:
    """Each setting as the outlet's staff call it (the key stays in the tooltip)."""
    return {
        "name": QCoreApplication.translate("settings", "Site name"),
        "base_url": QCoreApplication.translate("settings", "Public address"),
        "timezone": QCoreApplication.translate("settings", "Time zone"),
        "licence": QCoreApplication.translate("settings", "News licence number"),
        "report_phone": QCoreApplication.translate("settings", "Report phone"),
        "minors_report_phone": QCoreApplication.translate("settings", "Minors report phone"),
        "icp_record": QCoreApplication.translate("settings", "ICP record number"),
        "police_record": QCoreApplication.translate("settings", "Public security record number"),
        "copyright": QCoreApplication.translate("settings", "Copyright line"),
        "footer_links": QCoreApplication.translate("settings", "Footer links"),
        "pages": QCoreApplication.translate("settings", "Fixed pages"),
        "review_stages": QCoreApplication.translate("settings", "Review stages"),
        "video_hosts": QCoreApplication.translate("settings", "Video hosts"),
        "own_sources": QCoreApplication.translate("settings", "Own source names"),
        "approved_sources": QCoreApplication.translate("settings", "Approved reprint sources"),
        "house_space": QCoreApplication.translate("settings", "Space between Chinese and Latin"),
        "error_rate_threshold": QCoreApplication.translate("settings", "Error rate threshold"),
        "stale_days": QCoreApplication.translate("settings", "Days before a channel is stale (网站自查)"),
        "stale_exempt": QCoreApplication.translate("settings", "Channels never stale (slugs, 网站自查)"),
        "publish_targets": QCoreApplication.translate("settings", "Publish targets (发布)"),
        "publish_target": QCoreApplication.translate("settings", "Default publish target"),
        "page_size": QCoreApplication.translate("settings", "Stories per list page"),
        "home_items": QCoreApplication.translate("settings", "Stories per channel on the home page"),
        "rss_items": QCoreApplication.translate("settings", "Items per feed"),
        "ranking_items": QCoreApplication.translate("settings", "Stories on the ranking page"),
        "template_dir": QCoreApplication.translate("settings", "Template folder"),
        "static_dir": QCoreApplication.translate("settings", "Static files folder"),
        "host_keeps": QCoreApplication.translate("settings", "Host's own files (left alone)"),
        "output_dir": QCoreApplication.translate("settings", "Output folder"),
        "backups_keep": QCoreApplication.translate("settings", "Backups kept"),
        "demo": QCoreApplication.translate("settings", "Demo newsroom"),
    }


def _text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class SettingsTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        self.fields: dict[str, QLineEdit] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        current, labels = store.settings(), _labels()
        for name, _kind, _default, help_text in site_settings.described():
            field = QLineEdit(_text(getattr(current, name)))
            field.setToolTip(f"{name}: {help_text}")
            field.setReadOnly(Role.ADMIN not in admin.roles)
            self.fields[name] = field
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setStyleSheet("color:#666;font-size:11px")
            column = QVBoxLayout()
            column.addWidget(field)
            column.addWidget(hint)
            form.addRow(labels.get(name, name), column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setEnabled(Role.ADMIN in admin.roles)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.save_button)
        self.save_button.clicked.connect(self.save)

    def changed(self) -> dict:
        """The settings whose text differs from what is stored, parsed to their types."""
        current = self.store.settings()
        return {name: site_settings.parse(name, field.text())
                for name, field in self.fields.items()
                if field.text() != _text(getattr(current, name))}

    def save(self) -> None:
        try:
            values = self.changed()
            if values:
                accounts.change_settings(self.store, self.admin, values)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not saved"), str(e))
            return
        QMessageBox.information(self, self.tr("Site settings"), self.tr(
            "Saved: %1").replace("%1", "、".join(values) or self.tr("nothing changed")))
