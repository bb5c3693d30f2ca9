"""A database found damaged while the app runs: the same message as at open, in a
dialog, the editor's text kept in an emergency file, the window closed, no traceback."""
import pytest
from PySide6.QtWidgets import QMessageBox

from newsdesk import backup
from tests.test_damage import damage_index
from ui.app import open_store
from ui.damage import DamageGuard
from ui.main_window import MainWindow
from tests.ui.test_editor import open_draft, type_chinese
from tests.ui.test_main_window import navigate


@pytest.fixture
def answer_dialog(monkeypatch):
    """Patch only the dialog's answer: record what it says and press a button."""
    shown = []

    def exec_(box):
        shown.append(box.text() + "\n" + box.informativeText())
        wanted = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole]
        (wanted or [box.button(QMessageBox.Close)])[0].click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.mark.qt_no_exception_capture
def test_damage_met_by_a_later_query_keeps_the_text_and_offers_the_backup(
        qtbot, tmp_path, answer_dialog):
    path = tmp_path / "newsdesk.db"
    store = open_store(path)
    good = backup.auto_backup(store)
    guard = DamageGuard(path).install()
    try:
        window = MainWindow(store, str(path), store.users.find("chenlu"))
        qtbot.addWidget(window)
        guard.attach(window.database_damaged)
        window.show()
        open_draft(window, qtbot)
        type_chinese(window.editor.body, "（完）这句刚打的字不能丢")
        damage_index(path, "articles_state")  # the page nothing has read yet
        navigate(window, "Published")  # the list reads the damaged index
        qtbot.waitUntil(lambda: window.damaged is not None, timeout=5000)
    finally:
        guard.uninstall()
    assert len(answer_dialog) == 1
    assert str(path) in answer_dialog[0] and str(good) in answer_dialog[0]
    kept = list((tmp_path / "emergency").glob("*.md"))
    assert len(kept) == 1 and "这句刚打的字不能丢" in kept[0].read_text("utf-8")
    assert str(kept[0]) in answer_dialog[0]
    assert window.restore_from == good  # the user chose it: the app restores and restarts
    assert not window.isVisible()
    store.close()


@pytest.mark.qt_no_exception_capture
def test_the_app_restores_the_backup_and_starts_again(qtbot, tmp_path, answer_dialog,
                                                       monkeypatch):
    """ui.app.main end to end: damage met while built → dialog → restore → login again."""
    from ui import app as app_module
    from ui.login import LoginDialog
    path = tmp_path / "newsdesk.db"
    store = open_store(path)
    good = backup.auto_backup(store)
    store.close()
    damage_index(path, "articles_newest")  # the first list the window shows reads it
    logins = []

    def login(dialog):
        logins.append(dialog.store.articles.count())
        if len(logins) == 2:
            return LoginDialog.Rejected  # the second start: the restored database opened
        select = dialog.users
        select.setCurrentIndex(0)
        dialog.accept()
        return LoginDialog.Accepted
    monkeypatch.setattr(LoginDialog, "exec", login)
    assert app_module.main(path) == 0
    assert logins == [12, 12] and len(answer_dialog) == 1 and str(good) in answer_dialog[0]
    assert list(tmp_path.glob("newsdesk.db.before-restore-*"))  # the damaged file kept aside
    assert backup.full_check(path) is None
