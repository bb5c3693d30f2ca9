"""网站自查 from the window: the menu action, the dialog's own thread and progress, the
findings grouped with what must be fixed first, the HTML report saved through the file
dialog, and a double-click that opens the story a finding is in."""
from PySide6.QtCore import Qt

from newsdesk.site import export_site
from tests.test_inspect import live_story
from tests.ui.conftest import answer_file_dialogs
from tests.ui.test_newsroom import action, window  # noqa: F401 - the fixture


def test_an_editor_inspects_the_site_and_opens_a_finding(window, qtbot, monkeypatch,  # noqa: F811
                                                         tmp_path):
    from ui.publish.inspect_dialog import InspectDialog
    store = window.store
    bad = live_story(store, "县长何文彬调研春耕", "县委书记林振化出席。澳门新葡京官网。")
    export_site(store, tmp_path / "site")
    report_file = tmp_path / "自查报告.html"
    answer_file_dialogs(monkeypatch, report_file)
    seen = {}

    def run(dialog):
        dialog.folder.setText(str(tmp_path / "site"))
        dialog.external.setChecked(False)       # no network here
        qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=60_000)
        seen["summary"] = dialog.summary.text()
        seen["groups"] = [dialog.tree.topLevelItem(i).text(0)
                          for i in range(dialog.tree.topLevelItemCount())]
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        names = next(dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                     if dialog.tree.topLevelItem(i).text(0).startswith("Protected names"))
        seen["finding"] = names.child(0).text(0)
        dialog.tree.itemDoubleClicked.emit(names.child(0), 0)
        return 0
    monkeypatch.setattr(InspectDialog, "exec", run)
    action(window, "action_inspect").trigger()
    assert seen["summary"].startswith("Problems an inspection would fail the site for: 9 to fix")
    assert seen["groups"][0] == "Channels with no story (空白栏目) (6)"  # 外宣 went out
    assert "Gambling and spam (博彩/垃圾信息) (1)" in seen["groups"]
    assert "何文彬" in seen["finding"] or "林振化" in seen["finding"]
    assert "空白栏目" in report_file.read_text("utf-8")
    assert window.editor.article.id == bad.id  # the double-click opened the story
