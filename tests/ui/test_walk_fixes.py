"""What a walk through the app in zh_CN found (issue 31, after the first fixes): the
review queue's outcome message belongs to the queue it spoke of; the status bar counts
stories as they are made; a published story reopened for 更正 is shown as such; Qt's
file dialog says 文件夹, and 插入图片 looks where the last picture came from. Driven
through the window's actions and buttons; only Qt's dialogs' answers are patched."""
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt, QTranslator
from PySide6.QtWidgets import QFileSystemModel, QInputDialog

from tests.ui.conftest import answer_file_dialogs

from tests.ui.test_correction_feedback import (
    MEETING, NOTE, queue_row, sign_in, story_id, trigger,
)
from tests.ui.test_main_window import demo_window
from tests.ui.test_picture_editing import answer_picture_dialog, picture_file
from tests.ui.test_review_queue import FLOOD
from ui import file_dialogs, i18n
from ui.main_window import FILTER


def test_the_queue_forgets_its_outcome_when_the_user_or_filters_change(qtbot, tmp_path,
                                                                       monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "wangfang"))
    flood = story_id(window.store, FLOOD)
    q, _ = queue_row(window, flood)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("同意", True))
    qtbot.mouseClick(q.panel.approve_button, Qt.LeftButton)
    assert "复审" in q.outcome.text()  # said at once, where she signed
    for user in ("admin", "liqiang"):  # someone else at the desk: not their news
        sign_in(window, monkeypatch, user)
        assert q.outcome.text() == "", user
    q, _ = queue_row(window, flood)
    qtbot.mouseClick(q.panel.approve_button, Qt.LeftButton)  # 复审, by 李强
    assert q.outcome.text()
    q.mine.setChecked(False)  # another selection: the message spoke of the last one
    assert q.outcome.text() == ""


def test_the_status_bar_counts_a_story_as_it_is_made(qtbot, tmp_path):
    window = next(demo_window(qtbot, tmp_path, "chenlu"))
    bar = window.statusBar()
    before = len(window.model.ids)
    assert bar.currentMessage() == f"Stories: {before}"
    trigger(window, "action_new_story")
    assert window.stack.currentWidget() is window.writing  # the editor stays in front
    assert bar.currentMessage() == f"Stories: {before + 1}"
    assert len(window.model.ids) == before + 1


def navigate(window, state):
    """A list in the navigator (稿件 → 已发布…), clicked."""
    nav = window.navigator
    items = [nav.topLevelItem(i).child(k) for i in range(nav.topLevelItemCount())
             for k in range(nav.topLevelItem(i).childCount())]
    [item] = [i for i in items if i.data(0, FILTER) == {"state": state}]
    nav.setCurrentItem(item)
    nav.itemClicked.emit(item, 0)


def test_a_story_being_corrected_is_shown_live_and_under_correction(qtbot, tmp_path,
                                                                    monkeypatch):
    """更正 from the 已发布 list, as the tester did: the row says the story is still
    live and being corrected, and so does the editor's chip."""
    window = next(demo_window(qtbot, tmp_path, "zhangwei"))
    meeting = story_id(window.store, MEETING)
    navigate(window, "published")
    model = window.model
    window.table.selectRow(model.row_of(meeting))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (NOTE, True))
    trigger(window, "action_correct")
    assert window.store.articles.get(meeting).state == "draft"
    state = model.index(model.row_of(meeting), model.state_column)
    assert model.data(state) == "Published · being corrected"
    window.open_story(meeting)
    assert window.editor.meta.chip.text() == "Published · being corrected"
    trigger(window, "action_submit")  # in review: its stage, marked as a correction
    assert window.editor.meta.chip.text() == "Correction · Submitted"


def test_the_file_dialog_calls_a_folder_a_folder_in_chinese(qapp, qtbot, tmp_path):
    (tmp_path / "相册").mkdir()
    i18n.install(qapp, "zh_CN")
    try:
        d = file_dialogs.dialog(None, "插入图片", str(tmp_path))
        qtbot.addWidget(d)
        d.show()
        model = d.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: model.index(str(tmp_path / "相册")).isValid())
        assert model.type(model.index(str(tmp_path / "相册"))) == "文件夹"
    finally:
        for t in qapp.findChildren(QTranslator):
            qapp.removeTranslator(t)
        i18n.install(qapp, "en")


def test_insert_picture_looks_where_the_last_picture_came_from(qtbot, tmp_path,
                                                               monkeypatch):
    window = next(demo_window(qtbot, tmp_path, "chenlu"))
    trigger(window, "action_new_story")
    album = tmp_path / "相册"
    album.mkdir()
    picture_file(album / "会场.jpg")
    asked = answer_file_dialogs(monkeypatch, album / "会场.jpg")
    answer_picture_dialog(monkeypatch, alt="会场")
    trigger(window, "action_insert_image")  # 插入图片
    first = Path(asked[0].directory().absolutePath())
    pictures = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
    assert first != Path.cwd()  # not the program's own folder
    assert first == Path(pictures if Path(pictures).is_dir() else QDir.homePath())
    trigger(window, "action_insert_image")
    assert Path(asked[1].directory().absolutePath()) == album
