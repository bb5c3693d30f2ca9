"""Saved pages of real sites import as a person reads them (tests/data/pages: 45 pages,
answers read off each page by hand), and the import around them: doubtful pages go in
flagged 待核对, pictures beside a page become assets, a dry run writes nothing."""
import csv
import json
import shutil

from newsdesk import times
from newsdesk.importers import import_paths, page
from tests import pages
from tests.conftest import DATA

HIJACKED = (DATA / "hijacked_page.html").read_text("utf-8")


def _got(html: str) -> pages.Got:
    story = page.read(html)
    body = "\n".join(p for p in story.body.split("\n\n") if not p.startswith("!["))
    when = times.local_text(story.published_at) if story.published_at else None
    return pages.Got(story.title, when, story.source, body)


def test_real_pages_meet_the_goals():
    scores = [pages.score(a, _got(pages.html(a.file))) for a in pages.answers()]
    t = pages.table(scores)
    assert t["imported"] >= 0.95 and t["headline"] >= 0.93, t
    assert t["date"] >= 0.97 and t["minute"] >= 0.93, t
    assert t["body_f1"] >= 0.90 and t["boilerplate"] <= 0.05, t


def test_the_scorer_can_fail():
    a = pages.answers()[0]
    wrong = pages.score(a, pages.Got("别的标题", "1999-01-01 00:00", None, "导航 首页 " * 40))
    assert not wrong.title and not wrong.date and wrong.f1 < 0.1 and wrong.boilerplate


def test_the_hijacked_reference_page():
    story = page.read(HIJACKED)
    assert story.title == "用心服务是最好的防控"
    assert story.subtitle == "五位下沉社区党员干部的抗疫故事"
    assert (story.published_at, story.source, story.editor, story.reviewer) == (
        "2020-03-09T01:39:23Z", "人民日报", "骆依婷", "杜萌颖")
    assert story.reporters == ["范昊天", "程远州", "吴君", "强郁文", "王浩", "刘泉"]
    everything = " ".join([story.title, story.subtitle, story.kicker, story.body])
    assert "凯发" not in everything and "诸暨网" not in everything
    assert "## “志愿者的辛苦，大家都看在眼里”" in story.body.split("\n\n")
    assert story.body.startswith("社区是疫情联防联控") and "记者" not in story.body


NO_TIME = """<html><head><title>村里的新路通了_某某网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">要闻</a></div><h1>村里的新路通了</h1>
<div class="text"><p>今天上午，村里的新路正式通车，村民们敲锣打鼓庆祝。</p>
<p>这条路全长三公里，连接了村子和镇上的集市。</p>
<p><img src="pic/road.jpg" alt="新路"> <img src="gone.png"></p>
<p>村民老王说：“以后卖菜方便多了。”</p></div></body></html>"""


def test_doubtful_page_imports_as_a_draft_on_the_checklist(newsroom, cli, db_path, tmp_path):
    folder = tmp_path / "site"
    (folder / "pic").mkdir(parents=True)
    (folder / "news.html").write_text(NO_TIME, "utf-8")
    (folder / "pic" / "road.jpg").write_bytes(b"\xff\xd8\xff\xe0 a jpeg")
    report = import_paths(newsroom, [folder])
    (file, article_id, state), = report.imported
    assert state == "draft"
    story = newsroom.articles.get(article_id)
    assert story.title == "村里的新路通了" and story.first_published_at is None
    assert "](assets/" in story.body and "pic/road.jpg" not in story.body
    assert "](gone.png)" in story.body  # kept for the editor to see, and named below
    (pending,) = newsroom.doubts.pending()
    codes = {d["code"]: d for d in pending["doubts"]}
    assert set(codes) == {"no-time", "short-body", "missing-images"}
    assert codes["missing-images"]["names"] == "gone.png"
    newsroom.close()
    r = cli("imported", "list", "--db", db_path)
    assert r.code == 0 and "村里的新路通了" in r.out and "gone.png" in r.out
    r = cli("imported", "done", article_id[:8], "--db", db_path)
    assert r.code == 0
    r = cli("imported", "list", "--json", "--db", db_path)
    assert json.loads(r.out) == []
    r = cli("imported", "done", article_id[:8], "--db", db_path)
    assert r.code == 2 and "待核对" in r.err and "Traceback" not in r.err


def test_dry_run_writes_nothing_and_reports(cli, db_path, tmp_path):
    assert cli("init", "--db", db_path, "--demo").code == 0
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "news.html").write_text(NO_TIME, "utf-8")
    shutil.copy(DATA / "hijacked_page.html", folder / "a.html")
    before = cli("list", "--json", "--limit", "1000", "--db", db_path).out
    csv_path = tmp_path / "report.csv"
    r = cli("import", "--dry-run", "--channel", "guonei", "--report", str(csv_path),
            "--db", db_path, str(folder))
    assert r.code == 0, r.err
    assert "用心服务是最好的防控 | 2020-03-09 09:39:23 | 来源 人民日报" in r.out
    assert "待核对" in r.out and "nothing was written" in r.out
    assert cli("list", "--json", "--limit", "1000", "--db", db_path).out == before
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    assert [r["headline"] for r in rows] == ["用心服务是最好的防控", "村里的新路通了"]
    assert rows[0]["start"] == "社区是疫情联防联控、群防群控的关键防线。武汉有3000多个社区、7000多个住宅"
    assert "publish time" in rows[1]["warnings"] or "发布时间" in rows[1]["warnings"]
    r = cli("import", "--dry-run", "--json", "--channel", "guonei", "--db", db_path,
            str(folder / "a.html"))
    (row,) = json.loads(r.out)
    assert (row["outcome"], row["chars"], row["warnings"]) == ("would import", 360, [])
