"""While a story's markdown cannot be formatted in time, the editor's preview says so
(it shows plain paragraphs, which must not be taken for the published look)."""
from newsdesk.text import render
from tests.ui.test_editor import open_draft, preview_text, type_chinese, window  # noqa: F401


def test_the_preview_warns_while_the_body_falls_back(window, qtbot, monkeypatch):  # noqa: F811
    open_draft(window, qtbot)
    with monkeypatch.context() as busy:
        busy.setattr(render, "BASE_LIMIT_S", 0.0)
        busy.setattr(render, "PER_MILLION_CHARS_S", 0.0)
        type_chinese(window.editor.body, "\n\n**加粗**")
        qtbot.waitUntil(window.preview.warning.isVisible, timeout=10_000)
        assert "formatted in time" in window.preview.warning.text()
        qtbot.waitUntil(lambda: "**加粗**" in preview_text(window, qtbot), timeout=10_000)
    type_chinese(window.editor.body, "。")
    qtbot.waitUntil(lambda: not window.preview.warning.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "**" not in preview_text(window, qtbot), timeout=10_000)
