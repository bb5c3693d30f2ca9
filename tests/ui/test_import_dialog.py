"""导入旧网站 from the window: the menu action, a folder chosen through the file dialog,
the pages previewed (nothing written), imported on the dialog's own thread, the 待核对
tab listing the doubtful one, which opens in the editor and is marked checked. An
administrator brings the old site's published pages in as published; an editor's
become drafts for 三审."""
import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import DATA
from tests.test_import_pages import NO_TIME
from tests.ui.conftest import answer_file_dialogs
from tests.ui.test_main_window import demo_window
from tests.ui.test_newsroom import action


@pytest.fixture
def admin_window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "admin")


@pytest.fixture
def editor_window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "zhangwei")   # 张薇, an editor


def old_site(tmp_path, monkeypatch):
    folder = tmp_path / "旧网站"
    folder.mkdir()
    shutil.copy(DATA / "hijacked_page.html", folder / "a.html")
    (folder / "b.html").write_text(NO_TIME, "utf-8")
    answer_file_dialogs(monkeypatch, folder)


def rows(dialog) -> list[list[str]]:
    return [[dialog.table.topLevelItem(i).text(c) for c in range(7)]
            for i in range(dialog.table.topLevelItemCount())]


def test_an_administrator_previews_then_imports_an_old_site(admin_window, qtbot,
                                                            monkeypatch, tmp_path):
    from ui.import_dialog import ImportDialog
    store = admin_window.store
    old_site(tmp_path, monkeypatch)
    before = store.articles.count()
    seen = {}

    def run(dialog):
        qtbot.mouseClick(dialog.folder_button, Qt.LeftButton)   # previews at once
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
        seen["no channel"] = dialog.table.topLevelItem(0).text(6)
        dialog.channel.setCurrentIndex(dialog.channel.findText("国内"))
        qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
        seen["preview"] = rows(dialog)
        seen["written after preview"] = store.articles.count() - before
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and dialog._thread is None,
                        timeout=30_000)
        seen["summary"] = dialog.summary.text()
        seen["to check"] = [dialog.doubts.topLevelItem(i).text(0)
                            for i in range(dialog.doubts.topLevelItemCount())]
        dialog.doubts.setCurrentItem(dialog.doubts.topLevelItem(0))
        qtbot.mouseClick(dialog.checked_button, Qt.LeftButton)
        seen["after checked"] = dialog.doubts.topLevelItemCount()
        return 0
    monkeypatch.setattr(ImportDialog, "exec", run)
    action(admin_window, "action_import").trigger()
    assert "names no channel" in seen["no channel"] and "栏目" in seen["no channel"]
    first, second = seen["preview"]
    assert first[1:5] == ["用心服务是最好的防控", "2020-03-09 09:39:23", "人民日报", "360"]
    assert first[6] == ""
    assert second[1] == "村里的新路通了" and "draft" in second[6]
    assert seen["written after preview"] == 0
    assert seen["summary"].startswith("2 imported, 1 of them to check; 0 failed")
    assert seen["to check"] == ["村里的新路通了"]
    assert seen["after checked"] == 0 and store.doubts.pending() == []
    assert store.articles.count() == before + 2
    page = next(a for a in store.articles.many(store.articles.ids())
                if a.title == "用心服务是最好的防控")
    assert page.state == "published"


def test_an_editors_published_pages_come_in_as_drafts_for_review(editor_window, qtbot,
                                                                 monkeypatch, tmp_path):
    from ui.import_dialog import ImportDialog
    store = editor_window.store
    old_site(tmp_path, monkeypatch)
    seen = {}

    def run(dialog):
        qtbot.mouseClick(dialog.folder_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
        seen["preview"] = rows(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and dialog._thread is None,
                        timeout=30_000)
        seen["imported"] = rows(dialog)
        return 0
    monkeypatch.setattr(ImportDialog, "exec", run)
    action(editor_window, "action_import").trigger()
    for table in (seen["preview"], seen["imported"]):
        assert "imported as a draft for 三审" in table[0][6]   # no channel needed
    page = next(a for a in store.articles.many(store.articles.ids())
                if a.title == "用心服务是最好的防控")
    assert (page.state, page.public_path, page.first_published_at) == ("draft", None, None)
    assert store.events.of(page.id) == []   # nothing signed it off


def test_the_dialog_keeps_spam_a_draft_and_reads_no_picture_outside(admin_window, qtbot,
                                                                     monkeypatch, tmp_path):
    """Issue 30 in the app: the administrator imports an old site whose one page carries
    博彩 spam and whose other names the PC's files as pictures. The spam page comes in
    a draft on the 待核对 tab with what 机审 found; the other's notes name the pictures
    not read, and nothing of the PC's is stored."""
    from tests.test_import_door import HOSTILE, PASSWD, SECRET, SPAM
    from ui.import_dialog import ImportDialog
    store = admin_window.store
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "id_rsa").write_bytes(SECRET)
    folder = tmp_path / "旧网站" / "2021"
    folder.mkdir(parents=True)
    page = HOSTILE.format(title="镇里新桥通车", pic1=PASSWD, pic2="../../secret/id_rsa")
    (folder / "a.html").write_text(page, "utf-8")
    (folder / "b.html").write_text(page.replace("镇里新桥通车", "老街夜市开张")
                                   .replace("<p>村民老李说", f"<p>{SPAM}</p><p>村民老李说"),
                                   "utf-8")
    answer_file_dialogs(monkeypatch, folder)
    seen = {}

    def run(dialog):
        qtbot.mouseClick(dialog.folder_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
        dialog.channel.setCurrentIndex(dialog.channel.findText("社会"))
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and dialog._thread is None,
                        timeout=30_000)
        seen["imported"] = rows(dialog)
        seen["to check"] = {dialog.doubts.topLevelItem(i).text(0):
                            dialog.doubts.topLevelItem(i).text(3)
                            for i in range(dialog.doubts.topLevelItemCount())}
        return 0
    monkeypatch.setattr(ImportDialog, "exec", run)
    action(admin_window, "action_import").trigger()
    clean, spam = seen["imported"]
    assert "not read: they lie outside the page's folder" in clean[6]
    assert "../../secret/id_rsa" in clean[6] and PASSWD in clean[6]
    assert "机审" in spam[6] and "draft" in spam[6]
    assert "新葡京" in seen["to check"]["老街夜市开张"]
    states = {a.title: a.state for a in store.articles.many(store.articles.ids())}
    assert (states["镇里新桥通车"], states["老街夜市开张"]) == ("published", "draft")
    assert all(store.assets.data(a["id"]) != SECRET for a in store.assets.all())
