"""The newsroom's sync in the app: its state in the status bar, 同步 from the menu, the
stories another seat changed shown without a restart, offline said quietly, and the
conflicts list reached from the status bar."""
import shutil
import time

import keyring
import pytest
from PySide6.QtGui import QAction
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from newsdesk.review import workflow
from newsdesk.store import Store
from newsdesk.sync import conflicts as settling, login, records
from newsdesk.sync.seat import Seat
from ui import app, conflicts_dialog
from ui.app import open_store
from ui.found_dialog import FoundDialog
from ui.join_dialog import JoinDialog
from ui.login import LoginDialog
from tests.conftest import TOKEN, real_newsroom
from ui.main_window import MainWindow
from ui.repo_login import RepositoryLoginDialog
from tests.ui.conftest import answer_file_dialogs


@pytest.fixture
def seats(tmp_path, qtbot):
    """Seat A founded the newsroom from the demo; the window runs on seat B."""
    remote = str(tmp_path / "newsroom.git")
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    Seat.init(a, remote, a.users.find("admin"))
    b = Store.open(tmp_path / "b.db")
    Seat.join(b, remote)
    w = MainWindow(b, str(tmp_path / "b.db"), b.users.find("admin"))
    qtbot.addWidget(w)
    w.show()
    yield a, b, w, remote
    w.close()
    a.close()
    b.close()


def trigger_sync(window, qtbot):
    window.findChild(QAction, "action_sync").trigger()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=20_000)


def first_paragraph(store, article_id, text):
    article = store.articles.get(article_id)
    rest = article.body.split("\n\n")[1:]
    workflow.edit(store, article_id, {"body": "\n\n".join([text, *rest])},
                  store.users.find("admin"))


def test_the_status_bar_says_where_the_seat_stands(seats, qtbot, tmp_path):
    a, b, w, remote = seats
    button = w.sync.button
    assert button.isVisible() and button.text() == "Synced"
    story = b.articles.ids(state="draft")[0]
    first_paragraph(b, story, "乙座位的新开头。")
    w.stories_changed({story})  # as a save in the editor says it
    assert w.sync.soon.isActive()  # the newsroom hears of it soon …
    w.sync.show_status()
    assert button.text() == "1 waiting to go up"
    trigger_sync(w, qtbot)  # … or now, from the menu
    assert button.text() == "Synced"
    Seat.of(a).sync("a")
    assert a.articles.get(story).body.startswith("乙座位的新开头。")


def test_a_story_another_seat_changed_shows_after_a_sync(seats, qtbot):
    a, b, w, remote = seats
    story = w.model.ids[0]
    workflow.edit(a, story, {"title": "甲座位改过的标题"}, a.users.find("admin"))
    Seat.of(a).sync("a")
    trigger_sync(w, qtbot)
    assert w.model.data(w.model.index(0, 0)) == "甲座位改过的标题"


def test_offline_is_said_in_the_status_bar_not_in_a_dialog(seats, qtbot, tmp_path,
                                                             monkeypatch):
    a, b, w, remote = seats
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args))
    shutil.move(remote, tmp_path / "away.git")
    first_paragraph(b, b.articles.ids(state="draft")[0], "离线时写的。")
    trigger_sync(w, qtbot)
    assert w.sync.button.text() == "Offline" and said == []
    assert "newsroom.git" in w.sync.button.toolTip()
    shutil.move(tmp_path / "away.git", remote)
    trigger_sync(w, qtbot)
    assert w.sync.button.text() == "Synced"


def test_conflicts_open_from_the_status_bar_and_merge_in_the_editor(seats, qtbot,
                                                                      monkeypatch):
    a, b, w, remote = seats
    story = b.articles.ids(state="draft")[0]
    first_paragraph(a, story, "甲的开头。")
    time.sleep(1.1)
    first_paragraph(b, story, "乙的开头。")
    Seat.of(a).sync("a")
    trigger_sync(w, qtbot)
    assert w.sync.button.text() == "1 conflicts"
    shown = []

    def look_and_merge(dialog):
        shown.append([dialog.table.item(0, c).text() for c in range(4)])
        dialog.mark_button.click()
    monkeypatch.setattr(conflicts_dialog.ConflictsDialog, "exec", look_and_merge)
    w.sync.button.click()
    assert shown[0][1:4] == ["body", "乙的开头。", "甲的开头。"]  # 正文 in Chinese
    # The story is open in the editor with both versions marked to settle by hand.
    assert w.stack.currentWidget() is w.writing
    text = w.editor.body.toPlainText()
    assert f"{settling.KEPT}\n\n乙的开头。\n\n{settling.OTHER}\n\n甲的开头。" in text
    assert b.syncing.conflicts() == [] and w.sync.button.text() != "1 conflicts"


def test_a_refused_sync_is_said_in_the_status_bar(seats, qtbot, monkeypatch):
    a, b, w, remote = seats
    editor = a.users.find("zhangwei")
    draft = a.articles.ids(state="draft")[0]  # an editor's sign-off, made past the rules
    a.events.append(draft, "approve", editor.id, stage=1, revision=1)
    Seat.of(a).sync("a")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    w.sync.sync_quietly()  # the automatic sync: still says it, in the status bar
    qtbot.waitUntil(lambda: not w.sync.running, timeout=20_000)
    assert w.sync.button.text() == "Sync refused" and said == []
    assert "张薇 signed" in w.sync.button.toolTip()
    assert [e.kind for e in b.events.of(draft)].count("approve") == 0


def test_a_forged_account_is_said_in_the_status_bar_and_kept_out(seats, qtbot):
    a, b, w, remote = seats
    editor = a.users.find("zhangwei")
    a.users.update(editor.id, editor.id, roles=["editor", "admin"])  # no admin signed it
    Seat.of(a).sync("a")
    w.sync.sync_quietly()
    qtbot.waitUntil(lambda: not w.sync.running, timeout=20_000)
    assert w.sync.button.text() == "Tampering: 1"
    assert b.users.find("zhangwei").roles == ["editor"]


def test_tampering_with_an_event_this_seat_holds_is_said_in_the_status_bar(seats, qtbot):
    a, b, w, remote = seats
    story = a.articles.ids(state="approved")[0]
    seat = Seat.of(a)  # someone with write access rewrites an event both seats hold
    tree = seat.git.tree(seat.git.tip())
    path = records.story_paths(story, a.articles.get(story).created_at)["events"]
    events = records.lines_records(seat.git.read(tree, path), path)
    events[1]["actor_id"] = a.users.find("zhangwei").id
    seat.git.commit(seat.git.edit_tree(tree, {path: seat.git.write_blob(
        records.lines_text(events))}), [seat.git.tip()], "tidy up", "mallory")
    seat.git.push(seat.remote)
    trigger_sync(w, qtbot)
    assert w.sync.button.text() == "Tampering: 1"
    assert "mallory" in w.sync.button.toolTip()
    assert b.events.of(story)[1].actor_id != a.users.find("zhangwei").id


def test_a_pc_joins_a_newsroom_from_the_sign_in_dialog(tmp_path, qtbot, monkeypatch):
    remote = str(tmp_path / "newsroom.git")
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    Seat.init(a, remote, a.users.find("admin"))
    demo = open_store(tmp_path / "demo.db")  # what this PC opened on its first run
    login = LoginDialog(demo, join_folder=tmp_path / "seat")
    qtbot.addWidget(login)
    new_db = tmp_path / "seat" / "newsroom.db"

    def fill_in_and_join(dialog):
        dialog.remote.setText(str(tmp_path / "nowhere.git"))
        dialog.go.click()
        qtbot.waitUntil(lambda: "no newsroom repository" in dialog.status.text(),
                        timeout=10_000)
        assert not new_db.exists()  # nothing left behind
        phases = []
        dialog.progressed.connect(lambda done, total, phase: phases.append(
            (phase, done, total)))
        dialog.remote.setText(remote)
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.joined is not None, timeout=60_000)
        assert ("build", 12, 12) in phases  # the demo newsroom's 12 stories
        return dialog.result()
    monkeypatch.setattr(JoinDialog, "exec", fill_in_and_join)
    login.findChild(QPushButton, "join-newsroom").click()
    assert login.joined == new_db and login.result() == LoginDialog.Rejected
    joined = Store.open(new_db)
    assert joined.articles.count() == 12 and Seat.of(joined).status().remote == remote
    joined.close()
    # The app works on it from now on (unless $NEWSDESK_DB says otherwise).
    QSettings().setValue(app.JOINED, str(new_db))
    monkeypatch.delenv("NEWSDESK_DB", raising=False)
    assert app.chosen_db_path() == new_db
    demo.close()
    a.close()


def test_an_admin_moves_publishing_to_this_seat_from_the_menu(seats, qtbot, monkeypatch):
    a, b, w, remote = seats
    said = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    assert not Seat.of(b).status().is_publisher
    w.findChild(QAction, "action_publisher").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said == ["This PC now publishes for the newsroom."]
    assert Seat.of(b).status().is_publisher
    Seat.of(a).sync("a")
    assert not Seat.of(a).status().is_publisher


def test_an_admin_founds_a_newsroom_from_the_menu(tmp_path, qtbot, monkeypatch):
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    w = MainWindow(a, str(tmp_path / "a.db"), a.users.find("admin"))
    qtbot.addWidget(w)
    w.show()
    assert not w.sync.button.isVisible()  # one PC alone: nothing to sync yet
    server = tmp_path / "server"
    server.mkdir()
    answer_file_dialogs(monkeypatch, server)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    phases = []

    def fill_in_and_found(dialog):
        dialog.go.click()
        assert "address" in dialog.status.text()
        dialog.findChild(QPushButton, "choose-folder").click()
        assert dialog.remote.text() == str(server / "newsroom.git")
        dialog.progressed.connect(lambda done, total, phase: phases.append(
            (phase, done, total)))
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=60_000)
        return dialog.result()
    monkeypatch.setattr(FoundDialog, "exec", fill_in_and_found)
    w.findChild(QAction, "action_found").trigger()
    assert ("write", 12, 12) in phases and phases[-1][0] == "push"
    assert w.sync.button.isVisible() and w.sync.button.text() == "Synced"
    assert w.sync.every.isActive() and str(server / "newsroom.git") in said[0]
    assert Seat.of(a).status().is_publisher
    b = Store.open(tmp_path / "b.db")  # another PC joins it
    Seat.join(b, str(server / "newsroom.git"))
    assert b.articles.count() == 12
    w.close()
    a.close()
    b.close()


def test_a_demo_database_is_not_founded_as_a_newsroom(tmp_path, qtbot, monkeypatch):
    demo = open_store(tmp_path / "demo.db")
    w = MainWindow(demo, str(tmp_path / "demo.db"), demo.users.find("admin"))
    qtbot.addWidget(w)

    said = []

    def try_to_found(dialog):
        dialog.remote.setText(str(tmp_path / "newsroom.git"))
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=10_000)
        said.append(dialog.status.text())
        return QDialog.Rejected
    monkeypatch.setattr(FoundDialog, "exec", try_to_found)
    w.findChild(QAction, "action_found").trigger()
    assert "demo newsroom works on one seat only" in said[0]
    assert not (tmp_path / "newsroom.git").exists() and not (tmp_path / "demo.git").exists()
    w.close()
    demo.close()


def test_a_pc_joins_and_logs_in_to_an_https_server_from_the_app(tmp_path, qtbot, monkeypatch,
                                                               https):
    url = https.bare("newsroom.git")
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    login.remember(url, login.Login("newsroom", TOKEN))
    Seat.init(a, url, a.users.find("admin"))
    memory = keyring.get_keyring()
    memory.kept.clear()  # a new PC: it knows no login yet
    demo = open_store(tmp_path / "demo.db")
    sign_in = LoginDialog(demo, join_folder=tmp_path / "seat")
    qtbot.addWidget(sign_in)

    def fill_in_and_join(dialog):
        assert dialog.login.user.isHidden()  # no address yet: nothing to log in to
        dialog.remote.setText(url)
        assert not dialog.login.user.isHidden()
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=20_000)
        assert "asks for a user name and password" in dialog.status.text()
        dialog.login.user.setText("newsroom")
        dialog.login.password.setText(TOKEN)
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.joined is not None, timeout=60_000)
        return dialog.result()
    monkeypatch.setattr(JoinDialog, "exec", fill_in_and_join)
    sign_in.findChild(QPushButton, "join-newsroom").click()
    b = Store.open(sign_in.joined)
    assert b.articles.count() == 12
    w = MainWindow(b, str(sign_in.joined), b.users.find("admin"))
    qtbot.addWidget(w)
    w.show()
    # The server's token is replaced: the automatic sync says so in the status bar,
    # and a click there asks for the new one.
    login.remember(url, login.Login("newsroom", "an old token"))
    w.sync.sync_quietly()
    qtbot.waitUntil(lambda: not w.sync.running, timeout=20_000)
    assert w.sync.button.text() == "Log in to sync"
    assert "did not accept" in w.sync.button.toolTip()

    def give_token(dialog):
        assert dialog.fields.user.text() == "newsroom"
        dialog.fields.password.setText(TOKEN)
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(RepositoryLoginDialog, "exec", give_token)
    w.sync.button.click()
    qtbot.waitUntil(lambda: not w.sync.running and w.sync.button.text() == "Synced",
                    timeout=20_000)
    assert login.login_for(url) == login.Login("newsroom", TOKEN)
    w.close()
    for store in (a, b, demo):
        store.close()
