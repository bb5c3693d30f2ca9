import pytest

from newsdesk.editing import edit_locks
from newsdesk.review import workflow
from newsdesk.errors import StaleEdit
from newsdesk.text.merge import MINE, THEIRS, merge


def test_one_editor_per_story_with_take_over_and_lapse(demo_store):
    s = demo_store
    chen, wang = s.users.find("chenlu"), s.users.find("wangfang")
    draft = s.articles.ids(state="draft")[0]
    assert edit_locks.acquire(s, draft, chen, "A", now="2026-11-28T10:00:00Z").ours
    other = edit_locks.acquire(s, draft, wang, "B", now="2026-11-28T10:00:05Z")
    assert (other.ours, other.holder) == (False, "陈璐")
    assert edit_locks.heartbeat(s, draft, chen, "A", now="2026-11-28T10:00:10Z").ours
    taken = edit_locks.acquire(s, draft, wang, "B", take_over=True, now="2026-11-28T10:00:12Z")
    assert taken.ours and taken.taken_from == "陈璐"
    lost = edit_locks.heartbeat(s, draft, chen, "A", now="2026-11-28T10:00:20Z")
    assert (lost.ours, lost.holder) == (False, "王芳")
    # B's app dies: after the lapse, A may open the story without taking it over.
    assert edit_locks.acquire(s, draft, chen, "A", now="2026-11-28T10:01:00Z").ours
    edit_locks.release(s, draft, "A")
    assert s.locks.get(draft) is None


def test_a_save_from_a_stale_copy_is_refused_untouched(demo_store):
    s = demo_store
    chen = s.users.find("chenlu")
    draft = s.articles.get(s.articles.ids(state="draft")[0])
    workflow.edit(s, draft.id, {"body": "对方先保存的正文。"}, chen, expect_edits=draft.edits)
    with pytest.raises(StaleEdit, match="saved elsewhere meanwhile") as e:
        workflow.edit(s, draft.id, {"body": "我基于旧版本的正文。"}, chen,
                      expect_edits=draft.edits)
    assert e.value.current.body == "对方先保存的正文。"
    assert s.articles.get(draft.id).body == "对方先保存的正文。"


BASE = "第一段。\n\n第二段。\n\n第三段。"


@pytest.mark.parametrize("mine, theirs, merged, conflicts", [
    ("第一段改。\n\n第二段。\n\n第三段。", "第一段。\n\n第二段。\n\n第三段改。",
     "第一段改。\n\n第二段。\n\n第三段改。", 0),
    ("第一段。\n\n新增段。\n\n第二段。\n\n第三段。", "第一段。\n\n第二段。",
     "第一段。\n\n新增段。\n\n第二段。", 0),
    ("第一段甲。\n\n第二段。\n\n第三段。", "第一段乙。\n\n第二段。\n\n第三段。",
     f"{MINE}\n\n第一段甲。\n\n{THEIRS}\n\n第一段乙。\n\n第二段。\n\n第三段。", 1),
    (BASE, BASE, BASE, 0),
])
def test_three_way_merge_by_paragraph(mine, theirs, merged, conflicts):
    assert merge(BASE, mine, theirs) == (merged, conflicts)


def test_merging_a_story_takes_each_sides_own_changes():
    from newsdesk.text.merge import merge_story
    from newsdesk.model import Article
    base = Article(id="a", title="旧标题", kicker="引题", body=BASE)
    theirs = Article(id="a", title="旧标题", kicker="他们改的引题",
                     body="第一段。\n\n第二段。\n\n第三段改。")
    mine = {"title": "我改的标题", "kicker": "引题", "body": "第一段改。\n\n第二段。\n\n第三段。"}
    merged, conflicts = merge_story(base, mine, theirs)
    assert merged == {"title": "我改的标题", "kicker": "他们改的引题",
                      "body": "第一段改。\n\n第二段。\n\n第三段改。"}
    assert conflicts == 0


def _dead_pid() -> int:
    import subprocess
    import sys
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_lock_left_by_our_own_crashed_app_is_taken_back_silently(demo_store):
    import os
    import socket
    s = demo_store
    chen, wang = s.users.find("chenlu"), s.users.find("wangfang")
    draft = s.articles.ids(state="draft")[0]
    here, dead = socket.gethostname(), _dead_pid()
    crashed = f"{here}/{dead}/0123abcd"
    now = "2026-11-28T10:00:05Z"
    # Our own app on this machine was killed a moment ago: ours again, nobody told.
    s.locks.set(draft, chen.id, crashed, "2026-11-28T10:00:00Z")
    back = edit_locks.acquire(s, draft, chen, edit_locks.new_instance(), now=now)
    assert back.ours and back.taken_from == ""
    # Someone else's crashed app, another machine, or our app still running: ask.
    for holder, instance in ((wang, crashed), (chen, f"other-pc/{dead}/0123abcd"),
                             (chen, f"{here}/{os.getpid()}/0123abcd")):
        s.locks.set(draft, holder.id, instance, "2026-11-28T10:00:00Z")
        state = edit_locks.acquire(s, draft, chen, edit_locks.new_instance(), now=now)
        assert (state.ours, state.holder) == (False, holder.real_name), instance
