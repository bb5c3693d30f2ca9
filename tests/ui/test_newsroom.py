"""The newsroom's loop in the app: what came back and why, locked stories, recall,
更正 and 撤稿, publishing and verifying — each through the window's named actions,
with only the OS dialogs' answers patched."""
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolBar

from newsdesk.review import workflow
from tests.ui.test_main_window import demo_window, navigate

FLOOD = "城关镇社区开展防汛应急演练"        # submitted by 张薇, waiting for 初审
SAFETY = "县政府常务会议研究部署冬季安全生产工作"  # returned to 张薇
MEETING = "越溪县召开经济工作会议 部署明年重点任务"  # published


@pytest.fixture
def window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "zhangwei")  # 张薇, an editor


def action(window, name) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def story_id(window, title):
    return next(a.id for a in window.store.articles.many(window.store.articles.ids())
                if a.title == title)


def as_user(window, username):
    window.switch_user_to(window.store.users.find(username))


def answer(monkeypatch, text):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text, True))


def test_every_action_is_named_and_in_a_menu(window):
    in_menus = {a.objectName() for menu in window.menuBar().findChildren(QMenu)
                for a in menu.actions()}
    for name in ("action_new_story", "action_insert_image", "action_cover_image",
                 "action_submit", "action_recall", "action_approve", "action_return",
                 "action_correct", "action_withdraw", "action_publish", "action_verify",
                 "action_inspect",
                 "action_word_lists", "action_switch_user"):
        assert name in in_menus and action(window, name).text()
        assert any(isinstance(w, QToolBar) for w in action(window, name).associatedObjects())


def test_a_returned_story_says_why_in_the_list_and_in_the_editor(window):
    window.navigator.setCurrentItem(window.navigator.topLevelItem(2))  # 退回给我的
    m = window.model
    assert m.data(m.index(0, 0)) == SAFETY
    reason = m.data(m.index(0, 4))
    assert reason and reason in window.store.events.of(m.ids[0])[-1].comment
    window.open_story(m.ids[0])
    banner = window.editor.banner
    assert banner.isVisible() and reason in banner.text() and "初审" in banner.text()
    assert not window.editor.body.isReadOnly()  # the author fixes it


def test_a_submitted_story_is_locked_but_its_author_can_recall_it(window, qtbot):
    flood = story_id(window, FLOOD)
    as_user(window, "chenlu")  # not the author, not a reviewer
    window.open_story(flood)
    assert window.editor.body.isReadOnly() and "送审锁定" in window.editor.banner.text()
    recall = window.editor.recall_button
    assert not recall.isEnabled() and "only the author recalls" in recall.toolTip()
    assert not window.editor.submit_button.isEnabled()
    assert "only drafts and returned stories" in window.editor.submit_button.toolTip()
    as_user(window, "zhangwei")  # the author
    window.open_story(flood)
    assert recall.isVisible() and recall.isEnabled() and not recall.toolTip()
    qtbot.mouseClick(window.editor.recall_button, Qt.LeftButton)
    assert window.store.articles.get(flood).state == "draft"
    assert not window.editor.body.isReadOnly()  # a draft again, in the editor
    assert window.store.events.of(flood)[-1].kind == "recall"


def test_the_stage_reviewer_edits_a_story_in_review_with_a_trace(window):
    flood = story_id(window, FLOOD)
    as_user(window, "wangfang")  # holds 初审
    window.open_story(flood)
    editor = window.editor
    assert not editor.body.isReadOnly() and "留痕" in editor.banner.text()
    editor.body.setPlainText(editor.body.toPlainText() + "\n\n（完）")
    editor.flush()
    last = window.store.events.of(flood)[-1]
    assert (last.kind, last.stage) == ("revise", 1)


def test_a_published_story_is_read_only_and_corrected_from_the_editor(window, qtbot,
                                                                     monkeypatch):
    meeting = story_id(window, MEETING)
    window.open_story(meeting)
    editor = window.editor
    assert editor.body.isReadOnly() and editor.correct_button.isVisible()
    assert "更正" in editor.banner.text()
    answer(monkeypatch, "第三段数据有误，已更正")
    qtbot.mouseClick(editor.correct_button, Qt.LeftButton)
    article = window.store.articles.get(meeting)
    assert article.state == "draft" and article.corrections[-1]["note"] == "第三段数据有误，已更正"
    assert not editor.body.isReadOnly()  # the correction is written in the editor
    assert article.live_revision is not None  # the page stays up meanwhile


def test_an_admin_withdraws_and_others_are_refused_with_the_rule(window, monkeypatch):
    meeting = story_id(window, MEETING)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    answer(monkeypatch, "信息来源有误")
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)  # stays up till…
    navigate(window, "Published")
    window.table.selectRow(window.model.row_of(meeting))
    # 张薇 is an editor, not an admin: the action is off, saying the rule.
    assert not action(window, "action_withdraw").isEnabled()
    assert "only admins withdraw" in action(window, "action_withdraw").toolTip()
    action(window, "action_withdraw").trigger()
    assert window.store.articles.get(meeting).state == "published"
    as_user(window, "admin")
    window.table.selectRow(window.model.row_of(meeting))
    action(window, "action_withdraw").trigger()
    assert window.store.articles.get(meeting).state == "withdrawn"
    row = window.model.row_of(meeting)
    assert window.model.data(window.model.index(row, 2)) == "Withdrawn"


def test_an_admin_publishes_and_verifies_the_site_from_the_app(window, qtbot, monkeypatch,
                                                               tmp_path):
    from ui.publish.publish_dialog import PublishDialog
    from ui.publish.verify_dialog import VerifyDialog
    infos = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: infos.append(a[2]))
    assert not action(window, "action_publish").isEnabled()   # off for an editor
    assert "张薇 is not an admin; only admins publish the site" in \
        action(window, "action_publish").toolTip()
    as_user(window, "admin")
    site = tmp_path / "site"
    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        dialog.folder.setText(str(site))
        qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=60_000)
        seen["status"] = dialog.status.text()
        seen["report"] = dialog.report.toPlainText()
        return 0
    monkeypatch.setattr(PublishDialog, "exec", run)
    action(window, "action_publish").trigger()
    assert "Published:" in seen["status"] and (site / "index.html").exists()
    assert "越溪高山茶" in seen["report"]  # approved, its time had come: published now
    assert window.store.settings().output_dir == str(site)  # chosen once
    tea = story_id(window, "越溪高山茶亮相国际茶业博览会 现场签约1.2亿元")
    assert window.store.articles.get(tea).state == "published"
    # The server's copy (uploaded as it was), where someone injects a gambling link.
    live = tmp_path / "live"
    shutil.copytree(site, live)
    page = next(p for p in live.rglob("*.html") if p.parent.name.isdigit())
    page.write_text(page.read_text("utf-8").replace("</h1>", "</h1>澳门葡京官网"), "utf-8")

    def check(dialog):
        assert dialog.manifest.text() == str(site / "manifest.json")
        dialog.target.setText(str(live))
        qtbot.mouseClick(dialog.verify_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.verify_button.isEnabled(), timeout=30_000)
        seen["summary"], seen["result"] = dialog.summary.text(), dialog.result.toPlainText()
        return 0
    monkeypatch.setattr(VerifyDialog, "exec", check)
    action(window, "action_verify").trigger()
    assert "1 modified" in seen["summary"]
    assert str(page.relative_to(live)) in seen["result"] and "澳门葡京官网" in seen["result"]
    assert "search-spam injection (博彩): 澳门葡京官网" in seen["result"]


def test_the_navigator_counts_what_waits_for_you(window, monkeypatch):
    review, returned = (window.navigator.topLevelItem(i) for i in (0, 2))
    assert returned.text(0) == "Returned to me (1)"  # 张薇's returned story
    assert review.text(0) == "Review queue"  # an editor signs nothing
    as_user(window, "wangfang")  # 初审: the flood drill waits for her
    assert review.text(0) == "Review queue (1)" and returned.text(0) == "Returned to me"
    window.navigator.setCurrentItem(review)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    window.queue.approve_current()
    assert review.text(0) == "Review queue"


def test_a_story_nobody_can_sign_is_flagged_in_the_panel(window):
    store = window.store
    with store.transaction():  # the only 终审 reviewer has left (no admin screen yet)
        store.conn.execute("UPDATE users SET active = 0 WHERE username = 'zhaomin'")
    xikou = story_id(window, "溪口镇乡村振兴示范带初具规模")
    workflow.approve(store, xikou, store.users.find("liqiang"))  # now waiting for 终审
    as_user(window, "admin")
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))
    q = window.queue
    q.mine.setChecked(False)
    q.table.selectRow(q.model.row_of(xikou))
    assert "Nobody can sign this story now" in q.panel.verdict.text()
    assert "nobody holds the 终审 role" in q.panel.verdict.text()


def test_a_draft_is_deleted_with_the_delete_key_and_restored_from_the_bin(window, qtbot,
                                                                          monkeypatch):
    from ui.bin_dialog import BinDialog
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    as_user(window, "chenlu")
    window.navigator.setCurrentItem(window.navigator.topLevelItem(1))  # 我的草稿
    flu = window.model.ids[0]
    window.open_story(flu)  # left open in the editor behind the list
    mine = window.navigator.topLevelItem(1)
    qtbot.mouseClick(window.navigator.viewport(), Qt.LeftButton,
                     pos=window.navigator.visualItemRect(mine).center())  # back to the list
    assert window.stack.currentIndex() == 0
    window.table.selectRow(0)
    window.table.setFocus()
    delete = action(window, "action_delete")
    assert delete in window.table.actions()  # the table's context menu holds it
    delete.trigger()  # what the Delete key in the list does
    assert window.model.ids == [] and window.store.bin.items()[0]["article_id"] == flu
    assert window.editor.article is None and not window.editor.isEnabled()
    navigate(window, "Published")  # a published story is never deleted
    window.table.selectRow(0)
    delete.trigger()
    assert "never submitted" in warnings[0]

    def restore(dialog):
        assert dialog.table.rowCount() == 1 and not dialog.empty_button.isVisibleTo(dialog)
        qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
        assert dialog.table.rowCount() == 0
        return 0
    monkeypatch.setattr(BinDialog, "exec", restore)
    action(window, "action_bin").trigger()
    window.navigator.setCurrentItem(window.navigator.topLevelItem(1))
    assert window.model.ids == [flu] and window.store.bin.items() == []
