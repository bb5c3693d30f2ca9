import gzip
import http.server
import json
import re
import threading
from functools import partial
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.errors import NewsdeskError
from newsdesk.site import ExportCancelled, export_site
from newsdesk.site import plan as site_plan
from newsdesk.site.verify import verify
from newsdesk.site.writer import UnsafePath, confined
from newsdesk import views
from tests.clock import moment, stamp
from tests.site_helpers import html_pages, internal_targets


@pytest.fixture
def out(tmp_path):
    return tmp_path / "site"


@pytest.fixture
def site(demo_store, out):
    report = export_site(demo_store, out)
    return demo_store, out, report


def soup(out, path):
    return BeautifulSoup((out / path).read_text("utf-8"), "html.parser")


def published(store, title_start):
    return next(a for a in store.articles.many(store.articles.ids(state="published"))
                if a.title.startswith(title_start))


def test_article_page_anatomy(site):
    store, out, _ = site
    a = published(store, "社区志愿者")
    page = soup(out, a.public_path)
    assert page.title.string == "社区志愿者守护独居老人“最后一百米”——越溪新闻网"
    head = page.find("header", class_="headline")
    assert head.find(class_="kicker").text == "文明实践在身边"
    assert head.find("h1").text == a.title
    meta = [s.text for s in head.find(class_="meta").find_all("span")]
    assert meta == [f"发布时间:{times.local_text(a.first_published_at)}", "来源:越溪新闻网",
                    "编辑:王芳", "审核:赵敏"] and meta[0].endswith(" 09:30:00")  # Asia/Shanghai
    body = page.find(class_="body")
    assert body.find("h2").text == "“一张联系卡，记着全楼的心”"
    assert not any(p.text.startswith(("　", " ")) for p in body.find_all("p"))
    assert page.find(class_="byline").text == "（记者张薇）"
    nav = [x.text for x in page.select("nav.channels > ul > li > a")]
    assert nav[:4] == ["首页", "要闻", "越视频", "镇街"] and "新闻排行榜" in nav and "H5" in nav
    assert [x.text for x in page.select("nav.channels li.has-children .sub a")] == \
        ["城关镇", "白塔镇", "溪口镇", "桃源街道"]
    assert page.select_one("nav.channels a[aria-current]").text == "社会"
    footer = page.find("footer").get_text(" ")
    for item in ("网站简介", "广告服务", "联系方式", "网站地图", "浙新办[2006]27号",
                 "违法和不良信息举报电话：0575-86012345",
                 "网站涉未成年人内容投诉、举报电话：0575-86012346",
                 "越溪县融媒体中心版权所有 未经授权禁止复制或建立镜像",
                 "浙ICP备06012345号-1", "浙公网安备33108102000123号"):
        assert item in footer, item
    # One script, the site's own: a phone's channel strip shows this page's channel.
    assert [s.get("src") for s in page.find_all("script")] == ["../../../static/nav.js"]


def test_reprint_shows_its_source(site):
    store, out, _ = site
    a = published(store, "今年全国")
    meta = soup(out, a.public_path).find(class_="meta").text
    assert "来源:人民日报" in meta and "编辑:陈璐" in meta


def test_only_live_stories_appear(site):
    store, out, report = site
    live = {a.public_path for a in store.articles.many(store.articles.ids(state="published"))}
    assert len(live) == 7  # six demo stories plus the approved one the export published
    assert len(report.published) == 1
    articles = {p for p in html_pages(out) if re.match(r"[a-z]+/\d{4}/\d{2}/\d+\.html$", p)}
    assert articles == live
    everything = " ".join((out / p).read_text("utf-8") for p in html_pages(out))
    for title in ("越溪县第十届运动会", "秋冬季流感高发", "县政府常务会议", "溪口镇乡村振兴",
                  "城关镇社区开展防汛"):
        assert title not in everything


def test_every_page_kind_exists_and_links_resolve(site):
    store, out, _ = site
    for path in ("index.html", "yaowen/index.html", "towns/index.html", "baita/index.html",
                 "topics/index.html", "topics/wenming/index.html", "ranking.html",
                 "sitemap.html", "sitemap.xml", "rss.xml", "shehui/rss.xml", "404.html",
                 "robots.txt", "static/site.css", "about.html", "manifest.json"):
        assert (out / path).is_file(), path
    broken = []
    for page in html_pages(out):
        for link in BeautifulSoup((out / page).read_text("utf-8"), "html.parser").find_all(
                href=True):
            assert not link["href"].startswith("/"), (page, link["href"])  # relative only
        broken += [(page, t) for t in internal_targets(out, page) if not (out / t).is_file()]
    assert broken == []
    towns = soup(out, "towns/index.html").get_text()
    assert "白塔镇老街改造" in towns  # a parent's list shows its sub-channels' stories
    rss = (out / "rss.xml").read_text("utf-8")
    assert rss.count("<item>") == 7 and "https://www.yuexi-news.example/" in rss
    page = published(store, "社区志愿者").public_path
    assert f"<loc>https://www.yuexi-news.example/{page}</loc>" in (out / "sitemap.xml").read_text()


def test_second_run_writes_nothing(site):
    store, out, first = site
    assert len(first.written) > 40
    before = {p: (out / p).stat().st_mtime_ns for p in html_pages(out)}
    again = export_site(store, out)
    assert (again.written, again.removed, again.rendered) == ([], [], 0)
    assert {p: (out / p).stat().st_mtime_ns for p in html_pages(out)} == before


def test_editing_one_story_rewrites_only_the_pages_that_show_it(site):
    store, out, _ = site
    a = published(store, "县人民医院")  # 健康, no topics
    users = {u.username: u for u in store.users.all()}
    workflow.begin_correction(store, a.id, users["zhangwei"], "开诊时间更正")
    workflow.edit(store, a.id, {"title": "县人民医院夜间门诊开诊 上班族看病不用再请假",
                                "body": a.body.replace("18:00至21:00", "18:00至21:30")},
                  users["zhangwei"])
    workflow.submit(store, a.id, users["zhangwei"])
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(store, a.id, users[name])
    report = export_site(store, out)
    # sitemap.xml too when the story's last-modified day changed (not so here: same day)
    assert sorted(set(report.written) - {"sitemap.xml"}) == sorted([
        a.public_path, "jiankang/index.html", "index.html", "rss.xml", "jiankang/rss.xml"])
    page = soup(out, a.public_path)
    assert "18:00至21:30" in page.find(class_="body").text
    assert page.find(class_="correction").text.startswith("更正（")


def test_withdrawn_story_leaves_lists_and_feeds(site):
    store, out, _ = site
    a = published(store, "社区志愿者")
    workflow.withdraw(store, a.id, store.users.find("admin"), "当事人要求撤稿")
    report = export_site(store, out)
    assert a.public_path in report.written
    page = soup(out, a.public_path)
    assert "该稿件已撤回" in page.get_text() and "社区志愿者" not in page.get_text()
    for path in ("index.html", "shehui/index.html", "topics/wenming/index.html", "rss.xml",
                 "shehui/rss.xml", "sitemap.xml"):
        assert "社区志愿者守护" not in (out / path).read_text("utf-8"), path
        assert a.public_path not in (out / path).read_text("utf-8"), path


def test_manifest_lists_every_file(site):
    _, out, _ = site
    manifest = json.loads((out / "manifest.json").read_text())
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == files - {"manifest.json"}
    assert verify(out / "manifest.json", str(out)).ok


def tamper(deployed: Path, article_path: str) -> None:
    page = deployed / article_path
    html = page.read_text("utf-8").replace("——越溪新闻网</title>", "——澳门葡京娱乐场</title>")
    page.write_text(html.replace("</main>", '<a href="../../../casino.html">网投</a></main>'),
                    "utf-8")
    (deployed / "ranking.html").unlink()
    (deployed / "casino.html").write_text("<html>博彩</html>", "utf-8")


@pytest.fixture
def deployed(site, tmp_path):
    import shutil
    store, out, _ = site
    copy = tmp_path / "deployed"
    shutil.copytree(out, copy)
    a = published(store, "社区志愿者")
    tamper(copy, a.public_path)
    return out, copy, a.public_path


def test_verify_a_folder(deployed):
    out, copy, article = deployed
    report = verify(out / "manifest.json", str(copy))
    assert report.modified == [(article, "澳门葡京娱乐场 … 网投")] or \
        (report.modified[0][0] == article and "澳门葡京娱乐场" in report.modified[0][1])
    assert report.missing == ["ranking.html"]
    assert report.unexpected == ["casino.html"]
    # The injected title is named as gambling spam, not only "modified".
    assert report.spam == {article: ["澳门葡京娱乐场"]}


def test_verify_names_spam_only_where_it_was_injected(deployed):
    out, copy, article = deployed
    home = copy / "index.html"
    home.write_text(home.read_text("utf-8").replace("</main>", "<p>勘误：第二段有误。</p></main>"),
                    "utf-8")
    report = verify(out / "manifest.json", str(copy))
    assert {p for p, _ in report.modified} == {article, "index.html"}
    assert set(report.spam) == {article}


def test_verify_a_live_site_over_http(deployed):
    out, copy, article = deployed
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(copy))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        report = verify(out / "manifest.json", url)
    finally:
        server.shutdown()
    assert [p for p, _ in report.modified] == [article]
    assert "澳门葡京娱乐场" in report.modified[0][1]
    assert report.missing == ["ranking.html"]
    assert report.unexpected == ["casino.html"]


def test_verify_cli_exit_codes(deployed, cli):
    out, copy, _ = deployed
    assert cli("verify", "--manifest", out / "manifest.json", out).code == 0
    r = cli("verify", "--manifest", out / "manifest.json", copy)
    assert r.code == 1 and "added: 澳门葡京娱乐场" in r.out
    assert "search-spam injection (博彩): 澳门葡京娱乐场" in r.out
    r = cli("verify", "--manifest", copy / "nope.json", copy)
    assert r.code == 2 and "no manifest" in r.err
    r = cli("verify", "--manifest", out / "manifest.json", "http://127.0.0.1:9/")
    assert r.code == 2 and "http://127.0.0.1:9/ cannot be reached (the connection was " \
        "refused)" in r.err


@pytest.mark.parametrize("path", ["../x.html", "/etc/passwd", "a/../../x.html", "a\\..\\x",
                                  ""])
def test_paths_are_confined(out, path):
    out.mkdir()
    with pytest.raises(UnsafePath):
        confined(out, path)


def test_symlink_out_of_the_folder_is_refused(out, tmp_path):
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePath, match="outside"):
        confined(out, "link/x.html")


def test_site_page_escaping_the_folder_is_refused(demo_store, out, tmp_path):
    demo_store.set_settings({"pages": [{"path": "../evil.html", "title": "x", "body": "x"}]})
    with pytest.raises(NewsdeskError, match="not a plain path"):
        export_site(demo_store, out)
    assert not (tmp_path / "evil.html").exists()


def test_duplicate_paths_are_an_error_naming_both(demo_store, out):
    demo_store.set_settings({"pages": [{"path": "index.html", "title": "首页", "body": "x"}]})
    with pytest.raises(NewsdeskError, match="index.html: home page and site page 首页"):
        export_site(demo_store, out)
    assert not out.exists() or not any(out.iterdir())


def test_refuses_a_folder_with_other_things_in_it(demo_store, out):
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(NewsdeskError, match="not empty"):
        export_site(demo_store, out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_hostile_bodies_are_exported_harmless(newsroom, out):
    s = newsroom
    author = s.users.find("zhangwei")
    body = ('正文<script>alert(1)</script><img src=x onerror=alert(1)>'
            '<a href="javascript:alert(1)">链接</a><iframe src="https://evil.example/"></iframe>'
            '<iframe src="https://v.qq.com/x/page/abc.html"></iframe>')
    a = s.articles.create(author.id, title="测试", body=body, reporters=["张薇"],
                         channel_id=s.channels.find("shehui").id)
    workflow.submit(s, a.id, author)
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(s, a.id, s.users.find(name))
    export_site(s, out)
    html = (out / s.articles.get(a.id).public_path).read_text("utf-8").lower()
    for bad in ("javascript:", "evil.example"):
        assert bad not in html
    assert not re.search(r"<[^>]*onerror", html)  # (markdown2 makes that <img text)
    # The site's own script (the channel strip on a phone) is the only one.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="../../../static/nav.js">']
    assert 'src="https://v.qq.com/x/page/abc.html"' in html


def test_cancel_leaves_no_half_written_file(demo_store, out):
    cancel = threading.Event()
    reported = []

    def progress(done, total, path):
        reported.append((done, total))
        cancel.set()  # the user presses Cancel at the first progress report
    with pytest.raises(ExportCancelled):
        export_site(demo_store, out, progress=progress, cancel=cancel)
    files = [p for p in out.rglob("*") if p.is_file()]
    done, total = reported[-1]
    assert 0 < len(files) == done < total
    assert not [p for p in files if p.name.endswith(".tmp")]
    assert not (out / "manifest.json").exists()
    report = export_site(demo_store, out)  # picks up where it stopped
    assert report.unchanged == done and len(report.written) == total - done
    assert verify(out / "manifest.json", str(out)).ok


def test_sitemap_is_sharded_with_an_index(demo_store, out, monkeypatch):
    monkeypatch.setattr(site_plan, "SITEMAP_SHARD", 3)
    export_site(demo_store, out)
    index = (out / "sitemap.xml").read_text()
    assert "<sitemapindex" in index
    shards = sorted(out.glob("sitemap-*.xml"))
    assert len(shards) == 4 and index.count("<sitemap>") == 4
    # The home page, lists and topics apart; then the stories, oldest first, so a new
    # story never shifts the shards before it.
    assert (out / "sitemap-0.xml").read_text().count("<url>") == 1 + 16 - 2 + 2
    stories = [s.read_text().count("<url>") for s in shards[1:]]
    assert stories == [3, 3, 1]
    newest = demo_store.articles.many(demo_store.articles.ids(state="published"))
    newest = max(newest, key=lambda a: a.first_published_at)
    assert newest.public_path in (out / "sitemap-3.xml").read_text()


LOG = """\
10.0.0.1 - - [{day}:09:00:00 +0800] "GET /{a} HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (iPhone)"
10.0.0.2 - - [{day}:09:01:00 +0800] "GET /news/{a}?from=wx HTTP/1.1" 200 5120 "-" "Mozilla/5.0"
10.0.0.3 - - [{day}:09:02:00 +0800] "GET /{a} HTTP/1.1" 200 5120 "-" "Baiduspider/2.0"
10.0.0.4 - - [{day}:09:03:00 +0800] "GET /{a} HTTP/1.1" 404 0 "-" "Mozilla/5.0"
10.0.0.5 - - [{day}:09:04:00 +0800] "POST /{a} HTTP/1.1" 200 0 "-" "Mozilla/5.0"
10.0.0.6 - - [{day}:09:05:00 +0800] "GET /{b} HTTP/1.1" 200 5120 "-" "Mozilla/5.0"
10.0.0.7 - - [{day}:09:06:00 +0800] "GET /index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0"
this line is not a log line
10.0.0.8 - - [{day}:09:07:00 +0800] "GET /{a} HTTP/1.1" 200 5120
"""


def test_page_views_feed_the_ranking(demo_store, out, tmp_path, cli):
    s = demo_store
    a, b = published(s, "社区志愿者"), published(s, "白塔镇")
    log = tmp_path / "access.log.gz"
    day = moment(days=-3).strftime("%d/%b/%Y")  # as the log writes it (and views reads it)
    log.write_bytes(gzip.compress(LOG.format(a=a.public_path, b=b.public_path,
                                             day=day).encode()))
    r = views.import_log(s, log)
    assert (r.counted, r.bots, r.not_ok, r.other, r.malformed) == (4, 1, 2, 1, 1)
    assert views.import_log(s, log).already
    export_site(s, out)
    boards = soup(out, "ranking.html").select("section.ranking")
    week = [(li.a.text, li.find(class_="views").text) for li in boards[0].select("li")]
    assert week == [(a.title, "3 次"), (b.title, "1 次")]
    later = export_site(s, out, now=stamp(days=20))  # out of the 7-day window
    assert "ranking.html" in later.written
    assert "暂无数据" in soup(out, "ranking.html").select("section.ranking")[0].text
    r = cli("views", "import", log, "--db", s.conn.execute("PRAGMA database_list").fetchone()[2])
    assert r.code == 0 and "already counted" in r.out


def test_changes_and_zip_since_last_upload(demo_store, out, cli, tmp_path):
    db = demo_store.conn.execute("PRAGMA database_list").fetchone()[2]
    assert cli("export", "--db", db, "--out", out).code == 0
    changes, pack = tmp_path / "changes.txt", tmp_path / "upload.zip"
    r = cli("export", "--db", db, "--out", out, "--changes", changes, "--zip", pack)
    assert r.code == 0
    lines = changes.read_text().splitlines()
    assert lines and all(line.startswith("added\t") for line in lines)  # nothing uploaded yet
    assert cli("export", "--db", db, "--out", out, "--mark-uploaded").code == 0
    a = published(demo_store, "社区志愿者")
    workflow.withdraw(demo_store, a.id, demo_store.users.find("admin"), "撤稿")
    r = cli("export", "--db", db, "--out", out, "--changes", changes, "--zip", pack)
    lines = set(changes.read_text().splitlines())
    assert f"changed\t{a.public_path}" in lines and "changed\tshehui/index.html" in lines
    assert not any(line.startswith(("added", "removed")) for line in lines)
    import zipfile
    names = zipfile.ZipFile(pack).namelist()
    assert a.public_path in names and "manifest.json" in names
    assert len(names) == len(lines) + 1


def test_export_cli(demo_store, out, cli, monkeypatch):
    db = demo_store.conn.execute("PRAGMA database_list").fetchone()[2]
    r = cli("export", "--db", db, "--out", out, "--as", "admin")
    assert r.code == 0
    assert r.out.startswith("published ") and "0 removed, 0 unchanged" in r.out
    r = cli("export", "--db", db, "--out", out)
    assert r.code == 0 and r.out.strip().endswith(f"0 written, 0 removed, "
                                                  f"{len(json.loads((out / 'manifest.json').read_text())['files'])} unchanged in {out}")
    r = cli("export", "--db", db, "--out", out, "--full")
    assert r.code == 0 and r.out.startswith("0 written")  # re-rendered, same bytes
    r = cli("export", "--db", db, "--out", out / "index.html")
    assert r.code == 2 and "is a file" in r.err


def test_big_exports_render_on_every_core_and_still_cancel_cleanly(demo_store, out,
                                                                   monkeypatch):
    import newsdesk.site as site_module
    monkeypatch.setattr(site_module, "BATCH", 4)  # demo-sized work goes to forked workers
    serial = export_site(demo_store, out.with_name("serial"), full=True)
    parallel = export_site(demo_store, out, full=True)
    assert sorted(parallel.written) == sorted(serial.written)
    for path in serial.written:
        assert (out / path).read_bytes() == (out.with_name("serial") / path).read_bytes()
    cancel = threading.Event()
    with pytest.raises(ExportCancelled):
        export_site(demo_store, out.with_name("cancelled"), full=True,
                    progress=lambda *a: cancel.set(), cancel=cancel)
    left = [p for p in out.with_name("cancelled").rglob("*") if p.is_file()]
    assert left and not [p for p in left if p.name.endswith(".tmp")]


def test_stored_images_are_exported_and_linked_from_deep_pages(newsroom, out):
    s = newsroom
    author = s.users.find("zhangwei")
    link = s.assets.add(b"\x89PNG\r\n\x1a\nfake", "测温.png", "image/png", author.id)
    assert link == s.assets.add(b"\x89PNG\r\n\x1a\nfake", "again.png", "image/png", None)
    a = s.articles.create(author.id, title="图片稿", body=f"正文。\n\n![测温]({link})",
                         reporters=["张薇"], channel_id=s.channels.find("shehui").id)
    workflow.submit(s, a.id, author)
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(s, a.id, s.users.find(name))
    export_site(s, out)
    page = s.articles.get(a.id).public_path
    assert f'src="../../../{link}"' in (out / page).read_text("utf-8")
    assert (out / link).read_bytes() == b"\x89PNG\r\n\x1a\nfake"
    assert all((out / t).is_file() for t in internal_targets(out, page))


def test_a_full_disk_leaves_no_half_written_file(demo_store, out, monkeypatch, cli):
    import errno
    import os
    import newsdesk.site.writer as writer
    created = []

    class FillingDisk:   # the writer's os, whose disk fills at the 16th file
        def __getattr__(self, name):
            return getattr(os, name)

        def open(self, path, flags, *a):
            created.append(path)
            return os.open(path, flags, *a)

        def write(self, fd, data):
            if len(created) > 15:
                os.write(fd, b"<html>half")  # some bytes made it before the disk filled
                raise OSError(errno.ENOSPC, "No space left on device")
            return os.write(fd, data)
    monkeypatch.setattr(writer, "os", FillingDisk())
    r = cli("export", "--db", demo_store.path, "--out", out)
    assert r.code == 2 and "No space left on device" in r.err
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) == 15 and not (out / "manifest.json").exists()
    assert not any(p.read_bytes() == b"<html>half" for p in files)
    monkeypatch.undo()
    export_site(demo_store, out)
    assert verify(out / "manifest.json", str(out)).ok


def test_feed_items_describe_and_sitemap_entries_carry_lastmod(demo_store, out):
    import xml.etree.ElementTree as ET
    export_site(demo_store, out)
    items = ET.parse(out / "rss.xml").getroot().findall("./channel/item")
    assert items and all((i.findtext("description") or "").strip() for i in items)
    no_summary = [a for a in demo_store.articles.many(demo_store.articles.ids(state="published"))
                  if not a.summary]
    assert no_summary  # the demo has stories without a summary: their first paragraph
    for a in no_summary:
        item = [i for i in items if i.findtext("title") == a.title]
        if item:
            lead = item[0].findtext("description")
            assert lead and lead[:10] in a.body and "**" not in lead and "<" not in lead
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(out / "sitemap.xml").getroot().findall("s:url", ns)
    assert urls and all(u.findtext("s:lastmod", namespaces=ns) for u in urls)
    home = [u for u in urls if u.findtext("s:loc", namespaces=ns).endswith("/index.html")][0]
    newest = max(a.updated_at for a in demo_store.articles.many(demo_store.articles.ids(
        state="published")))
    assert home.findtext("s:lastmod", namespaces=ns) == newest


def test_only_an_admin_publishes_the_site(cli, demo_store, tmp_path):
    r = cli("export", "--db", demo_store.path, "--out", tmp_path / "site", "--as", "zhangwei")
    assert r.code == 2 and "only admins publish the site" in r.err
    assert not (tmp_path / "site" / "index.html").exists()


def test_settings_no_page_shows_re_render_nothing(site):
    store, out, _ = site
    store.set_settings({"publish_targets": [{"name": "本机", "kind": "folder", "path": "/srv"}],
                        "stale_days": 30, "output_dir": str(out)})
    again = export_site(store, out)
    assert (again.rendered, again.written) == (0, [])
    store.set_settings({"licence": "浙新办[2026]1号"})  # on every page's footer
    assert export_site(store, out).rendered > 0


def test_an_outlets_partial_is_used_and_inlining_changes_no_byte(demo_store, tmp_path,
                                                                  monkeypatch):
    from jinja2 import ChoiceLoader
    from newsdesk.site import templates
    own = tmp_path / "own"
    own.mkdir()
    (own / "_byline.html").write_text(
        "{%- if a.reporters %}（本台记者 {{ a.reporters | join('、') }}）{% endif -%}\n", "utf-8")
    demo_store.set_settings({"template_dir": str(own)})
    now = times.now()   # the manifest says when: the same moment for both
    export_site(demo_store, tmp_path / "inlined", now=now)
    monkeypatch.setattr(templates, "InliningLoader", ChoiceLoader)   # plain includes
    export_site(demo_store, tmp_path / "included", now=now)
    inlined, included = (tmp_path / "inlined"), (tmp_path / "included")
    a = published(demo_store, "社区志愿者")
    assert soup(inlined, a.public_path).find(class_="byline").text == "（本台记者 张薇）"
    files = sorted(p.relative_to(inlined) for p in inlined.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(included) for p in included.rglob("*") if p.is_file())
    assert all((inlined / f).read_bytes() == (included / f).read_bytes() for f in files)
