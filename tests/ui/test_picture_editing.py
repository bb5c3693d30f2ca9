"""Pictures in the body are pictures (issue 31, items 3 and 8): 插入图片 puts a thumbnail
with its caption where the cursor is, one object of the document; double-click edits
its words; Ctrl+X / Ctrl+V move it whole; Ctrl+Z takes each step back; HTML pasted
from Word or a web page keeps its paragraphs and brings its pictures in as the story's
own. The stored body is markdown throughout. Only the OS file dialog's answer and the
picture dialog's exec are patched."""
import base64
import re

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QMimeData, QUrl, Qt
from PySide6.QtGui import QAction, QColor, QImage, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import answer_file_dialogs
from tests.ui.test_editor import open_draft, window  # noqa: F401 - the fixture
from ui.editor import images

GREEN = QColor("#2e7d32")
OBJECT = "\ufffc"  # a picture is one character of the document: an object


def picture_file(path, colour=GREEN, fmt="JPG"):
    """A real picture of one colour, 640×400, written to path; its bytes."""
    image = QImage(640, 400, QImage.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.WriteOnly)
    image.save(buffer, fmt)
    path.write_bytes(bytes(data))
    return bytes(data)


def answer_picture_dialog(monkeypatch, alt=None, caption=None, credit=None, seen=None):
    """The person types into the picture dialog and presses OK (None: leaves a field)."""
    def exec_(dialog):
        if seen is not None:
            seen.append({"alt": dialog.alt.text(), "caption": dialog.caption.text(),
                         "credit": dialog.credit.text(),
                         "placeholder": dialog.alt.placeholderText()})
        for field, text in ((dialog.alt, alt), (dialog.caption, caption),
                            (dialog.credit, credit)):
            if text is not None:
                field.setText(text)
        return QDialog.Accepted
    monkeypatch.setattr(images.ImageTextDialog, "exec", exec_)


def objects(body):
    """The picture objects of the document: (position, markdown)."""
    doc, found = body.document(), []
    cursor = doc.find(OBJECT, 0)
    while not cursor.isNull():
        fmt = cursor.charFormat()
        assert fmt.objectType() > QTextFormat.UserObject
        found.append((cursor.selectionStart(), body.picture(cursor.selectionStart())))
        cursor = doc.find(OBJECT, cursor)
    return found


def centre_of(body, position):
    body.viewport().repaint()
    return body._picture_rect(position).center().toPoint()


def key(qtbot, body, k, modifier=Qt.ControlModifier):
    qtbot.keyClick(body, k, modifier)


def test_a_picture_is_inserted_edited_moved_and_undone_as_one(window, qtbot, tmp_path,
                                                              monkeypatch):
    draft = open_draft(window, qtbot)
    editor, body = window.editor, window.editor.body
    original = body.markdown()
    picture_file(tmp_path / "p.jpg")
    answer_file_dialogs(monkeypatch, tmp_path / "p.jpg")
    seen = []
    answer_picture_dialog(monkeypatch, alt="城关镇图书馆少儿阅读区", caption="孩子们在看书。",
                          credit="记者 刘海涛 摄", seen=seen)
    window.findChild(QAction, "action_insert_image").trigger()  # 插入图片
    # Item 8: the alt text is asked for, not made up from the file's name ("p").
    assert seen[0]["alt"] == "" and seen[0]["placeholder"]
    [(at, p)] = objects(body)
    assert (p.alt, p.caption) == ("城关镇图书馆少儿阅读区", "孩子们在看书。（记者 刘海涛 摄）")
    assert "![" not in body.document().toPlainText()  # a picture, not its markup
    picture = f'![城关镇图书馆少儿阅读区]({p.link} "孩子们在看书。（记者 刘海涛 摄）")'
    assert re.fullmatch(r"assets/[0-9a-f]{64}\.jpg", p.link)
    inserted = original + "\n\n" + picture
    assert body.markdown() == inserted
    # The thumbnail is drawn where the picture stands.
    shot = body.viewport().grab().toImage()
    point = centre_of(body, at)
    pixel = QColor(shot.pixel(point))
    assert abs(pixel.green() - GREEN.green()) < 24 and pixel.red() < 90, pixel.name()

    # Double-click: the picture dialog, with its words so far; a new caption.
    seen.clear()
    answer_picture_dialog(monkeypatch, caption="孩子们在城关镇图书馆看书。", seen=seen)
    qtbot.mouseDClick(body.viewport(), Qt.LeftButton, pos=centre_of(body, at))
    assert seen == [{"alt": "城关镇图书馆少儿阅读区", "caption": "孩子们在看书。",
                     "credit": "记者 刘海涛 摄", "placeholder": seen[0]["placeholder"]}]
    recaptioned = inserted.replace("孩子们在看书。", "孩子们在城关镇图书馆看书。")
    assert body.markdown() == recaptioned

    # Moved whole: still selected after the edit, Ctrl+X; on the empty line between the
    # first two paragraphs, Ctrl+V.
    assert body.textCursor().selectedText() == OBJECT
    key(qtbot, body, Qt.Key_X)
    cut = body.markdown()
    assert cut == original  # the blank line it stood after went with it (walk item 2)
    first = body.document().firstBlock().next()  # the blank line after paragraph 1
    assert first.text() == ""
    cursor = body.textCursor()
    cursor.setPosition(first.position())
    body.setTextCursor(cursor)
    key(qtbot, body, Qt.Key_V)
    [(moved_at, p)] = objects(body)
    paragraphs = original.split("\n\n")
    new_picture = picture.replace("孩子们在看书。", "孩子们在城关镇图书馆看书。")
    moved = "\n\n".join([paragraphs[0], new_picture] + paragraphs[1:])
    assert body.markdown() == moved
    assert moved_at < at

    # Each step undone with Ctrl+Z, in turn; and redone.
    for state in (cut, recaptioned, inserted, original):
        key(qtbot, body, Qt.Key_Z)
        assert body.markdown() == state
    key(qtbot, body, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert body.markdown() == inserted and len(objects(body)) == 1

    # What is saved is the markdown.
    key(qtbot, body, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert editor.session.save()
    assert window.store.articles.get(draft).body == recaptioned


def test_html_pasted_from_a_web_page_keeps_paragraphs_and_its_picture(window, qtbot,
                                                                      tmp_path):
    draft = open_draft(window, qtbot)
    body = window.editor.body
    original = body.markdown()
    png = picture_file(tmp_path / "x.png", QColor("#c62828"), "PNG")
    before = len(window.store.assets.all())
    mime = QMimeData()
    mime.setHtml('<meta charset="utf-8"><p style="font-family:宋体">　　县图书馆今起延长开放'
                 f'时间。</p><p><img src="data:image/png;base64,{base64.b64encode(png).decode()}"'
                 ' alt="县图书馆外景"><br>每晚开放至九点。</p>')
    mime.setText("县图书馆今起延长开放时间。每晚开放至九点。")
    QApplication.clipboard().setMimeData(mime)
    body.setFocus()
    key(qtbot, body, Qt.Key_V)
    assets = window.store.assets.all()
    assert len(assets) == before + 1
    [stored] = [a for a in assets if a["ext"] == ".png"]
    assert window.store.assets.data(stored["id"]) == png
    pasted = ("县图书馆今起延长开放时间。\n\n"
              f"![县图书馆外景](assets/{stored['id']}.png)\n\n每晚开放至九点。")
    assert body.markdown() == original + pasted
    [(_, p)] = objects(body)
    assert p.alt == "县图书馆外景"
    assert window.editor.session.save()
    assert window.store.articles.get(draft).body == original + pasted


def test_word_pictures_come_from_their_files_and_web_ones_are_left_with_a_notice(
        window, qtbot, tmp_path):
    open_draft(window, qtbot)
    body = window.editor.body
    body.setPlainText("")
    picture_file(tmp_path / "clip_image002.jpg")
    mime = QMimeData()
    mime.setHtml('<html xmlns:v="urn:schemas-microsoft-com:vml"><body>'
                 '<p class=MsoNormal>开幕式现场。</p><p class=MsoNormal><span><img width=553 '
                 f'src="{QUrl.fromLocalFile(str(tmp_path / "clip_image002.jpg")).toString()}"'
                 ' alt="开幕式"></span></p>'
                 '<p><img src="https://img.example.cn/a.jpg" alt="网图"></p></body></html>')
    body.insertFromMimeData(mime)
    [(_, p)] = objects(body)
    assert body.markdown() == f"开幕式现场。\n\n![开幕式]({p.link})"
    assert "https://img.example.cn/a.jpg" in window.editor.banner.text()


def test_a_fix_after_a_picture_lands_where_the_finding_is(window, qtbot, tmp_path,
                                                          monkeypatch):
    """机审 counts in the markdown; the editor's document has one character per picture."""
    open_draft(window, qtbot)
    editor, body = window.editor, window.editor.body
    body.setPlainText("")
    picture_file(tmp_path / "p.jpg")
    answer_file_dialogs(monkeypatch, tmp_path / "p.jpg")
    answer_picture_dialog(monkeypatch, alt="会场")
    editor.image_button.click()
    body.moveCursor(QTextCursor.End)
    body.insertPlainText("\n\n今天,我县降温。")
    comma = body.document().toPlainText().index(",")  # 3 here, past 80 in the markdown
    qtbot.waitUntil(lambda: (comma, comma + 1) in editor.underlined(), timeout=5000)
    rules = [f.rule for f in editor.findings.model.shown]
    editor.findings.select(rules.index("typography.halfwidth-punctuation"))
    editor.findings.fix_button.click()
    assert body.markdown().endswith("\n\n今天，我县降温。")
    assert len(objects(body)) == 1


def test_the_cover_shows_as_a_thumbnail(window, qtbot, tmp_path, monkeypatch):
    open_draft(window, qtbot)
    button = window.editor.cover_button
    picture_file(tmp_path / "cover.jpg")
    answer_file_dialogs(monkeypatch, tmp_path / "cover.jpg")
    button.click()
    cover = window.editor.cover_asset_id
    assert cover and not button.icon().isNull()
    assert cover[:8] not in button.text()


@pytest.fixture(autouse=True)
def empty_clipboard():
    yield
    QApplication.clipboard().clear()
