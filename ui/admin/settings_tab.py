"""系统管理 · site settings: a form made from what the core declares (newsdesk.settings),
each setting by its name with the field its type calls for and its help beneath; what
the core finds wrong is said beside the field. Saved together after the core has
checked them all. Admins change; publish targets have their own tab."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from newsdesk import settings as site_settings
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import _
from newsdesk.model import Role
from newsdesk.review import accounts
from newsdesk.store import Store
from ui.admin.setting_fields import SwitchField, field_for

HELP_STYLE = "color:#5f6368;font-size:11px"
ERROR_STYLE = "color:#c5221f"


def _note(text: str, style: str) -> QLabel:
    """A line under a field, as plain text (help mentions <title>), wrapped."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class SettingsTab(QWidget):
    def __init__(self, store: Store, admin, parent=None):
        super().__init__(parent)
        self.store, self.admin = store, admin
        self.declared = [s for s in site_settings.declared() if not s.own_tab]
        self.fields, self.errors = {}, {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        current = store.settings()
        for setting in self.declared:
            field = field_for(setting, getattr(current, setting.name))
            field.setToolTip(self.tr("On the command line: “%1”").replace("%1", setting.name))
            if Role.ADMIN not in admin.roles:
                field.read_only()
            self.fields[setting.name] = field
            self.errors[setting.name] = _note("", ERROR_STYLE)
            self.errors[setting.name].setVisible(False)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            if not isinstance(field, SwitchField):  # a check box says its help itself
                column.addWidget(_note(_(setting.help), HELP_STYLE))
            column.addWidget(self.errors[setting.name])
            label = QLabel(_(setting.label))
            label.setWordWrap(True)
            form.addRow(label, column)
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
        """The settings whose field differs from what is stored, as their values."""
        current = self.store.settings()
        return {name: field.value() for name, field in self.fields.items()
                if field.value() != getattr(current, name)}

    def show_problems(self, found: dict[str, str]) -> None:
        """Each problem beside its field (and none where there is none)."""
        for name, label in self.errors.items():
            label.setText(found.get(name, ""))
            label.setVisible(name in found)

    def save(self) -> None:
        values = self.changed()
        found = site_settings.problems(values)
        self.show_problems(found)
        if found:
            return
        try:
            if values:
                accounts.change_settings(self.store, self.admin, values)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not saved"), str(e))
            return
        labels = {s.name: _(s.label) for s in self.declared}
        QMessageBox.information(self, self.tr("Site settings"), self.tr(
            "Saved: %1").replace("%1", "、".join(labels[n] for n in values)
                                 or self.tr("nothing changed")))
