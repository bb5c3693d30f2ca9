import sqlite3

import pytest

from newsdesk.review import auth, workflow
from newsdesk.review.audit import audit
from newsdesk.review.traced import review_diff
from newsdesk.review.meta import meta_line
from newsdesk.review.workflow import RuleError


@pytest.fixture
def room(newsroom):
    s = newsroom
    users = {u.username: u for u in s.users.all()}
    s.users.add("sunyue", "孙悦", ["reviewer1", "reviewer2"])  # may hold two stage roles
    users["sunyue"] = s.users.find("sunyue")
    return s, users


def draft(s, users, **kw):
    values = dict(title="城关镇开展防汛演练", body="演练用时二十分钟。",
                  channel_id=s.channels.find("chengguan").id, reporters=["张薇"],
                  editor_id=users["wangfang"].id) | kw
    return s.articles.create(users["zhangwei"].id, **values)


def full_review(s, users, article_id):
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(s, article_id, users[name])


def kinds(s, article_id):
    return [(e.kind, e.stage) for e in s.events.of(article_id)]


def test_three_stage_happy_path(room):
    s, u = room
    a = draft(s, u)
    t = workflow.submit(s, a.id, u["zhangwei"])
    assert (t.article.state, t.article.review_stage, t.event.revision) == ("submitted", 1, 2)
    t = workflow.approve(s, a.id, u["wangfang"], comment="初审通过")
    assert (t.article.state, t.article.review_stage) == ("in_review", 2)
    workflow.approve(s, a.id, u["liqiang"])
    t = workflow.approve(s, a.id, u["zhaomin"])
    assert (t.article.state, t.article.review_stage) == ("approved", None)
    assert workflow.due(s) == [a.id]
    [published] = workflow.publish_due(s, u["admin"])
    assert published.article.state == "published" and published.article.public_path
    assert kinds(s, a.id) == [("submit", 1), ("approve", 1), ("approve", 2), ("approve", 3),
                              ("publish", None)]
    assert all(e.revision == 2 for e in s.events.of(a.id))
    meta = meta_line(s, s.articles.get(a.id))
    assert (meta["editor"], meta["reviewer"]) == ("王芳", "赵敏")


@pytest.mark.parametrize("state_setup, action", [
    ("draft", "approve"), ("draft", "return"), ("submitted", "submit"),
    ("approved", "submit"), ("approved", "approve"), ("published", "approve"),
    ("published", "submit"), ("withdrawn", "submit"), ("returned", "approve"),
])
def test_illegal_transitions_are_refused_and_change_nothing(room, state_setup, action):
    s, u = room
    a = draft(s, u)
    if state_setup != "draft":
        workflow.submit(s, a.id, u["zhangwei"])
    if state_setup in ("approved", "published", "withdrawn"):
        full_review(s, u, a.id)
    if state_setup in ("published", "withdrawn"):
        workflow.publish(s, a.id, None)
    if state_setup == "withdrawn":
        workflow.withdraw(s, a.id, u["admin"], "来源有误")
    if state_setup == "returned":
        workflow.return_story(s, a.id, u["wangfang"], "数据待核实")
    before = (s.articles.get(a.id), kinds(s, a.id))
    with pytest.raises(RuleError):
        {"approve": lambda: workflow.approve(s, a.id, u["zhaomin"]),
         "return": lambda: workflow.return_story(s, a.id, u["wangfang"], "理由"),
         "submit": lambda: workflow.submit(s, a.id, u["zhangwei"])}[action]()
    assert (s.articles.get(a.id), kinds(s, a.id)) == before


def test_nobody_signs_their_own_story(room):
    s, u = room
    mine = s.articles.create(u["wangfang"].id, title="王芳写的稿子", body="正文。",
                            reporters=["王芳"], channel_id=s.channels.find("yaowen").id)
    workflow.submit(s, mine.id, u["wangfang"])
    with pytest.raises(RuleError, match="own story"):
        workflow.approve(s, mine.id, u["wangfang"])
    with pytest.raises(RuleError, match="own story"):
        workflow.return_story(s, mine.id, u["wangfang"], "自己退自己")


def test_nobody_signs_a_story_they_last_edited(room):
    s, u = room
    a = draft(s, u)
    workflow.edit(s, a.id, {"body": "王芳改过的正文。"}, u["wangfang"])
    workflow.submit(s, a.id, u["zhangwei"])
    with pytest.raises(RuleError, match="rule: own story"):
        workflow.approve(s, a.id, u["wangfang"])
    workflow.approve(s, a.id, u["sunyue"])  # someone else may


def test_nobody_signs_two_stages(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["sunyue"])  # 初审
    with pytest.raises(RuleError, match="two stages"):
        workflow.approve(s, a.id, u["sunyue"])  # 复审: holds the role, still refused
    # not even in a later round after the story came back
    workflow.return_story(s, a.id, u["liqiang"], "补充采访")
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["wangfang"])
    with pytest.raises(RuleError, match="two stages"):
        workflow.approve(s, a.id, u["sunyue"])


def test_stage_role_is_required(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    with pytest.raises(RuleError, match="does not hold the 初审 role"):
        workflow.approve(s, a.id, u["zhaomin"])
    with pytest.raises(RuleError, match="stage role"):
        workflow.approve(s, a.id, u["admin"])


def test_a_story_in_review_is_locked_but_for_its_stage_reviewer(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["wangfang"])  # 初审 signed; 复审 (李强) holds it now
    for other in ("zhangwei", "wangfang", "zhaomin", "admin"):
        with pytest.raises(RuleError, match="locked in review"):
            workflow.edit(s, a.id, {"title": "改了"}, u[other])
    assert s.articles.get(a.id).title == "城关镇开展防汛演练"
    new, changed = workflow.edit(s, a.id, {"body": "演练用时十八分钟。"}, u["liqiang"])
    assert changed == ["body"] and (new.state, new.review_stage) == ("in_review", 2)
    trace = s.events.of(a.id)[-1]
    assert (trace.kind, trace.stage, trace.actor_id) == ("revise", 2, u["liqiang"].id)
    assert trace.revision == new.revision == 3 and trace.detail["fields"] == ["body"]
    assert new.last_editor_id == u["zhangwei"].id  # the edit is the stage's, not authorship
    assert kinds(s, a.id)[:2] == [("submit", 1), ("approve", 1)]  # 初审 still stands
    workflow.approve(s, a.id, u["liqiang"])  # who edited at a stage may sign it
    # 终审 sees 复审's change, attributed to 复审 and 李强.
    diff = review_diff(s, s.articles.get(a.id))
    [edit] = diff.stage_edits
    assert (edit.stage, edit.actor_id) == (2, u["liqiang"].id)
    assert edit.fields["body"] == [("equal", "演练用时"), ("delete", "二"), ("equal", "十"),
                                   ("insert", "八"), ("equal", "分钟。")]
    t = workflow.approve(s, a.id, u["zhaomin"])
    assert t.article.state == "approved" and t.event.revision == 3


def test_editing_an_approved_story_voids_its_signoffs(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    full_review(s, u, a.id)
    new, changed = workflow.edit(s, a.id, {"title": "城关镇开展防汛应急演练"}, u["zhangwei"])
    assert changed == ["title"]
    art = s.articles.get(a.id)
    assert (art.state, art.review_stage) == ("submitted", 1)
    void = s.events.of(a.id)[-1]
    assert void.kind == "void" and void.detail["voided_stages"] == [1, 2, 3]
    assert void.revision == art.revision == 3  # the edit is its own revision
    full_review(s, u, a.id)  # the round starts again at 初审, same reviewers may sign
    assert s.articles.get(a.id).state == "approved"
    assert [e.revision for e in s.events.of(a.id) if e.kind == "approve"][-3:] == [3, 3, 3]


def test_the_author_recalls_until_the_first_signoff(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    with pytest.raises(RuleError, match="only the author recalls"):
        workflow.recall(s, a.id, u["wangfang"])
    t = workflow.recall(s, a.id, u["zhangwei"], comment="补充数据")
    assert (t.article.state, t.event.kind, t.event.comment) == ("draft", "recall", "补充数据")
    workflow.edit(s, a.id, {"body": "演练用时十八分钟。"}, u["zhangwei"])  # a draft again
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["wangfang"])
    with pytest.raises(RuleError, match="rule: recall"):
        workflow.recall(s, a.id, u["zhangwei"])
    assert s.articles.get(a.id).state == "in_review"


def test_non_content_changes_do_not_void(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["wangfang"])
    workflow.edit(s, a.id, {"pinned": True}, u["zhangwei"])
    assert s.articles.get(a.id).review_stage == 2


def test_return_requires_a_reason(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    for reason in ("", "   ", None):
        with pytest.raises(RuleError, match="needs a reason"):
            workflow.return_story(s, a.id, u["wangfang"], reason)
    t = workflow.return_story(s, a.id, u["wangfang"], "  数据待核实 ")
    assert t.article.state == "returned" and t.event.comment == "数据待核实"
    workflow.submit(s, a.id, u["zhangwei"])  # returned stories come back
    assert s.articles.get(a.id).state == "submitted"


def test_password_is_required_when_set(room):
    s, u = room
    s.users.set_password_hash(u["wangfang"].id, auth.hash_password("茶山2026"), None)
    wang = s.users.find("wangfang")
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    with pytest.raises(RuleError, match="give it"):
        workflow.approve(s, a.id, wang)
    with pytest.raises(RuleError, match="wrong password"):
        workflow.approve(s, a.id, wang, password="wrong")
    with pytest.raises(RuleError, match="wrong password"):
        workflow.return_story(s, a.id, wang, "理由", password="wrong")
    workflow.approve(s, a.id, wang, password="茶山2026")
    assert "scrypt$" in wang.password_hash and "茶山" not in wang.password_hash


def test_scheduling(room):
    s, u = room
    a = draft(s, u, publish_at="2026-12-01T00:00:00Z")
    workflow.submit(s, a.id, u["zhangwei"], now="2026-11-01T00:00:00Z")
    for name in ("wangfang", "liqiang"):
        workflow.approve(s, a.id, u[name], now="2026-11-01T01:00:00Z")
    t = workflow.approve(s, a.id, u["zhaomin"], now="2026-11-01T02:00:00Z")
    assert t.article.state == "scheduled"
    assert workflow.due(s, "2026-11-30T23:59:59Z") == []
    with pytest.raises(RuleError, match="not yet due"):
        workflow.publish(s, a.id, None, now="2026-11-30T00:00:00Z")
    assert workflow.due(s, "2026-12-01T00:00:00Z") == [a.id]
    [t] = workflow.publish_due(s, None, now="2026-12-02T08:00:00Z")
    assert t.article.first_published_at == "2026-12-01T00:00:00Z"  # its scheduled time
    assert t.article.public_path.startswith("chengguan/2026/12/")


def test_withdrawal(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    full_review(s, u, a.id)
    workflow.publish(s, a.id, None)
    with pytest.raises(RuleError, match="only admins"):
        workflow.withdraw(s, a.id, u["zhaomin"], "失实")
    with pytest.raises(RuleError, match="needs a reason"):
        workflow.withdraw(s, a.id, u["admin"], "")
    t = workflow.withdraw(s, a.id, u["admin"], "当事人信息有误，撤稿")
    assert t.article.state == "withdrawn" and t.event.comment == "当事人信息有误，撤稿"
    with pytest.raises(RuleError):
        workflow.edit(s, a.id, {"body": "改"}, u["zhangwei"])


def test_correction_is_re_reviewed_and_dated(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    full_review(s, u, a.id)
    live = workflow.publish(s, a.id, None).article
    with pytest.raises(RuleError, match="start a correction"):
        workflow.edit(s, a.id, {"body": "直接改"}, u["zhangwei"])
    with pytest.raises(RuleError, match="needs a reason"):
        workflow.begin_correction(s, a.id, u["zhangwei"], " ")
    workflow.begin_correction(s, a.id, u["zhangwei"], "原文“二十分钟”应为“十八分钟”")
    workflow.edit(s, a.id, {"body": "演练用时十八分钟。"}, u["zhangwei"])
    assert s.articles.get(a.id).live_revision == live.live_revision  # the page keeps the old text
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.approve(s, a.id, u["wangfang"])
    workflow.approve(s, a.id, u["liqiang"])
    assert s.articles.get(a.id).state == "in_review"
    signed = workflow.approve(s, a.id, u["zhaomin"]).article
    # Signed off, it waits for the next publication like any story: the page keeps
    # the old text, still vouched for by the round that put it out.
    assert signed.state == "approved" and signed.live_revision == live.live_revision
    assert audit(s) == []
    final = workflow.publish(s, a.id, u["admin"]).article
    assert final.state == "published"
    assert final.live_revision == final.revision > live.live_revision
    assert (final.public_path, final.first_published_at) == (live.public_path,
                                                             live.first_published_at)
    assert final.corrections[0]["note"] == "原文“二十分钟”应为“十八分钟”"
    assert final.corrections[0]["at"]
    assert [k for k, _ in kinds(s, a.id)][-6:] == ["correction", "submit", "approve",
                                                   "approve", "approve", "publish"]
    out = s.events.of(a.id)[-1]   # who published it, when: not who signed last
    assert out.actor_id == u["admin"].id and final.corrections[0]["at"] == out.at
    assert out.detail["correction"] == final.corrections[0]["note"]


def test_audit_finds_a_row_edited_by_hand(room, db_path):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    full_review(s, u, a.id)
    assert audit(s) == []
    target = s.events.of(a.id)[2]
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE review_events SET actor_id = ? WHERE id = ?", [u["sunyue"].id, target.id])
    raw.commit()
    raw.close()
    [problem] = audit(s)
    assert (problem.article_id, problem.seq, problem.event_id) == (a.id, 3, target.id)
    assert "hash does not match" in problem.reason


def test_audit_finds_a_deleted_row(room, db_path):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    full_review(s, u, a.id)
    raw = sqlite3.connect(db_path)
    raw.execute("DELETE FROM review_events WHERE article_id = ? AND seq = 2", [a.id])
    raw.commit()
    raw.close()
    [problem] = audit(s)
    assert problem.seq == 3 and "missing" in problem.reason


def test_waiting_for_agrees_with_the_sign_off_rules(demo_store):
    s = demo_store
    xikou = next(a for a in s.articles.many(workflow.queue(s)) if a.title.startswith("溪口镇"))
    holder = next(u for u in s.users.all() if workflow.why_not_review(s, xikou, u) is None)
    workflow.edit(s, xikou.id, {"body": xikou.body + "补记。"}, holder)  # 留痕, may still sign
    s.users.add("both", "甲乙", ["reviewer1", "reviewer2"])
    for user in s.users.all():
        waiting = set(workflow.waiting_for(s, user))
        for article in s.articles.many(workflow.queue(s)):
            may = workflow.why_not_sign(s, article, user) is None
            assert (article.id in waiting) == may, (user.username, article.title)


def test_a_story_nobody_may_sign_says_why(room):
    s, u = room

    def leaves(username):  # no deactivation in the app yet: as an admin would by hand
        with s.transaction():
            s.conn.execute("UPDATE users SET active = 0 WHERE username = ?", [username])
    a = draft(s, u, author_id=u["wangfang"].id)  # 王芳 holds 初审 and wrote it
    workflow.submit(s, a.id, u["wangfang"])
    assert workflow.why_nobody_signs(s, s.articles.get(a.id)) is None  # 孙悦 may
    leaves("sunyue")
    why = workflow.why_nobody_signs(s, s.articles.get(a.id))
    assert "no 初审 reviewer other than who wrote it" in why
    c = draft(s, u, title="第三稿")
    workflow.submit(s, c.id, u["zhangwei"])
    workflow.approve(s, c.id, u["wangfang"])
    workflow.approve(s, c.id, u["liqiang"])
    assert workflow.why_nobody_signs(s, s.articles.get(c.id)) is None
    leaves("zhaomin")  # the only 终审 reviewer
    assert "nobody holds the 终审 role" in workflow.why_nobody_signs(s, s.articles.get(c.id))
