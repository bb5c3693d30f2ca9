"""The story's fields above the body: one line always in sight (the state chip, the
headline, the channel, a button to fold the rest), and the other fields in two columns
that fold away so the body gets the height. Folded or not is remembered."""
from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget,
)

from ui import look

FOLDED_KEY = "editor/details_folded"
COVER_THUMBNAIL = QSize(56, 32)


class CoverButton(QPushButton):
    """The cover: its thumbnail, and a click chooses another."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setIconSize(COVER_THUMBNAIL)
        self.show_cover(None)

    def show_cover(self, data: bytes | None) -> None:
        """data: the cover picture's bytes, or None for a story without one."""
        image = QImage.fromData(data) if data else QImage()
        self.setIcon(QIcon() if image.isNull() else QIcon(QPixmap.fromImage(image.scaled(
            COVER_THUMBNAIL, Qt.KeepAspectRatio, Qt.SmoothTransformation))))
        self.setText(self.tr("Change the cover…") if data else self.tr("Cover image…"))


class MetaForm(QWidget):
    def __init__(self, title, channel, rows: list[tuple], summary, parent=None):
        """rows: (label, widget, reprint only) in reading order, laid out two a line;
        summary spans the last line."""
        super().__init__(parent)
        self.chip = QLabel()
        self.chip.setObjectName("state_chip")
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("fold_details")
        self.fold_button.setCheckable(True)
        self.fold_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.chip)
        top.addWidget(title, 3)
        top.addWidget(channel, 1)
        top.addWidget(self.fold_button)
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._reprint: list[QWidget] = []
        line = column = 0
        for label_text, widget, reprint_only in rows:
            label = QLabel(label_text)
            label.setBuddy(widget)
            grid.addWidget(label, line, column * 2, Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(widget, line, column * 2 + 1)
            if reprint_only:
                self._reprint += [label, widget]
            line, column = (line, 1) if column == 0 else (line + 1, 0)
        line += column  # a half-filled line
        label = QLabel(self.tr("Summary"))
        label.setBuddy(summary)
        grid.addWidget(label, line, 0, Qt.AlignRight | Qt.AlignTop)
        grid.addWidget(summary, line, 1, 1, 3)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)  # the body grows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.details)
        folded = bool(QSettings().value(FOLDED_KEY, False, type=bool))
        self.fold_button.setChecked(folded)
        self._show_folded(folded)
        self.fold_button.toggled.connect(self._fold)

    def _fold(self, checked: bool) -> None:
        """The button toggled: folded is checked, and remembered."""
        self._show_folded(checked)
        QSettings().setValue(FOLDED_KEY, checked)

    def _show_folded(self, folded: bool) -> None:
        self.details.setVisible(not folded)
        self.fold_button.setIcon(look.icon("chevron-down" if folded else "chevron-up"))
        self.fold_button.setText(self.tr("More fields") if folded else self.tr("Fewer fields"))

    def show_reprint(self, reprint: bool) -> None:
        for widget in self._reprint:
            widget.setVisible(reprint)

    def set_state(self, state: str | None, label: str) -> None:
        """The story's state as a coloured chip (none for a story not yet saved)."""
        self.chip.setVisible(bool(state))
        if state:
            self.chip.setText(label)
            self.chip.setStyleSheet(look.chip_style(state))
