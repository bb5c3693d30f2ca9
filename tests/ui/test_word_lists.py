from PySide6.QtWidgets import QDialog
from newsdesk import checks
from newsdesk.errors import NewsdeskError
from newsdesk.model import Term
from tests.ui.conftest import answer_file_dialogs
from ui.word_lists import WordListDialog

import pytest


def dialog(qtbot, store, username):
    d = WordListDialog(store, store.users.find(username))
    qtbot.addWidget(d)
    return d


def test_admin_edits_the_lists_in_the_app(qtbot, demo_store, tmp_path):
    d = dialog(qtbot, demo_store, "admin")
    before = len(demo_store.checks.terms())
    assert d.table.rowCount() == before
    d.add_row(Term("网络赌博", "block", "博彩"))
    d.table.selectRow(0)
    d.remove_rows()
    extra = tmp_path / "extra.txt"
    extra.write_text("特效药\twarn\t医疗广告\t药物\n", "utf-8")
    d.import_file(str(extra))
    d.save()
    terms = {t.term: t for t in demo_store.checks.terms()}
    assert len(terms) == before + 1  # one added, one removed, one imported
    assert terms["特效药"] == Term("特效药", "warn", "医疗广告", "药物")
    out = tmp_path / "out.txt"
    d.export_file(str(out))
    assert "网络赌博\tblock\t博彩" in out.read_text("utf-8")
    # and the checks use the new list at once
    report = checks.run_checks(demo_store, demo_store.articles.many(
        demo_store.articles.ids(state="published"))[0])
    assert report.verdict == "pass"


def test_only_admins_change_the_lists(demo_store):
    with pytest.raises(NewsdeskError, match="only admins"):
        checks.save_word_list(demo_store, [], demo_store.users.find("chenlu"))


def test_others_read_the_lists_without_being_able_to_change_them(qtbot, demo_store):
    from PySide6.QtWidgets import QDialogButtonBox, QLabel
    d = dialog(qtbot, demo_store, "chenlu")
    assert d.table.rowCount() == len(demo_store.checks.terms())  # she may read them
    assert not d.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).isEnabled()
    assert not any(b.isEnabled() for b in d.edit_buttons)
    assert not d.table.cellWidget(0, 1).isEnabled()
    assert any(label.text() == "陈璐 is not an admin; only admins change the 机审 lists"
               for label in d.findChildren(QLabel))  # the core's words


def _click(qtbot, page, label):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == label]
    qtbot.mouseClick(button, Qt.LeftButton)


def _save(qtbot, d):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox
    qtbot.mouseClick(d.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)


def _type(page, row, *values):
    from PySide6.QtWidgets import QTableWidgetItem
    for col, value in enumerate(values):
        page.table.setItem(row, col, QTableWidgetItem(value))


def test_admin_keeps_protected_names_and_the_checks_use_them(qtbot, demo_store, tmp_path,
                                                              monkeypatch):
    from newsdesk.model import ListEntry
    d = dialog(qtbot, demo_store, "admin")
    assert [d.tabs.tabText(i) for i in range(d.tabs.count())] == [
        "Banned and cautioned words", "Protected names", "Misspellings",
        "Traditional characters kept"]
    names = d.pages["names"]
    assert names.table.rowCount() == 7  # the demo county's leaders
    d.tabs.setCurrentWidget(names)
    _click(qtbot, names, "Add")
    _type(names, 7, "苏海涛", "县委常委、宣传部部长", "新任")
    names.table.setCurrentCell(7, 0)
    _click(qtbot, names, "Move up")      # order is protocol: he goes before 冯雪梅
    listed = tmp_path / "names.tsv"
    listed.write_text("# name\ttitles\n马兰\t县委常委\n", "utf-8")
    answer_file_dialogs(monkeypatch, listed)
    _click(qtbot, names, "Import…")
    traditional = d.pages["traditional"]
    _click(qtbot, traditional, "Add")
    _type(traditional, 0, "國泰", "香港公司名")
    _save(qtbot, d)
    assert d.result() == QDialog.Accepted
    kept = demo_store.checks.entries("names")
    assert [e.key for e in kept[-3:]] == ["苏海涛", "冯雪梅", "马兰"]
    assert kept[-3] == ListEntry("苏海涛", "县委常委、宣传部部长", "新任")
    assert demo_store.checks.entries("traditional") == [ListEntry("國泰", "", "香港公司名")]
    a = demo_store.articles.many(demo_store.articles.ids(state="published"))[0]
    a.body += "\n\n县委常委、宣传部部长苏海滔出席。國泰集团捐款。"
    found = {(f.rule, f.text) for f in checks.run_checks(demo_store, a).findings}
    assert ("names.misspelt", "苏海滔") in found
    assert not any(rule == "traditional.mixed" for rule, _ in found)


def test_a_bad_row_on_any_tab_saves_nothing(qtbot, demo_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    d = dialog(qtbot, demo_store, "admin")
    before_terms, before_names = demo_store.checks.terms(), demo_store.checks.entries("names")
    d.add_row(Term("网络赌博", "block", "博彩"))
    names = d.pages["names"]
    _click(qtbot, names, "Add")
    _type(names, 7, "X1", "县长")
    _save(qtbot, d)
    assert warnings == ["line 8: “X1” is not a name of 2 to 8 Chinese characters"]
    assert d.tabs.currentWidget() is names and d.result() != QDialog.Accepted
    assert demo_store.checks.terms() == before_terms
    assert demo_store.checks.entries("names") == before_names


def test_misspellings_tab_turns_a_shipped_pair_off(qtbot, demo_store):
    d = dialog(qtbot, demo_store, "admin")
    page = d.pages["confusions"]
    assert "1,1" in page.findChild(__import__("PySide6.QtWidgets").QtWidgets.QLabel).text()
    _click(qtbot, page, "Add")
    _type(page, 0, "再接再励", "", "本社允许")
    _click(qtbot, page, "Add")
    _type(page, 1, "越西", "越溪", "县名")
    _save(qtbot, d)
    a = demo_store.articles.many(demo_store.articles.ids(state="published"))[0]
    a.body += "\n\n越西人民再接再励。"
    found = {(f.rule, f.text, f.suggestion) for f in checks.run_checks(demo_store, a).findings}
    assert ("confusion.misspelt", "越西", "越溪") in found
    assert not any(text == "再接再励" for _, text, _ in found)
