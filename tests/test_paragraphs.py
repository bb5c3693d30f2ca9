"""One Enter starts a paragraph; markdown blocks and blank-line bodies are as before."""
import markdown2
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.importers import frontmatter
from newsdesk.paths import resource
from newsdesk.text.paragraphs import one_line_paragraphs
from newsdesk.text.render import _EXTRAS, plain_paragraphs, render_body


def paragraphs(html: str) -> list[str]:
    import re
    return re.findall(r"<p>(.*?)</p>", html, re.S)


def test_one_enter_starts_a_paragraph():
    html = render_body("越溪县召开会议。\n会议要求，办好实事。\n（完）")
    assert paragraphs(html) == ["越溪县召开会议。", "会议要求，办好实事。", "（完）"]


def test_a_picture_on_its_own_line_is_its_own_figure():
    html = render_body('正文。\n![](a.png "图为现场")\n下一段。')
    assert "<figure>" in html and paragraphs(html) == ["正文。", "下一段。"]


def test_markdown_blocks_keep_their_line_rules():
    body = ("## 小标题\n正文一。\n- 第一项\n- 第二项\n  续行\n正文二。\n> 引文一\n> 引文二\n正文三。\n"
            "| 镇街 | 人数 |\n| --- | --- |\n| 白塔 | 12 |\n正文四。\n换行  \n同段")
    html = render_body(body)
    assert "<h2>小标题</h2>" in html
    assert "<li>第一项</li>\n<li>第二项\n续行</li>" in html
    assert "<blockquote>\n  <p>引文一\n  引文二</p>\n</blockquote>" in html
    assert "<td>白塔</td>" in html
    assert paragraphs(html) == ["正文一。", "正文二。", "引文一\n  引文二", "正文三。", "正文四。",
                                "换行<br>\n同段"]


def test_an_indented_line_after_text_is_a_paragraph_not_code():
    assert "<pre>" not in render_body("正文。\n    下一段")


paragraph_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
    lambda t: t.strip() and "\n" not in t)


@given(st.lists(paragraph_text, min_size=1, max_size=6))
def test_bodies_with_blank_lines_between_paragraphs_are_untouched(texts):
    body = "\n\n".join(texts)
    assert one_line_paragraphs(body) == body


def test_demo_stories_render_exactly_as_before():
    for path in sorted(resource("demo", "articles").glob("*.md")):
        body = frontmatter.split(path.read_text("utf-8"))[1]
        assert one_line_paragraphs(body) == body, path.name
        before = markdown2.markdown(body, extras=_EXTRAS)
        assert before.replace("<h1>", "<h2>").replace("</h1>", "</h2>") in render_body(body) \
            or "<img" in body


def test_hard_wrapped_markdown_keeps_its_paragraphs_on_import():
    story = frontmatter.parse("---\ntitle: 折行\n---\n越溪县召开经济工作会议，\n总结今年经济工作，\n"
                              "and plans\nfor next year.\n\n第二段。\n\n- 列表一\n- 列表二\n")
    assert story.body == ("越溪县召开经济工作会议，总结今年经济工作，and plans for next year.\n\n"
                          "第二段。\n\n- 列表一\n- 列表二")
    assert paragraphs(render_body(story.body)) == [
        "越溪县召开经济工作会议，总结今年经济工作，and plans for next year.", "第二段。"]


def test_the_plain_fallback_follows_the_same_rule():
    assert plain_paragraphs("一。\n二。\n\n三。") == "<p>一。</p>\n<p>二。</p>\n<p>三。</p>\n"
