"""A database found damaged while the app runs: the same message as at open, in a
dialog, the editor's text kept in an emergency file, the window closed, no traceback. A
sound database that cannot be used here is said as that, with no backup offered."""
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QMessageBox

from newsdesk import backup
from tests.test_damage import (  # noqa: F401 (fixtures)
    damage_index, damaged_index_rows, demo_on, fill_up, small_disk,
)
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
        shown.append("\n".join([box.text(), box.informativeText(),
                                *(b.text() for b in box.buttons())]))
        wanted = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole]
        (wanted or [box.button(QMessageBox.Close)])[0].click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@contextmanager
def guarded_window(qtbot, store, path):
    """The app's window on store as the app opens it: damage met anywhere goes to its
    dialog (DamageGuard), for the time of the with-block."""
    guard = DamageGuard(path).install()
    try:
        window = MainWindow(store, str(path), store.users.find("chenlu"))
        qtbot.addWidget(window)
        guard.attach(window.database_damaged)
        window.show()
        yield window
    finally:
        guard.uninstall()


@pytest.mark.qt_no_exception_capture
def test_damage_met_by_a_later_query_keeps_the_text_and_offers_the_backup(
        qtbot, tmp_path, answer_dialog):
    path = tmp_path / "newsdesk.db"
    store = open_store(path)
    good = backup.auto_backup(store)
    with guarded_window(qtbot, store, path) as window:
        open_draft(window, qtbot)
        type_chinese(window.editor.body, "（完）这句刚打的字不能丢")
        damage_index(path, "articles_state")  # the page nothing has read yet
        navigate(window, "Published")  # the list reads the damaged index
        qtbot.waitUntil(lambda: window.damaged is not None, timeout=5000)
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


@pytest.mark.parametrize("cause", ["read-only folder", "full disk"])
def test_a_sound_database_that_cannot_be_used_is_said_so_with_no_restore(
        small_disk, answer_dialog, cause):
    """ui.app.main on a database in a read-only folder or on a full disk: the dialog
    says which, and offers no backup (restoring one would not help)."""
    import subprocess
    from ui import app as app_module
    path = demo_on(small_disk)
    if cause == "read-only folder":
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
        said = f"the folder {small_disk} is read-only"
    else:
        fill_up(small_disk)
        said = f"the disk holding {small_disk} is full"
    assert app_module.main(path) == 2
    [shown] = answer_dialog
    assert said in shown and "there is nothing to restore" in shown
    assert "Restore" not in shown and "is damaged" not in shown


@pytest.mark.qt_no_exception_capture
def test_the_background_check_finds_what_integrity_check_finds(
        qtbot, damaged_index_rows, answer_dialog):
    """Damage no plain query meets (rows missing from an index): the check the app runs
    at start finds it and says it as damage met by a query is said."""
    path, good = damaged_index_rows
    store = open_store(path)
    with guarded_window(qtbot, store, path) as window:
        assert window.damaged is None  # the window opened and listed the stories
        window.check_whole_file()
        qtbot.waitUntil(lambda: window.damaged is not None, timeout=10000)
    [shown] = answer_dialog
    assert "missing from index" in shown and str(good) in shown
    assert window.restore_from == good
    store.close()


@pytest.mark.qt_no_exception_capture
def test_a_story_whose_text_is_not_utf8_is_named_in_the_dialog(qtbot, tmp_path,
                                                              answer_dialog):
    import sqlite3
    path = tmp_path / "newsdesk.db"
    store = open_store(path)
    good = backup.auto_backup(store)
    draft = store.articles.get(store.articles.ids(state="draft")[0])
    with guarded_window(qtbot, store, path) as window:
        other = sqlite3.connect(path)  # bytes flipped in its body, behind the app's back
        other.execute("UPDATE articles SET body = CAST(x'e6ada3ff' AS TEXT) WHERE id = ?",
                      [draft.id])
        other.commit()
        other.close()
        row = window.model.row_of(draft.id)
        window.table.doubleClicked.emit(window.model.index(row, 0))  # the editor opens it
        qtbot.waitUntil(lambda: window.damaged is not None, timeout=5000)
    [shown] = answer_dialog
    assert f"story {draft.id[:8]} “{draft.title}”: its body is damaged" in shown
    assert str(good) in shown and "\ufffd" not in shown
    store.close()
