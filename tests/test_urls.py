"""Only web addresses where a URL goes into a page: refused where set, and a database
that already holds one has it reported and written into no page."""
import json
import sqlite3

import pytest

from newsdesk import urls
from newsdesk.errors import NewsdeskError

BAD = ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
       " javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>1</script>",
       "//evil.example/x", "http://", "https:\\\\evil.example", "file:///etc/passwd",
       "mailto:a@b.example", ""]
GOOD = ["https://v.qq.com/x/page.html", "http://www.example.gov.cn/", "about.html",
        "/zhuanti/index.html", "zhuanti/2026/a.html?x=1#top", "#top"]


@pytest.mark.parametrize("url", BAD)
def test_not_a_web_address(url):
    assert urls.problem(url)
    with pytest.raises(NewsdeskError):
        urls.require(url, "a link", "链接")


@pytest.mark.parametrize("url", GOOD)
def test_web_addresses_and_site_paths(url):
    assert urls.problem(url) is None


def test_the_base_url_must_be_absolute():
    assert urls.problem("www.example.gov.cn", absolute=True)
    assert urls.problem("https://www.example.gov.cn/", absolute=True) is None


@pytest.fixture
def demo_db(db_path, cli):
    assert cli("init", "--db", db_path, "--demo").code == 0
    return db_path


def test_a_javascript_link_channel_is_refused(demo_db, cli):
    r = cli("channels", "add", "evil", "恶意", "--link", "javascript:alert(1)", "--as", "admin",
            "--db", demo_db)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert "javascript:alert(1)" in r.err and "refused" in r.err
    channels = json.loads(cli("channels", "--db", demo_db, "--json").out)
    assert "evil" not in {c["slug"] for c in channels}
    r = cli("channels", "add", "weibo", "微博", "--link", "https://weibo.com/x", "--as", "admin",
            "--db", demo_db)
    assert r.code == 0


def test_settings_refuse_non_web_links(demo_store):
    links = demo_store.settings().footer_links
    with pytest.raises(NewsdeskError, match="footer link 2"):
        demo_store.set_settings({"footer_links": [links[0], {"title": "广告", "href": "javascript:x()"}]})
    with pytest.raises(NewsdeskError, match="base URL"):
        demo_store.set_settings({"base_url": "javascript:alert(1)//"})
    assert demo_store.settings().footer_links == links


def test_a_database_already_holding_one_reports_it_and_writes_it_nowhere(
        demo_db, cli, tmp_path):
    conn = sqlite3.connect(demo_db)  # written by an older version, or by hand
    conn.execute("UPDATE channels SET kind = 'link', url = 'javascript:alert(1)' "
                 "WHERE slug = 'guoji'")
    site = json.loads(conn.execute("SELECT value FROM site WHERE key = 'footer_links'")
                      .fetchone()[0])
    site[1]["href"] = "javascript:alert(2)"
    conn.execute("UPDATE site SET value = ? WHERE key = 'footer_links'",
                 [json.dumps(site, ensure_ascii=False)])
    conn.commit()
    conn.close()
    out = tmp_path / "site"
    r = cli("export", "--db", demo_db, "--out", out, "--as", "admin")
    assert r.code == 1, r.err
    assert "javascript:alert(1)" in r.err and "javascript:alert(2)" in r.err
    assert "Traceback" not in r.err
    pages = [p for p in out.rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 20
    assert not [p for p in pages if "javascript:" in p.read_text("utf-8")]
    assert "广告服务" not in (out / "index.html").read_text("utf-8")  # the bad footer link
    assert "网站简介" in (out / "index.html").read_text("utf-8")     # the good ones stay
    story = json.loads(cli("list", "--db", demo_db, "--json").out)[0]["id"]
    r = cli("check", story, "--db", demo_db, "--json")
    found = [f for f in json.loads(r.out)["findings"] if f["rule"] == "site.url"]
    assert {f["text"] for f in found} == {"javascript:alert(1)", "javascript:alert(2)"}
    assert all("不是网页地址" in f["message"] for f in found)
