"""What the app tells people after they act, driven through the window: a withdrawal
says the page stays up until the next publication and the preview shows the notice it
becomes; the import preview warns of pages already in the archive and shows the chosen
path as the display it is; 终审 is told the truth about what it has seen; the publish
dialog's progress ends in how the run ended; admin-only actions are off for others,
saying who may."""
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from newsdesk.review import workflow
from tests.ui.conftest import answer_file_dialogs
from tests.ui.test_main_window import demo_window, navigate, page_text
from ui.import_dialog import ImportDialog
from ui.publish.publish_dialog import PublishDialog

MEETING = "越溪县召开经济工作会议 部署明年重点任务"  # published in the demo
XIKOU = "溪口镇乡村振兴示范带初具规模"               # waits for 复审 in the demo
ADMIN_ONLY = ("action_publish", "action_patrol", "action_found", "action_publisher",
              "action_withdraw")


def action(window, name) -> QAction:
    return window.findChild(QAction, name)


def story(store, title):
    return next(a for a in store.articles.many(store.articles.ids()) if a.title == title)


def test_a_withdrawal_says_the_page_stays_up_until_the_next_publication(qtbot, tmp_path,
                                                                       monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "admin"))
    meeting = story(window.store, MEETING)
    told = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("当事人要求撤稿", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    navigate(window, "Published")
    window.table.selectRow(window.model.row_of(meeting.id))
    action(window, "action_withdraw").trigger()
    assert window.store.articles.get(meeting.id).state == "withdrawn"
    [said] = told
    assert MEETING in said and "stays on the live site until the site is next published" in said
    # The preview shows what the page becomes, not the story as it was.
    window.table.clearSelection()
    window.table.selectRow(window.model.row_of(meeting.id))
    assert "该稿件已撤回" in page_text(window.view, qtbot, needle="撤回")


def test_the_import_preview_warns_of_pages_already_imported(qtbot, tmp_path, monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "admin"))
    meeting = story(window.store, MEETING)
    folder = tmp_path / "旧网站"
    folder.mkdir()
    (folder / "meeting.md").write_text(
        f"---\ntitle: {MEETING}\nchannel: yaowen\ndate: {meeting.first_published_at}\n---\n"
        "会议部署了明年的重点任务。\n", "utf-8")
    answer_file_dialogs(monkeypatch, folder)
    before = window.store.articles.count()
    seen = {}

    def run(dialog):
        seen["typed"] = isinstance(dialog.where, QLineEdit)   # a field nobody can type in
        dialog.folder_button.click()                          # previews at once
        qtbot.waitUntil(lambda: dialog.preview_button.isEnabled() and dialog._thread is None,
                        timeout=30_000)
        seen["summary"] = dialog.summary.text()
        seen["note"] = dialog.table.topLevelItem(0).text(6)
        seen["where"] = (dialog.where.text(), dialog.where.toolTip())
        return 0
    monkeypatch.setattr(ImportDialog, "exec", run)
    action(window, "action_import").trigger()
    assert "Already imported, skipped: 1" in seen["summary"]
    assert "already imported" in seen["note"]
    assert not seen["typed"] and str(folder) in seen["where"][1]
    assert window.store.articles.count() == before   # a preview writes nothing


def test_the_last_stage_is_not_told_it_saw_what_it_never_opened(qtbot, tmp_path):
    window = next(demo_window(qtbot, tmp_path, "zhaomin"))   # 赵敏, 终审
    store = window.store
    xikou = story(store, XIKOU)
    workflow.approve(store, xikou.id, store.users.find("liqiang"))   # 复审 signs it
    window.switch_user_to(store.users.find("zhaomin"))
    review = window.navigator.topLevelItem(0)
    window.navigator.setCurrentItem(review)
    window.navigator.itemClicked.emit(review, 0)
    q = window.queue
    q.table.selectRow(q.model.row_of(xikou.id))
    changes = q.panel.changes.toPlainText()
    assert "This stage has not reviewed this story before" in changes
    assert "which this stage last saw" not in changes
    assert "version" in q.panel.heading.text() and " r" not in q.panel.heading.text()


def test_the_publish_dialog_ends_in_how_the_run_ended(qtbot, tmp_path, monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "admin"))
    seen = {}

    def run(dialog):
        dialog.folder.setText(str(tmp_path / "site"))
        dialog.start_button.click()
        qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
        seen["phase"] = dialog.phase.text()
        seen["bar"] = (dialog.bar.value(), dialog.bar.maximum())
        return 0
    monkeypatch.setattr(PublishDialog, "exec", run)
    action(window, "action_publish").trigger()
    assert seen["phase"] == "Finished" and seen["bar"] == (1, 1)


def test_admin_only_actions_are_off_for_others_saying_who_may(qtbot, tmp_path):
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))   # 张薇, an editor
    for name in ADMIN_ONLY:
        assert not action(window, name).isEnabled(), name
        assert "only admins" in action(window, name).toolTip(), name
    window.switch_user_to(window.store.users.find("admin"))
    for name in ADMIN_ONLY:
        assert action(window, name).isEnabled(), name
        assert "only admins" not in action(window, name).toolTip(), name
    window.switch_user_to(window.store.users.find("wangfang"))
    assert not action(window, "action_publish").isEnabled()
