"""The app's doors on a real newsroom (issue 30, items 4 and 6): a password is changed
by its user, proven by the old one, or by an admin; the 机审 lists are an admin's,
and a screen says so with the core's words and refuses through the core."""
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox

from newsdesk.review import auth
from newsdesk.store import Store
from tests.conftest import PASSWORD, real_newsroom
from tests.ui.conftest import answer_file_dialogs
from ui.admin.admin_dialog import AdminDialog
from ui.main_window import MainWindow
from ui.word_lists import WordListDialog


@pytest.fixture
def signed_in(qtbot, tmp_path, monkeypatch):
    """A real newsroom (every account with a password); signed_in(name) opens the
    window as that user. Warnings shown are collected; dialogs are kept, not run."""
    path = tmp_path / "real.db"
    store = real_newsroom(Store.open(path))
    seen = {"warnings": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: seen["warnings"].append(a[2]))
    for dialog in (AdminDialog, WordListDialog):
        monkeypatch.setattr(dialog, "exec", lambda d: seen.__setitem__("dialog", d) or 0)
    windows = []

    def open_as(username):
        w = MainWindow(store, str(path), store.users.find(username))
        qtbot.addWidget(w)
        windows.append(w)
        return w, seen
    yield open_as
    for w in windows:
        w.close()
    store.close()


def answers(monkeypatch, *texts):
    """What the person types into each input dialog, in order."""
    typed = list(texts)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (typed.pop(0), True))


def test_a_user_changes_their_own_password_with_the_old_one(signed_in, monkeypatch):
    window, seen = signed_in("wangfang")
    window.findChild(QAction, "action_users").trigger()
    users = seen["dialog"].users
    assert users.own_password_button.isEnabled() and not users.password_button.isEnabled()
    answers(monkeypatch, "hijacked", "新口令-2027", "新口令-2027")
    users.own_password_button.click()
    assert "wrong password for 王芳" in seen["warnings"][-1]
    wang = window.store.users.find("wangfang")
    assert auth.verify_password(PASSWORD, wang.password_hash)
    answers(monkeypatch, PASSWORD, "新口令-2027", "新口令-2027")
    users.own_password_button.click()
    assert auth.verify_password("新口令-2027",
                                window.store.users.find("wangfang").password_hash)


def test_only_an_admin_sets_someone_elses_password(signed_in, monkeypatch):
    window, seen = signed_in("wangfang")
    window.findChild(QAction, "action_users").trigger()
    users = seen["dialog"].users
    users.table.selectRow([u.username for u in users.users].index("chenlu"))
    answers(monkeypatch, "hijacked")
    users.reset_password()  # the button is off for her; the core refuses all the same
    assert "王芳 is not an admin" in seen["warnings"][-1]
    assert auth.verify_password(PASSWORD, window.store.users.find("chenlu").password_hash)


def test_an_admin_imports_a_word_list_in_the_app(signed_in, monkeypatch, tmp_path):
    window, seen = signed_in("admin")
    window.findChild(QAction, "action_word_lists").trigger()
    d = seen["dialog"]
    more = tmp_path / "more.txt"
    more.write_text("某博彩品牌\tblock\t赌博\t\n", "utf-8")
    answer_file_dialogs(monkeypatch, more)
    [button] = [b for b in d.edit_buttons if b.text() == "Import…"]
    button.click()
    monkeypatch.setattr(QDialog, "accept", lambda self: None)
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert seen["warnings"] == []
    assert "某博彩品牌" in {t.term for t in window.store.checks.terms()}


def test_others_are_refused_the_lists_with_the_cores_words(signed_in):
    window, seen = signed_in("chenlu")
    before = window.store.checks.terms()
    window.findChild(QAction, "action_word_lists").trigger()
    d = seen["dialog"]
    said = "陈璐 is not an admin; only admins change the 机审 lists"
    assert any(label.text() == said for label in d.findChildren(QLabel))
    assert not any(b.isEnabled() for b in d.edit_buttons)
    for row in reversed(range(d.table.rowCount())):  # what a forced save would carry
        d.table.removeRow(row)
    d.save()
    assert "陈璐 is not an admin" in seen["warnings"][-1]
    assert window.store.checks.terms() == before
