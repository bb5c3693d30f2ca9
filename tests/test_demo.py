from collections import Counter

from newsdesk.meta import meta_line


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
