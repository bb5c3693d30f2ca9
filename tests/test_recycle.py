"""回收站: a never-submitted draft can be deleted, restored whole, and purged; a story
with a review history cannot be deleted at all."""
import pytest

from newsdesk.review import bin_rules, workflow
from newsdesk.errors import NotFound
from newsdesk.review.workflow import RuleError


@pytest.fixture
def people(newsroom):
    return {u.username: u for u in newsroom.users.all()}


def a_draft(s, author, **kw):
    return s.articles.create(author.id, **({"title": "村级换届选举工作部署", "body": "全镇27个村。",
                                             "channel_id": s.channels.find("yaowen").id,
                                             "topics": [s.channels.topics()[0].id],
                                             "reporters": ["陈璐"]} | kw))


def test_a_deleted_draft_leaves_every_list_and_comes_back_whole(newsroom, people):
    s, chen = newsroom, people["chenlu"]
    a = a_draft(s, chen)
    workflow.edit(s, a.id, {"body": "全镇27个村，今天起换届。"}, chen, checkpoint="save")
    bin_rules.delete_draft(s, a.id, chen, now="2026-11-01T00:00:00Z")
    assert a.id not in s.articles.ids() and s.articles.count() == 0
    assert s.search.find("换届") == []
    with pytest.raises(NotFound):
        s.articles.get(a.id)
    [item] = s.bin.items()
    assert (item["title"], item["deleted_by"]) == ("村级换届选举工作部署", chen.id)
    back = bin_rules.restore_draft(s, a.id, chen)
    assert back.body == "全镇27个村，今天起换届。" and s.bin.items() == []
    again = s.articles.get(a.id)
    assert again.topics == a.topics and again.revision == 2
    assert [r.reason for r in s.articles.revisions(a.id)] == ["create", "save"]
    assert [h.article_id for h in s.search.find("换届")] == [a.id]


def test_only_drafts_never_submitted_are_deleted(newsroom, people):
    s, chen = newsroom, people["chenlu"]
    a = a_draft(s, chen)
    workflow.submit(s, a.id, chen)
    workflow.recall(s, a.id, chen)  # a draft again, but with a history
    with pytest.raises(RuleError, match="never submitted"):
        bin_rules.delete_draft(s, a.id, chen)
    b = a_draft(s, chen, title="另一稿")
    with pytest.raises(RuleError, match="neither the author nor an editor"):
        bin_rules.delete_draft(s, b.id, people["liqiang"])  # a reviewer, not its author
    bin_rules.delete_draft(s, b.id, people["zhangwei"])  # another editor may
    assert s.articles.ids() == [a.id]


def test_the_bin_is_emptied_after_30_days_or_by_an_admin(newsroom, people):
    s, chen = newsroom, people["chenlu"]
    old, recent = a_draft(s, chen, title="旧稿"), a_draft(s, chen, title="新稿")
    bin_rules.delete_draft(s, old.id, chen, now="2026-10-01T00:00:00Z")
    bin_rules.delete_draft(s, recent.id, chen, now="2026-11-20T00:00:00Z")
    assert bin_rules.empty_bin(s, None, now="2026-11-29T00:00:00Z") == 1
    assert [i["title"] for i in s.bin.items()] == ["新稿"]
    with pytest.raises(RuleError, match="only admins empty"):
        bin_rules.empty_bin(s, chen)
    assert bin_rules.empty_bin(s, people["admin"]) == 1 and s.bin.items() == []
