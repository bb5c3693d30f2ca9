"""Someone with write access to the newsroom's shared repository, attacking it with git
(issue 30, items 1–3): a clone, a story's files edited, committed and pushed; then the
real `sync` on the other seats and `export` on the publisher."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from newsdesk.review import workflow
from newsdesk.store import Store
from newsdesk.sync import records
from newsdesk.sync.seat import Seat, join_new
from tests.conftest import PASSWORD, real_newsroom

MALLORY = {"GIT_AUTHOR_NAME": "mallory", "GIT_AUTHOR_EMAIL": "m@example.cn",
           "GIT_COMMITTER_NAME": "mallory", "GIT_COMMITTER_EMAIL": "m@example.cn"}


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """Seat A (the founder, the publisher) and seat B, on one shared repository."""
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)  # the admin's, for `export --as`
    remote = str(tmp_path / "newsroom.git")
    a = real_newsroom(Store.open(tmp_path / "a" / "a.db"))
    Seat.init(a, remote, a.users.find("admin"))
    b = Store.open(tmp_path / "b" / "b.db")
    Seat.join(b, remote)
    yield a, b, remote
    a.close()
    b.close()


def git(*args, cwd=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True, env=os.environ | MALLORY).stdout


class Clone:
    """The attacker's working copy of the shared repository."""

    def __init__(self, remote: str, where: Path):
        self.path = where
        git("clone", "-q", remote, str(where))

    def story(self, store: Store, article_id: str, kind: str = "story") -> Path:
        created = store.articles.get(article_id).created_at
        return self.path / records.story_paths(article_id, created)[kind]

    def push(self, message: str) -> str:
        git("commit", "-qam", message, cwd=self.path)
        git("push", "-q", "origin", "HEAD", cwd=self.path)
        return git("rev-parse", "HEAD", cwd=self.path).strip()

    def events(self, store: Store, article_id: str) -> list[dict]:
        return [json.loads(line) for line in
                self.story(store, article_id, "events").read_text("utf-8").splitlines()]

    def pull(self) -> None:
        git("pull", "-q", "--ff-only", cwd=self.path)


def exported(cli, store: Store, out: Path) -> str:
    """Every page the publisher's full export writes, as one text."""
    r = cli("export", "--out", out, "--full", "--as", "admin", "--db", store.path)
    assert r.code == 0, r.err
    return "\n".join(p.read_text("utf-8") for p in out.rglob("*.html"))


def test_a_story_file_forged_to_approved_never_goes_live(newsroom, tmp_path, cli):
    a, b, remote = newsroom
    story = next(i for i in b.articles.ids(state="draft"))
    clone = Clone(remote, tmp_path / "clone")
    md = clone.story(b, story)
    text = md.read_text("utf-8")
    assert 'state = "draft"' in text
    md.write_text(text.replace('state = "draft"', 'state = "approved"')
                  + "\n\n澳门新葡京官网注册送彩金。\n", "utf-8")
    clone.push("approved")
    join_new(tmp_path / "c" / "c.db", remote)  # before any seat has corrected it
    c = Store.open(tmp_path / "c" / "c.db")
    assert c.articles.get(story).state == "draft"
    c.close()
    r = cli("sync", "--db", b.path)
    assert r.code == 0 and cli("sync", "--db", a.path).code == 0
    for seat in (b, a):
        assert seat.articles.get(story).state == "draft"
        assert any(c["record"] == story and c["field"] == "state" and
                   c["other"] == "approved" for c in seat.syncing.conflicts())
    assert "claimed what their review events do not allow" in r.out
    assert "澳门新葡京" not in exported(cli, a, tmp_path / "site")
    assert a.articles.get(story).state == "draft"
    # The seats sent back what the events say: the repository holds a draft again.
    clone.pull()
    assert 'state = "draft"' in clone.story(b, story).read_text("utf-8")


def test_a_published_story_changed_in_its_file_keeps_its_signed_text(newsroom, tmp_path, cli):
    a, b, remote = newsroom
    story = a.articles.ids(state="published")[0]
    signed = a.articles.get(story).body
    clone = Clone(remote, tmp_path / "clone")
    md = clone.story(a, story)
    md.write_text(md.read_text("utf-8") + "\n\n澳门新葡京官网注册送彩金。\n", "utf-8")
    clone.push("a small fix")
    for seat in (b, a):
        assert cli("sync", "--db", seat.path).code == 0
        assert seat.articles.get(story).body == signed
        assert seat.articles.get(story).state == "published"
        assert any(c["record"] == story and c["field"] == "body"
                   for c in seat.syncing.conflicts())
    assert "澳门新葡京" not in exported(cli, a, tmp_path / "site")
    r = cli("show", story[:8], "--db", b.path)
    assert "澳门新葡京" not in r.out


def test_a_review_event_sent_twice_is_taken_once(newsroom, tmp_path, cli):
    a, b, remote = newsroom
    story = next(i for i in a.articles.ids(state="approved"))
    clone = Clone(remote, tmp_path / "clone")
    events = clone.story(a, story, "events")
    lines = events.read_text("utf-8").splitlines()
    approve = next(line for line in lines if json.loads(line)["kind"] == "approve")
    events.write_text("\n".join([*lines, approve, approve]) + "\n", "utf-8")
    clone.push("replayed")
    before = [e.id for e in a.events.of(story)]
    for seat in (b, a, b):
        r = cli("sync", "--db", seat.path)
        assert r.code == 0, r.err
        assert [e.id for e in seat.events.of(story)] == before
    # A new seat joins the repository as it now is; the newsroom syncs on.
    assert join_new(tmp_path / "c" / "c.db", remote)[1] == a.articles.count()
    assert cli("sync", "--db", tmp_path / "c" / "c.db").code == 0


def test_a_replayed_event_is_noted_when_it_arrives(newsroom, tmp_path, cli):
    a, b, remote = newsroom
    story = next(i for i in a.articles.ids(state="approved"))
    clone = Clone(remote, tmp_path / "clone")
    events = clone.story(a, story, "events")
    text = events.read_text("utf-8")
    events.write_text(text + text.splitlines()[1] + "\n", "utf-8")
    clone.push("replayed")
    r = cli("sync", "--db", b.path)
    assert r.code == 0 and "arrived twice" in r.out
    assert len(b.events.of(story)) == len(a.events.of(story))


@pytest.mark.parametrize("change", ["signature", "actor_id"])
def test_a_changed_copy_of_a_held_event_is_reported_and_repaired(newsroom, tmp_path, cli,
                                                                 change):
    a, b, remote = newsroom
    story = next(i for i in a.articles.ids(state="draft"))
    workflow.submit(a, story, a.users.get(a.articles.get(story).author_id))
    workflow.approve(a, story, a.users.find("wangfang"), PASSWORD)  # signed by her key
    assert cli("sync", "--db", a.path).code == 0 == cli("sync", "--db", b.path).code
    held = [e.__dict__ for e in b.events.of(story)]
    clone = Clone(remote, tmp_path / "clone")
    path = clone.story(a, story, "events")
    events = clone.events(a, story)
    approve = next(e for e in events if e["kind"] == "approve")
    if change == "signature":
        sig = approve["signature"]
        approve["signature"] = ("A" if sig[0] != "A" else "B") + sig[1:]
    else:
        approve["actor_id"] = a.users.find("zhangwei").id
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events),
                    "utf-8")
    commit = clone.push("nothing to see")
    r = cli("sync", "--db", b.path)
    assert r.code == 1
    assert "tampering" in r.out and commit[:10] in r.out and "mallory" in r.out
    r = cli("sync", "status", "--db", b.path)
    assert r.code == 1 and "tampering" in r.out and commit[:10] in r.out
    assert [(e.id, e.actor_id, e.signature) for e in b.events.of(story)] == \
        [(e["id"], e["actor_id"], e["signature"]) for e in held]
    # B sent its copy back: the repository holds the event as signed, a new seat joins.
    clone.pull()
    there = next(e for e in clone.events(a, story) if e["id"] == approve["id"])
    mine = next(e for e in held if e["id"] == approve["id"])
    assert (there["actor_id"], there["signature"]) == (mine["actor_id"], mine["signature"])
    join_new(tmp_path / "c" / "c.db", remote)
    assert cli("sync", "--db", a.path).code == 0


@pytest.mark.parametrize("forgery", ["roles", "new admin", "removed"])
def test_a_forged_account_is_kept_out_repaired_and_blocks_nobody(newsroom, tmp_path, cli,
                                                                 forgery):
    """An account changed in the repository without an admin's signature — a role
    granted, an admin account added, an account removed — is not believed by any seat:
    each keeps its own copy, says who did it, and the first to sync puts the
    repository right, so the seats go on syncing and a new seat joins (issue 30)."""
    import tomllib

    import tomli_w
    a, b, remote = newsroom
    clone = Clone(remote, tmp_path / "clone")
    users = clone.path / "users"
    zhangwei = tomllib.loads((users / "zhangwei.toml").read_text("utf-8"))
    if forgery == "roles":
        (users / "zhangwei.toml").write_text(tomli_w.dumps(
            zhangwei | {"roles": ["editor", "admin", "reviewer3"]}), "utf-8")
    elif forgery == "new admin":
        (users / "mallory.toml").write_text(tomli_w.dumps(
            zhangwei | {"id": "f" * 32, "username": "mallory", "real_name": "马洛礼",
                        "roles": ["admin"]}), "utf-8")
        git("add", "users/mallory.toml", cwd=clone.path)
    else:
        git("rm", "-q", "users/zhangwei.toml", cwd=clone.path)
    commit = clone.push("tidy up users")
    before = {u.username: u.roles for u in b.users.all()}
    r = cli("sync", "--db", b.path)
    assert r.code == 1, r.err
    assert "tampering" in r.out and commit[:10] in r.out and "mallory" in r.out
    assert {u.username: u.roles for u in b.users.all()} == before
    assert cli("sync", "--db", a.path).code in (0, 1)
    assert {u.username: u.roles for u in a.users.all()} == before
    clone.pull()  # B put the repository right
    assert tomllib.loads((users / "zhangwei.toml").read_text("utf-8")) == zhangwei
    assert not (users / "mallory.toml").exists()
    join_new(tmp_path / "c" / "c.db", remote)
    c = Store.open(tmp_path / "c" / "c.db")
    assert {u.username: u.roles for u in c.users.all()} == before
    c.close()
    assert cli("sync", "--db", a.path).code == 0 == cli("sync", "--db", b.path).code


def test_an_old_signed_account_sent_again_under_another_name_is_not_believed(
        newsroom, tmp_path, cli):
    """张薇 was made an admin and, later, an editor again — both signed by the admin.
    Someone removes her account file and puts the old signed admin copy back under
    another name: every seat judges accounts by id, finds it older than the copy it
    replaces, and keeps her an editor (issue 30)."""
    import time

    from newsdesk.review import accounts
    a, b, remote = newsroom
    clone = Clone(remote, tmp_path / "clone")
    accounts.change_user(a, a.users.find("admin"), a.users.find("zhangwei"),
                         roles=["editor", "admin"])
    assert cli("sync", "--db", a.path).code == 0
    clone.pull()
    granted = (clone.path / "users" / "zhangwei.toml").read_bytes()
    time.sleep(1.1)  # stored times are to the second
    accounts.change_user(a, a.users.find("admin"), a.users.find("zhangwei"), roles=["editor"])
    assert cli("sync", "--db", a.path).code == 0 == cli("sync", "--db", b.path).code
    clone.pull()
    git("rm", "-q", "users/zhangwei.toml", cwd=clone.path)
    (clone.path / "users" / "a.toml").write_bytes(granted)
    git("add", "users/a.toml", cwd=clone.path)
    commit = clone.push("tidy up users")
    r = cli("sync", "--db", b.path)
    assert r.code == 1 and commit[:10] in r.out, r.out
    assert cli("sync", "--db", a.path).code == 0  # B has put it right already
    for seat in (a, b):
        assert seat.users.find("zhangwei").roles == ["editor"]
    clone.pull()
    assert not (clone.path / "users" / "a.toml").exists()
    join_new(tmp_path / "c" / "c.db", remote)
    c = Store.open(tmp_path / "c" / "c.db")
    assert c.users.find("zhangwei").roles == ["editor"]
    c.close()


def test_an_account_file_moved_over_another_blocks_nobody(newsroom, tmp_path, cli):
    """`git mv -f users/wangfang.toml users/zhangwei.toml`: nothing unsigned, but 张薇's
    account is gone from the repository. No seat loses either account or stops: each
    reports it, the files are put back, and a new seat joins."""
    a, b, remote = newsroom
    clone = Clone(remote, tmp_path / "clone")
    git("mv", "-f", "users/wangfang.toml", "users/zhangwei.toml", cwd=clone.path)
    clone.push("tidy up users")
    before = {u.username: u.roles for u in a.users.all()}
    r = cli("sync", "--db", b.path)
    assert r.code == 1 and "tampering" in r.out, r.err
    assert cli("sync", "--db", a.path).code in (0, 1)
    for seat in (a, b):
        assert {u.username: u.roles for u in seat.users.all()} == before
    clone.pull()
    assert (clone.path / "users" / "wangfang.toml").exists()
    join_new(tmp_path / "c" / "c.db", remote)
    assert cli("sync", "--db", a.path).code == 0 == cli("sync", "--db", b.path).code
