"""The shape every 系统管理 tab shares: its list above a row of buttons, which only an
admin may press."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from newsdesk.model import Role


def lay_out(tab: QWidget, view: QWidget, buttons: list[QPushButton], user) -> None:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
        button.setEnabled(Role.ADMIN in user.roles)
    row.addStretch(1)
    layout = QVBoxLayout(tab)
    layout.addWidget(view, 1)
    layout.addLayout(row)
