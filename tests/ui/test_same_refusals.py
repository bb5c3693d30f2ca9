"""The app and the command line refuse the same things with the same words: each rule
is broken once from the CLI and once from the window (its menus, buttons and dialogs),
on twin copies of the demo newsroom, and the messages are compared."""
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from newsdesk import backup
from newsdesk.review import auth, workflow
from tests.chinese import assert_chinese
from tests.conftest import CliResult
from ui import i18n
from ui.admin.admin_dialog import AdminDialog
from ui.admin.channels_tab import ChannelDialog
from ui.app import open_store
from ui.main_window import MainWindow
from ui.queue.review_panel import ReturnDialog

FLOOD = "城关镇社区开展防汛应急演练"        # submitted by 张薇, at 初审
DRAFT = "秋冬季流感高发 专家提醒及时接种疫苗"  # 陈璐's draft
BANNED = "新店开业"
MEETING = "越溪县召开经济工作会议 部署明年重点任务"  # published


def story(store, title):
    return next(a.id for a in store.articles.many(store.articles.ids()) if a.title == title)


def select(window, article_id):
    from tests.ui.test_main_window import navigate
    navigate(window, window.tr("All"))
    window.table.selectRow(window.model.row_of(article_id))


def queue_select(window, article_id):
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))
    window.queue.mine.setChecked(False)
    window.queue.table.selectRow(window.queue.model.row_of(article_id))


def refused(window, name):
    """An action the rules keep from this user is off, its tooltip the refusal: that is
    what the window says (passed on as its warning would be)."""
    found = window.findChild(QAction, name)
    assert not found.isEnabled()
    QMessageBox.warning(window, "", found.toolTip())


def gui_withdraw(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("来源有误", True))
    select(window, story(window.store, MEETING))
    refused(window, "action_withdraw")


def gui_recall(window, monkeypatch):
    select(window, story(window.store, FLOOD))
    window.findChild(QAction, "action_recall").trigger()


def gui_correct(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("更正", True))
    select(window, story(window.store, FLOOD))
    window.findChild(QAction, "action_correct").trigger()


def gui_correct_meeting(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("更正", True))
    select(window, story(window.store, MEETING))
    window.findChild(QAction, "action_correct").trigger()


def gui_delete(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    select(window, story(window.store, MEETING))
    window.findChild(QAction, "action_delete").trigger()


def gui_approve(window, monkeypatch):  # refused before any dialog: the panel says why
    queue_select(window, story(window.store, FLOOD))
    QMessageBox.warning(window, "", window.queue.panel.verdict.text())


def gui_bad_slug(window, monkeypatch):
    def run(dialog):
        dialog.slug.setText("文化")
        dialog.name.setText("文化")
        return QDialog.Accepted
    monkeypatch.setattr(ChannelDialog, "exec", run)
    monkeypatch.setattr(AdminDialog, "exec",
                        lambda dialog: dialog.channels.add_button.click() or 0)
    window.findChild(QAction, "action_channels").trigger()


def gui_bad_timezone(window, monkeypatch):
    def run(dialog):
        dialog.settings.fields["timezone"].setEditText("Mars/Olympus")  # typed, not a choice
        dialog.settings.save_button.click()
        said = dialog.settings.errors["timezone"]  # beside the field, not in a box
        assert said.isVisibleTo(dialog)
        QMessageBox.warning(window, "", said.text())
        return 0
    monkeypatch.setattr(AdminDialog, "exec", run)
    window.findChild(QAction, "action_settings").trigger()


def gui_last_admin(window, monkeypatch):
    def run(dialog):
        users = dialog.users
        users.table.selectRow([u.username for u in users.users].index("admin"))
        users.active_button.click()
        return 0
    monkeypatch.setattr(AdminDialog, "exec", run)
    window.findChild(QAction, "action_users").trigger()


def gui_sign_with_wrong_password(window, monkeypatch):
    answers = iter([("", True), ("不对的密码", True)])  # the opinion, then the password
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    queue_select(window, story(window.store, FLOOD))
    window.findChild(QAction, "action_approve").trigger()


def gui_return_without_reason(window, monkeypatch):
    def empty(dialog):
        dialog.accept()  # OK with nothing written: the dialog stays, saying why
        QMessageBox.warning(window, "", dialog.error.text())
        return QDialog.Rejected
    monkeypatch.setattr(ReturnDialog, "exec", empty)
    queue_select(window, story(window.store, FLOOD))
    window.findChild(QAction, "action_return").trigger()


def own_story(store):
    """王芳 (初审) writes and submits a story of her own."""
    wang = store.users.find("wangfang")
    a = store.articles.create(wang.id, title="王芳自己的稿件", body="正文。", reporters=["王芳"],
                              channel_id=store.channels.find("chengguan").id)
    workflow.submit(store, a.id, wang)


def gui_sign_own_story(window, monkeypatch):
    queue_select(window, story(window.store, "王芳自己的稿件"))
    QMessageBox.warning(window, "", window.queue.panel.verdict.text())


def wangfang_has_a_password(store):
    store.users.set_password_hash(store.users.find("wangfang").id,
                                  auth.hash_password("初审2026"), None)


def both_stages(store):
    """孙悦 holds 初审 and 复审, and signs 初审 of the flood drill."""
    store.users.add("sunyue", "孙悦", ["reviewer1", "reviewer2"])
    workflow.approve(store, story(store, FLOOD), store.users.find("sunyue"))


def gui_sign_second_stage(window, monkeypatch):
    queue_select(window, story(window.store, FLOOD))
    QMessageBox.warning(window, "", window.queue.panel.verdict.text())


def gui_locked_edit(window, monkeypatch):
    window.open_story(story(window.store, FLOOD))
    assert window.editor.body.isReadOnly()
    QMessageBox.warning(window, "", window.editor.banner.toolTip())


def gui_submit(window, monkeypatch):  # the draft opened, then 送审
    window.open_story(story(window.store, DRAFT))
    window.findChild(QAction, "action_submit").trigger()


def banned_draft(store):
    """A draft of 张薇's that names a gambling brand."""
    store.articles.create(store.users.find("zhangwei").id, title=BANNED,
                          body="据悉澳门葡京将在此设点。", reporters=["张薇"],
                          channel_id=store.channels.find("chengguan").id)


def gui_submit_banned(window, monkeypatch):
    window.open_story(story(window.store, BANNED))
    window.findChild(QAction, "action_submit").trigger()


def gui_publish(window, monkeypatch):
    refused(window, "action_publish")


def case(username, args, gui, setup=None, env=None):
    """Who acts in the app, the CLI's arguments ({id}s filled in), the app's way of
    breaking the same rule, what both databases get first, the CLI's environment."""
    return username, args, gui, setup, env or {}


CASES = [
    case("zhangwei", ["withdraw", "{meeting}", "--as", "zhangwei", "--reason", "来源有误"],
     gui_withdraw),
    case("chenlu", ["recall", "{flood}", "--as", "chenlu"], gui_recall),
    case("zhangwei", ["correct", "{flood}", "--as", "zhangwei", "--note", "更正"], gui_correct),
    case("zhangwei", ["delete", "{meeting}", "--as", "zhangwei"], gui_delete),
    case("zhaomin", ["approve", "{flood}", "--as", "zhaomin"], gui_approve),
    case("admin", ["channels", "add", "文化", "文化", "--as", "admin"], gui_bad_slug),
    case("admin", ["settings", "set", "timezone", "Mars/Olympus", "--as", "admin"],
     gui_bad_timezone),
    case("admin", ["users", "change", "admin", "--deactivate", "--as", "admin"], gui_last_admin),
    case("wangfang", ["return", "{flood}", "--as", "wangfang", "--reason", " "],
     gui_return_without_reason),
    case("wangfang", ["approve", "{own}", "--as", "wangfang"], gui_sign_own_story, own_story),
    case("wangfang", ["approve", "{flood}", "--as", "wangfang"], gui_sign_with_wrong_password,
     wangfang_has_a_password, {"NEWSDESK_PASSWORD": "不对的密码"}),
    case("sunyue", ["approve", "{flood}", "--as", "sunyue"], gui_sign_second_stage,
         both_stages),
    case("chenlu", ["edit", "{flood}", "--as", "chenlu", "--title", "改"], gui_locked_edit),
    case("liqiang", ["submit", "{draft}", "--as", "liqiang"], gui_submit),
    case("zhangwei", ["submit", "{banned}", "--as", "zhangwei"], gui_submit_banned,
         banned_draft),
    case("liqiang", ["correct", "{meeting}", "--as", "liqiang", "--note", "更正"],
         gui_correct_meeting),
    case("zhangwei", ["export", "--out", "site", "--as", "zhangwei"], gui_publish),
]


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    """Both languages: the app's translators installed and the CLI's locale set."""
    monkeypatch.setenv("NEWSDESK_LANG", request.param)
    i18n.install(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


PREFIX = {"en": "newsdesk: error: ", "zh_CN": "newsdesk：错误："}


@pytest.mark.parametrize("case", CASES, ids=[c[1][0] + "-" + c[2].__name__ for c in CASES])
def test_the_app_and_the_cli_refuse_alike(qtbot, tmp_path, monkeypatch, capsys, case, language):
    from newsdesk.cli import main as cli_main
    username, args, gui, setup, env = case
    app_db, cli_db = tmp_path / "app.db", tmp_path / "cli.db"
    store = open_store(app_db)  # the demo newsroom
    if setup:
        setup(store)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    backup.backup(store, cli_db)  # its twin
    titles = {"flood": FLOOD, "meeting": MEETING, "draft": DRAFT, "own": "王芳自己的稿件",
              "banned": BANNED}
    ids = {key: next((a.id for a in store.articles.many(store.articles.ids())
                      if a.title == title), "") for key, title in titles.items()}
    code = cli_main([a.format(**ids) for a in args] + ["--db", str(cli_db)])
    out, err = capsys.readouterr()
    cli = CliResult(code, out, err)
    assert cli.code == 2 and cli.err.startswith(PREFIX[language])
    said = cli.err.removeprefix(PREFIX[language]).strip()
    if language == "zh_CN":
        assert_chinese(said)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window = MainWindow(store, str(app_db), store.users.find(username))
    qtbot.addWidget(window)
    window.show()
    try:
        gui(window, monkeypatch)
    finally:
        window.close()
        store.close()
    assert said in warnings[-1], (said, warnings)
    if language == "zh_CN":
        assert_chinese(warnings[-1])
