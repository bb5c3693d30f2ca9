import re

import pytest

from newsdesk.text.render import char_count, render_body


@pytest.mark.parametrize("text, expected", [
    ("社区志愿者", 5),
    ("今年 GDP 增长 6.2%，COVID-19 疫情", 2 + 1 + 2 + 1 + 1 + 2),
    ("“你好，世界！”", 4),
    ("Hello, world. It's fine", 4),
    ("　　  \n", 0),
])
def test_char_count_counts_cjk_characters_and_latin_words(text, expected):
    assert char_count(text) == expected


def test_markdown_becomes_safe_html():
    html = render_body("# 标题\n\n正文**加粗**。\n\n<script>alert(1)</script>"
                       "<img src=x onerror=alert(1)>[链接](javascript:alert(1))"
                       '<iframe src="https://evil.example"></iframe>')
    assert "<h2>标题</h2>" in html and "<strong>加粗</strong>" in html
    for bad in ("<script", "javascript:", "<iframe", "<h1"):
        assert bad not in html
    # markdown2 leaves this <img without its '>': it is text on the page, no tag.
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and not re.search(r"<[^>]*onerror", html)


def test_links_keep_http_and_get_noopener():
    html = render_body("[人民网](http://www.people.com.cn)")
    assert 'href="http://www.people.com.cn"' in html and "noopener" in html


HOSTILE = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt:alert(1)">点我</a>',
    '[点我](javascript:alert(1))',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<div onclick="alert(1)" style="background:url(javascript:alert(1))">x</div>',
    '<svg><script>alert(1)</script></svg>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=q></form>',
]


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_bodies_are_defused(body):
    html = render_body("正文\n\n" + body, video_hosts=["v.qq.com"]).lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "vbscript:", "data:text",
                "svg", "<iframe", "<object", "<embed", "<form", "style="):
        assert bad not in html, (bad, html)


def test_trusted_video_iframes_and_raster_data_images_survive():
    html = render_body('<iframe src="https://v.qq.com/txp/iframe/player.html?vid=x" '
                       'allowfullscreen onload="x()"></iframe>\n\n'
                       '<img src="data:image/png;base64,iVBORw0KGgo=" alt="图">',
                       video_hosts=["v.qq.com"])
    assert '<iframe src="https://v.qq.com/txp/iframe/player.html?vid=x"' in html
    assert "onload" not in html
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html
    assert "<iframe" not in render_body('<iframe src="https://v.qq.com/x"></iframe>')


def test_pictures_in_a_body_are_found_as_the_editor_writes_them():
    from newsdesk import pictures
    link = "assets/" + "a" * 64 + ".png"
    picture = pictures.markdown(link, "会场[全景]", '开幕式 "首日"')
    body = f"文。\n\n{picture}\n\n![外链](http://x/y.jpg)"
    first, second = pictures.find(body)
    assert (first.alt, first.caption, first.asset_id) == ("会场［全景］", "开幕式 ＂首日＂", "a" * 64)
    assert body[first.start:first.end].startswith("![会场") and second.asset_id is None
    html = render_body(body)
    assert 'alt="会场［全景］"' in html and "<figcaption>开幕式 ＂首日＂</figcaption></figure>" in html


def test_after_an_overrun_the_next_render_gets_its_own_answer():
    from newsdesk.text.render import render_body, render_safely
    overran = render_safely("[a](" * 10_000, limit=0.05)
    assert overran.fallback
    # The stuck render's late answer must not be taken for the next one's.
    assert render_safely("县图书馆**延长**开放。").html == render_body("县图书馆**延长**开放。")
