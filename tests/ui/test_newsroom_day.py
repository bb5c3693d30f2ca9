"""A newsroom's day through the window only: actions found by their objectName, the
OS's and our dialogs answered by patching their exec or static methods. A story is
written with a pasted picture and a cover, returned by 初审 and fixed, signed by three
reviewers (复审 edits a sentence, and 终审 sees it as 复审's), published by an admin;
its page carries the picture with its words and the real names; then it is corrected
and withdrawn."""
import base64

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from tests.ui.test_editor import type_chinese
from tests.ui.conftest import answer_file_dialogs
from tests.ui.test_main_window import demo_window
from ui.choices import select_id
from ui.editor import images
from ui.login import LoginDialog
from ui.publish.publish_dialog import PublishDialog
from ui.queue.review_panel import ReturnDialog

TITLE = "桃源街道老年食堂开张"


def trigger(window, name):
    window.findChild(QAction, name).trigger()


def sign_in(window, monkeypatch, username):
    """Switch user… and pick the user in the login dialog."""
    def pick(dialog):
        select_id(dialog.users, window.store.users.find(username).id)
        dialog.accept()
        return QDialog.Accepted if dialog.user else QDialog.Rejected
    monkeypatch.setattr(LoginDialog, "exec", pick)
    trigger(window, "action_switch_user")
    assert window.user.username == username


def open_queue_item(window, title):
    review = window.navigator.topLevelItem(0)
    window.navigator.setCurrentItem(review)
    window.navigator.itemClicked.emit(review, 0)  # chosen already: the click goes back
    q = window.queue
    q.table.selectRow(next(r for r in range(q.model.rowCount())
                           if q.model.data(q.model.index(r, 0)) == title))
    return q


def test_a_newsroom_day_in_the_app(qtbot, tmp_path, monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))
    store = window.store
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))  # no opinion
    # 张薇 writes: headline, a paragraph, a pasted photo with its words, a cover.
    trigger(window, "action_new_story")
    editor = window.editor
    editor.fields["title"].setText(TITLE)
    editor.fields["title"].textEdited.emit(TITLE)
    editor.reporters.setText("张薇")
    editor.reporters.textEdited.emit("张薇")
    editor.body.setFocus()
    editor.body.selectAll()
    type_chinese(editor.body, "11月28日，桃源街道首家老年食堂开张，每餐12元。")
    photo = QImage(16, 12, QImage.Format_RGB32)
    photo.fill(QColor("#36c"))
    mime = QMimeData()
    mime.setImageData(photo)
    QApplication.clipboard().setMimeData(mime)
    monkeypatch.setattr(images, "ask_text", lambda parent, name: ("老人们在食堂用餐",
                                                                  "开张首日的老年食堂"))
    editor.body.paste()
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                           "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    (tmp_path / "封面.png").write_bytes(png)
    answer_file_dialogs(monkeypatch, tmp_path / "封面.png")
    trigger(window, "action_cover_image")
    trigger(window, "action_submit")
    story = editor.article
    assert store.articles.get(story.id).state == "submitted"
    assert store.articles.get(story.id).cover_asset_id

    # 王芳 (初审) returns it with a reason.
    sign_in(window, monkeypatch, "wangfang")
    open_queue_item(window, TITLE)

    def reason(dialog):
        dialog.reason.setPlainText("每餐价格和开放时间需核实")
        return QDialog.Accepted
    monkeypatch.setattr(ReturnDialog, "exec", reason)
    trigger(window, "action_return")
    assert store.articles.get(story.id).state == "returned"

    # 张薇 sees why, in 退回给我的 and in the editor, fixes it and sends it again.
    sign_in(window, monkeypatch, "zhangwei")
    window.navigator.setCurrentItem(window.navigator.topLevelItem(2))
    assert window.model.data(window.model.index(0, 4)) == "每餐价格和开放时间需核实"
    window.open_story(story.id)
    assert "每餐价格和开放时间需核实" in editor.banner.text() and "王芳" in editor.banner.text()
    body = editor.body.toPlainText().replace("每餐12元", "每餐12元，每天11时开放")
    editor.body.setPlainText(body)
    trigger(window, "action_submit")
    assert store.articles.get(story.id).state == "submitted"

    # 初审 signs; 复审 (李强) changes one sentence, then signs.
    sign_in(window, monkeypatch, "wangfang")
    open_queue_item(window, TITLE)
    trigger(window, "action_approve")
    sign_in(window, monkeypatch, "liqiang")
    window.open_story(story.id)
    assert not editor.body.isReadOnly()  # his stage: he may edit, with a trace
    editor.body.setPlainText(editor.body.toPlainText().replace("首家", "第一家"))
    editor.flush()
    open_queue_item(window, TITLE)
    trigger(window, "action_approve")

    # 终审 (赵敏) sees 复审's sentence as 复审's, and signs.
    sign_in(window, monkeypatch, "zhaomin")
    q = open_queue_item(window, TITLE)
    changes = q.panel.changes.toPlainText()
    assert "Edited at 复审 by 李强" in changes
    assert "第一家" in changes
    trigger(window, "action_approve")
    assert store.articles.get(story.id).state == "approved"

    # The admin publishes from the app.
    sign_in(window, monkeypatch, "admin")
    site = tmp_path / "site"

    def publish(dialog):
        dialog.folder.setText(str(site))
        qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
        qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
        return 0
    monkeypatch.setattr(PublishDialog, "exec", publish)
    trigger(window, "action_publish")
    published = store.articles.get(story.id)
    assert published.state == "published"
    page = (site / published.public_path).read_text("utf-8")
    assert 'alt="老人们在食堂用餐"' in page and "<figcaption>开张首日的老年食堂</figcaption>" in page
    meta = page.replace("：", ":")
    assert "编辑:张薇" in meta and "审核:赵敏" in meta  # the real names, from the records
    assert "第一家老年食堂" in page and "每天11时开放" in page

    # A correction from the editor, then a withdrawal, both from the window.
    sign_in(window, monkeypatch, "zhangwei")
    window.open_story(story.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("开放时间更正为10时30分", True))
    qtbot.mouseClick(editor.correct_button, Qt.LeftButton)
    assert store.articles.get(story.id).corrections[-1]["note"] == "开放时间更正为10时30分"
    sign_in(window, monkeypatch, "admin")
    window.open_story(story.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("活动取消", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)  # stays up till…
    trigger(window, "action_withdraw")
    assert store.articles.get(story.id).state == "withdrawn"
    kinds = [e.kind for e in store.events.of(story.id)]
    assert kinds == ["submit", "return", "submit", "approve", "revise", "approve", "approve",
                     "publish", "correction", "withdraw"]
    window.close()
    store.close()
