from newsdesk.text.paste import html_to_markdown

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal{mso-style-parent:"";}</style></head><body lang=ZH-CN>
<!--StartFragment-->
<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体;mso-ascii-font-family:
Calibri'>　　清晨七点，<b>社区</b>门口的测温点已经排起了队。<o:p></o:p></span></p>
<p class=MsoNormal><b><span style='font-size:14pt'>“居民更在乎的，是你的真心”</span></b></p>
<h3 style='color:#333'>小标题</h3>
<p class=MsoNormal><span lang=EN-US>详见<a href="https://www.people.com.cn/n1/2020.html"
style='color:blue'>人民网</a>。</span></p>
<ol><li>第一条</li><li>第二条</li></ol>
<p><img src="https://img.example/a.jpg" alt="志愿者测温" width=600 style="border:0"></p>
<script>alert(1)</script><p>  </p>
<!--EndFragment--></body></html>"""


def test_word_html_becomes_clean_markdown():
    assert html_to_markdown(WORD) == "\n\n".join([
        "清晨七点，**社区**门口的测温点已经排起了队。",
        "**“居民更在乎的，是你的真心”**",
        "### 小标题",
        "详见[人民网](https://www.people.com.cn/n1/2020.html)。",
        "1. 第一条\n2. 第二条",
        "![志愿者测温](https://img.example/a.jpg)",
    ])


def test_web_page_fragment_drops_unsafe_links_and_styles():
    html = ('<div style="font:12px"><p>点<a href="javascript:alert(1)">这里</a><br>'
            '下一段</p><blockquote>引用一段</blockquote></div>')
    assert html_to_markdown(html) == "点这里\n\n下一段\n\n> 引用一段"
