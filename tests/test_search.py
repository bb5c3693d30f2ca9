import pytest

from newsdesk.text import segment
from newsdesk.errors import NewsdeskError


def test_segment_indexes_bigrams_and_single_characters_apart():
    assert segment.segment("社区服务").split() == ["社区", "区服", "服务"]
    assert segment.segment("在 COVID-19 期间").split() == ["在", "COVID-19", "期间"]
    assert segment.characters("社区服务，在 COVID-19 期间").split() == list("社区服务在期间")


def test_match_expression_for_each_query_length():
    assert segment.match_expression("社") == '({title1 body1 people1} : "社")'
    assert segment.match_expression("社区") == '({title body people} : "社区")'
    assert segment.match_expression("志愿者") == '({title body people} : "志愿 愿者")'
    assert segment.match_expression("社区 Hello") == \
        '({title body people} : "社区") AND ({title body people} : "Hello")'
    assert segment.match_expression('"(*') is None
    assert segment.match_expression("-广告") is None  # only an exclusion: nothing wanted


@pytest.fixture
def archive(newsroom):
    s = newsroom
    ch = s.channels.find("shehui").id
    made = {}
    for key, title, body, reporters, when in [
        ("old", "社区食堂开张", "居民在家门口吃上热饭。", ["张薇"], "2019-01-01T00:00:00Z"),
        ("new", "社区志愿者上门服务", "疫情期间志愿者坚守一线。", ["陈璐"], "2024-01-01T00:00:00Z"),
        ("body", "老街改造完成", "改造由社区牵头，疫情后复工。", ["王明"], "2025-01-01T00:00:00Z"),
        ("names", "防汛演练", "演练用时二十分钟。", ["社区通讯员"], "2023-01-01T00:00:00Z"),
        ("decoy", "社会区域治理", "社会 区域", ["周婷"], "2026-01-01T00:00:00Z"),
        ("latin", "5G基站开通", "Huawei 和 ZTE 参与建设，覆盖 COVID-19 隔离点。", [],
         "2022-01-01T00:00:00Z"),
    ]:
        a = s.articles.create(None, title=title, body=body, reporters=reporters,
                             channel_id=ch)
        made[key] = s.articles.publish(a.id, when, None).id
    return s, made


def ids(hits):
    return [h.article_id for h in hits]


def test_newest_first_or_headline_first_by_relevance(archive):
    s, made = archive
    hits = s.search.find("社区")
    assert ids(hits) == [made["body"], made["new"], made["names"], made["old"]]
    assert [h.matched_in for h in hits] == ["text", "headline", "text", "headline"]
    assert "社区" in hits[0].snippet
    relevant = ids(s.search.find("社区", sort="relevance"))
    assert set(relevant[:2]) == {made["new"], made["old"]}  # in the headline
    assert relevant[2] == made["names"]  # in the names, which weigh more than the body


def test_bigrams_do_not_match_across_words(archive):
    s, made = archive
    assert made["decoy"] not in ids(s.search.find("社区"))
    assert ids(s.search.find("社会区域")) == [made["decoy"]]


def test_one_character_query_matches_anywhere_in_a_run(archive):
    s, made = archive
    assert set(ids(s.search.find("疫"))) == {made["new"], made["body"]}
    assert set(ids(s.search.find("饭"))) == {made["old"]}  # last character of a run
    assert set(ids(s.search.find("吃"))) == {made["old"]}  # first character of a run


def test_longer_queries_are_phrases(archive):
    s, made = archive
    assert ids(s.search.find("志愿者坚守")) == [made["new"]]
    assert ids(s.search.find("志愿坚守")) == []


def test_every_term_must_match_and_latin_words_work(archive):
    s, made = archive
    assert ids(s.search.find("疫情 改造")) == [made["body"]]
    assert ids(s.search.find("huawei")) == [made["latin"]]
    assert ids(s.search.find("COVID-19")) == [made["latin"]]
    assert ids(s.search.find("张薇")) == [made["old"]]


def test_edits_reindex(archive):
    s, made = archive
    s.articles.update(made["old"], {"title": "食堂开张", "body": "热饭热菜。"}, None)
    assert made["old"] not in ids(s.search.find("社区"))
    assert ids(s.search.find("热菜")) == [made["old"]]


def test_rebuild_gives_the_same_results(archive):
    s, _ = archive
    before = [ids(s.search.find(q)) for q in ("社区", "疫", "张薇")]
    assert s.search.rebuild() == 6
    assert [ids(s.search.find(q)) for q in ("社区", "疫", "张薇")] == before
    assert s.search.version() == segment.SEGMENTER_VERSION


def test_paging_and_empty_query(archive):
    s, _ = archive
    assert ids(s.search.find("社区", limit=2, offset=2)) == ids(s.search.find("社区"))[2:4]
    with pytest.raises(NewsdeskError, match="nothing to search"):
        s.search.find("  ，。 ")


def test_index_built_by_another_segmenter_is_rebuilt_on_open(db_path, archive):
    s, made = archive
    s.conn.execute("UPDATE local_meta SET value = 'old' WHERE key = 'segmenter'")
    s.conn.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
    s.conn.execute("DELETE FROM search_docs")
    s.conn.commit()
    from newsdesk.store import Store
    reopened = Store.open(db_path)
    assert len(reopened.search.find("社区")) == 4
    reopened.close()
