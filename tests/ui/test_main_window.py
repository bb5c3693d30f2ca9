import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from newsdesk import times
from ui.app import open_store
from ui.article_model import ArticleTableModel
from ui.id_model import PAGE
from ui.main_window import MainWindow




def demo_window(qtbot, tmp_path, username):
    """The window on a new file (which gets the demo newsroom), signed in as username;
    yields it and closes it after the test."""
    store = open_store(tmp_path / "fresh.db")
    w = MainWindow(store, str(tmp_path / "fresh.db"), store.users.find(username))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    store.close()


@pytest.fixture
def window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "wangfang")


def navigate(window, label):
    for top in range(window.navigator.topLevelItemCount()):
        parent = window.navigator.topLevelItem(top)
        items = [parent.child(i) for i in range(parent.childCount())]
        while items:
            item = items.pop(0)
            if item.text(0) == label:
                window.navigator.setCurrentItem(item)
                return
            items += [item.child(i) for i in range(item.childCount())]
    raise AssertionError(label)


def titles(window):
    m = window.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def page_text(pane, qtbot, needle="发布时间"):
    """The text of a page pane once it shows a story (its meta line is there)."""
    seen = [""]
    def ask():
        pane.page_text(lambda text: seen.append(text or ""))
        return needle in seen[-1]
    qtbot.waitUntil(ask, timeout=10_000)
    return seen[-1]


def test_first_run_opens_the_demo_newsroom(window, qtbot):
    assert window.model.rowCount() == 12
    assert "越溪新闻网" in window.windowTitle() and "王芳" in window.windowTitle()
    assert "发布时间" in page_text(window.view, qtbot)  # the first story, as its page


def test_navigator_filters_by_state_and_channel(window):
    navigate(window, "Drafts")
    assert titles(window) == ["秋冬季流感高发 专家提醒及时接种疫苗"]
    navigate(window, "Due at next export")
    assert titles(window) == ["越溪高山茶亮相国际茶业博览会 现场签约1.2亿元"]  # approved, no time set
    navigate(window, "白塔镇")
    assert titles(window) == ["白塔镇老街改造：青石板路回来了 老街坊笑开了"]


def test_search_box_and_story_view(window, qtbot):
    # Chinese arrives through an input method as a committed string, not key presses.
    event = QInputMethodEvent()
    event.setCommitString("社区")
    QApplication.sendEvent(window.search, event)
    assert window.search.text() == "社区"
    qtbot.keyClick(window.search, Qt.Key_Return)
    assert titles(window)[0] == "秋冬季流感高发 专家提醒及时接种疫苗"  # newest first: saved today
    sort = window.filters.sort
    sort.setCurrentIndex(sort.findData("relevance"))
    sort.activated.emit(sort.currentIndex())  # as a pick from the list does
    assert set(titles(window)[:2]) == {"城关镇社区开展防汛应急演练",
                                       "社区志愿者守护独居老人“最后一百米”"}  # in the headline
    row = titles(window).index("社区志愿者守护独居老人“最后一百米”")
    window.table.selectRow(row)
    text = page_text(window.view, qtbot, needle="一张联系卡")  # the body is in
    story = window.store.articles.get(window.model.ids[row])
    published = times.local_text(story.first_published_at)
    assert f"发布时间:{published}" in text and "审核:赵敏" in text
    assert "（记者张薇）" in text


def test_model_fetches_rows_on_demand(demo_store):
    ids = demo_store.articles.ids() * 100  # 1,200 rows
    model = ArticleTableModel(demo_store)
    model.set_ids(ids)
    assert model.rowCount() == 1200 and len(model._rows) == 0
    model.data(model.index(0, 0))
    assert 0 < len(model._rows) <= PAGE


def test_app_main_creates_the_default_database_with_demo_content(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QTimer

    from newsdesk.store import Store
    from ui import app
    from ui import login as app_login

    path = tmp_path / "data" / "newsdesk.db"
    monkeypatch.setenv("NEWSDESK_DB", str(path))
    seen = {}

    def sign_in(dialog):  # the start-up login: pick the first user, as a click on OK would
        seen["users"] = dialog.users.count()
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(app_login.LoginDialog, "exec", sign_in)
    QTimer.singleShot(0, qapp.quit)  # the window is up once the event loop runs
    assert app.main([]) == 0
    assert seen["users"] == 6
    store = Store.open(path)
    assert store.articles.count() == 12
    store.close()


def test_app_main_refuses_a_newer_database_with_a_message(tmp_path, monkeypatch, qapp):
    from PySide6.QtWidgets import QMessageBox

    from db import connect
    from ui import app

    path = tmp_path / "newer.db"
    db = connect(path)
    db["_sqlite_migrations"].insert({"migration_set": "newsdesk", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    assert app.main(path) == 2
    assert "newer version of Newsdesk" in shown[0]


def test_closing_the_app_backs_up_what_changed(window, qtbot):
    from newsdesk import backup
    from newsdesk.store import Store
    window.close()
    [first] = backup.backups(window.store.path)  # the first close: a first backup
    assert backup.made_at(first).utcoffset().total_seconds() == 8 * 3600  # outlet's time
    made = first.stat().st_mtime_ns
    window.auto_backup()  # while open, the same day: nothing new
    window.auto_backup(closing=True)  # closing again with nothing changed: nothing new
    assert backup.backups(window.store.path) == [first]
    assert first.stat().st_mtime_ns == made
    # The next start: edit a story, as a person does, and close: a backup of that change.
    again = MainWindow(window.store, window.store.path, window.user)
    qtbot.addWidget(again)
    again.show()
    draft = window.store.articles.ids(state="draft")[0]
    again.open_story(draft)
    again.editor.body.insertPlainText("关闭前的修改。")
    again.close()
    newest = backup.backups(window.store.path)[0]  # (the same name within one second)
    copy = Store.open(newest)
    assert "关闭前的修改。" in copy.articles.get(draft).body
    copy.close()


def test_what_an_operation_changed_reaches_the_story_table(window, qtbot, monkeypatch):
    navigate(window, "All")
    m = window.model
    flood = next(r for r in range(m.rowCount()) if m.data(m.index(r, 0)) == "城关镇社区开展防汛应急演练")
    flood_id = m.ids[flood]
    before = m.data(m.index(flood, 2))
    # A sign-off in the review queue (王芳 holds 初审 there) ...
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))  # the review queue
    q = window.queue
    q.mine.setChecked(True)
    q.table.selectRow(q.model.row_of(flood_id))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))  # no opinion
    qtbot.mouseClick(q.panel.approve_button, Qt.LeftButton)
    # ... is what the story table shows for it, without going back through the navigator.
    after = m.data(m.index(m.row_of(flood_id), 2))
    assert after != before and window.store.articles.get(flood_id).state == "in_review"
    assert after == m.data(m.index(m.row_of(flood_id), 2)) == "At 复审"
    # And a save in the editor reaches it too.
    draft_id = next(i for i in m.ids if window.store.articles.get(i).state == "draft")
    window.open_story(draft_id)
    window.editor.fields["title"].setText("流感疫苗开始接种")
    window.editor.fields["title"].textEdited.emit("流感疫苗开始接种")
    window.editor.flush()
    assert m.data(m.index(m.row_of(draft_id), 0)) == "流感疫苗开始接种"


def test_preview_shows_and_hides_the_page_wherever_you_are(window, qtbot):
    """Ctrl+Shift+P (预览) acts on the pane in sight: the story list's, the queue's or
    the editor's."""
    toggle = window.findChild(QAction, "action_preview")
    assert window.view.isVisible()
    toggle.trigger()
    assert not window.view.isVisible()
    toggle.trigger()
    assert window.view.isVisible()
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))  # the queue
    assert window.queue.panel.preview.isVisible()
    toggle.trigger()
    assert not window.queue.panel.preview.isVisible()
