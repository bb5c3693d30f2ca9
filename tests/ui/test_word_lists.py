from newsdesk import checks
from newsdesk.errors import NewsdeskError
from newsdesk.model import Term
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
    assert any("only an admin" in label.text() for label in d.findChildren(QLabel))
