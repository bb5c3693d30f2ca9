import re

import pytest

from newsdesk.review import chain
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.model import Article
from newsdesk.text.render import renderer_version
from newsdesk.store import Store

ID = re.compile(r"[0-9a-f]{32}")


def test_user_round_trip(store):
    u = store.users.add("wangfang", "王芳", ["reviewer1", "editor"])
    assert ID.fullmatch(u.id)
    got = store.users.find("王芳")
    assert (got.id, got.username, got.roles) == (u.id, "wangfang", ["editor", "reviewer1"])
    assert store.users.find("wangfang").id == u.id == store.users.get(u.id).id
    assert got.created_at.endswith("Z") and got.updated_at == got.created_at
    with pytest.raises(NewsdeskError, match="already exists"):
        store.users.add("wangfang", "另一个王芳")
    with pytest.raises(NotFound):
        store.users.find("nobody")


@pytest.mark.parametrize("slug", ["..", "a/b", "社会", "Shehui", "", "-x", "a b"])
def test_bad_channel_slugs_are_rejected_where_set(store, slug):
    with pytest.raises(NewsdeskError, match="not allowed"):
        store.channels.add(slug, "社会")
    assert store.channels.all() == []


def test_only_an_admin_changes_channels_and_topics(newsroom):
    """The app's 栏目 and 专题 tabs and the command line go through one operation each."""
    from newsdesk import navigation
    editor, admin = newsroom.users.find("chenlu"), newsroom.users.find("admin")
    shehui = newsroom.channels.find("shehui").id
    refusals = [lambda: navigation.add_channel(newsroom, editor, "wenhua", "文化"),
                lambda: navigation.rename_channel(newsroom, editor, shehui, "社会新闻"),
                lambda: navigation.move_channel(newsroom, editor, shehui, -1),
                lambda: navigation.reparent_channel(newsroom, editor, shehui, "towns"),
                lambda: navigation.set_channel_link(newsroom, editor, shehui, "https://x.cn/"),
                lambda: navigation.add_topic(newsroom, editor, "wenhua", "文化")]
    before = (newsroom.channels.all(), newsroom.channels.topics())
    for refused in refusals:
        with pytest.raises(NewsdeskError, match="only admins"):
            refused()
    assert (newsroom.channels.all(), newsroom.channels.topics()) == before
    made = navigation.add_channel(newsroom, admin, "wenhua", "文化", url="https://h5.x.cn/")
    assert (made.kind, made.updated_by) == ("link", admin.id)
    assert navigation.add_topic(newsroom, admin, "wenhua", "文化").slug == "wenhua"


def test_channels_tree_order_and_lookup(store):
    store.channels.add("yaowen", "要闻")
    store.channels.add("towns", "镇街")
    store.channels.add("baita", "白塔镇", parent="镇街")
    store.channels.add("guonei", "国内")
    store.channels.add("h5", "h5", kind="link", url="https://h5.example/")
    assert [c.slug for c in store.channels.all()] == ["yaowen", "towns", "baita", "guonei", "h5"]
    assert store.channels.find("白塔镇").parent_id == store.channels.find("towns").id
    with pytest.raises(NewsdeskError, match="needs a url"):
        store.channels.add("h6", "h6", kind="link")


def test_site_settings_round_trip(store):
    stages = [{"name": "初审", "role": "reviewer1"}]
    store.set_settings({"name": "越溪新闻网", "review_stages": stages})
    store.set_settings({"licence": "浙新办[2006]27号"})
    got = store.settings()
    assert (got.name, got.review_stages, got.licence) == ("越溪新闻网", stages,
                                                          "浙新办[2006]27号")
    assert got.timezone == "Asia/Shanghai" and got.page_size == 20  # the defaults


@pytest.mark.parametrize("values, why", [
    ({"nmae": "x"}, "no setting 'nmae'"),
    ({"page_size": "20"}, "takes a whole number"),
    ({"page_size": 0}, "1 or more"),
    ({"demo": 1}, "takes true or false"),
    ({"timezone": "Asia/Beijing"}, "not a time zone"),
    ({"review_stages": []}, "1 to 3 review stages"),
    ({"review_stages": [{"name": "初审", "role": "boss"}]}, "needs a role"),
    ({"house_space": "two"}, "'none' or 'space'"),
    ({"base_url": "ftp://x.example/"}, "base URL"),
])
def test_a_wrong_setting_is_refused_and_nothing_is_written(store, values, why):
    store.set_settings({"name": "越溪新闻网"})
    with pytest.raises(NewsdeskError, match=re.escape(why)):
        store.set_settings(values | {"name": "改了的名字"})
    assert store.settings().name == "越溪新闻网"


def test_article_round_trip_renders_and_snapshots(newsroom):
    s = newsroom
    editor = s.users.find("zhangwei")
    topic = s.channels.find_topic("xiangcun")
    a = s.articles.create(editor.id, title="溪口镇示范带初具规模", kicker="乡村振兴",
                         subtitle="五村串珠成链", channel_id=s.channels.find("xikou").id,
                         body="第一段。\n\n## “小标题”\n\n第二段<script>alert(1)</script>",
                         reporters=["陈璐", "张薇"], tags=["乡村振兴"], topics=[topic.id])
    got = s.articles.get(a.id)
    assert got == a
    assert got.revision == 1 and got.state == "draft" and got.author_id == editor.id
    assert got.renderer_version == renderer_version(s.settings().video_hosts)
    assert "<h2>“小标题”</h2>" in got.body_html and "<script" not in got.body_html
    new, changed = s.articles.update(a.id, {"body": "改过的正文", "tags": ["乡村振兴"]},
                                    editor.id, checkpoint="save")
    assert changed == ["body"] and new.revision == 2
    assert s.articles.get(a.id).body_html.strip() == "<p>改过的正文</p>"
    revs = s.articles.revisions(a.id)
    assert [(r.number, r.reason) for r in revs] == [(1, "create"), (2, "save")]
    assert revs[0].content["body"].startswith("第一段") and revs[0].content["topics"] == [topic.id]
    assert s.articles.update(a.id, {"title": "溪口镇示范带初具规模"}, editor.id) == (new, [])


def test_update_without_title_is_refused_and_changes_nothing(newsroom):
    a = newsroom.articles.create(None, title="标题", body="正文")
    with pytest.raises(NewsdeskError, match="needs a title"):
        newsroom.articles.update(a.id, {"title": " ", "body": "新正文"}, None)
    assert newsroom.articles.get(a.id) == a
    with pytest.raises(NewsdeskError, match="unknown article field"):
        newsroom.articles.update(a.id, {"headline": "x"}, None)


def test_publish_fixes_the_public_path_once(newsroom):
    s = newsroom
    a = s.articles.create(None, title="要闻一则", channel_id=s.channels.find("yaowen").id)
    # 2020-03-09 01:39 UTC is 09:39 in Asia/Shanghai; the path uses the outlet's month.
    p = s.articles.publish(a.id, "2020-02-29T17:00:00Z", None)
    assert p.public_path == f"yaowen/2020/03/{p.number}.html"
    assert p.first_published_at == "2020-02-29T17:00:00Z"
    s.articles.update(a.id, {"channel_id": s.channels.find("guonei").id, "state": "draft"}, None)
    again = s.articles.publish(a.id, "2021-01-01T00:00:00Z", None)
    assert (again.public_path, again.first_published_at) == (p.public_path, p.first_published_at)


def test_publish_needs_a_channel(newsroom):
    a = newsroom.articles.create(None, title="没有栏目")
    with pytest.raises(NewsdeskError, match="no channel"):
        newsroom.articles.publish(a.id, "2020-01-01T00:00:00Z", None)


def test_resolve_article_id_by_prefix(store, monkeypatch):
    import newsdesk.store.articles as store_module
    from newsdesk.ids import new_id
    wanted = []  # the next article's id; its revision and the rest get random ones

    def fixed_then_random():
        return wanted.pop() if wanted else new_id()
    monkeypatch.setattr(store_module, "new_id", fixed_then_random)

    def create(article_id, title):
        wanted.append(article_id)
        return store.articles.create(None, title=title).id
    a = create("3f2a" + "0" * 28, "甲")
    b = create("3f2b" + "1" * 28, "乙")
    c = create("9c00" + "2" * 28, "丙")
    assert (a, b, c) == ("3f2a" + "0" * 28, "3f2b" + "1" * 28, "9c00" + "2" * 28)
    assert store.articles.resolve_id("3F2A") == a  # any case, any unique length
    assert store.articles.resolve_id("9c") == c
    with pytest.raises(NewsdeskError, match="ambiguous"):
        store.articles.resolve_id("3f2")
    with pytest.raises(NotFound):
        store.articles.resolve_id("ffff")
    with pytest.raises(NewsdeskError, match="not an article id"):
        store.articles.resolve_id("xyz")


def test_events_form_a_hash_chain_per_article(store):
    a = store.articles.create(None, title="甲")
    b = store.articles.create(None, title="乙")
    e1 = store.events.append(a.id, "submit", None, stage=1, revision=1)
    store.events.append(b.id, "submit", None, stage=1, revision=1)
    e2 = store.events.append(a.id, "approve", None, stage=1, revision=1, comment="同意",
                            detail={"note": "无"})
    events = store.events.of(a.id)
    assert [e.seq for e in events] == [1, 2]
    assert events[0].prev_hash == chain.GENESIS and events[1].prev_hash == e1.hash
    for e in events:
        assert e.hash == chain.event_hash(e.prev_hash, e.__dict__)
    assert events[1] == e2


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.articles.create(None, title="半截")
            raise RuntimeError("boom")
    assert store.articles.count() == 0
    assert store.search.find("半截") == []


def test_bulk_add_numbers_published_in_date_order_and_chains_events(newsroom):
    s = newsroom
    ch = s.channels.find("shehui").id
    late = Article(id="b" * 32, title="后发", channel_id=ch, state="published",
                   first_published_at="2021-05-01T00:00:00Z", body="社区活动",
                   created_at="2021-05-01T00:00:00Z", updated_at="2021-05-01T00:00:00Z")
    early = Article(id="a" * 32, title="先发", channel_id=ch, state="published",
                    first_published_at="2020-05-01T00:00:00Z", body="正文",
                    created_at="2020-05-01T00:00:00Z", updated_at="2020-05-01T00:00:00Z")
    s.articles.bulk_add([late, early], [
        {"article_id": late.id, "kind": "submit", "at": "2021-04-30T00:00:00Z"},
        {"article_id": late.id, "kind": "publish", "at": "2021-05-01T00:00:00Z"}])
    assert s.articles.get(early.id).public_path == "shehui/2020/05/1.html"
    assert s.articles.get(late.id).public_path == "shehui/2021/05/2.html"
    assert s.articles.get(late.id).body_html.strip() == "<p>社区活动</p>"
    ev = s.events.of(late.id)
    assert ev[1].prev_hash == ev[0].hash == chain.event_hash(chain.GENESIS, ev[0].__dict__)
    assert [h.article_id for h in s.search.find("社区")] == [late.id]


def test_reopening_keeps_everything(db_path):
    s = Store.open(db_path)
    a = s.articles.create(None, title="持久", body="内容")
    s.close()
    s = Store.open(db_path)
    assert s.articles.get(a.id).body == "内容"
    s.close()


def test_channel_choices_follow_the_tree_of_list_channels(newsroom):
    newsroom.channels.add("links", "友情链接", kind="link", url="https://example.org/")
    newsroom.channels.add("under-link", "链接下的栏目", parent="links")
    names = {c.id: c.name for c in newsroom.channels.all()}
    choices = [(names[i], depth) for i, depth in newsroom.channels.choices()]
    assert choices[2:7] == [("镇街", 0), ("城关镇", 1), ("白塔镇", 1), ("溪口镇", 1),
                            ("桃源街道", 1)]
    assert ("友情链接", 0) not in choices
    assert choices[-1] == ("链接下的栏目", 0)  # a list channel under a link counts from it
    assert [names[i] for i, _ in newsroom.channels.choices()] == [
        c.name for c in newsroom.channels.all() if c.kind == "list"]
    towns = newsroom.channels.find("towns").id
    assert newsroom.channels.names([towns, towns, None]) == {towns: "镇街"}
