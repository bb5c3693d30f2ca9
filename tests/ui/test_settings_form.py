"""系统管理 → 网站设置 as a form, in Chinese: each setting with the field its type calls
for (lists as tables, on/off as a check box, choices as a combo box, counts as spin
boxes), its Chinese help beneath, what the core refuses said beside the field, and
after saving the settings named as the newsroom names them. Nobody types JSON."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QSpinBox, QTableWidget,
)

from tests.chinese import assert_chinese
from tests.ui.test_main_window import demo_window
from ui.admin.admin_dialog import AdminDialog
from ui.admin.settings_tab import HELP_STYLE


@pytest.fixture
def window(qtbot, tmp_path, chinese):
    yield from demo_window(qtbot, tmp_path, "admin")


@pytest.fixture
def form(window, monkeypatch):
    """The settings tab of the dialog 管理 → 网站设置 opened, and what it said."""
    said = {"info": [], "warnings": []}
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said["info"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said["warnings"].append(a[2]))

    def shown(dialog):
        said["dialog"] = dialog
        dialog.show()
        return 0
    monkeypatch.setattr(AdminDialog, "exec", shown)
    window.findChild(QAction, "action_settings").trigger()
    tab = said["dialog"].settings
    said["dialog"].tabs.setCurrentWidget(tab)
    return tab, said


def type_into(table: QTableWidget, text: str) -> None:
    """Type into the cell being edited and press Enter (Chinese comes through an input
    method: a committed string, not key presses)."""
    line = table.indexWidget(table.currentIndex())
    assert isinstance(line, QLineEdit), "no cell is being edited"
    line.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(line, event)
    QTest.keyClick(line, Qt.Key_Return)
    QApplication.processEvents()  # the cell takes the text once the editor closes


def typed(table: QTableWidget, row: int, column: int, text: str) -> None:
    """Double-click a cell, type, press Enter: as a person fills a row."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    QApplication.processEvents()
    center = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.LeftButton, pos=center)
    QTest.mouseDClick(table.viewport(), Qt.LeftButton, pos=center)
    assert table.currentIndex() == index
    type_into(table, text)


def test_each_setting_has_the_field_its_type_calls_for(form):
    tab, _said = form
    fields = tab.fields
    assert isinstance(fields["footer_links"].table, QTableWidget)
    assert [fields["footer_links"].table.horizontalHeaderItem(c).text() for c in range(2)] \
        == ["名称", "网址"]
    stages = fields["review_stages"].table
    assert [stages.item(r, 0).text() for r in range(stages.rowCount())] == ["初审", "复审", "终审"]
    assert isinstance(stages.cellWidget(0, 1), QComboBox)
    assert isinstance(fields["demo"], QCheckBox)
    assert isinstance(fields["page_size"], QSpinBox) and fields["page_size"].minimum() == 1
    assert isinstance(fields["house_space"], QComboBox)
    assert fields["house_space"].currentText() == "不加空格"
    assert fields["timezone"].currentText() == "北京时间（Asia/Shanghai）"
    assert "publish_targets" not in fields  # they have their own tab, 发布目标
    for field in fields.values():  # nothing shows a list or a choice as code
        for line in field.findChildren(QLineEdit) + [field] * isinstance(field, QLineEdit):
            assert not line.text().startswith(("[", "{")), line.text()
    helps = [label for label in tab.findChildren(QLabel) if label.styleSheet() == HELP_STYLE]
    assert len(helps) >= len(fields) - 1  # the check box says its help itself
    for label in helps:
        assert label.textFormat() == Qt.PlainText
        assert_chinese(label.text())
    assert "显示在页头、每个网页的标题和页脚。" in [label.text() for label in helps]


def test_a_footer_link_is_added_as_a_row_and_saved_by_its_name(form, window, qtbot):
    tab, said = form
    links = tab.fields["footer_links"]
    before = window.store.settings().footer_links
    links.add_button.click()
    row = links.table.rowCount() - 1
    type_into(links.table, "县政府网")  # the new row's name is being edited
    typed(links.table, row, 1, "https://www.yuexi.gov.cn/")
    tab.fields["icp_record"].setText("浙ICP备20260001号-1")
    tab.save_button.click()
    settings = window.store.settings()
    assert settings.footer_links == before + [{"title": "县政府网",
                                               "href": "https://www.yuexi.gov.cn/"}]
    assert settings.icp_record == "浙ICP备20260001号-1"
    assert said["info"][-1] == "已保存：ICP备案号、页脚链接"


def test_what_the_core_refuses_is_said_beside_its_field(form, window, qtbot):
    tab, said = form
    links = tab.fields["footer_links"]
    before = window.store.settings().footer_links
    typed(links.table, 0, 1, "javascript:alert(1)")
    tab.fields["timezone"].setEditText("Mars/Olympus")
    tab.save_button.click()
    assert window.store.settings().footer_links == before  # nothing saved
    for name in ("footer_links", "timezone"):
        error = tab.errors[name]
        assert error.isVisible()
        assert_chinese(error.text())
    assert "Mars/Olympus" in tab.errors["timezone"].text()
    assert tab.errors["name"].isHidden() and not said["info"]


def test_a_stage_is_removed_and_the_rest_keep_their_order(form, window):
    tab, said = form
    stages = tab.fields["review_stages"]
    stages.table.setCurrentCell(1, 0)  # 复审
    stages.remove_button.click()
    stages.table.setCurrentCell(1, 0)  # 终审, now second: signed by the second level
    stages.table.cellWidget(1, 1).setCurrentIndex(1)
    stages.up_button.click()
    tab.save_button.click()
    assert window.store.settings().review_stages == [
        {"name": "终审", "role": "reviewer2"}, {"name": "初审", "role": "reviewer1"}]
    assert said["info"][-1] == "已保存：审核环节"
