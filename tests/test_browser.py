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
