"""Markdown and 机审 never run while the database's write lock is held: another seat's
save would wait on them (DESIGN §2: never hold a write transaction across work)."""
import pytest

from newsdesk import checks
from newsdesk.review import workflow
from newsdesk.text import render
from newsdesk.importers import import_paths
from newsdesk.store import articles as articles_module


@pytest.fixture
def under_lock(newsroom, monkeypatch):
    """Every render and 机审 run, as (what, whether the write lock was held)."""
    seen = []
    real_render, real_checks = articles_module.render_safely, checks.run_checks

    def rendering(*args, **kwargs):
        seen.append(("render", newsroom.conn.in_transaction))
        return real_render(*args, **kwargs)

    def checking(*args, **kwargs):
        seen.append(("checks", newsroom.conn.in_transaction))
        return real_checks(*args, **kwargs)
    monkeypatch.setattr(articles_module, "render_safely", rendering)
    monkeypatch.setattr(checks, "run_checks", checking)
    return seen


def test_a_story_through_review_renders_and_checks_outside_the_lock(newsroom, under_lock):
    s = newsroom
    author = s.users.find("chenlu")
    a = s.articles.create(author.id, title="防汛演练", body="全县开展防汛演练。",
                          channel_id=s.channels.find("yaowen").id, reporters=["陈璐"])
    workflow.edit(s, a.id, {"body": "全县开展防汛应急演练。"}, author, checkpoint="save")
    workflow.submit(s, a.id, author)
    reviewer = next(u for u in s.users.all()
                    if workflow.why_not_sign(s, s.articles.get(a.id), u) is None)
    workflow.approve(s, a.id, reviewer)
    # The next stage's reviewer edits (留痕): rendered and checked again.
    holder = next(u for u in s.users.all()
                  if workflow.why_not_review(s, s.articles.get(a.id), u) is None)
    new, _ = workflow.edit(s, a.id, {"body": "全县开展防汛应急演练，千余人参加。"}, holder)
    assert new.state == "in_review" and new.body_html.startswith("<p>全县")
    assert s.checks.report(a.id, new.revision) is not None
    kinds = [kind for kind, _ in under_lock]
    assert kinds.count("render") == 3 and kinds.count("checks") == 2
    assert not any(locked for _, locked in under_lock), under_lock


def test_an_import_renders_outside_the_lock(newsroom, under_lock, tmp_path):
    page = tmp_path / "story.md"
    page.write_text("---\ntitle: 旧稿\nchannel: yaowen\ndate: 2024-01-02 08:00\n"
                    "---\n\n旧稿正文。\n", "utf-8")
    # An admin's import, so it comes in published (rendered, numbered, given its address).
    report = import_paths(newsroom, [page], actor_id=newsroom.users.find("admin").id)
    [(_, article_id, state)] = report.imported
    assert state == "published" and newsroom.articles.get(article_id).public_path
    assert under_lock == [("render", False)]


def test_rendering_a_changed_body_inside_a_transaction_is_refused(newsroom):
    s = newsroom
    a = s.articles.create(None, title="稿件", body="一。")
    with s.transaction():
        with pytest.raises(RuntimeError, match="before the transaction"):
            s.articles.prepare(s.articles.get(a.id), {"body": "二。"}, None)
    assert render.renderer_version() and s.articles.get(a.id).body == "一。"


def test_a_save_landing_between_read_and_write_is_built_on_or_refused(newsroom, db_path,
                                                                      monkeypatch):
    from newsdesk.errors import StaleEdit
    from newsdesk.store import Store
    s = newsroom
    a = s.articles.create(None, title="稿件", body="一。")
    real_prepare, landed, saves = articles_module.Articles.prepare, [], []

    def prepare_while_someone_saves(self, old, changes, *args, **kwargs):
        if not landed:  # another seat saves after this one read the story
            landed.append(1)
            other = Store.open(db_path)
            other.articles.update(a.id, {"summary": f"别处加的摘要{len(saves)}"}, None)
            saves.append(1)
            other.close()
        return real_prepare(self, old, changes, *args, **kwargs)
    monkeypatch.setattr(articles_module.Articles, "prepare", prepare_while_someone_saves)
    new, _ = s.articles.update(a.id, {"body": "二。"}, None)
    assert (new.body, new.summary) == ("二。", "别处加的摘要0")  # built on theirs
    landed.clear()
    edits = s.articles.get(a.id).edits
    with pytest.raises(StaleEdit):  # the caller named the save it builds on
        s.articles.update(a.id, {"body": "三。"}, None, expect_edits=edits)
    assert s.articles.get(a.id).body == "二。"
