"""系统管理 in the app: an admin adds a user, changes roles, deactivates, resets a
password, adds, renames and reorders channels and changes site settings; the core's
rules refuse what they refuse, with the CLI's messages; others only read."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox

from newsdesk.review import auth
from tests.ui.test_main_window import demo_window
from ui.admin.admin_dialog import AdminDialog
from ui.admin.channels_tab import ChannelDialog
from ui.admin.topics_tab import TopicDialog
from ui.admin.users_tab import UserDialog


@pytest.fixture
def window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "admin")


@pytest.fixture
def shown(monkeypatch):
    """The admin dialog the action opened, and every warning it showed."""
    seen = {"warnings": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: seen["warnings"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: seen.setdefault("info", a[2]))

    def keep(dialog):
        seen["dialog"] = dialog
        return 0
    monkeypatch.setattr(AdminDialog, "exec", keep)
    return seen


def fill(monkeypatch, cls, **values):
    """Answer a dialog of ours: set its fields, press OK."""
    def run(dialog):
        for name, value in values.items():
            if name == "roles":
                for role, box in dialog.roles.items():
                    box.setChecked(role in value)
            elif name == "parent":
                dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(value))
            else:
                getattr(dialog, name).setText(value)
        return QDialog.Accepted
    monkeypatch.setattr(cls, "exec", run)


def test_an_admin_manages_users(window, shown, monkeypatch):
    window.store.set_settings({"demo": False})  # a real newsroom: reviewers need passwords
    window.findChild(QAction, "action_users").trigger()
    users = shown["dialog"].users
    fill(monkeypatch, UserDialog, username="sunli", real_name="孙丽", roles=["reviewer1"],
         password="")
    users.add_button.click()  # a reviewer without a password: refused, as on the CLI
    assert "give the account a password" in shown["warnings"][-1]
    fill(monkeypatch, UserDialog, username="sunli", real_name="孙丽", roles=["reviewer1"],
         password="初审2026")
    users.add_button.click()
    sunli = window.store.users.find("sunli")
    assert sunli.roles == ["reviewer1"] and auth.verify_password("初审2026", sunli.password_hash)
    users.table.selectRow([u.username for u in users.users].index("sunli"))
    fill(monkeypatch, UserDialog, roles=["reviewer1", "editor"])
    users.roles_button.click()
    assert window.store.users.find("sunli").roles == ["editor", "reviewer1"]
    users.active_button.click()
    assert not window.store.users.find("sunli").active
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新密码2026", True))
    users.table.selectRow([u.username for u in users.users].index("sunli"))
    users.password_button.click()
    assert auth.verify_password("新密码2026", window.store.users.find("sunli").password_hash)
    users.table.selectRow([u.username for u in users.users].index("admin"))
    users.active_button.click()  # the last admin
    assert "last admin" in shown["warnings"][-1] and window.store.users.find("admin").active


def test_an_admin_manages_channels_and_the_navigator_follows(window, shown, monkeypatch):
    window.findChild(QAction, "action_channels").trigger()
    channels = shown["dialog"].channels
    fill(monkeypatch, ChannelDialog, slug="文化", name="文化")
    channels.add_button.click()
    assert "not allowed" in shown["warnings"][-1]  # a Chinese slug: the core's message
    fill(monkeypatch, ChannelDialog, slug="qiaoxiang", name="侨乡", parent="towns")
    channels.add_button.click()
    qiaoxiang = window.store.channels.find("qiaoxiang")
    assert window.store.channels.get(qiaoxiang.parent_id).slug == "towns"
    channels.reload(qiaoxiang.id)
    channels.up_button.click()
    siblings = [c.slug for c in window.store.channels.all()
                if c.parent_id == qiaoxiang.parent_id]
    assert siblings[-2] == "qiaoxiang"  # one place up
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("侨乡新闻", True))
    channels.rename_button.click()
    assert window.store.channels.find("qiaoxiang").name == "侨乡新闻"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("国际", True))
    channels.parent_button.click()  # under a list channel of the top level
    assert window.store.channels.get(
        window.store.channels.find("qiaoxiang").parent_id).slug == "guoji"
    channels.reload(window.store.channels.find("towns").id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("城关镇", True))
    channels.parent_button.click()  # 镇街 under its own sub-channel: refused
    assert "under itself or one of its own sub-channels" in shown["warnings"][-1]
    channels.reload(window.store.channels.find("shehui").id)
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("https://h5.example.cn/", True))
    channels.link_button.click()  # it holds stories
    assert "holds stories" in shown["warnings"][-1]
    channels.reload(qiaoxiang.id)
    channels.link_button.click()  # empty: may become a link
    assert window.store.channels.find("qiaoxiang").url == "https://h5.example.cn/"
    channels.reload(window.store.channels.find("guoji").id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("国际新闻", True))
    channels.rename_button.click()
    window.findChild(QAction, "action_channels").trigger()  # (exec returns: closed again)
    names = []
    top = window.navigator.topLevelItem(4)
    stack = [top]
    while stack:
        item = stack.pop()
        names.append(item.text(0))
        stack += [item.child(i) for i in range(item.childCount())]
    assert "国际新闻" in names  # the navigator is rebuilt when the dialog closes


def test_an_admin_changes_site_settings_checked_by_the_core(window, shown):
    window.findChild(QAction, "action_settings").trigger()
    tab = shown["dialog"].settings
    tab.fields["timezone"].setEditText("Mars/Olympus")
    tab.save_button.click()  # said beside the field
    assert "is not a time zone" in tab.errors["timezone"].text()
    assert window.store.settings().timezone == "Asia/Shanghai"
    tab.fields["timezone"].setCurrentIndex(tab.fields["timezone"].findData("Asia/Shanghai"))
    tab.fields["licence"].setText("浙新办[2026]1号")
    tab.fields["page_size"].setValue(30)
    tab.save_button.click()
    assert tab.errors["timezone"].isHidden()
    settings = window.store.settings()
    assert (settings.licence, settings.page_size) == ("浙新办[2026]1号", 30)


def test_others_see_administration_read_only(window, shown):
    window.switch_user_to(window.store.users.find("chenlu"))
    window.findChild(QAction, "action_users").trigger()
    dialog = shown["dialog"]
    assert any("only an admin" in label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.users.add_button.isEnabled()
    assert not dialog.channels.add_button.isEnabled()
    assert not dialog.settings.save_button.isEnabled()
    assert dialog.settings.fields["name"].isReadOnly()


def test_every_setting_has_a_name_and_help_people_use():
    """Declared once with the setting (newsdesk.settings), read from the catalogue."""
    from newsdesk import i18n
    from newsdesk.settings import declared
    from tests.chinese import assert_chinese
    i18n.use("zh_CN")
    for setting in declared():
        assert_chinese(i18n._(setting.label))
        assert_chinese(i18n._(setting.help))
        for column in setting.columns:
            assert_chinese(i18n._(column.label))
        for _value, label in setting.choices:
            assert_chinese(i18n._(label))


def test_an_admin_adds_a_topic(window, shown, monkeypatch):
    window.findChild(QAction, "action_topics").trigger()
    topics = shown["dialog"].topics
    assert shown["dialog"].tabs.currentWidget() is topics
    fill(monkeypatch, TopicDialog, slug="jiaoyu", name="教育在越溪", description="学校新闻")
    topics.add_button.click()
    assert window.store.channels.find_topic("jiaoyu").name == "教育在越溪"
    assert topics.table.rowCount() == len(window.store.channels.topics())
    fill(monkeypatch, TopicDialog, slug="教育", name="教育")
    topics.add_button.click()
    assert "not allowed" in shown["warnings"][-1]
