"""Searching as an editor does in the app: Ctrl+F, words, the filter bar, the count and
facets, marked snippets, saved searches in the navigator; the same stories the
command line finds."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from newsdesk.cli import main as cli_main
from ui.choices import select_id
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.close()


def type_and_search(window, qtbot, text):
    window.search.clear()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(window.search, event)
    qtbot.keyClick(window.search, Qt.Key_Return)


def pick(box, data):
    box.setCurrentIndex(box.findData(data))
    box.activated.emit(box.currentIndex())  # as a pick from the list does


def cli_ids(demo_store, capsys, *args):
    assert cli_main([*args, "--json", "--db", str(demo_store.path)]) == 0
    out = json.loads(capsys.readouterr().out)
    return [r.get("article_id", r.get("id")) for r in out]


def test_ctrl_f_in_the_story_list_goes_to_the_search_box(window, qtbot):
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key_F, Qt.ControlModifier)
    assert window.search.hasFocus()


def test_words_and_filters_find_what_the_command_line_finds(window, qtbot, demo_store, capsys):
    type_and_search(window, qtbot, "社区 -志愿")
    assert window.model.ids == cli_ids(demo_store, capsys, "search", "社区 -志愿", "--limit", "500")
    assert window.filters.count.text() == f"{len(window.model.ids)} stories"
    type_and_search(window, qtbot, "镇")
    select_id(window.filters.channel, demo_store.channels.find("镇街").id)
    window.filters.channel.activated.emit(window.filters.channel.currentIndex())
    in_towns = cli_ids(demo_store, capsys, "search", "镇", "--channel", "镇街", "--limit", "500")
    assert window.model.ids == in_towns and len(in_towns) >= 2
    pick(window.filters.state, "submitted")
    assert window.model.ids == cli_ids(demo_store, capsys, "search", "镇", "--channel",
                                       "镇街", "--state", "submitted", "--limit", "500")
    assert len(window.model.ids) < len(in_towns)
    # No words, filters alone: the list the command line's `list` gives.
    type_and_search(window, qtbot, "")
    pick(window.filters.state, None)
    pick(window.filters.image, True)
    assert window.model.ids == cli_ids(demo_store, capsys, "list", "--channel", "镇街",
                                       "--has-image")


def test_the_count_facets_and_marked_snippets(window, qtbot):
    type_and_search(window, qtbot, "社区")
    n = len(window.model.ids)
    states = [window.filters.state.itemText(i) for i in range(window.filters.state.count())]
    assert any(text.startswith("Published (") for text in states)
    assert window.model.headerData(4, Qt.Horizontal) == "Where it matched"
    assert all("社区" in window.model.data(window.model.index(r, 4)) for r in range(n))
    window.resize(1920, 1080)  # the snippet column in sight beside the headline
    qtbot.wait(50)
    image = window.table.viewport().grab().toImage()
    marked = QColor("#fff0b3").rgb()
    assert any(image.pixel(x, y) == marked for x in range(image.width())
               for y in range(0, min(image.height(), 60), 2))
    # Back to a plain list: the column is 退回原因 again.
    window.navigator.setCurrentItem(window.navigator.topLevelItem(1))
    assert window.model.headerData(4, Qt.Horizontal) == "Return reason"


def test_a_bad_date_is_refused_with_the_cores_words(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    window.filters.since.setText("去年")
    window.filters.since.editingFinished.emit()
    assert said == ["'去年' is not a date (e.g. 2026-11-01)"]


def test_saved_searches_sit_in_the_navigator_with_their_counts(window, qtbot, monkeypatch,
                                                                demo_store):
    type_and_search(window, qtbot, "社区")
    pick(window.filters.origin, "original")
    found = list(window.model.ids)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("社区原创", True))
    qtbot.mouseClick(window.filters.save_button, Qt.LeftButton)
    saved = window.saved_searches
    assert saved.childCount() == 1
    assert saved.child(0).text(0) == f"社区原创（{len(found)}）"
    window.navigator.setCurrentItem(window.navigator.topLevelItem(1))  # elsewhere
    window.navigator.setCurrentItem(saved.child(0))  # and back: the search runs again
    assert window.search.text() == "社区"
    assert window.filters.origin.currentData() == "original"
    assert window.model.ids == found
    # Its right-click menu (Delete there) deletes it.
    [forget] = [a for a in window.navigator.actions() if a.objectName() == "action_forget_search"]
    forget.trigger()
    assert saved.childCount() == 0 and demo_store.saved.of(window.user.id) == []
