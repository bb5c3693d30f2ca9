"""Nothing a person typed is lost or garbled: a `<` that opens no tag is text, on the
exported page and in the preview alike; markup the page leaves out is named by 机审;
control characters are refused whichever way they come in and never reach a feed; a
file that is not UTF-8 is named, not a traceback."""
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from newsdesk.review import signing, workflow
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article
from newsdesk.site import export_site
from newsdesk.site.preview import Preview
from newsdesk.sync.seat import Seat
from tests.test_sync import _story_file, a_draft, remote, seats, snapshot  # noqa: F401

# Each a body of plain lines (one line, one paragraph) with a '<' that opens no tag.
LT_BODIES = [
    "当气温T<a时路面结冰，请绕行。\n预计明晨气温回升。",
    "x<y的区域降雪较多，x>y的区域以雨为主。",
    "当 a<b 时，结冰风险较高。",
    "按<Tab>键切到下一栏，按<Enter>键确认。",
    "<5岁儿童免票\n<10岁儿童半价",
    "利润<30%&成本>50%的企业<br",
]


def paragraphs(page: str) -> list[str]:
    """The text of each paragraph of a page's story body, as a reader sees it."""
    body = lxml.html.fromstring(page).find_class("body")[0]
    return [" ".join(p.text_content().split()) for p in body.iter("p")]


def lines(body: str) -> list[str]:
    return [" ".join(line.split()) for line in body.split("\n") if line.strip()]


def preview_page(store, body: str) -> str:
    preview = Preview(store)
    article = Article(id="", title="测试", body=body,
                      channel_id=store.channels.find("shehui").id)
    return preview.page(article, preview.render_body(body).html)


def approve(store, body: str, title: str = "测试稿件") -> Article:
    """A story written and signed off in all three stages: the next export publishes it."""
    author = store.users.find("zhangwei")
    a = store.articles.create(author.id, title=title, body=body, reporters=["张薇"],
                              channel_id=store.channels.find("shehui").id)
    workflow.submit(store, a.id, author)
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(store, a.id, store.users.find(name))
    return a


# ---- a '<' that opens no tag is text ----------------------------------------------------
@pytest.mark.parametrize("body", LT_BODIES)
def test_a_lt_that_opens_no_tag_stays_in_the_preview(newsroom, body):
    assert paragraphs(preview_page(newsroom, body)) == lines(body)


def test_a_lt_that_opens_no_tag_stays_on_the_exported_page(newsroom, tmp_path):
    stories = [approve(newsroom, body, f"稿件{n}") for n, body in enumerate(LT_BODIES)]
    export_site(newsroom, tmp_path / "site")
    for body, a in zip(LT_BODIES, stories):
        page = (tmp_path / "site" / newsroom.articles.get(a.id).public_path).read_text("utf-8")
        assert paragraphs(page) == lines(body)


def test_real_tags_and_comments_are_still_markup(newsroom):
    page = preview_page(newsroom, "有<b>重点</b>的句子<!-- 编者按：待核实 -->。")
    body = lxml.html.fromstring(page).find_class("body")[0]
    assert body.find(".//p/b").text == "重点" and "待核实" not in body.text_content()


# Plain text: Chinese, Latin, digits, spaces, Chinese punctuation and < > &, but no
# other syntax of markdown or HTML. A tag (<b>, <p class>) is HTML, not text; a '>'
# opening a line is markdown's quotation, spaces around it its code and line breaks.
WORDS = st.sampled_from(list("社区志愿者疫苗接种县城气温路面结冰") + list("AbcxyzT")
                       + list("0123 ，。、：；！？“”（）《》—"))
PLAIN = st.lists(WORDS | st.sampled_from("<>&"), min_size=1, max_size=40).map("".join)
TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*( +[A-Za-z][A-Za-z0-9]*)* *>")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PLAIN.map(str.strip), min_size=1, max_size=4))
def test_plain_text_appears_on_the_page_unchanged(newsroom, texts):
    body = "\n".join(texts)
    written = lines(body)
    assume(written and not TAG.search(body)
           and not any(line.startswith(">") for line in written))
    assert paragraphs(preview_page(newsroom, body)) == written


# ---- 机审 names markup the page leaves out --------------------------------------------
def test_the_checks_warn_of_markup_the_page_drops(newsroom, cli, db_path):
    body = ('<font color="red">重要通知</font>：明日停水。\n'
            '<a href="https://www.gov.cn/" onclick="track()">详情</a>\n'
            '<script>alert(1)</script>\n<iframe src="https://evil.example/v"></iframe>\n'
            '`<script>` 是代码，不是标记。')
    author = newsroom.users.find("zhangwei")
    a = newsroom.articles.create(author.id, title="停水通知", body=body, reporters=["张薇"],
                                 channel_id=newsroom.channels.find("shehui").id)
    r = cli("check", a.id, "--json", "--db", db_path)
    report = json.loads(r.out)
    dropped = [f for f in report["findings"] if f["rule"] == "markup.dropped"]
    assert [(f["text"], f["severity"]) for f in dropped] == [
        ("<font>", "warn"), ("onclick=", "warn"), ("<script>", "warn"),
        ('src="https://evil.example/v"', "warn")]
    font = dropped[0]
    assert body[font["start"]:font["end"]].lower().startswith("<font")
    assert font["message_en"] == ("“<font>” is left out of the published page (markup "
                                  "the site does not allow)")
    assert font["message"] == "“<font>”在发布的网页上会被去掉（网站不允许这种标记）"
    assert report["verdict"] == "warn"


# ---- control characters -----------------------------------------------------------------
@pytest.fixture
def draft(demo_store):
    return demo_store.articles.get(demo_store.articles.ids(state="draft",
                                   author_id=demo_store.users.find("chenlu").id)[0])


def test_edit_refuses_a_control_character_in_the_title(demo_store, draft, cli, db_path,
                                                         monkeypatch):
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--title", "a\x01b\x1bc", "--db", db_path)
    assert r.code == 2
    assert "title: character 2 is a control character (U+0001) and cannot be saved" in r.err
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--title", "标题\x85", "--db", db_path)
    assert r.code == 2 and "主标题第 3 个字符是控制字符（U+0085），不能保存" in r.err
    assert demo_store.articles.get(draft.id) == draft


def test_edit_refuses_a_nul_in_a_body_file_and_keeps_line_ends_as_the_editor(
        demo_store, draft, cli, db_path, tmp_path):
    path = tmp_path / "body.md"
    path.write_bytes("第一段。\n\n第二段\x00尾。".encode())
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--body-file", path, "--db", db_path)
    assert r.code == 2
    assert "body: character 4 of line 3 is a control character (U+0000)" in r.err
    assert demo_store.articles.get(draft.id) == draft
    user = demo_store.users.find("chenlu")
    workflow.edit(demo_store, draft.id, {"body": "甲。\r\n\r\n乙\t丙。\r丁。"}, user)
    assert demo_store.articles.get(draft.id).body == "甲。\n\n乙\t丙。\n丁。"


def test_import_refuses_control_characters(demo_store, cli, db_path, tmp_path):
    (tmp_path / "title.md").write_text('---\ntitle: "停水\\u0007通知"\nchannel: 社会\n---\n'
                                       "明日停水。\n", "utf-8")
    (tmp_path / "body.md").write_text("---\ntitle: 停电通知\nchannel: 社会\n---\n"
                                      "明日\x1b[31m停电。\n", "utf-8")
    before = demo_store.articles.count()
    r = cli("import", tmp_path / "title.md", tmp_path / "body.md", "--db", db_path)
    assert r.code == 1 and demo_store.articles.count() == before
    assert "title: character 3 is a control character (U+0007)" in r.out + r.err
    assert "body: character 3 of line 1 is a control character (U+001B)" in r.out + r.err


def test_feeds_and_sitemap_are_xml_whatever_an_old_database_holds(demo_store, tmp_path):
    a = demo_store.articles.get(demo_store.articles.ids(state="published")[0])
    channel = demo_store.channels.get(a.channel_id)
    # An older version let these in: put them there as it would have.
    demo_store.conn.execute("UPDATE articles SET title = ?, summary = ? WHERE id = ?",
                            ["旧\x01标题\x1b", "摘\x02要\x0c", a.id])
    # ... and its review signed off that text (the demo's sign-offs need no key).
    live = demo_store.clearances.live_content([a.id])[a.id]
    final = [e for e in demo_store.events.of(a.id) if e.kind == "approve"][-1]
    demo_store.conn.execute("UPDATE review_events SET detail = json_set(detail, "
                            "'$.content_hash', ?) WHERE id = ?",
                            [signing.content_hash(live), final.id])
    export_site(demo_store, tmp_path / "site")
    for feed in ("rss.xml", f"{channel.slug}/rss.xml", "sitemap.xml"):
        ET.parse(tmp_path / "site" / feed)  # well-formed
    titles = [t.text for t in ET.parse(tmp_path / "site" / "rss.xml").iter("title")]
    assert "旧标题" in titles


# ---- a file that is not UTF-8 ------------------------------------------------------------
def test_a_body_file_that_is_not_utf8_is_named(demo_store, draft, cli, db_path, tmp_path,
                                               monkeypatch):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe")
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--body-file", tmp_path / "bad.md",
            "--db", db_path)
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{tmp_path / 'bad.md'} is UTF-16 text" in r.err and "save it as UTF-8" in r.err
    (tmp_path / "gbk.md").write_bytes("正文".encode() + "疫苗".encode("gbk"))
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--body-file", tmp_path / "gbk.md",
            "--db", db_path)
    assert r.code == 2 and "gbk.md is not UTF-8 text (0xd2 at byte offset 6)" in r.err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe")))
    r = cli("edit", draft.id[:8], "--as", "chenlu", "--body-file", "-", "--db", db_path)
    assert r.code == 2 and "standard input is UTF-16 text" in r.err
    assert demo_store.articles.get(draft.id) == draft


@pytest.mark.parametrize("command", [["words", "import"], ["lists", "import", "names"]])
def test_list_files_that_are_not_utf8_are_named(demo_store, cli, db_path, tmp_path,
                                                command):
    (tmp_path / "list.txt").write_bytes("疫苗\tblock".encode("gbk"))
    r = cli(*command, tmp_path / "list.txt", "--as", "admin", "--db", db_path)
    assert r.code == 2 and "list.txt is not UTF-8 text (0xd2 at byte offset 0)" in r.err


# ---- a story record from another seat ------------------------------------------------
def test_a_synced_story_with_a_control_character_is_refused(seats):
    a, b = seats
    story = a_draft(b)
    seat = Seat.of(b)
    tree = seat.git.tree(seat.git.tip())
    path = _story_file(b, story)
    text = seat.git.read(tree, path).decode("utf-8")
    title = b.articles.get(story).title
    # What a seat of an older version could have sent (TOML writes it escaped).
    bad = text.replace(f'title = "{title}"', f'title = "{title[:2]}\\u0001{title[2:]}"')
    assert bad != text
    seat.git.commit(seat.git.edit_tree(tree, {path: seat.git.write_blob(bad.encode())}),
                    [seat.git.tip()], "a title with a control character", "old-seat")
    seat.git.push(seat.remote)
    before = snapshot(a)
    with pytest.raises(NewsdeskError, match=re.escape(
            f"{path}: title: character 3 is a control character (U+0001)")):
        Seat.of(a).sync("a")
    assert snapshot(a) == before
