"""The app's look, in one place: icons (qtawesome's Material Design set, drawn from a
font, so nothing depends on a glyph the system fonts may lack), the colours of story
states and 机审 severities, the state chip painted in tables and the editor's header,
and the stylesheet."""
from __future__ import annotations

import os
from functools import cache

os.environ.setdefault("QT_API", "pyside6")  # qtawesome goes through QtPy

import qtawesome  # noqa: E402
from PySide6.QtCore import QRectF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QIcon, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyle  # noqa: E402

INK = "#37474f"
BRAND = "#b3121b"

# objectName of each action → its icon.
ACTION_ICONS = {
    "action_new_story": "file-document-plus-outline", "action_insert_image": "image-plus-outline",
    "action_cover_image": "image-frame", "action_submit": "send-outline",
    "action_recall": "undo-variant", "action_correct": "file-document-edit-outline",
    "action_withdraw": "file-cancel-outline", "action_delete": "delete-outline",
    "action_bin": "delete-restore", "action_preview": "eye-outline",
    "action_approve": "check-decagram-outline", "action_return": "keyboard-return",
    "action_publish": "cloud-upload-outline", "action_verify": "shield-check-outline",
    "action_users": "account-multiple-outline", "action_channels": "file-tree-outline",
    "action_topics": "tag-multiple-outline", "action_settings": "cog-outline",
    "action_word_lists": "format-list-checks", "action_switch_user": "account-switch-outline",
}

# state → (icon, text colour, chip colour)
STATES = {
    "draft": ("pencil-outline", "#455a64", "#eceff1"),
    "submitted": ("send-outline", "#1565c0", "#e3f2fd"),
    "in_review": ("progress-clock", "#6a1b9a", "#f3e5f5"),
    "returned": ("reply", "#c62828", "#ffebee"),
    "approved": ("check-decagram-outline", "#2e7d32", "#e8f5e9"),
    "scheduled": ("clock-outline", "#e65100", "#fff3e0"),
    "published": ("earth", "#00695c", "#e0f2f1"),
    "withdrawn": ("cancel", "#616161", "#e0e0e0"),
}

# 机审 severity → (icon, colour)
SEVERITIES = {
    "block": ("close-octagon", "#c62828"),
    "warn": ("alert", "#e65100"),
    "info": ("information", "#1565c0"),
    "pass": ("check-circle", "#2e7d32"),  # a story's verdict when nothing was found
}

STATE_ROLE = Qt.UserRole + 1  # a table model's state id for the chip delegate


@cache
def icon(name: str, color: str = INK) -> QIcon:
    """A plain pixmap icon: qtawesome's own icons carry a Python QIconEngine, which the
    garbage collector may meet after Qt has let go of it (a crash); pixmaps drawn once
    and kept have no such part."""
    drawn = qtawesome.icon(f"mdi6.{name}", color=color)
    plain = QIcon()
    for size in (16, 20, 24, 32, 40, 48):
        plain.addPixmap(drawn.pixmap(size, size))
    return plain


def state_icon(state: str) -> QIcon:
    name, color, _chip = STATES.get(state, STATES["draft"])
    return icon(name, color)


def severity_icon(severity: str) -> QIcon:
    name, color = SEVERITIES.get(severity, SEVERITIES["info"])
    return icon(name, color)


def chip_style(state: str) -> str:
    """A QLabel as a state chip (the editor's header)."""
    _icon, color, chip = STATES.get(state, STATES["draft"])
    return (f"QLabel {{ color: {color}; background: {chip}; border-radius: 9px; "
            f"padding: 1px 10px; font-weight: 600; }}")


class StateChipDelegate(QStyledItemDelegate):
    """Paints a table's state column as a coloured chip (its model answers STATE_ROLE)."""

    def paint(self, painter: QPainter, option, index) -> None:
        state = index.data(STATE_ROLE)
        if state not in STATES:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        _icon, color, chip = STATES[state]
        text = index.data(Qt.DisplayRole)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 2
        rect = QRectF(option.rect.x() + 6, option.rect.center().y() - height / 2 + 1,
                      min(width, option.rect.width() - 8), height)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(chip))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(color))
        painter.drawText(rect, Qt.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 20, hint.height())


# Consistent spacing, quiet borders, the brand colour for selection and focus.
STYLESHEET = f"""
QMainWindow, QDialog {{ background: #fafafa; }}
QToolBar {{ spacing: 2px; padding: 2px 6px; border: none; background: #f5f5f5; }}
QToolButton {{ padding: 3px 6px; border-radius: 4px; }}
QToolButton:hover {{ background: #e8eaed; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateTimeEdit, QSpinBox {{
    border: 1px solid #cfd4d9; border-radius: 4px; padding: 3px 6px; background: #fff; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{
    border-color: {BRAND}; }}
QPushButton {{ border: 1px solid #c4c9cf; border-radius: 4px; padding: 4px 14px;
    background: #fff; }}
QPushButton:hover {{ background: #f1f3f4; }}
QPushButton:default {{ border-color: {BRAND}; }}
QPushButton:disabled {{ color: #9aa0a6; background: #f5f5f5; }}
QTableView, QTreeWidget, QListWidget {{ border: 1px solid #dde1e5; background: #fff;
    selection-background-color: #fde7e9; selection-color: #1f1f1f;
    alternate-background-color: #f8f9fa; }}
QTableView::item, QTreeWidget::item, QListWidget::item {{ padding: 3px 4px; }}
QHeaderView::section {{ background: #f1f3f4; border: none; border-right: 1px solid #e0e3e6;
    border-bottom: 1px solid #dde1e5; padding: 4px 6px; font-weight: 600; }}
QStatusBar {{ background: #f5f5f5; }}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{ background: #eef0f2; color: #5f6368; }}
QTabWidget::pane {{ border: 1px solid #dde1e5; }}
"""


def apply(app: QApplication) -> None:
    """The Fusion style (the same on every system), the stylesheet, a Chinese UI font."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC",
                      "Source Han Sans SC", "WenQuanYi Micro Hei", font.family()])
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
