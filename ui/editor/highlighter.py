"""Markdown highlighting for the body: headings, emphasis, links, and picture markup
typed by hand (a picture put in by the app is drawn as a picture: body_edit.py)."""
from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Bold)
    return f


_RULES = [
    (re.compile(r"^#{1,6}\s.*$"), _format("#8a1c1c", bold=True)),
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), _format("#222", bold=True)),
    (re.compile(r"!?\[[^\]]*\]\([^)]*\)"), _format("#1f5fa8")),
    (re.compile(r"^>.*$"), _format("#666")),
]


class MarkdownHighlighter(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:
        for pattern, fmt in _RULES:
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)
