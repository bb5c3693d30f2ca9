"""The rulebook (review.rules): declared once, and "wrote it" as every door asks it."""
import ast
import json

import pytest

from newsdesk.review import rules, workflow
from newsdesk.review.workflow import RuleError
from tests.conftest import ROOT
from tests.test_workflow import draft, room  # noqa: F401  (the workflow tests' newsroom)


def test_a_co_writer_may_not_sign_through_the_cli(db_path, cli, monkeypatch, tmp_path):
    """Issue 30, item 8: 王芳 rewrote 陈璐's draft, 陈璐 then changed only the title
    and submitted; 王芳 is not its last editor, but she wrote it."""
    assert cli("init", "--db", db_path, "--demo").code == 0
    monkeypatch.setenv("NEWSDESK_PASSWORD", "越溪2026")  # her proof for --as
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "越溪2026")
    assert cli("users", "passwd", "wangfang", "--db", db_path).code == 0
    sid = json.loads(cli("list", "--db", db_path, "--state", "draft", "--json").out)[0]["id"]
    body = tmp_path / "body.md"
    body.write_text("王芳重写的正文：专家建议老人和儿童尽早接种。\n", encoding="utf-8")
    assert cli("edit", sid, "--as", "wangfang", "--body-file", body, "--db", db_path).code == 0
    assert cli("edit", sid, "--as", "chenlu", "--title", "流感高发 专家提醒接种疫苗",
               "--db", db_path).code == 0
    assert cli("submit", sid, "--as", "chenlu", "--db", db_path).code == 0
    r = cli("approve", sid, "--as", "wangfang", "--db", db_path)
    assert r.code == 2 and "王芳 wrote this story" in r.err and "rule: own story" in r.err
    assert "Traceback" not in r.err
    history = json.loads(cli("history", sid, "--db", db_path, "--json").out)
    assert [h["kind"] for h in history] == ["submit"]  # nothing signed


def test_the_waiting_list_leaves_out_what_a_reviewer_wrote(room):
    s, u = room
    a = draft(s, u)
    workflow.edit(s, a.id, {"body": "王芳补写的一段。"}, u["wangfang"])
    workflow.edit(s, a.id, {"title": "城关镇防汛演练"}, u["zhangwei"])
    workflow.submit(s, a.id, u["zhangwei"])
    assert a.id not in workflow.waiting_for(s, u["wangfang"])
    assert a.id in workflow.waiting_for(s, u["sunyue"])
    assert "rule: own story" in workflow.why_not_sign(s, s.articles.get(a.id), u["wangfang"])


def test_unrecorded_saves_stay_their_writers(room):
    """The app saves a draft without a revision; when someone else then changes it,
    the earlier saves go on record as their writer's first."""
    s, u = room
    a = draft(s, u)
    workflow.edit(s, a.id, {"body": "王芳先改了正文。"}, u["wangfang"])  # no revision
    workflow.edit(s, a.id, {"title": "城关镇防汛演练"}, u["zhangwei"])
    workflow.submit(s, a.id, u["zhangwei"])
    assert u["wangfang"].id in workflow.writers(s, s.articles.get(a.id))
    with pytest.raises(RuleError, match="rule: own story"):
        workflow.approve(s, a.id, u["wangfang"])


def test_a_reviewers_traced_edit_does_not_make_them_a_writer(room):
    s, u = room
    a = draft(s, u)
    workflow.submit(s, a.id, u["zhangwei"])
    workflow.edit(s, a.id, {"body": "初审改过的正文。"}, u["wangfang"])  # 留痕
    assert u["wangfang"].id not in workflow.writers(s, s.articles.get(a.id))
    workflow.approve(s, a.id, u["wangfang"])


def test_a_correction_starts_a_new_cycle(room):
    """Who wrote the published text may sign its correction, unless they write that."""
    s, u = room
    a = draft(s, u)
    workflow.edit(s, a.id, {"body": "王芳写的正文。"}, u["wangfang"], checkpoint="edit")
    workflow.submit(s, a.id, u["zhangwei"])
    for name in ("sunyue", "liqiang", "zhaomin"):
        workflow.approve(s, a.id, u[name])
    workflow.publish(s, a.id, None)
    workflow.begin_correction(s, a.id, u["zhangwei"], "更正：时间有误")
    workflow.edit(s, a.id, {"body": "王芳写的正文（已更正）。"}, u["zhangwei"])
    workflow.submit(s, a.id, u["zhangwei"])
    assert workflow.why_not_sign(s, s.articles.get(a.id), u["wangfang"]) is None


def test_writers_is_pure_over_revisions_and_events():
    revs = [{"number": 1, "updated_by": "a", "content": {"title": "t", "body": "b"}},
            {"number": 2, "updated_by": "b", "content": {"title": "t", "body": "b2"}},
            {"number": 3, "updated_by": "c", "content": json.dumps({"title": "t", "body": "b2"})},
            {"number": 4, "updated_by": "r", "content": {"title": "t", "body": "b3"}}]
    events = [{"kind": "submit", "revision": 3}, {"kind": "revise", "revision": 4}]
    assert rules.writers(revs, events, "a") == {"a", "b"}  # c saved, changed nothing
    assert rules.writers(revs, [{"kind": "publish", "revision": 2}], None) == {"r"}


def _is_state(node) -> bool:
    if isinstance(node, ast.IfExp):
        return _is_state(node.body) or _is_state(node.orelse)
    return isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "State"


def _sets_state(node) -> bool:
    """A dict literal giving a story a state: {"state": State.X, ...}."""
    return isinstance(node, ast.Dict) and any(
        isinstance(k, ast.Constant) and k.value == "state" and _is_state(v)
        for k, v in zip(node.keys, node.values))


def _asks_kind(test) -> bool:
    """An if's test comparing something with an event kind: kind == "submit"."""
    return any(isinstance(n, ast.Compare) and any(
        isinstance(c, ast.Constant) and isinstance(c.value, str)
        for c in [n.left, *n.comparators]) and "kind" in ast.unparse(n)
        for n in ast.walk(test))


def _maps_states(tree) -> bool:
    """Does this module write a transition: a table of moves, a dict keyed by a state
    or a kind whose values are states, a branch on an event's kind that sets a state
    (sync/merging.py's _moved before the rulebook) or a state set from a State member
    (the workflow's operations before it)?"""
    kinds = set(rules.TRANSITIONS)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Move":
            return True
        if isinstance(node, ast.Dict) and any(
                (_is_state(k) or isinstance(k, ast.Constant) and k.value in kinds)
                and (_is_state(v) or isinstance(v, ast.Tuple) and any(map(_is_state, v.elts)))
                for k, v in zip(node.keys, node.values)):
            return True
        if isinstance(node, ast.If) and _asks_kind(node.test) and any(
                _sets_state(n) for n in ast.walk(node)):
            return True
        if _sets_state(node):  # a move's target written out (the workflow's were)
            return True
    return False


def test_the_transition_table_is_declared_once():
    """Issue 30, item 9: one rulebook. The workflow, the sync's replay and its trust
    check read the table from review.rules; no other module restates it."""
    writers = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "newsdesk").rglob("*.py"))
               if _maps_states(ast.parse(p.read_text(encoding="utf-8")))]
    assert writers == ["newsdesk/review/rules.py"]
    for user in ("review/workflow.py", "sync/merging.py", "sync/admission.py"):
        text = (ROOT / "newsdesk" / user).read_text(encoding="utf-8")
        assert "from newsdesk.review import" in text and "rules" in text
        assert "rules." in text
