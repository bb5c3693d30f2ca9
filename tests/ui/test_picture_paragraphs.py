"""A picture always stands as a paragraph of its own in the stored body (walk-through of
issue 31, items 1 and 2): text typed, pasted (plain or HTML) right after or right before
a picture goes to a paragraph of its own, as one undo step; cutting a picture takes the
blank line it stood in with it. Only the clipboard's contents are set by the test."""
import base64
import re

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.test_editor import open_draft, type_chinese, window  # noqa: F401 - the fixture
from tests.ui.test_picture_editing import OBJECT, picture_file

PICTURE = '![县城全景](assets/{}.png "县城新貌。")'.format("a" * 64)
BODY = f"第一段。\n\n{PICTURE}"


def alone(markdown):
    """Each picture is its own paragraph: a blank line (or the body's edge) either side."""
    return all((m.start() == 0 or markdown[:m.start()].endswith("\n\n"))
               and (m.end() == len(markdown) or markdown[m.end():].startswith("\n\n"))
               for m in re.finditer(r"!\[[^\]]*\]\([^)]*\)", markdown))


@pytest.fixture
def body(window, qtbot):  # noqa: F811
    open_draft(window, qtbot)
    body = window.editor.body
    body.setPlainText(BODY)
    body.setFocus()
    return body


def paste(qtbot, body, text=None, html=None):
    mime = QMimeData()
    if html:
        mime.setHtml(html)
    mime.setText(text or "")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(body, Qt.Key_V, Qt.ControlModifier)


def before_picture(qtbot, body):
    qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
    qtbot.keyClick(body, Qt.Key_Left)  # from after the picture to before it


def test_html_pasted_after_the_last_picture_starts_a_paragraph(body, qtbot, tmp_path):
    png = picture_file(tmp_path / "x.png", QColor("#c62828"), "PNG")
    qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)  # right after the picture
    paste(qtbot, body, "段落一段落二", '<p>段落一</p><p><img src="data:image/png;base64,'
          f'{base64.b64encode(png).decode()}" alt="网图"></p><p>段落二</p>')
    markdown = body.markdown()
    assert markdown.startswith(f"{BODY}\n\n段落一\n\n![网图](assets/"), markdown
    assert markdown.endswith(")\n\n段落二") and alone(markdown), markdown


@pytest.mark.parametrize("side", ["after", "before"])
@pytest.mark.parametrize("keys_first", [True, False])
def test_typing_next_to_a_picture_makes_a_paragraph_undone_in_one_step(body, qtbot, side,
                                                                      keys_first):
    words = "5G基站" if keys_first else "基站5G"
    if side == "after":
        qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
        expected = f"{BODY}\n\n{words}"
    else:
        before_picture(qtbot, body)
        expected = f"第一段。\n\n{words}\n\n{PICTURE}"
    typing = [lambda: qtbot.keyClicks(body, "5G"), lambda: type_chinese(body, "基站")]
    for type_ in typing if keys_first else typing[::-1]:  # typed on: the same paragraph
        type_()
    assert body.markdown() == expected and alone(body.markdown())
    block = body.textCursor().block()
    assert block.text() == words and body.textCursor().positionInBlock() == 4
    while body.markdown() != BODY:  # Ctrl+Z back to the start leaves the picture alone
        assert alone(body.markdown()), body.markdown()
        qtbot.keyClick(body, Qt.Key_Z, Qt.ControlModifier)


@pytest.mark.parametrize("side", ["after", "before"])
def test_plain_text_pasted_next_to_a_picture_is_a_paragraph(body, qtbot, side):
    if side == "after":
        qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
        expected = f"{BODY}\n\n网页段落。"
    else:
        before_picture(qtbot, body)
        expected = f"第一段。\n\n网页段落。\n\n{PICTURE}"
    paste(qtbot, body, "网页段落。")
    assert body.markdown() == expected
    qtbot.keyClick(body, Qt.Key_Z, Qt.ControlModifier)  # the paste, in one step
    assert body.markdown() == BODY


def test_backspace_after_a_picture_does_not_join_the_next_paragraph(body, qtbot):
    body.setPlainText(f"{BODY}\n\n第二段。")
    qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
    qtbot.keyClick(body, Qt.Key_Home)  # the start of 第二段
    qtbot.keyClick(body, Qt.Key_Backspace)
    qtbot.keyClick(body, Qt.Key_Backspace)
    assert alone(body.markdown()), body.markdown()


def test_cutting_a_picture_leaves_no_gap(body, qtbot):
    body.setPlainText(f"{BODY}\n\n第二段。")
    at = body.document().toPlainText().index(OBJECT)
    cursor = body.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + 1, QTextCursor.KeepAnchor)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key_X, Qt.ControlModifier)
    assert body.markdown() == "第一段。\n\n第二段。"
    assert body.document().blockCount() == 3  # the text, one blank line, the text
    qtbot.keyClick(body, Qt.Key_Z, Qt.ControlModifier)
    assert body.markdown() == f"{BODY}\n\n第二段。"
    # The last picture cut: no blank line left at the body's end either.
    body.setPlainText(BODY)
    qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
    qtbot.keyClick(body, Qt.Key_Left, Qt.ShiftModifier)
    qtbot.keyClick(body, Qt.Key_X, Qt.ControlModifier)
    assert body.markdown() == "第一段。"


def test_a_body_of_one_picture_takes_typing_as_a_paragraph(body, qtbot):
    body.setPlainText(PICTURE)
    qtbot.keyClick(body, Qt.Key_End, Qt.ControlModifier)
    type_chinese(body, "图说。")
    assert body.markdown() == f"{PICTURE}\n\n图说。"


@pytest.fixture(autouse=True)
def empty_clipboard():
    yield
    QApplication.clipboard().clear()
