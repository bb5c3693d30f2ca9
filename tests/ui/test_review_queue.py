from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMessageBox

from newsdesk.review import auth, workflow
from ui.login import LoginDialog
from ui.queue.queue_widget import ReviewQueue
from ui.queue.review_panel import ReturnDialog




def make_queue(qtbot, store, username):
    q = ReviewQueue(store, store.users.find(username))
    qtbot.addWidget(q)
    q.resize(1200, 700)
    q.show()
    return q


def cells(q, column):
    return [q.model.data(q.model.index(r, column)) for r in range(q.model.rowCount())]


def select(q, title):
    q.table.selectRow(cells(q, 0).index(title))


FLOOD = "城关镇社区开展防汛应急演练"   # submitted, waiting for 初审
XIKOU = "溪口镇乡村振兴示范带初具规模"  # in review, waiting for 复审


def test_queue_lists_waiting_stories_oldest_first(qtbot, demo_store):
    q = make_queue(qtbot, demo_store, "wangfang")
    assert q.mine.isChecked() and cells(q, 0) == [FLOOD]  # opens on what she may sign
    q.mine.setChecked(False)
    assert cells(q, 0) == [XIKOU, FLOOD]
    assert cells(q, 3) == ["复审", "初审"]
    assert cells(q, 2) == ["陈璐", "张薇"]
    q.stage.setCurrentIndex(q.stage.findText("初审"))
    assert cells(q, 0) == [FLOOD]


def test_a_co_writer_finds_the_sign_off_refused_with_the_rule(qtbot, demo_store):
    """王芳 rewrote the story's body before 张薇 resubmitted it: it is not in her queue,
    and selected among all, its buttons say the rule (issue 30, item 8)."""
    s = demo_store
    flood = next(a for a in s.articles.many(workflow.queue(s)) if a.title == FLOOD)
    zhangwei, wangfang = s.users.find("zhangwei"), s.users.find("wangfang")
    workflow.recall(s, flood.id, zhangwei)
    workflow.edit(s, flood.id, {"body": flood.body + "\n\n王芳补写的一段。"}, wangfang)
    workflow.edit(s, flood.id, {"title": FLOOD + "（续）"}, zhangwei)
    workflow.submit(s, flood.id, zhangwei)
    q = make_queue(qtbot, s, "wangfang")
    assert cells(q, 0) == []  # nothing she may sign
    q.mine.setChecked(False)
    select(q, FLOOD + "（续）")
    for button in (q.panel.approve_button, q.panel.return_button):
        assert not button.isEnabled()
        assert "王芳 wrote this story" in button.toolTip() and "own story" in button.toolTip()


def test_reviewer_approves_from_the_queue_and_the_item_moves_on(qtbot, demo_store,
                                                                monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    q = make_queue(qtbot, demo_store, "wangfang")
    q.mine.setChecked(True)
    assert cells(q, 0) == [FLOOD]  # 复审 is not hers
    assert q.panel.approve_button.isEnabled()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda parent, title, label, *a, **k: asked.append(label) or ("", False))
    qtbot.mouseClick(q.panel.approve_button, Qt.LeftButton)  # asked, then cancelled
    assert "初审" in asked[0] and cells(q, 0) == [FLOOD]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("数据已核实，同意", True))
    qtbot.mouseClick(q.panel.approve_button, Qt.LeftButton)
    assert cells(q, 0) == []  # in place: it left her queue
    assert "复审" in q.outcome.text()
    flood = next(a for a in demo_store.articles.many(demo_store.articles.ids())
                 if a.title == FLOOD)
    assert demo_store.events.of(flood.id)[-1].comment == "数据已核实，同意"  # the opinion
    article = demo_store.articles.many(workflow.queue(demo_store, 2))
    assert FLOOD in [a.title for a in article]
    q.mine.setChecked(False)
    select(q, FLOOD)
    assert cells(q, 3)[cells(q, 0).index(FLOOD)] == "复审"
    assert not q.panel.approve_button.isEnabled()  # she signed 初审: not 复审 too
    assert "two stages" in q.panel.verdict.text() or "role" in q.panel.verdict.text()


def test_keyboard_moves_and_shortcut_approves(qtbot, demo_store, monkeypatch):
    q = make_queue(qtbot, demo_store, "liqiang")  # 复审
    q.mine.setChecked(False)  # both waiting stories, to move between
    q.table.setFocus()
    select(q, XIKOU)
    qtbot.keyClick(q.table, Qt.Key_J)
    assert q.table.currentIndex().row() == 1
    qtbot.keyClick(q.table, Qt.Key_K)
    assert q.table.currentIndex().row() == 0 and q.panel.article.title == XIKOU
    qtbot.keyClick(q.table, Qt.Key_Return)
    assert q.panel.tabs.currentWidget() is q.panel.changes
    xikou = q.panel.article.id
    # Offscreen windows are not reliably "active", which key shortcuts need: find the
    # shortcut by its keys and fire it as the key press would.
    [approve] = [s for s in q.findChildren(QShortcut)
                 if s.key().toString() == "Ctrl+Shift+A"]
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))  # no opinion
    approve.activated.emit()
    assert demo_store.articles.get(xikou).review_stage == 3


def test_return_without_reason_is_refused_in_the_dialog(qtbot):
    dialog = ReturnDialog("某稿")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != ReturnDialog.Accepted
    assert "needs a reason (rule: reason required)" in dialog.error.text()
    dialog.reason.setPlainText("  ")
    dialog.accept()
    assert dialog.isVisible()
    dialog.reason.setPlainText("数据需核实")
    dialog.accept()
    assert dialog.result() == ReturnDialog.Accepted and dialog.text() == "数据需核实"


def test_return_from_the_queue_records_the_reason(qtbot, demo_store, monkeypatch):
    q = make_queue(qtbot, demo_store, "wangfang")
    select(q, FLOOD)
    article_id = q.panel.article.id

    def answer(dialog):  # the reviewer types a reason and presses OK
        dialog.reason.setPlainText("标题请再斟酌")
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(ReturnDialog, "exec", answer)
    qtbot.mouseClick(q.panel.return_button, Qt.LeftButton)
    assert demo_store.articles.get(article_id).state == "returned"
    assert demo_store.events.of(article_id)[-1].comment == "标题请再斟酌"
    assert FLOOD not in cells(q, 0)


def test_diff_shows_an_edit(qtbot, demo_store):
    xikou = next(a for a in demo_store.articles.many(workflow.queue(demo_store))
                 if a.title == XIKOU)
    body = xikou.body.replace("12公里", "15公里")
    liqiang = demo_store.users.find("liqiang")  # 复审 holds it: edits with a trace
    workflow.edit(demo_store, xikou.id, {"body": body}, liqiang)
    workflow.approve(demo_store, xikou.id, liqiang)
    q = make_queue(qtbot, demo_store, "zhaomin")  # 终审 sees 复审's change as 复审's
    select(q, XIKOU)
    html = q.panel.changes.toHtml()
    assert "正文" in html and "复审" in html and "李强" in html
    text = q.panel.changes.toPlainText()
    assert "125公里" in text  # '12' became '15': the deleted 2 and the inserted 5 both shown
    assert "#fbd5d5" in html.lower() or "text-decoration: line-through" in html.lower() \
        or "<del" in html.lower() or "line-through" in html.lower()
    history = q.panel.history.toPlainText()
    assert "revised in review 复审 · 李强" in history and "signed off 初审" in history


def test_refused_action_shows_the_rule(qtbot, demo_store, monkeypatch):
    q = make_queue(qtbot, demo_store, "wangfang")
    select(q, FLOOD)
    demo_store.users.set_password_hash(q.user.id, auth.hash_password("pw"), None)
    q.user = q.panel.user = demo_store.users.find("wangfang")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrong", True))
    q.approve_current()
    assert "wrong password" in shown[0]
    assert demo_store.articles.get(q.panel.article.id).review_stage == 1


def test_login_checks_the_password(qtbot, demo_store):
    demo_store.users.set_password_hash(demo_store.users.find("zhaomin").id,
                                 auth.hash_password("终审2026"), None)
    dialog = LoginDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.users.setCurrentIndex(dialog.users.findText("赵敏 (zhaomin) · 终审"))  # and her role
    assert dialog.password.isVisible()
    dialog.password.setText("nope")
    dialog.accept()
    assert dialog.user is None and "wrong password" in dialog.error.text()
    dialog.password.setText("终审2026")
    dialog.accept()
    assert dialog.user.username == "zhaomin"
