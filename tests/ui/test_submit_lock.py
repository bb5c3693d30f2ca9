"""送审 locks the editor at once (issue 31, item 1): after the real 送审 the story is
read-only everywhere, typing changes nothing on screen or in the database, the preview
shows what was stored, the state chips say 已送审, and a banner says who holds it and
how to get it back (撤回 on the banner until 初审 signs, otherwise ask the reviewer).
Nothing typed before 送审 is lost."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from newsdesk.review import workflow
from tests.ui.test_editor import preview_text, type_chinese

FLU = "秋冬季流感高发 专家提醒及时接种疫苗"      # 陈璐's draft
FLOOD = "城关镇社区开展防汛应急演练"              # 张薇's, submitted: waiting for 初审
XIKOU = "溪口镇乡村振兴示范带初具规模"            # 陈璐's, in review at 复审
SAFETY = "县政府常务会议研究部署冬季安全生产工作"  # 张薇's, returned by 初审


def story_id(store, title):
    return next(a.id for a in store.articles.many(store.articles.ids()) if a.title == title)


def open_story(window, qtbot, title):
    article_id = story_id(window.store, title)
    window.open_story(article_id)
    qtbot.waitUntil(lambda: window.preview._loaded, timeout=10_000)
    window.editor.body.moveCursor(QTextCursor.End)
    window.editor.body.setFocus()
    return article_id


def typing_changes_nothing(window, qtbot, article_id):
    """Real typing into the body and the headline after 送审: nothing on screen, nothing
    in the database, and no 'not saved' complaint."""
    editor, store = window.editor, window.store
    before = store.articles.get(article_id)
    body, title = editor.body.toPlainText(), editor.fields["title"].text()
    QTest.keyClicks(editor.body, "xyz")
    QTest.keyClick(editor.body, Qt.Key_Backspace)
    QTest.keyClick(editor.body, Qt.Key_V, Qt.ControlModifier)
    # Chinese comes through an input method, which Qt gives only to widgets taking it.
    assert not editor.body.testAttribute(Qt.WA_InputMethodEnabled)
    QTest.keyClicks(editor.fields["title"], "abc")
    assert editor.body.toPlainText() == body and editor.fields["title"].text() == title
    qtbot.wait(1800)  # longer than autosave waits
    after = store.articles.get(article_id)
    assert (after.body, after.title, after.edits) == (before.body, before.title, before.edits)
    assert "Not saved" not in window.save_label.text()


def chip_in_list(window, article_id):
    row = window.model.row_of(article_id)
    return window.model.data(window.model.index(row, window.model.state_column))


def test_submit_saves_what_was_typed_and_locks_the_editor_at_once(window_as, qtbot):
    window = window_as("chenlu")
    flu = open_story(window, qtbot, FLU)
    editor = window.editor
    assert editor.meta.chip.text() == "Draft" and chip_in_list(window, flu) == "Draft"
    QTest.keyClicks(editor.body, " OK")
    type_chinese(editor.body, "接种点周末照常开放。")  # not yet saved: 送审 at once
    editor.submit_button.click()
    stored = window.store.articles.get(flu)
    assert stored.state == "submitted"
    assert stored.body.endswith("OK接种点周末照常开放。")  # nothing typed was lost
    # Read-only at once: every field, greyed; the chips say the real state.
    for w in [editor.body, editor.summary, editor.reporters, editor.tags, editor.topics,
              editor.publish_at, *editor.fields.values()]:
        assert w.isReadOnly()
    for w in (editor.channel, editor.origin, editor.image_button, editor.cover_button,
              editor.submit_button):
        assert not w.isEnabled()
    assert editor.meta.chip.text() == "Submitted" and chip_in_list(window, flu) == "Submitted"
    # The banner says who holds it and gives 撤回, on the banner itself.
    banner = editor.banner
    assert banner.isVisible()
    assert "初审" in banner.text() and "王芳" in banner.text() and "送审锁定" in banner.text()
    assert editor.recall_button.parent() is banner
    assert editor.recall_button.isVisible() and editor.recall_button.isEnabled()
    typing_changes_nothing(window, qtbot, flu)
    page = preview_text(window, qtbot)
    assert "接种点周末照常开放。" in page and "xyz" not in page


def test_recall_on_the_banner_makes_it_writable_again(window_as, qtbot):
    window = window_as("chenlu")
    flu = open_story(window, qtbot, FLU)
    editor = window.editor
    window.findChild(QAction, "action_submit").trigger()  # Ctrl+Return's action
    assert editor.body.isReadOnly()
    qtbot.mouseClick(editor.recall_button, Qt.LeftButton)
    assert window.store.articles.get(flu).state == "draft"
    assert not editor.body.isReadOnly() and editor.meta.chip.text() == "Draft"
    assert not editor.recall_button.isVisible()
    editor.body.moveCursor(QTextCursor.End)
    QTest.keyClicks(editor.body, "ABC")
    qtbot.waitUntil(lambda: window.store.articles.get(flu).body.endswith("ABC"),
                    timeout=5000)


def test_resubmitting_a_returned_story_says_submitted_not_returned(window_as, qtbot):
    window = window_as("zhangwei")
    safety = open_story(window, qtbot, SAFETY)
    editor = window.editor
    assert editor.meta.chip.text() == "Returned" and "Returned at" in editor.banner.text()
    type_chinese(editor.body, "已核实。")
    editor.submit_button.click()
    assert window.store.articles.get(safety).state == "submitted"
    assert window.store.articles.get(safety).body.endswith("已核实。")
    assert editor.meta.chip.text() == "Submitted"
    assert "Returned at" not in editor.banner.text()  # the return banner is gone
    assert "送审锁定" in editor.banner.text() and editor.recall_button.isVisible()
    typing_changes_nothing(window, qtbot, safety)


def test_a_story_its_author_opens_in_review_opens_locked_saying_who_has_it(window_as,
                                                                            qtbot):
    window = window_as("zhangwei")
    open_story(window, qtbot, FLOOD)  # submitted, nobody signed yet: 撤回 is offered
    editor = window.editor
    assert editor.body.isReadOnly() and editor.meta.chip.text() == "Submitted"
    assert "初审" in editor.banner.text() and "王芳" in editor.banner.text()
    assert editor.recall_button.isVisible() and editor.recall_button.isEnabled()
    window = window_as("chenlu")
    xikou = open_story(window, qtbot, XIKOU)  # 初审 signed: ask 复审 (李强) to return it
    editor = window.editor
    assert editor.body.isReadOnly() and editor.meta.chip.text() == "At 复审"
    assert "复审" in editor.banner.text() and "李强" in editor.banner.text()
    assert "return" in editor.banner.text() and not editor.recall_button.isVisible()
    typing_changes_nothing(window, qtbot, xikou)


def test_submit_refuses_with_a_message_when_the_text_cannot_be_saved(window_as, qtbot,
                                                                      monkeypatch):
    window = window_as("chenlu")
    flu = open_story(window, qtbot, FLU)
    editor = window.editor
    # Someone saves the story elsewhere meanwhile; asked what to do, the person cancels.
    store = window.store
    workflow.edit(store, flu, {"title": "别处改的标题"}, store.users.find("wangfang"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Cancel)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    type_chinese(editor.body, "我补的一句。")
    editor.submit_button.click()
    assert store.articles.get(flu).state == "draft"  # nothing was sent unsaved
    assert warnings and "could not be saved" in warnings[0]
    assert editor.body.toPlainText().endswith("我补的一句。")  # and it is still here
    assert not editor.body.isReadOnly()


def test_submit_refuses_a_publish_time_it_cannot_read_rather_than_drop_it(window_as,
                                                                          qtbot, monkeypatch):
    window = window_as("chenlu")
    flu = open_story(window, qtbot, FLU)
    editor = window.editor
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    editor.publish_at.clear()
    QTest.keyClicks(editor.publish_at, "tomorrow 9")
    editor.submit_button.click()
    assert window.store.articles.get(flu).state == "draft"
    assert warnings and "publish time" in warnings[0]
    assert editor.publish_at.text() == "tomorrow 9" and not editor.body.isReadOnly()
