"""机审 in the app reads what a reader reads (issue 31, item 2): a story with a picture
and a link lists no finding on their markup, and 一键修正 on every finding leaves the
picture showing in the preview with its caption put right. The review queue's 机审 tab
names severities and fields in Chinese (item 5: it said “warn body”), and an ID-shaped
number with a wrong check digit is listed as one that may be personal data (item 9)."""
import base64

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from newsdesk import pictures
from newsdesk.review import workflow
from tests.ui.test_editor import open_draft
from ui.main_window import MainWindow
from ui.queue.queue_widget import ReviewQueue

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                       "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
CAPTION = "孩子们在少儿阅读区看书(资料图)。（记者 刘海涛 摄）"
LINK = "https://example.cn/news?id=1,2&q=(再接再励)"


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.close()


def page_html(window, qtbot, wanted: str) -> str:
    """The preview's page once it holds wanted."""
    html = []

    def holds() -> bool:
        window.preview.view.page().toHtml(html.append)
        return bool(html) and wanted in html[-1]
    qtbot.waitUntil(holds, timeout=10_000)
    return html[-1]


def fixable(editor):
    return [n for n, f in enumerate(editor.findings.model.shown) if f.suggestion is not None]


def test_no_finding_on_picture_markup_and_fixes_keep_the_picture(window, qtbot):
    draft = open_draft(window, qtbot)
    editor = window.editor
    link = pictures.store_picture(window.store, PNG, "图书馆.png", window.user)
    body = (f"城关镇乡村图书馆今天开放,孩子们很高兴。\n\n"
            f'![城关镇乡村图书馆少儿阅读区]({link} "{CAPTION}")\n\n'
            f"详情见[越溪发布,再接再励]({LINK})。")
    editor.body.setPlainText(body)
    model = editor.findings.model
    qtbot.waitUntil(lambda: editor.report is not None and any(
        f.text == "(资料图)" for f in editor.report.findings), timeout=10_000)
    # Nothing listed or underlined on the picture's file, nor on the link's target.
    markup = [(body.index(link), body.index(link) + len(link)),
              (body.index(LINK), body.index(LINK) + len(LINK))]
    listed = [f for f in model.shown if f.field == "body"]
    assert listed and not [f for f in listed for s, e in markup if f.start < e and s < f.end]
    assert not [u for u in editor.underlined() for s, e in markup if u[0] < e and s < u[1]]
    assert not [f for f in listed if "assets" in f.text or f.text.startswith("(assets")]
    # The caption's own words are checked: its half-width brackets, and only them.
    [bracket] = [f for f in listed if f.rule == "typography.halfwidth-brackets"]
    assert body[bracket.start:bracket.end] == "(资料图)"
    # 一键修正 on every finding that has a fix, as an editor would, one after another.
    for _ in range(20):
        rows = fixable(editor)
        if not rows:
            break
        before, report = editor.body.toPlainText(), editor.report
        editor.findings.select(rows[0])
        QTest.mouseClick(editor.findings.fix_button, Qt.LeftButton)
        assert editor.body.toPlainText() != before
        qtbot.waitUntil(lambda: editor.report is not report, timeout=10_000)  # checked again
    assert not fixable(editor)
    text = editor.body.toPlainText()
    [picture] = pictures.find(text)
    assert picture.link == link and picture.caption == CAPTION.replace("(资料图)", "（资料图）")
    assert f"]({LINK})" in text and "越溪发布，再接再厉" in text
    html = page_html(window, qtbot, "<figcaption>孩子们在少儿阅读区看书（资料图）")
    assert html.count("<img") == 1 and 'src="data:image/png;base64,' in html
    assert 'href="https://example.cn/news?id=1,2&amp;q=(再接再励)"' in html
    editor.session.save()
    assert pictures.find(window.store.articles.get(draft).body)[0].link == link


def test_the_review_tab_names_findings_in_chinese(qtbot, demo_store, chinese):
    s = demo_store
    chen = s.users.find("chenlu")
    a = s.articles.create(chen.id, title="城关镇图书馆开放", channel_id=s.channels.all()[0].id,
                         reporters=["陈璐"],
                         body="读者登记时写了证号110105194912310021,馆员已删去。")
    workflow.submit(s, a.id, chen)
    queue = ReviewQueue(s, s.users.find("wangfang"))
    qtbot.addWidget(queue)
    queue.show()
    titles = [queue.model.data(queue.model.index(r, 0)) for r in range(queue.model.rowCount())]
    queue.table.selectRow(titles.index("城关镇图书馆开放"))
    shown = queue.panel.checks.toPlainText()
    assert "警告 正文 · 一个疑似身份证号码" in shown
    assert "警告 正文 · 中文里应使用全角标点" in shown
    assert "warn" not in shown and "body" not in shown
    # 33 characters: no rate per 10,000 (one slip would read as hundreds), said why
    assert "每万字" not in shown and "满 500 字才计差错率" in shown
