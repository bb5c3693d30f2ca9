"""The exported demo site in a real browser (Debian's chromium through playwright,
no browser download), opened straight from disk."""
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from newsdesk.site import export_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    assert os.path.exists(CHROMIUM), "Debian's chromium is required (.ci/run installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def out(demo_store, tmp_path):
    out = tmp_path / "site"
    export_site(demo_store, out)
    return out


def test_reader_follows_navigation_to_an_article(browser, out):
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    assert page.title() == "越溪新闻网"
    page.click("nav.channels >> text=社会")
    assert page.url.endswith("/shehui/index.html")
    assert page.locator("h1").inner_text() == "社会"
    page.click(".story-list a >> nth=0")
    assert page.title().endswith("——越溪新闻网")
    spans = page.locator("p.meta span").all_inner_texts()
    assert [s.split(":")[0] for s in spans] == ["发布时间", "来源", "编辑", "审核"]
    assert spans[3] == "审核:赵敏"
    page.go_back()
    page.click("text=网站地图")
    assert page.url.endswith("/sitemap.html")


def test_crawl_finds_no_broken_link_and_no_console_error(browser, out):
    page = browser.new_page()
    errors, failed = [], []
    page.on("console", lambda m: m.type == "error" and errors.append((page.url, m.text)))
    page.on("pageerror", lambda e: errors.append((page.url, str(e))))
    page.on("requestfailed", lambda r: failed.append((page.url, r.url)))
    start = (out / "index.html").as_uri()
    seen, queue, broken = set(), [start], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        targets = page.eval_on_selector_all(
            "a[href], link[href], img[src]", "els => els.map(e => e.href || e.src)")
        for target in targets:
            parts = urlsplit(target)
            if parts.scheme != "file":
                continue  # external: h5 channel, RSS readers, …
            local = Path(unquote(parts.path))
            if not local.is_file():
                broken.append((url, target))
            elif local.suffix == ".html":
                queue.append(local.as_uri())
    pages = {p.as_uri() for p in out.rglob("*.html")}
    assert broken == [] and errors == [] and failed == []
    assert pages - seen == {(out / "404.html").as_uri()}  # every other page is reachable


def test_on_a_phone_nothing_overflows_and_the_channel_is_in_view(browser, out):
    """390×844: no page is wider than the screen, and each channel's page shows its own
    channel in the sideways-scrolling strip (网评 and 专题 sit past the right edge)."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    channels = sorted(p.parent for p in out.glob("*/index.html"))
    articles = sorted(out.glob("*/20*/*/*.html"))
    assert len(channels) >= 8 and articles
    for path in [out / "index.html", *articles, *(c / "index.html" for c in channels)]:
        page.goto(path.as_uri())
        width, inner = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, (path, width, inner)
        current = page.locator(".channels a[aria-current]")
        if current.count():
            box = current.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= inner, (path, box)
    page.close()


def test_the_home_page_leads_with_a_picture_and_leaves_out_empty_channels(browser, out):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto((out / "index.html").as_uri())
    assert page.locator(".top-story h3").inner_text() == "越溪县召开经济工作会议 部署明年重点任务"
    lead = page.locator(".top-photo img")
    assert lead.evaluate("img => img.complete && img.naturalWidth") == 960
    assert page.locator(".photos li").count() == 3
    assert page.locator(".photos img").evaluate_all(
        "imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
    blocks = page.locator(".channel-block h2").all_inner_texts()
    assert "要闻" in blocks and "国际" not in blocks and "专题" not in blocks
    assert "暂无稿件" not in page.content()
    footer = page.locator(".site-footer .records a")
    assert footer.all_inner_texts() == ["浙ICP备06012345号-1", "浙公网安备33108102000123号"]
    assert footer.nth(1).get_attribute("href").endswith("code=33108102000123")
    # A short page: the footer sits at the bottom of the window, not mid-page.
    page.goto((out / "about.html").as_uri())
    bottom = page.locator(".site-footer").evaluate("f => f.getBoundingClientRect().bottom")
    assert bottom == 768
    page.close()


def test_a_reprint_names_its_original(browser, out):
    page = browser.new_page()
    reprint = next(p for p in out.glob("guonei/20*/*/*.html"))
    page.goto(reprint.as_uri())
    assert page.locator("p.original span").all_inner_texts() == [
        "原标题：今年全国新开工改造城镇老旧小区超过5万个", "原作者：本报记者 王明"]
    page.close()
