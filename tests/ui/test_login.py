"""Switching to a reviewer or admin who has no password (outside the demo) asks for one
first; the demo newsroom says it is a demo in the window title."""
from PySide6.QtWidgets import QInputDialog

from newsdesk.review import auth
from ui.login import LoginDialog
from ui.main_window import MainWindow


def choose(dialog, username):
    for row in range(dialog.users.count()):
        dialog.users.setCurrentIndex(row)
        if dialog._selected().username == username:
            return
    raise AssertionError(username)


def test_a_password_free_reviewer_sets_one_before_working(newsroom, qtbot, monkeypatch):
    newsroom.set_settings({"demo": False})
    answers = ["初审口令", "初审口令"]
    asked = []

    def get_text(parent, title, label, echo=None, *a, **k):
        asked.append(label)
        return answers.pop(0), True
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog = LoginDialog(newsroom)
    qtbot.addWidget(dialog)
    choose(dialog, "wangfang")
    dialog.accept()
    assert dialog.result() == LoginDialog.Accepted and len(asked) == 2
    wang = newsroom.users.find("wangfang")
    assert auth.verify_password("初审口令", wang.password_hash)


def test_refusing_to_set_one_does_not_switch(newsroom, qtbot, monkeypatch):
    newsroom.set_settings({"demo": False})
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    dialog = LoginDialog(newsroom)
    qtbot.addWidget(dialog)
    choose(dialog, "zhaomin")
    dialog.accept()
    assert dialog.result() != LoginDialog.Accepted and "needs a password" in dialog.error.text()
    choose(dialog, "chenlu")  # an editor signs nothing: no password needed
    dialog.accept()
    assert dialog.result() == LoginDialog.Accepted


def test_the_demo_says_so_in_the_title(demo_store, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest_fail())
    dialog = LoginDialog(demo_store)
    qtbot.addWidget(dialog)
    choose(dialog, "zhaomin")
    dialog.accept()  # the demo: no password asked
    window = MainWindow(demo_store, demo_store.path, dialog.user)
    qtbot.addWidget(window)
    assert "demo" in window.windowTitle() and "越溪新闻网" in window.windowTitle()


def pytest_fail():
    raise AssertionError("no password should be asked in the demo")
