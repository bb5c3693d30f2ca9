"""A 2 MB story and saves off the UI thread: autosave runs on the saver's thread,
nothing typed meanwhile is lost, and the preview shows a body bigger than setHtml
takes."""
import threading
import time

import pytest
from PySide6.QtGui import QTextCursor

from newsdesk.review import workflow
from newsdesk.store import Store
from tests.ui.test_editor import open_draft, preview_text, type_chinese
from ui.editor import conflict, findings
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store, monkeypatch):
    monkeypatch.setattr(conflict, "ask",
                        lambda parent, current: pytest.fail("no conflict expected"))
    w = MainWindow(demo_store, demo_store.path, demo_store.users.find("chenlu"))
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    yield w
    w.close()


@pytest.fixture
def slow_saves(monkeypatch):
    """Every save takes 0.3 s longer, as a 2 MB one does; records the thread it ran on."""
    threads = []
    real = workflow.edit

    def edit(*args, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(0.3)
        return real(*args, **kwargs)
    monkeypatch.setattr(workflow, "edit", edit)
    return threads


def test_autosave_runs_off_the_ui_thread_and_keeps_what_is_typed_meanwhile(
        window, qtbot, slow_saves):
    draft = open_draft(window, qtbot)
    editor = window.editor
    type_chinese(editor.body, "第一句。")
    qtbot.waitUntil(lambda: editor.session.saver.running is not None, timeout=5000)
    type_chinese(editor.body, "保存时又打了一句。")  # while the first save runs
    qtbot.waitUntil(lambda: window.store.articles.get(draft).body.endswith(
        "第一句。保存时又打了一句。"), timeout=10_000)
    assert slow_saves and all(t is not threading.main_thread() for t in slow_saves)
    assert "Saved at" in window.save_label.text()


def test_switching_stories_waits_for_the_running_save(window, qtbot, slow_saves):
    draft = open_draft(window, qtbot)
    editor = window.editor
    type_chinese(editor.body, "甲。")
    qtbot.waitUntil(lambda: editor.session.saver.running is not None, timeout=5000)
    type_chinese(editor.body, "乙。")
    other = [i for i in window.store.articles.ids() if i != draft][0]
    window.open_story(other)  # at once: the running save and the rest are both kept
    assert window.store.articles.get(draft).body.endswith("甲。乙。")
    assert editor.article.id == other


def test_a_background_save_overtaken_elsewhere_is_merged(window, qtbot, monkeypatch):
    draft = open_draft(window, qtbot)
    editor = window.editor
    asked = []

    def merge(parent, current):
        asked.append(current.title)
        return "merge"
    monkeypatch.setattr(conflict, "ask", merge)
    elsewhere = Store.open(window.store.path)
    title = elsewhere.articles.get(draft).title + "（另一处改）"
    workflow.edit(elsewhere, draft, {"title": title}, elsewhere.users.find("chenlu"))
    elsewhere.close()
    type_chinese(editor.body, "这里加的一句。")
    qtbot.waitUntil(lambda: window.store.articles.get(draft).body.endswith("这里加的一句。"),
                    timeout=10_000)
    assert asked and window.store.articles.get(draft).title == title


def test_a_2mb_story_opens_previews_and_saves(window, qtbot):
    store = window.store
    user = store.users.find("chenlu")
    paragraph = "记者从县文化和广电旅游体育局获悉，**越溪县第十届运动会**将于12月6日开幕。"
    body = "\n\n".join(f"第{n}段。{paragraph}" for n in range(20_000))
    assert len(body.encode()) > 2_000_000
    story = store.articles.create(user.id, title="两兆字节的长稿", body=body,
                                 channel_id=store.channels.all()[0].id)
    assert "<strong>越溪县第十届运动会</strong>" in story.body_html  # rendered, no fallback
    window.open_story(story.id)
    qtbot.waitUntil(lambda: window.preview._loaded, timeout=10_000)
    qtbot.waitUntil(lambda: "第19999段" in preview_text(window, qtbot), timeout=20_000)
    window.editor.body.moveCursor(QTextCursor.End)
    type_chinese(window.editor.body, "完。")
    qtbot.waitUntil(lambda: store.articles.get(story.id).body.endswith("开幕。完。"),
                    timeout=20_000)


def test_thousands_of_findings_list_the_first_few_hundred(window, qtbot):
    open_draft(window, qtbot)
    editor = window.editor
    editor.body.setPlainText("\n\n".join("今天,我县降温。" for _ in range(1000)))
    qtbot.waitUntil(lambda: editor.findings.model.rowCount() == findings.MAX_SHOWN + 1,
                    timeout=10_000)
    assert len(editor.report.findings) >= 1000
    more = editor.findings.model.index(findings.MAX_SHOWN)
    assert "more" in more.data() and not more.flags()
    assert len(editor.underlined()) == findings.MAX_SHOWN
    editor.findings.select(0)
    assert editor.findings.selected().rule == "typography.halfwidth-punctuation"
