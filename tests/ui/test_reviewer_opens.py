"""Reviewers open the story from the queue and sign where they read it (issue 31, item
7): a double-click or Enter on a queue row opens it in the editor; 签审通过 and 退回 work
there through the same core operations, questions and refusals as in the queue."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox

from newsdesk.review import auth
from tests.ui.test_editor import type_chinese
from tests.ui.test_submit_lock import FLOOD, XIKOU, story_id
from ui.queue.review_panel import ReturnDialog


def queue_row(window, title):
    """The review queue shown (all waiting stories), and the row of this story."""
    review = window.navigator.topLevelItem(0)
    window.navigator.setCurrentItem(review)
    q = window.queue
    q.mine.setChecked(False)
    row = q.model.row_of(story_id(window.store, title))
    assert row >= 0
    return q, row


def answers(monkeypatch, *given):
    """The person's answers to the input dialogs, in order; the labels asked, returned."""
    asked, given = [], iter(given)

    def get_text(parent, title, label, *args, **kwargs):
        asked.append((label, args[0] if args else kwargs.get("echo", QLineEdit.Normal)))
        return next(given)
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_a_double_click_on_a_queue_row_opens_the_story_in_the_editor(window_as, qtbot):
    window = window_as("wangfang")
    q, row = queue_row(window, FLOOD)
    rect = q.table.visualRect(q.model.index(row, 0))
    QTest.mouseClick(q.table.viewport(), Qt.LeftButton, pos=rect.center())
    QTest.mouseDClick(q.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.writing
    assert window.editor.article.id == story_id(window.store, FLOOD)


def test_enter_on_a_queue_row_opens_the_story_in_the_editor(window_as, qtbot):
    window = window_as("liqiang")
    q, row = queue_row(window, XIKOU)
    q.table.selectRow(row)
    q.table.setFocus()
    QTest.keyClick(q.table, Qt.Key_Return)
    assert window.stack.currentWidget() is window.writing
    assert window.editor.article.id == story_id(window.store, XIKOU)
    assert not window.editor.body.isReadOnly()  # his stage: he may edit, with a trace


def test_the_reviewer_signs_in_the_editor_with_the_queues_questions(window_as, qtbot,
                                                                     monkeypatch):
    window = window_as("wangfang")
    q, row = queue_row(window, FLOOD)
    q.table.selectRow(row)
    QTest.keyClick(q.table, Qt.Key_Return)
    editor = window.editor
    flood = editor.article.id
    assert editor.approve_button.parent() is editor.banner
    assert editor.approve_button.isVisible() and editor.approve_button.isEnabled()
    assert editor.return_button.isVisible() and not editor.recall_button.isVisible()
    assert "初审" in editor.banner.text()
    asked = answers(monkeypatch, ("", False))  # asked for an opinion, and cancelled
    qtbot.mouseClick(editor.approve_button, Qt.LeftButton)
    assert "初审" in asked[0][0] and window.store.articles.get(flood).review_stage == 1
    answers(monkeypatch, ("数据已核实，同意", True))
    qtbot.mouseClick(editor.approve_button, Qt.LeftButton)
    signed = window.store.articles.get(flood)
    assert (signed.state, signed.review_stage) == ("in_review", 2)
    last = window.store.events.of(flood)[-1]
    assert (last.kind, last.stage, last.comment) == ("approve", 1, "数据已核实，同意")
    assert last.actor_id == window.user.id
    # The editor shows where it went: 复审 holds it now, and it is read-only for her.
    assert editor.body.isReadOnly() and editor.meta.chip.text() == "At 复审"
    assert "复审" in editor.banner.text() and "李强" in editor.banner.text()
    assert not editor.approve_button.isVisible()
    assert "waits for 复审" in window.statusBar().currentMessage()


def test_the_menu_action_signs_the_story_open_in_the_editor(window_as, qtbot, monkeypatch):
    """审核 → 签审通过… in the editor signs its story (it used to say: open the queue)."""
    window = window_as("liqiang")
    xikou = story_id(window.store, XIKOU)
    window.open_story(xikou)
    answers(monkeypatch, ("", True))
    window.findChild(QAction, "action_approve").trigger()
    assert window.store.articles.get(xikou).review_stage == 3
    assert window.store.events.of(xikou)[-1].actor_id == window.user.id


def test_the_reviewers_edits_are_saved_before_signing_in_the_editor(window_as, qtbot,
                                                                   monkeypatch):
    window = window_as("liqiang")
    xikou = story_id(window.store, XIKOU)
    window.open_story(xikou)
    editor = window.editor
    editor.body.moveCursor(QTextCursor.End)
    type_chinese(editor.body, "（复审补正）")  # unsaved: signed at once
    answers(monkeypatch, ("", True))
    qtbot.mouseClick(editor.approve_button, Qt.LeftButton)
    story = window.store.articles.get(xikou)
    assert story.body.endswith("（复审补正）") and story.review_stage == 3
    events = window.store.events.of(xikou)
    assert events[-2].kind == "revise" and events[-1].kind == "approve"
    assert events[-1].revision == events[-2].revision  # she signed what she saw


def test_return_from_the_editor_asks_the_reason_as_the_queue_does(window_as, qtbot,
                                                                   monkeypatch):
    window = window_as("wangfang")
    flood = story_id(window.store, FLOOD)
    window.open_story(flood)

    def reason(dialog):
        dialog.reason.setPlainText("演练人数需核实")
        return QDialog.Accepted
    monkeypatch.setattr(ReturnDialog, "exec", reason)
    qtbot.mouseClick(window.editor.return_button, Qt.LeftButton)
    returned = window.store.articles.get(flood)
    assert returned.state == "returned"
    assert window.store.events.of(flood)[-1].comment == "演练人数需核实"
    assert "went back to its author" in window.statusBar().currentMessage()


def test_a_refusal_and_the_password_read_the_same_in_the_editor_and_the_queue(
        window_as, qtbot, monkeypatch, demo_store):
    wang = demo_store.users.find("wangfang")
    demo_store.users.set_password_hash(wang.id, auth.hash_password("初审2026"), None)
    window = window_as("wangfang")
    flood = story_id(window.store, FLOOD)
    said = {}
    for place in ("queue", "editor"):
        if place == "queue":
            q, row = queue_row(window, FLOOD)
            q.table.selectRow(row)
        else:
            window.open_story(flood)
        shown = []
        monkeypatch.setattr(QMessageBox, "warning",
                            lambda parent, title, text, *a: shown.append((title, text)))
        asked = answers(monkeypatch, ("", True), ("不对的密码", True))
        window.findChild(QAction, "action_approve").trigger()
        said[place] = (asked, shown)
    assert said["queue"] == said["editor"]
    asked, shown = said["editor"]
    assert asked[1] == ("Password for 王芳:", QLineEdit.Password)
    assert "wrong password" in shown[0][1]
    assert window.store.articles.get(flood).review_stage == 1
