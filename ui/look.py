"""The app's look, in one place: icons (the Material Design icon font that the
qtawesome package ships, so nothing depends on a glyph the system fonts may lack), the
colours of story states and 机审 severities, the state chip painted in tables and the
editor's header, and the palette."""
from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyle

INK = "#37474f"
BRAND = "#b3121b"

# objectName of each action → its icon.
ACTION_ICONS = {
    "action_new_story": "file-document-plus-outline", "action_insert_image": "image-plus-outline",
    "action_cover_image": "image-frame", "action_submit": "send-outline",
    "action_recall": "undo-variant", "action_correct": "file-document-edit-outline",
    "action_withdraw": "file-cancel-outline", "action_delete": "delete-outline",
    "action_bin": "delete-restore", "action_preview": "eye-outline",
    "action_import": "file-import-outline",
    "action_approve": "check-decagram-outline", "action_return": "keyboard-return",
    "action_publish": "cloud-upload-outline", "action_verify": "shield-check-outline",
    "action_inspect": "clipboard-search-outline", "action_patrol": "shield-search",
    "action_users": "account-multiple-outline", "action_channels": "file-tree-outline",
    "action_topics": "tag-multiple-outline", "action_settings": "cog-outline",
    "action_targets": "server-network",
    "action_word_lists": "format-list-checks", "action_switch_user": "account-switch-outline",
    "action_sync": "sync", "action_conflicts": "source-merge",
    "action_publisher": "monitor-star", "action_found": "source-repository-multiple",
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
def _icon_font() -> tuple[str, dict[str, str]]:
    """The font's family and its name → code point map, read from qtawesome's files.
    The package itself is not imported: through QtPy it star-imports every Qt class,
    a tenth of a second of the app's start for icons drawn once."""
    spec = importlib.util.find_spec("qtawesome")
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    ttf = next(fonts.glob("materialdesignicons6-webfont-*.ttf"))
    charmap = next(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(ttf)))
    return family[0], json.loads(charmap.read_text("utf-8"))


@cache
def icon(name: str, color: str = INK) -> QIcon:
    """A Material Design icon in color, drawn once into pixmaps of the usual sizes."""
    family, charmap = _icon_font()
    glyph = chr(int(charmap[name], 16))
    size = 40  # one large drawing: Qt scales it down for toolbars (20) and lists (16)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    font = QFont(family)
    font.setPixelSize(round(size * 0.875))  # the glyphs' own margin, as qtawesome draws
    painter.setFont(font)
    painter.setPen(QColor(color))
    painter.drawText(pixmap.rect(), Qt.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


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


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell's text with the searched words marked (its model's `terms`)."""

    def paint(self, painter: QPainter, option, index) -> None:
        terms = [t for t in getattr(index.model(), "terms", []) if t]
        if not terms:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        x, right = option.rect.x() + 4, option.rect.right() - 4
        y = option.rect.y() + (option.rect.height() + metrics.ascent() - metrics.descent()) // 2
        bold = QFont(option.font)
        bold.setBold(True)
        painter.save()
        for piece, marked in _pieces(text, terms):
            painter.setFont(bold if marked else option.font)
            width = painter.fontMetrics().horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRectF(x, option.rect.y() + 3, width, option.rect.height() - 6),
                                 QColor("#fff0b3"))
            painter.setPen(QColor(BRAND if marked else "#1f1f1f"))
            painter.drawText(x, y, piece)
            x += width
            if x > right:
                break
        painter.restore()


def _pieces(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """text cut into (piece, is a searched word), case-insensitively."""
    lowered, out, start = text.lower(), [], 0
    while start < len(text):
        found = [(lowered.find(t.lower(), start), t) for t in terms]
        found = [(i, t) for i, t in found if i >= 0]
        if not found:
            break
        i, t = min(found)
        if i > start:
            out.append((text[start:i], False))
        out.append((text[i:i + len(t)], True))
        start = i + len(t)
    if start < len(text):
        out.append((text[start:], False))
    return out


# The app's colours, as a palette: an application stylesheet would restyle every
# widget as it is made (50 ms more to build the main window, measured).
PALETTE = {
    QPalette.Window: "#f6f7f8", QPalette.Base: "#ffffff", QPalette.AlternateBase: "#f7f8f9",
    QPalette.Button: "#f8f9fa", QPalette.Highlight: "#fbd9dc",
    QPalette.HighlightedText: "#1f1f1f", QPalette.ToolTipBase: "#fffbe6",
}
READ_ONLY_BASE, READ_ONLY_TEXT = "#eef0f2", "#5f6368"


def show_read_only(widget, read_only: bool) -> None:
    """Read-only is seen, not only felt: a text field greyed (a palette, not a
    stylesheet, which would restyle all the editor's widgets as they are made)."""
    palette = QPalette(QApplication.palette(widget))
    if read_only:
        palette.setColor(QPalette.Base, QColor(READ_ONLY_BASE))
        palette.setColor(QPalette.Text, QColor(READ_ONLY_TEXT))
    widget.setPalette(palette)


def apply(app: QApplication) -> None:
    """The Fusion style (the same on every system), the palette, a Chinese UI font;
    once (applied again, Qt would restyle every widget already made)."""
    if app.property("newsdesk_look"):
        return
    app.setProperty("newsdesk_look", True)
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    for role, color in PALETTE.items():
        palette.setColor(role, QColor(color))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setFamilies(["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC",
                      "Source Han Sans SC", "WenQuanYi Micro Hei", font.family()])
    app.setFont(font)
