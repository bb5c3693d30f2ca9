from collections import Counter
from datetime import timedelta

import pytest

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.demo import load_demo
from newsdesk.review.meta import meta_line
from newsdesk.site import export_site
from newsdesk.site.inspect import inspect_site
from newsdesk.store import Store
from tests.clock import moment


def test_demo_is_a_working_newsroom(demo_store):
    s = demo_store
    site = s.settings()
    for key in ("name", "licence", "report_phone", "minors_report_phone", "copyright",
                "footer_links", "review_stages"):
        assert getattr(site, key), key
    names = [c.name for c in s.channels.all()]
    for name in ("要闻", "越视频", "镇街", "外宣", "国内", "国际", "社会", "健康", "网评",
                 "专题", "H5", "新闻排行榜"):
        assert name in names
    towns = [c for c in s.channels.all() if c.parent_id == s.channels.find("镇街").id]
    assert len(towns) >= 3
    assert s.channels.find("h5").kind == "link"
    roles = Counter(r for u in s.users.all() for r in u.roles)
    assert all(roles[r] for r in ("editor", "reviewer1", "reviewer2", "reviewer3", "admin"))

    articles = s.articles.many(s.articles.ids())
    assert len(articles) == 12
    states = Counter(a.state for a in articles)
    assert {"draft", "submitted", "in_review", "returned", "approved", "scheduled",
            "published"} <= set(states)
    assert len({a.channel_id for a in articles}) >= 8
    reprints = [a for a in articles if a.origin == "reprint"]
    assert len(reprints) == 1 and reprints[0].source == "人民日报"


def test_published_demo_stories_carry_full_review_history(demo_store):
    s = demo_store
    for a in s.articles.many(s.articles.ids(state="published")):
        kinds = [(e.kind, e.stage) for e in s.events.of(a.id)]
        assert kinds == [("submit", 1), ("approve", 1), ("approve", 2), ("approve", 3),
                         ("publish", None)]
        meta = meta_line(s, a)
        assert meta["reviewer"] == "赵敏" and meta["editor"] and meta["published_at"]
        assert a.public_path and a.public_path.isascii()
    returned = s.articles.many(s.articles.ids(state="returned"))[0]
    assert s.events.of(returned.id)[-1].comment  # returned with a reason


@pytest.fixture(params=[-400, 0, 400], ids=lambda days: f"made {days:+} days from today")
def made(request, db_path):
    """The demo newsroom made on another day: its clock moved, the machine's not."""
    now = moment(days=request.param)
    store = Store.open(db_path)
    load_demo(store, now=now)
    yield store, now
    store.close()


def test_the_demo_is_dated_from_the_moment_it_is_made(made):
    store, now = made
    clock = times.to_stored(now)
    by_state = {state: store.articles.ids(state=state) for state in
                ("draft", "returned", "submitted", "in_review", "approved", "scheduled",
                 "published")}
    assert {state: len(ids) for state, ids in by_state.items()} == {
        "draft": 1, "returned": 1, "submitted": 1, "in_review": 1, "approved": 1,
        "scheduled": 1, "published": 6}
    [scheduled] = store.articles.many(by_state["scheduled"])
    ahead = times.from_stored(scheduled.publish_at) - now
    assert timedelta(days=3) < ahead < timedelta(days=7)
    # Nothing in it happened after it was made; what is online came out over the days before.
    assert all(e.at <= clock for i in store.articles.ids() for e in store.events.of(i))
    assert all(a.created_at <= clock for a in store.articles.many(store.articles.ids()))
    online = sorted(store.articles.many(by_state["published"]),
                    key=lambda a: a.first_published_at)
    assert [a.title[:4] for a in online] == ["县人民医", "白塔镇老", "越溪县召", "今年全国",
                                             "社区志愿", "让“15"]
    stale = timedelta(days=store.settings().stale_days)
    assert now - stale < times.from_stored(online[0].first_published_at)
    assert times.from_stored(online[-1].first_published_at) < now - timedelta(days=2)
    in_review = store.articles.many(by_state["submitted"] + by_state["in_review"] +
                                    by_state["returned"])
    assert all(now - timedelta(days=3) < times.from_stored(a.publish_at) < now
               for a in in_review)


def test_a_demo_made_on_any_day_publishes_and_inspects_alike(made, tmp_path):
    store, now = made
    clock = times.to_stored(now)
    by_state = {state: store.articles.ids(state=state) for state in ("approved", "scheduled")}
    # 待发布 stays waiting; the next export publishes the approved story with no time set.
    assert workflow.due(store, clock) == by_state["approved"]
    report = export_site(store, tmp_path / "site", now=clock)
    assert report.published == by_state["approved"]
    assert store.articles.ids(state="scheduled") == by_state["scheduled"]
    assert len(store.exports.live_ids()) == 7
    assert workflow.due(store, times.to_stored(now + timedelta(days=7))) == by_state["scheduled"]
    # 网站自查 on the fresh demo: no channel goes unupdated for too long.
    problems = inspect_site(store, links=False, now=now).problems
    assert not [p for p in problems if p.rule == "inspect.stale-channel"]
