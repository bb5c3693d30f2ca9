"""网站自查: the demo newsroom's published site, checked as an inspection does — channels,
footer, every live story through 机审's knowledge, meta lines, internal and external
links (a local HTTP server on 127.0.0.1), the report as JSON, text and HTML."""
import http.server
import json
import threading

import pytest

from newsdesk import checks
from newsdesk.site import export_site
from newsdesk.site.inspect import inspect_site
from newsdesk.site.inspect_report import report_html
from tests.clock import moment, stamp


def live_story(store, title, body, channel="yaowen", editor="wangfang"):
    """A story that reached the site (an old one, or one filed before the lists knew
    better): created and marked published through the store."""
    users = {u.username: u for u in store.users.all()}
    a = store.articles.create(users["zhangwei"].id, title=title, body=body,
                              channel_id=store.channels.find(channel).id,
                              reporters=["张薇"], editor_id=users[editor].id if editor else None)
    return store.articles.publish(a.id, stamp(days=-2), None)


def rules(report):
    return {(p.rule, p.channel or p.where) for p in report.problems}


def test_the_demo_sites_channels_and_footer(demo_store):
    report = inspect_site(demo_store, links=False, now=moment())
    empty = {p.channel for p in report.problems if p.rule == "inspect.empty-channel"}
    assert empty == {"专题", "国际", "城关镇", "桃源街道", "溪口镇", "越视频", "外宣"}
    # 镇街 shows its towns' stories: not empty although nothing is filed in it directly
    assert "镇街" not in empty and report.verdict == "block"
    assert not any(p.rule == "inspect.footer" for p in report.problems)
    assert report.stories == len(demo_store.exports.live_ids()) and report.channels == 14


def test_stale_channels_and_the_exempt(demo_store):
    later = moment(days=61)
    stale = {p.channel for p in inspect_site(demo_store, links=False, now=later).problems
             if p.rule == "inspect.stale-channel"}
    assert {"要闻", "社会"} <= stale
    demo_store.set_settings({"stale_exempt": ["yaowen"], "stale_days": 90})
    stale = {p.channel for p in inspect_site(demo_store, links=False, now=later).problems
             if p.rule == "inspect.stale-channel"}
    assert stale == set()
    demo_store.set_settings({"stale_days": 30})
    [p] = [p for p in inspect_site(demo_store, links=False, now=later).problems
           if p.rule == "inspect.stale-channel" and p.channel == "社会"]
    assert "no new story in" in p.message_en and "长期未更新" in p.message


def test_footer_items_missing(demo_store):
    demo_store.set_settings({"report_phone": "", "licence": " "})
    found = [p.message_en for p in inspect_site(demo_store, links=False, now=moment()).problems
             if p.rule == "inspect.footer"]
    assert found == ["the footer lacks the internet news licence number (互联网新闻信息服务许可证)",
                     "the footer lacks the 违法和不良信息举报电话 hotline"]


def test_published_stories_through_the_knowledge_and_their_meta_lines(demo_store):
    bad = live_story(demo_store, "县长何文彬调研春耕",
                     "县委书记林振化出席。联系人身份证号11010519491231002X。大家再接再励。"
                     "澳门新葡京官网。", editor=None)
    report = inspect_site(demo_store, links=False, now=moment())
    mine = {(p.rule, p.where, p.text) for p in report.problems if p.story_id == bad.id}
    assert {("names.misspelt", "title", "何文彬"), ("names.misspelt", "body", "林振化"),
            ("personal.id-number", "body", "11010519491231002X"),
            ("confusion.misspelt", "body", "再接再励"),
            ("spam.brand", "body", "澳门新葡京官网"),
            ("inspect.no-editor", "", ""), ("inspect.no-reviewer", "", "")} <= mine
    assert all(p.channel == "要闻" and p.title == "县长何文彬调研春耕"
               for p in report.problems if p.story_id == bad.id)
    # What an editor accepted with a reason is not reported again.
    [pii] = [f for f in checks.run_checks(demo_store, demo_store.articles.get(bad.id)).findings
             if f.rule == "personal.id-number"]
    checks.accept(demo_store, bad.id, pii, "本人同意公开", None)
    again = inspect_site(demo_store, links=False, now=moment())
    assert not any(p.rule == "personal.id-number" for p in again.problems)
    # The demo's own stories pass.
    assert not any(p.story_id and p.story_id != bad.id for p in again.problems)


@pytest.fixture
def local_web():
    """A web server on 127.0.0.1: /ok answers 200, /gone 404."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path.split("?")[0] == "/ok" else 404)
            self.end_headers()
        do_GET = do_HEAD

        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_links_inside_the_site_and_out_of_it(demo_store, tmp_path, local_web):
    export_site(demo_store, tmp_path / "site")
    site = tmp_path / "site"
    page = next(p for p in site.rglob("*.html") if p.parent.name.isdigit())
    article = page.relative_to(site).as_posix()
    (site / "shehui" / "index.html").unlink()  # a channel page the home links to, gone
    # Keep the test on this machine: the links out are the local server's only.
    for html in site.rglob("*.html"):
        text = html.read_text("utf-8")
        text = text.replace("https://beian.miit.gov.cn/", f"{local_web}/ok")
        text = text.replace("https://beian.mps.gov.cn/", f"{local_web}/ok?")
        text = text.replace("https://h5.yuexi-news.example/", f"{local_web}/ok")
        html.write_text(text, "utf-8")
    page.write_text(page.read_text("utf-8").replace(
        "</main>", f'<a href="{local_web}/gone">旧链接</a><a href="../nowhere.html">x</a></main>'),
        "utf-8")
    report = inspect_site(demo_store, site, now=moment(), timeout=5)
    broken = {(p.where, p.text) for p in report.problems if p.rule == "inspect.broken-link"}
    assert ("index.html", "shehui/index.html") in broken
    assert (article, "../nowhere.html") in broken
    assert [p.where for p in report.problems if p.rule == "inspect.external-broken"] == [
        f"{local_web}/gone"]
    assert report.external == 3 and report.pages > 20  # /ok, /ok?… and /gone


def test_offline_external_links_are_one_note(demo_store, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    import socket
    with socket.socket() as s:       # a port nobody listens on: refused at once
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (site / "index.html").write_text(
        f'<a href="http://127.0.0.1:{port}/a">a</a><a href="http://127.0.0.1:{port}/b">b</a>',
        "utf-8")
    report = inspect_site(demo_store, site, now=moment(), timeout=2)
    [note] = [p for p in report.problems if p.rule.startswith("inspect.external")
              or p.rule == "inspect.offline"]
    assert note.rule == "inspect.offline" and note.severity == "info"


def test_the_cli_json_html_and_exit_codes(demo_store, cli, tmp_path):
    html = tmp_path / "report.html"
    r = cli("inspect", "--db", demo_store.path, "--no-links", "--json", "--html", html)
    data = json.loads(r.out)
    assert r.code == 1 and data["verdict"] == "block" and data["counts"]["block"] == 7
    assert data["by_channel"]["专题"] == {"block": 1}
    page = html.read_text("utf-8")
    assert "空白栏目" in page and "<svg" in page and "专题" in page
    r = cli("inspect", "--db", demo_store.path, "--site", tmp_path / "nope")
    assert r.code == 2 and "is not a folder" in r.err
    r = cli("inspect", "--db", demo_store.path, "--no-links")
    assert r.code == 1 and r.out.strip().splitlines()[-1].startswith("block: 7 to fix")


def test_a_clean_site_exits_0(demo_store, cli):
    for slug in ("zhuanti", "guoji", "chengguan", "taoyuan", "xikou", "video", "waixuan"):
        channel = demo_store.channels.find(slug)
        live_story(demo_store, f"{channel.name}动态", "本县新闻。", channel=slug)
    r = cli("inspect", "--db", demo_store.path, "--no-links")
    assert r.code == 0, r.out


def test_the_html_report_reads_on_a_phone(demo_store, tmp_path):
    from playwright.sync_api import sync_playwright
    live_story(demo_store, "县长何文彬调研春耕", "澳门新葡京官网。")
    page_file = tmp_path / "report.html"
    report = inspect_site(demo_store, links=False, now=moment())
    page_file.write_text(report_html(report, "越溪新闻网"), "utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            page.goto(page_file.as_uri())
            assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
            assert page.locator("svg rect").count() >= 2
            assert "何文彬" in page.inner_text("body")
        finally:
            browser.close()


def test_a_site_without_an_address_links_to_no_feed_it_lacks(demo_store, tmp_path):
    # Feeds need absolute links, so a site without base_url writes none: its pages must
    # not link to them (网站自查 found 31 such broken links).
    demo_store.set_settings({"base_url": ""})
    export_site(demo_store, tmp_path / "site")
    report = inspect_site(demo_store, tmp_path / "site", external=False, now=moment())
    assert not [p for p in report.problems if p.rule == "inspect.broken-link"]
    assert not (tmp_path / "site" / "rss.xml").exists()
