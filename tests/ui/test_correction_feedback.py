"""更正 through the window, as the outlet's people do it: the dialog says what a
correction does before it is done, the review queue marks the corrected story and
shows its note, and the story's history names who published it each time — the admin
whose publication put it online, not the reviewer who signed last."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog

from newsdesk import present
from tests.ui.test_main_window import demo_window
from ui.choices import select_id
from ui.editor.revisions import RevisionsDialog
from ui.login import LoginDialog
from ui.publish.publish_dialog import PublishDialog

MEETING = "越溪县召开经济工作会议 部署明年重点任务"  # published in the demo
NOTE = "第三段会议时间有误，已更正"


def trigger(window, name):
    window.findChild(QAction, name).trigger()


def sign_in(window, monkeypatch, username):
    def pick(dialog):
        select_id(dialog.users, window.store.users.find(username).id)
        dialog.accept()
        return QDialog.Accepted
    monkeypatch.setattr(LoginDialog, "exec", pick)
    trigger(window, "action_switch_user")
    assert window.user.username == username


def story_id(store, title):
    return next(a.id for a in store.articles.many(store.articles.ids()) if a.title == title)


def queue_row(window, article_id):
    review = window.navigator.topLevelItem(0)
    window.navigator.setCurrentItem(review)
    window.navigator.itemClicked.emit(review, 0)
    q = window.queue
    q.table.selectRow(q.model.row_of(article_id))
    return q, q.model.row_of(article_id)


def correct(window, monkeypatch, note):
    """更正 from the editor's button; returns the words the dialog asked with."""
    asked = []

    def answer(parent, title, label, *a, **k):
        asked.append(label)
        return (note, True) if note is not None else ("", False)
    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.editor.correct_button.click()
    return asked[0]


def test_the_correction_dialog_says_what_it_does_before_doing_it(qtbot, tmp_path,
                                                                   monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))
    meeting = story_id(window.store, MEETING)
    window.open_story(meeting)
    said = correct(window, monkeypatch, None)   # read, then cancelled: nothing changes
    assert window.store.articles.get(meeting).state == "published"
    # Back to draft, through the outlet's stages by their configured names, and the
    # page stays as it is meanwhile.
    assert "draft" in said
    assert all(stage["name"] in said for stage in window.store.settings().review_stages)
    assert "keeps showing it unchanged" in said
    correct(window, monkeypatch, NOTE)
    assert window.store.articles.get(meeting).state == "draft"


def test_the_queue_marks_a_correction_and_shows_its_note(qtbot, tmp_path, monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))
    meeting = story_id(window.store, MEETING)
    window.open_story(meeting)
    correct(window, monkeypatch, NOTE)
    trigger(window, "action_submit")
    assert window.store.articles.get(meeting).state == "submitted"
    sign_in(window, monkeypatch, "wangfang")   # 初审
    q, row = queue_row(window, meeting)
    headline = q.model.index(row, 0)
    assert q.model.data(headline) == f"[Correction] {MEETING}"
    assert NOTE in q.model.data(headline, Qt.ToolTipRole)
    assert NOTE in q.panel.heading.text()


def test_the_history_names_who_published_each_time(qtbot, tmp_path, monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))
    store = window.store
    meeting = story_id(store, MEETING)
    window.open_story(meeting)
    correct(window, monkeypatch, NOTE)
    trigger(window, "action_submit")
    for reviewer in ("wangfang", "liqiang", "zhaomin"):
        sign_in(window, monkeypatch, reviewer)
        queue_row(window, meeting)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
        trigger(window, "action_approve")
    # Signed off: the page keeps the old text until someone publishes.
    signed = store.articles.get(meeting)
    assert signed.state == "approved" and signed.live_revision < signed.revision
    assert [e["kind"] for e in present.history(store, meeting)][-1] == "approve"

    sign_in(window, monkeypatch, "admin")   # 周建国 publishes the site

    def publish(dialog):
        dialog.folder.setText(str(tmp_path / "site"))
        dialog.start_button.click()
        qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
        return 0
    monkeypatch.setattr(PublishDialog, "exec", publish)
    trigger(window, "action_publish")
    out = [e for e in present.history(store, meeting) if e["kind"] == "publish"]
    assert [e["actor"] for e in out] == ["周建国", "周建国"]   # first time and corrected
    assert store.articles.get(meeting).corrections[-1]["at"]   # the note is dated

    # The editor's history says so too, beside the revision each publication put out.
    window.open_story(meeting)
    shown = []
    monkeypatch.setattr(RevisionsDialog, "exec",
                        lambda d: shown.extend(d.list.item(i).text()
                                               for i in range(d.list.count())) or 0)
    window.editor.history_button.click()
    published_lines = [line for line in "\n".join(shown).splitlines() if "周建国" in line
                       and "put online" in line]
    assert len(published_lines) == 2
    assert not any("赵敏" in line and "put online" in line
                   for line in "\n".join(shown).splitlines())
