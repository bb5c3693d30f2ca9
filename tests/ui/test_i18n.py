import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from newsdesk.paths import resource
from ui import i18n
from ui.main_window import MainWindow


def test_locale_chooses_the_language(monkeypatch):
    monkeypatch.delenv("NEWSDESK_LANG", raising=False)
    assert i18n.choose(QLocale(QLocale.Chinese, QLocale.China)) == "zh_CN"
    assert i18n.choose(QLocale(QLocale.Chinese, QLocale.Taiwan)) == "zh_CN"
    assert i18n.choose(QLocale(QLocale.English, QLocale.UnitedStates)) == "en"
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    assert i18n.choose(QLocale(QLocale.English)) == "zh_CN"


def test_shipped_translation_is_complete_and_compiled(tmp_path):
    ts = resource("translations", "newsdesk_zh_CN.ts").read_text("utf-8")
    assert 'type="unfinished"' not in ts and "<translation></translation>" not in ts
    # Every string in the sources is in it: lupdate over a copy adds none unfinished.
    copy = tmp_path / "current.ts"
    copy.write_text(ts, "utf-8")
    root = Path(__file__).resolve().parents[2]
    sources = sorted(str(p) for p in (root / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(copy)], check=True,
                   cwd=tmp_path)
    assert 'type="unfinished"' not in copy.read_text("utf-8"), \
        "strings not yet translated: run pyside6-lupdate and translate them"
    qm = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(resource("translations",
                   "newsdesk_zh_CN.ts")), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == resource("translations", "newsdesk_zh_CN.qm").read_bytes(), \
        "the committed .qm is stale: run pyside6-lrelease on the .ts"


def test_the_window_speaks_chinese(qapp, qtbot, demo_store):
    language = i18n.install(qapp, "zh_CN")
    try:
        w = MainWindow(demo_store, "demo.db", demo_store.users.find("wangfang"))
        qtbot.addWidget(w)
        labels = [w.navigator.topLevelItem(i).text(0)
                  for i in range(w.navigator.topLevelItemCount())]
        assert language == "zh_CN"
        assert labels == ["审核队列（1）", "我的草稿", "退回给我的", "稿件", "栏目", "已存搜索"]
        assert "当前用户：王芳" == w.user_label.text()
    finally:
        for t in qapp.findChildren(QTranslator):
            qapp.removeTranslator(t)


def test_the_editor_says_its_findings_and_history_in_chinese(qapp, qtbot, demo_store):
    """In zh_CN every 机审 finding the editor lists, the state chip, the refusal banner
    and the review history read Chinese (the core's words come from its catalogue)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    from tests.chinese import assert_chinese
    i18n.install(qapp, "zh_CN")
    try:
        w = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
        qtbot.addWidget(w)
        w.show()
        draft = demo_store.articles.ids(state="draft", author_id=w.user.id)[0]
        w.open_story(draft)
        event = QInputMethodEvent()
        event.setCommitString("\n　　新店开业,澳门葡京赌球。。（括号(半角)和GDP增长“好\n"
                              + "社区志愿者每天上门为独居老人测量血压。" * 30)  # rated
        QApplication.sendEvent(w.editor.body, event)
        model = w.editor.findings.model
        qtbot.waitUntil(lambda: model.rowCount() >= 6, timeout=10_000)
        rules = {model.finding(r).rule for r in range(model.rowCount())}
        assert {"words.block", "spam.brand", "typography.halfwidth-punctuation",
                "typography.unbalanced",
                "typography.doubled-punctuation", "rate.over-threshold"} <= rules
        for row in range(model.rowCount()):
            assert_chinese(model.index(row).data())
        assert w.editor.meta.chip.text() == "草稿"
        flood = next(a.id for a in demo_store.articles.many(demo_store.articles.ids())
                     if a.title == "城关镇社区开展防汛应急演练")
        w.open_story(flood)  # someone else's, in review: locked, and the banner says why
        assert_chinese(w.editor.banner.text()) and assert_chinese(w.editor.banner.toolTip())
        w.close()
    finally:
        for t in qapp.findChildren(QTranslator):
            qapp.removeTranslator(t)
