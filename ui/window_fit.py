"""A window's place on the screen it opens on: inside that screen's available geometry
(the 1366×768 office laptop has no room for a 1400×860 window), at the size and position
last left on that same screen when they still fit there."""
from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget

# A window manager's title bar and borders, until the window has been shown and they
# are known.
FRAME = QMargins(8, 32, 8, 8)


def place(window: QWidget, key: str, preferred: QSize) -> None:
    """Where `window` opens: its geometry saved for this screen if that fits it, else
    `preferred` (shrunk to fit) in the middle of the screen's available area."""
    room = _room(window)
    saved = QSettings().value(_key(window, key))
    if isinstance(saved, QRect) and room.contains(saved):
        window.setGeometry(saved)
        return
    size = preferred.boundedTo(room.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(room.center())
    window.setGeometry(rect)


def remember(window: QWidget, key: str) -> None:
    """The window's size and position (as it was before maximizing), for this screen."""
    geometry = window.normalGeometry() if window.isMaximized() else window.geometry()
    QSettings().setValue(_key(window, key), geometry)


def _room(window: QWidget) -> QRect:
    """The screen's available area less the window's frame: where its contents go."""
    handle = window.windowHandle()
    margins = handle.frameMargins() if handle is not None else QMargins()
    if margins.isNull():
        margins = FRAME
    return window.screen().availableGeometry().marginsRemoved(margins)


def _key(window: QWidget, key: str) -> str:
    screen = window.screen()
    size = screen.size()
    name = "".join(c if c.isalnum() else "_" for c in screen.name()) or "screen"
    return f"{key}/geometry/{name}-{size.width()}x{size.height()}"
