import pytest

from newsdesk.render import char_count, render_body


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
    for bad in ("<script", "onerror", "javascript:", "<iframe", "<h1"):
        assert bad not in html


def test_links_keep_http_and_get_noopener():
    html = render_body("[人民网](http://www.people.com.cn)")
    assert 'href="http://www.people.com.cn"' in html and "noopener" in html
