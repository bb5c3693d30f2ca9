import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test gets its own QSettings (window layout, last user), not the user's.
    Closing a test's last window must not post a quit that ends a later test's dialog
    (QMessageBox.exec) at once."""
    qapp.setQuitOnLastWindowClosed(False)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))


@pytest.fixture(scope="session", autouse=True)
def the_apps_look(qapp):
    """Tests see the app as people do: its style, stylesheet and font."""
    from ui import look
    look.apply(qapp)


@pytest.fixture(scope="session", autouse=True)
def no_windows_left_at_exit(qapp):
    """Windows the tests leave behind hold web pages. Delete them while Qt still runs:
    at interpreter exit QtWebEngine would release its profile first ("Release of
    profile requested but WebEnginePage still not deleted") and the process crashes."""
    yield
    # A picture a test put on the clipboard is the clipboard's; left there, Qt frees it
    # after Python has at exit, and the process crashes.
    QApplication.clipboard().clear()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    qapp.processEvents()


def answer_file_dialogs(monkeypatch, answer) -> list:
    """The person picks `answer` (a path, or a list of paths) in every file dialog the
    app shows: the app's own dialogs are built as usual (ui/file_dialogs.py), only their
    showing is replaced by the person's choice. Returns the dialogs asked, in order."""
    from PySide6.QtWidgets import QDialog, QFileDialog
    asked = []
    picked = [str(p) for p in answer] if isinstance(answer, list) else [str(answer)]

    def exec_(dialog):
        asked.append(dialog)
        return QDialog.Accepted

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda dialog: picked)
    return asked


@pytest.fixture
def chinese(qapp):
    """The app's strings (and Qt's own) in Chinese for one test, English after."""
    from PySide6.QtCore import QTranslator
    from ui import i18n
    i18n.install(qapp, "zh_CN")
    yield
    for t in qapp.findChildren(QTranslator):
        qapp.removeTranslator(t)
    i18n.install(qapp, "en")


@pytest.fixture
def window_as(qtbot, demo_store):
    """open_as(username): the demo newsroom's main window as that person signed in, at
    1366×768; every one closed after the test."""
    from ui.main_window import MainWindow
    windows = []

    def open_as(username):
        w = MainWindow(demo_store, "demo.db", demo_store.users.find(username))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        windows.append(w)
        return w
    yield open_as
    for w in windows:
        w.close()
