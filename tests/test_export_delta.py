"""An incremental export after a story changed only in its own page is planned from what
changed (site.delta), not from every live story; whatever changed, it writes exactly
what planning the whole site writes."""
import datetime
from pathlib import Path

import pytest

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.site import export_site
from newsdesk.site import plan as site_plan
from newsdesk.site.delta import DeltaPlan


@pytest.fixture
def newsroom(demo_store, monkeypatch, tmp_path):
    monkeypatch.setattr(site_plan, "SITEMAP_SHARD", 3)   # shards: a change lands in one
    # A clock a second on at each reading: every change is a new lastmod in the sitemap.
    start, ticks = times.from_stored(times.now()), iter(range(1, 1_000_000))
    monkeypatch.setattr(times, "now", lambda: times.to_stored(
        start + datetime.timedelta(seconds=next(ticks))))
    plans = []
    real = DeltaPlan.attempt.__func__
    monkeypatch.setattr(DeltaPlan, "attempt", classmethod(
        lambda cls, *a: plans.append(real(cls, *a)) or plans[-1]))
    return demo_store, tmp_path / "site", plans


def files(root: Path) -> dict[str, bytes]:
    """Every file's bytes (the manifest's without its first line: when it was made)."""
    found = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
             if p.is_file()}
    found["manifest.json"] = found["manifest.json"].split(b"\n", 1)[1]
    return found


def export_and_compare(store, out: Path):
    """Export incrementally into out; plan the whole site into a new folder at the same
    time; both folders must hold the same bytes."""
    now = times.now()
    report = export_site(store, out, now=now)
    whole = out.parent / f"whole-{len(list(out.parent.iterdir()))}"
    export_site(store, whole, now=now, full=True)
    assert files(out) == files(whole)
    return report


def story(store, title_start):
    return next(a for a in store.articles.many(store.articles.ids(state="published"))
                if a.title.startswith(title_start))


def correct(store, a, changes):
    users = {u.username: u for u in store.users.all()}
    workflow.begin_correction(store, a.id, users["zhangwei"], "更正")
    workflow.edit(store, a.id, changes, users["zhangwei"])
    workflow.submit(store, a.id, users["zhangwei"])
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(store, a.id, users[name])


def test_a_page_only_change_is_planned_from_the_changes(newsroom):
    store, out, plans = newsroom
    assert store.settings().base_url   # feeds and sitemaps are part of it
    export_and_compare(store, out)
    assert plans == []   # nothing exported there before: the whole site
    assert export_and_compare(store, out).written == [] and plans[-1].changed == []

    a = story(store, "县人民医院")
    correct(store, a, {"body": a.body.replace("18:00至21:00", "18:00至21:30")})
    report = export_and_compare(store, out)
    assert plans[-1] is not None and [s["id"] for s in plans[-1].changed] == [a.id]
    assert a.public_path in report.written and "manifest.json" not in report.written
    assert not [p for p in report.written if p.endswith("index.html") and p != "index.html"]

    # The oldest story: its sitemap shard, not the newest one.
    oldest = min((x for x in store.articles.many(store.articles.ids(state="published"))
                  if x.id != a.id), key=lambda x: x.first_published_at)
    correct(store, oldest, {"body": oldest.body + "\n\n（本文有更正）"})
    report = export_and_compare(store, out)
    assert plans[-1] is not None and "sitemap-1.xml" in report.written
    assert "sitemap-3.xml" not in report.written

    # A new picture in a story: the picture goes out with the page.
    path = store.assets.add(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "现场.png", "image/png")
    a = story(store, "县人民医院")
    correct(store, a, {"body": a.body + f"\n\n![现场]({path})"})
    report = export_and_compare(store, out)
    assert plans[-1] is not None and path in report.written

    # A reporter's draft changes nothing on the site.
    draft = next(x for x in store.articles.many(store.articles.ids())
                 if x.state == "draft")
    workflow.edit(store, draft.id, {"body": draft.body + "补充"},
                  store.users.get(draft.author_id))
    assert export_and_compare(store, out).written == [] and plans[-1] is not None

    # Page views move the ranking.
    day = f"{times.from_stored(times.now()):%Y-%m-%d}"
    store.pageviews.add({(a.id, day): 500}, "0" * 64, "access.log")
    report = export_and_compare(store, out)
    assert plans[-1] is not None and "ranking.html" in report.written


@pytest.mark.parametrize("change", ["title", "withdraw", "settings", "channel"])
def test_anything_else_is_planned_whole_and_comes_out_the_same(newsroom, change):
    store, out, plans = newsroom
    export_and_compare(store, out)
    a = story(store, "社区志愿者")
    if change == "title":
        correct(store, a, {"title": "社区志愿者守护独居老人"})
    elif change == "withdraw":
        workflow.withdraw(store, a.id, store.users.find("admin"), "当事人要求撤稿")
    elif change == "settings":
        store.set_settings({"name": "越溪融媒"})
    else:
        other = next(c for c in store.channels.all() if c.kind == "list"
                     and c.id != a.channel_id)
        correct(store, a, {"channel_id": other.id})
    report = export_and_compare(store, out)
    assert plans[-1] is None and report.written


def test_the_manifest_is_rewritten_around_the_changed_entries(tmp_path):
    from newsdesk.site import manifest
    lines = ",\n".join(f' "{p}": {{"sha256": "{c * 64}", "size": {n}}}' for p, c, n in (
        ("a b.html", "1", 5), ("a.html", "2", 6), ("新闻/1.html", "3", 7), ("z.html", "4", 8)))
    file = tmp_path / "manifest.json"
    file.write_bytes(manifest.whole("2026-11-29T00:00:00Z", lines))
    changed = {"a.html": ("9" * 64, 60), "新闻/1.html": ("8" * 64, 70)}
    assert manifest.rewrite(file, "2026-11-30T00:00:00Z", changed)
    data = __import__("json").loads(file.read_text("utf-8"))
    assert data["exported_at"] == "2026-11-30T00:00:00Z"
    assert data["files"] == {"a b.html": {"sha256": "1" * 64, "size": 5},
                             "a.html": {"sha256": "9" * 64, "size": 60},
                             "新闻/1.html": {"sha256": "8" * 64, "size": 70},
                             "z.html": {"sha256": "4" * 64, "size": 8}}
    before = file.read_bytes()
    assert not manifest.rewrite(file, "2026-12-01T00:00:00Z", {"b.html": ("0" * 64, 1)})
    assert file.read_bytes() == before   # a new file: left for the caller to rebuild


def test_a_story_gone_from_the_middle_moves_the_later_ones_in_the_sitemap(newsroom):
    store, out, plans = newsroom
    export_and_compare(store, out)
    stories = sorted(store.articles.many(store.articles.ids(state="published")),
                     key=lambda x: x.first_published_at)
    workflow.withdraw(store, stories[1].id, store.users.find("admin"), "当事人要求撤稿")
    export_and_compare(store, out)
    assert plans[-1] is None
    # Every later story is one place earlier now: a correction to the newest must land
    # in the shard it is in now.
    correct(store, stories[-1], {"body": stories[-1].body + "\n\n（更正）"})
    export_and_compare(store, out)
    assert plans[-1] is not None
