"""A control character pasted into the editor is refused by the core when the story is
saved: the status bar says which field and where, the text stays in the editor, and the
database keeps the story as it was."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.test_editor import open_draft, window  # noqa: F401 - the fixture


def paste(qtbot, widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key_V, Qt.ControlModifier)


def test_a_control_character_pasted_into_the_body_is_refused_and_kept(window, qtbot):
    draft = open_draft(window, qtbot)
    before = window.store.articles.get(draft)
    body = window.editor.body
    body.moveCursor(QTextCursor.End)
    paste(qtbot, body, "\n\n终端里复制来的\x1b[0m一句话。")
    assert not window.editor.session.save()
    line = before.body.count("\n") + 3
    assert (f"Not saved: body: character 8 of line {line} is a control character (U+001B) "
            "and cannot be saved") in window.save_label.text()
    assert body.toPlainText().endswith("终端里复制来的\x1b[0m一句话。")
    assert window.store.articles.get(draft).body == before.body


def test_a_control_character_pasted_into_the_title_is_refused_and_kept(window, qtbot):
    draft = open_draft(window, qtbot)
    before = window.store.articles.get(draft)
    title = window.editor.fields["title"]
    title.end(False)
    paste(qtbot, title, "\x01")
    assert not window.editor.session.save()
    assert (f"title: character {len(before.title) + 1} is a control character (U+0001)"
            in window.save_label.text())
    assert title.text() == before.title + "\x01"
    assert window.store.articles.get(draft).title == before.title
