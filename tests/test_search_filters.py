"""Narrowing a search: each filter, phrases, exclusions, Latin words in any case, the
count that stops at 1,000, facets; and the command line agreeing with the core."""
import json

import pytest

from newsdesk import filtering
from newsdesk.review import workflow
from newsdesk.errors import NewsdeskError
from newsdesk.model import StoryFilter

PICTURE = "![会场](assets/" + "a" * 64 + ".png)"


@pytest.fixture
def archive(newsroom):
    """Eight published stories about 社区 across channels, years, people and kinds."""
    s = newsroom
    zhang, chen = s.users.find("zhangwei"), s.users.find("chenlu")
    topic = s.channels.topics()[0]
    made = {}
    for key, title, body, channel, when, author, extra in [
        ("town", "白塔镇社区议事会成立", "居民议事有了固定场所。", "baita", "2026-03-01", zhang, {}),
        ("town_old", "溪口镇社区食堂开张", "老人吃上热饭。", "xikou", "2024-05-01", chen, {}),
        ("society", "社区志愿者上门服务", "志愿者坚守一线。", "shehui", "2026-06-01", chen,
         {"topics": [topic.id]}),
        ("reprint", "全国社区养老服务提速", "本报讯 社区养老。", "guonei", "2026-07-01", chen,
         {"origin": "reprint", "source": "人民日报", "original_title": "全国社区养老服务提速",
          "original_author": "本报记者"}),
        ("picture", "社区运动会开幕", f"开幕式现场。\n{PICTURE}", "shehui", "2025-09-01", zhang, {}),
        ("ad", "社区团购广告", "广告：社区团购优惠。", "shehui", "2026-08-01", zhang, {}),
        ("latin", "社区5G基站开通", "APP 下载量上升。", "shehui", "2026-09-01", chen, {}),
        ("phrase", "乡村 振兴在社区", "振兴乡村的社区做法。", "shehui", "2026-10-01", chen, {}),
    ]:
        a = s.articles.create(author.id, title=title, body=body, reporters=[author.real_name],
                              channel_id=s.channels.find(channel).id, **extra)
        made[key] = s.articles.publish(a.id, f"{when}T02:00:00Z", None).id
    return s, made


def found(store, query, **choices):
    return {h.article_id for h in store.search.find(query, filtering.build(store, **choices),
                                                    limit=100)}


def keys(made, ids):
    return {k for k, v in made.items() if v in ids}


def test_each_filter_narrows_the_search(archive):
    s, made = archive
    assert keys(made, found(s, "社区")) == set(made)
    assert keys(made, found(s, "社区", channel="镇街")) == {"town", "town_old"}  # and below
    assert keys(made, found(s, "社区", channel="白塔镇")) == {"town"}
    assert keys(made, found(s, "社区", since="2026-06-01", until="2026-08-01")) == {
        "society", "reprint", "ad"}  # until includes its day
    assert keys(made, found(s, "社区", person="张薇")) == {"town", "picture", "ad"}
    assert keys(made, found(s, "社区", author="陈璐")) == {
        "town_old", "society", "reprint", "latin", "phrase"}
    assert keys(made, found(s, "社区", source="人民日报")) == {"reprint"}
    assert keys(made, found(s, "社区", origin="reprint")) == {"reprint"}
    assert keys(made, found(s, "社区", topic=s.channels.topics()[0].name)) == {"society"}
    assert keys(made, found(s, "社区", has_image=True)) == {"picture"}
    assert "picture" not in keys(made, found(s, "社区", has_image=False))
    assert keys(made, found(s, "社区", state="published", channel="国内")) == {"reprint"}
    assert found(s, "社区", state="draft") == set()


def test_a_reviewer_finds_what_they_signed(archive):
    s, made = archive
    chen, wang = s.users.find("chenlu"), s.users.find("wangfang")
    a = s.articles.create(chen.id, title="社区新闻待审", body="正文。", reporters=["陈璐"],
                          channel_id=s.channels.find("shehui").id)
    workflow.submit(s, a.id, chen)
    workflow.approve(s, a.id, wang)
    assert found(s, "社区", person="王芳") == {a.id}


def test_phrases_exclusions_and_latin_words(archive):
    s, made = archive
    assert keys(made, found(s, "乡村振兴")) == set()  # not written together anywhere
    assert keys(made, found(s, '"乡村 振兴"')) == {"phrase"}
    assert keys(made, found(s, "振兴乡村")) == {"phrase"}
    assert keys(made, found(s, "社区 -广告")) == set(made) - {"ad"}
    assert keys(made, found(s, '社区 -"团购优惠" -志愿')) == set(made) - {"ad", "society"}
    assert keys(made, found(s, "5g")) == keys(made, found(s, "5G")) == {"latin"}
    assert keys(made, found(s, "app")) == {"latin"}
    with pytest.raises(NewsdeskError, match="nothing to search for"):
        s.search.find("-广告")


def test_newest_first_and_pages(archive):
    s, made = archive
    page1 = [h.article_id for h in s.search.find("社区", limit=3)]
    page2 = [h.article_id for h in s.search.find("社区", limit=3, offset=3)]
    assert page1 == [made["phrase"], made["latin"], made["ad"]]
    assert page2 == [made["reprint"], made["society"], made["town"]]


def test_the_count_is_exact_up_to_the_cap_then_says_more(archive):
    s, made = archive
    assert s.search.count("社区") == (8, True)
    assert s.search.count("社区", cap=8) == (8, True)
    assert s.search.count("社区", cap=5) == (5, False)  # "5+"
    assert s.search.count("社区", StoryFilter(origin="reprint")) == (1, True)
    # A filter without words counts the same way (a saved search of filters alone).
    assert s.articles.count_matching(StoryFilter(channel_id=s.channels.find("shehui").id)) \
        == (5, True)
    assert s.articles.count_matching(StoryFilter(), cap=3) == (3, False)


def test_facets_count_what_each_filter_would_leave(archive):
    s, made = archive
    facets = s.search.facets("社区")
    assert facets["origin"] == {"original": 7, "reprint": 1}
    assert facets["state"] == {"published": 8}
    assert facets["channel_id"][s.channels.find("shehui").id] == 5


def test_a_story_moves_in_the_order_when_its_date_does(archive):
    s, made = archive
    s.articles.update(made["town_old"], {"first_published_at": "2027-01-01T00:00:00Z"}, None)
    assert s.search.find("社区", limit=1)[0].article_id == made["town_old"]


def test_unknown_names_and_dates_are_refused_plainly(archive):
    s, _made = archive
    for choices, words in (({"channel": "不存在"}, "no channel"),
                           ({"since": "昨天"}, "not a date"),
                           ({"person": "nobody"}, "no user"),
                           ({"origin": "copied"}, "original or reprint"),
                           ({"state": "lost"}, "unknown state")):
        with pytest.raises(NewsdeskError, match=words):
            filtering.build(s, **choices)


def test_the_command_line_finds_what_the_core_finds(archive, cli):
    s, made = archive
    db = s.path
    r = cli("search", "社区 -广告", "--channel", "社会", "--since", "2026-01-01", "--json",
            "--db", db)
    assert r.code == 0, r.err
    assert {h["article_id"] for h in json.loads(r.out)} == found(
        s, "社区 -广告", channel="社会", since="2026-01-01") == {
        made["society"], made["latin"], made["phrase"]}
    r = cli("list", "--origin", "reprint", "--json", "--db", db)
    assert [x["id"] for x in json.loads(r.out)] == [made["reprint"]]
    r = cli("list", "--channel", "镇街", "--until", "2025-01-01", "--json", "--db", db)
    assert [x["id"] for x in json.loads(r.out)] == [made["town_old"]]
    r = cli("search", "社区", "--sort", "relevance", "--limit", "3", "--db", db)
    assert r.code == 0 and "8 stories match" in r.out
    r = cli("search", "社区", "--since", "去年", "--db", db)
    assert r.code == 2 and "not a date" in r.err and r.err.count("\n") == 1
