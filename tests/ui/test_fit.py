"""The app fits the office laptop's 1366×768 screen, and its fields invite no mistakes
(issue 31, items 6 and 8): the main window opens inside the screen and comes back where
it was left on that screen; the find bar leaves the editor/preview split alone; a new
user's password is typed twice; 来源 shows for an original story too."""
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from ui.admin.users_tab import UserDialog
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# Run in a process of its own: the offscreen platform gets one 1366×768 screen (Qt's
# configfile), opens the app's window twice and prints where it was each time.
ON_A_LAPTOP = """
import json, sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QRect, QSettings
app = QApplication([])
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, sys.argv[2])
from ui import look
look.apply(app)
from newsdesk.store import Store
from newsdesk.demo import load_demo
from ui.main_window import MainWindow
store = Store.open(sys.argv[1])
load_demo(store)
seen = {"available": list(app.primaryScreen().availableGeometry().getRect())}
window = MainWindow(store, "demo.db", store.users.find("chenlu"))
window.show()
app.processEvents()
seen["first"] = list(window.frameGeometry().getRect())
window.setGeometry(60, 50, 1200, 640)   # the person moves and narrows it, then closes
app.processEvents()
window.close()
again = MainWindow(store, "demo.db", store.users.find("chenlu"))
again.show()
app.processEvents()
seen["again"] = list(again.geometry().getRect())
again.close()
settings = QSettings()   # left bigger than this screen (a monitor unplugged since)
key = next(k for k in settings.allKeys() if k.startswith("main/geometry/"))
settings.setValue(key, QRect(0, 0, 1600, 900))
third = MainWindow(store, "demo.db", store.users.find("chenlu"))
third.show()
app.processEvents()
seen["third"] = list(third.frameGeometry().getRect())
third.close()
print(json.dumps(seen))
"""


def test_the_main_window_opens_inside_a_1366_by_768_screen(tmp_path):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", ON_A_LAPTOP, str(tmp_path / "demo.db"),
                           str(tmp_path / "settings")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    x, y, w, h = seen["first"]
    ax, ay, aw, ah = seen["available"]
    assert (ax, ay, aw, ah) == (0, 0, 1366, 768)
    assert x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah, seen
    assert seen["again"] == [60, 50, 1200, 640]  # where it was left on this screen
    x, y, w, h = seen["third"]  # what no longer fits is not restored
    assert x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah, seen


def test_opening_the_find_bar_leaves_the_editor_and_preview_split_alone(qtbot, demo_store):
    window = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    window.open_story(demo_store.articles.ids(state="draft", author_id=window.user.id)[0])
    qtbot.waitUntil(lambda: window.preview._loaded, timeout=10_000)
    window.writing.setSizes([560, 640])   # the person has dragged the split
    qtbot.wait(50)
    before = window.writing.sizes()
    window.editor.body.setFocus()
    for _ in range(3):
        QTest.keyClick(window.editor.body, Qt.Key_F, Qt.ControlModifier)
        qtbot.waitUntil(lambda: window.editor.find_bar.isVisible())
        QTest.keyClicks(window.editor.find_bar.find_text, "zzqx")  # nowhere in it
        QTest.keyClick(window.editor.find_bar.find_text, Qt.Key_Return)  # 未找到
        qtbot.wait(50)
        assert window.writing.sizes() == before
        window.editor.find_bar.hide()
        qtbot.wait(50)
        assert window.writing.sizes() == before
    window.close()


def test_a_new_users_password_is_typed_twice_and_must_match(qtbot, demo_store):
    dialog = UserDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.username, "wangfang2")
    dialog.real_name.insert("王芳")  # as an input method commits it
    QTest.keyClicks(dialog.password, "Xinwen2026")
    QTest.keyClicks(dialog.password_again, "Xinwen2062")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
    ok.click()
    assert dialog.isVisible() and dialog.result() == 0  # refused: still open
    assert dialog.mismatch.isVisible() and dialog.mismatch.text()  # said beside the fields
    dialog.password_again.clear()
    QTest.keyClicks(dialog.password_again, "Xinwen2026")
    assert not dialog.mismatch.isVisible()  # the message goes once they match
    ok.click()
    assert not dialog.isVisible() and dialog.result() == 1


def test_source_shows_for_an_original_story_with_the_outlet_as_its_default(qtbot, demo_store):
    window = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(window)
    window.show()
    original = next(a for a in demo_store.articles.many(
        demo_store.articles.ids(state="draft", author_id=window.user.id))
        if a.origin == "original" and not a.source)
    window.open_story(original.id)
    source = window.editor.fields["source"]
    assert source.isVisible()
    assert demo_store.settings().name in source.placeholderText()  # what the page prints
    assert window.editor.fields["original_title"].isHidden()  # the reprint's own fields
    window.close()

