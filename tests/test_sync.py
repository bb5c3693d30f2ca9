"""A newsroom of several seats: each its own SQLite file and local repository, joined
through a real bare git repository (a folder, and the same served by `git daemon`)."""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from contextlib import closing
from pathlib import Path

import pygit2
import pytest
from hypothesis import given, settings, strategies as st

from newsdesk.review import accounts, bin_rules, signing, workflow
from newsdesk.review.audit import audit
from newsdesk.demo import load_demo
from newsdesk.errors import NewsdeskError
from newsdesk.cli import main as cli_main
from newsdesk.settings import seat_settings
from newsdesk.site import export_site
from newsdesk.store import Store
from newsdesk.store.syncing import Syncing
from newsdesk.sync import conflicts as settling, gitstore, login, records, admission
from newsdesk.sync.importing import Importer
from newsdesk.sync.login import LoginNeeded
from newsdesk.sync.merging import interleaved, review_state
from newsdesk.sync.publisher import NotThePublisher
from newsdesk.sync.seat import Seat, join_new, repo_path
from newsdesk.sync.standing import TAMPERED
from newsdesk.sync.admission import Refused
from tests.clock import stamp
from tests.conftest import PASSWORD, TOKEN, real_newsroom
from tests.hosts import SSHD, GitDaemon, Sshd

SHARED = {  # table → columns compared across seats (local columns left out)
    "articles": "id, channel_id, kicker, title, subtitle, summary, body, origin, source, "
                "reporters, state, review_stage, publish_at, first_published_at, number, "
                "public_path, tags, cover_asset_id, pinned, revision, live_revision, "
                "author_id, last_editor_id, updated_at",
    "article_topics": "article_id, topic_id",
    "review_events": "id, article_id, seq, kind, stage, revision, actor_id, at, hash",
    "revisions": "id, article_id, number, content",
    "users": "id, username, real_name, roles, password_hash, active",
    "channels": "id, slug, name, parent_id, position, kind, url",
    "topics": "id, slug, name, position",
    "site": "key, value",
    "word_terms": "term, level, category, replacement",
    "check_lists": "kind, key, value, note, position",
    "assets": "id, filename, mime, size",
    "sync_conflicts": "id, record, field, kept, other",
    "check_acceptances": "article_id, rule, field, text, note",
    "check_reports": "article_id, revision, verdict, report",
}


def snapshot(store: Store) -> dict:
    """What every seat must hold alike (a seat's own settings left out)."""
    out = {t: sorted(map(tuple, store.conn.execute(f"SELECT {cols} FROM {t}")))
           for t, cols in SHARED.items()}
    out["site"] = [r for r in out["site"] if r[0] not in seat_settings()]
    return out


@pytest.fixture
def remote(tmp_path):
    return str(tmp_path / "newsroom.git")


@pytest.fixture
def seats(tmp_path, remote):
    """Seat A founded the newsroom from the demo database; seat B joined it."""
    a = real_newsroom(Store.open(tmp_path / "a" / "a.db"))
    Seat.init(a, remote, a.users.find("admin"))
    b = Store.open(tmp_path / "b" / "b.db")
    Seat.join(b, remote)
    yield a, b
    a.close()
    b.close()


def sync(*stores):
    return [Seat.of(s).sync("test") for s in stores]


def a_draft(store: Store) -> str:
    return next(i for i in store.articles.ids(state="draft")
                if store.articles.get(i).body.count("\n\n") >= 2)


def edit_paragraph(store: Store, article_id: str, n: int, text: str, who: str) -> None:
    article = store.articles.get(article_id)
    paragraphs = article.body.split("\n\n")
    paragraphs[n] = text
    workflow.edit(store, article_id, {"body": "\n\n".join(paragraphs)},
                  store.users.get(article.author_id) if who == "author"
                  else store.users.find(who))


def test_a_joined_seat_holds_the_whole_newsroom(seats):
    a, b = seats
    assert snapshot(a) == snapshot(b)
    assert b.articles.count() == 12 and b.events.count() == a.events.count() > 0
    # Its own search index, made here (never synced); bodies are rendered here when
    # first shown, edited or exported (a joining seat does not wait for 100,000).
    title = a.articles.get(a_draft(a)).title
    assert b.search.find(title[:2])
    assert {x.renderer_version for x in b.articles.many(b.articles.ids())} == {None}
    story = a_draft(b)
    edit_paragraph(b, story, 0, "新的第一段。", "author")
    assert b.articles.get(story).body_html.startswith("<p>新的第一段。</p>")
    assert audit(b) == []


def test_nothing_to_do_sends_nothing(seats, remote):
    a, b = seats
    tip = pygit2.Repository(remote).head.target
    for result in sync(a, b, a):
        assert (result.committed, result.received, result.pushed) == (0, 0, False)
    assert pygit2.Repository(remote).head.target == tip
    assert Seat.of(b).status().pending == 0


def test_different_paragraphs_of_one_story_merge(seats):
    a, b = seats
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲座位改写的第一段。", "author")
    edit_paragraph(b, story, 2, "乙座位改写的第三段。", "author")
    assert Seat.of(b).status().pending == 1
    sync(a, b, a)
    for s in (a, b):
        body = s.articles.get(story).body.split("\n\n")
        assert body[0] == "甲座位改写的第一段。" and body[2] == "乙座位改写的第三段。"
        assert s.syncing.conflicts() == []
    assert snapshot(a) == snapshot(b)


def test_the_same_paragraph_keeps_the_later_change_and_the_other_as_a_conflict(seats):
    a, b = seats
    story = a_draft(a)
    edit_paragraph(a, story, 1, "甲的说法。", "author")
    time.sleep(1.1)  # stored times are to the second: B's edit is the later one
    edit_paragraph(b, story, 1, "乙的说法。", "author")
    sync(a, b, a)
    for s in (a, b):
        assert s.articles.get(story).body.split("\n\n")[1] == "乙的说法。"
        [conflict] = s.syncing.conflicts()
        assert (conflict["record"], conflict["field"]) == (story, "body")
        assert conflict["other"] == "甲的说法。" and conflict["kept"] == "乙的说法。"
        assert conflict["title"] == s.articles.get(story).title
    assert snapshot(a) == snapshot(b)
    # Settled on one seat (the other version taken), gone from every seat.
    settling.take_other(b, conflict["id"][:8], b.users.find("admin"))
    sync(b, a)
    assert a.syncing.conflicts() == [] == b.syncing.conflicts()
    assert a.articles.get(story).body.split("\n\n")[1] == "甲的说法。"


def test_a_conflict_marked_in_the_text_or_kept(seats, cli, monkeypatch):
    a, b = seats
    story = a_draft(a)
    for text in ("甲一。", "乙一。"):
        edit_paragraph(a if text[0] == "甲" else b, story, 0, text, "author")
        time.sleep(1.1)
    for text in ("甲二。", "乙二。"):
        edit_paragraph(a if text[0] == "甲" else b, story, 2, text, "author")
        time.sleep(1.1)
    sync(a, b)
    first, second = sorted(b.syncing.conflicts(), key=lambda c: c["kept"])  # 乙一 乙二
    settling.mark_both(b, first["id"], b.users.find("admin"))
    body = b.articles.get(story).body
    assert f"{settling.KEPT}\n\n乙一。\n\n{settling.OTHER}\n\n甲一。" in body
    r = cli("conflicts", "--db", b.path)
    assert second["id"][:8] in r.out and "甲二。" in r.out and first["id"][:8] not in r.out
    r = cli("conflicts", "settle", second["id"][:8], "--take-other", "--db", b.path)
    assert r.code == 2 and "--as" in r.err
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)  # settling is a change: someone's
    assert cli("conflicts", "settle", second["id"][:8], "--as", "admin",
               "--db", b.path).code == 0
    assert "no conflicts" in cli("conflicts", "--db", b.path).out
    assert "乙二。" in b.articles.get(story).body
    sync(b, a)
    assert a.syncing.conflicts() == [] and a.articles.get(story).body == \
        b.articles.get(story).body


def test_a_story_submitted_on_two_seats_at_once_keeps_both_revisions(seats):
    a, b = seats
    story = a_draft(a)
    author = a.users.get(a.articles.get(story).author_id)
    workflow.edit(a, story, {"reporters": ["记者甲"], "source": "越溪县融媒体中心"}, author)
    sync(a, b)
    for store, n, text in ((a, 0, "甲座位改的开头。"), (b, 2, "乙座位改的结尾。")):
        edit_paragraph(store, story, n, text, "author")
        workflow.submit(store, story, author)  # each seat's own next revision number
    sync(a, b, a)
    assert snapshot(a) == snapshot(b)
    revisions = b.articles.revisions(story)
    numbers = [r.number for r in revisions]
    assert numbers == list(range(1, len(numbers) + 1))  # both kept, one renumbered
    assert b.articles.get(story).revision == numbers[-1]
    # Where it stands in review and its revision number follow the seats' work: no
    # conflict to settle there (taking "the other" would skip a sign-off).
    assert {c["field"] for c in b.syncing.conflicts()} <= {"body"}
    workflow.recall(b, story, author)
    edit_paragraph(b, story, 1, "之后再改一段。", "author")
    workflow.submit(b, story, author)  # a new revision, under a new number
    assert b.articles.get(story).revision == numbers[-1] + 1
    assert audit(a) == audit(b) == []


@pytest.mark.parametrize("edited", [False, True])
def test_a_submission_merged_in_before_a_return_leaves_every_seat_alike(seats, tmp_path,
                                                                         remote, edited):
    """C submitted first, then B, then A submitted and returned it, none synced: in the
    merged order the return comes last, so the story is returned on every seat — also
    on B, which already held A's return (and B's own revision renumbered) when C's
    submission arrived in front of them, whether or not B changed the story again."""
    a, b = seats
    with closing(Store.open(tmp_path / "c" / "c.db")) as c:
        Seat.join(c, remote)
        story = a_draft(a)
        author = a.users.get(a.articles.get(story).author_id)
        workflow.edit(a, story, {"reporters": ["记者甲"], "source": "越溪县融媒体中心"}, author)
        sync(a, b, c)
        for minutes, store in ((-4, c), (-3, b), (-2, a)):
            workflow.submit(store, story, author, now=stamp(minutes=minutes))
        workflow.return_story(a, story, a.users.find("wangfang"), "来源待核实", PASSWORD,
                              now=stamp(minutes=-1))
        sync(a, b, c)
        if edited:
            edit_paragraph(b, story, 0, "乙座位退回后再改。", "author")
        sync(a, b, c, a)
        assert [s.articles.get(story).state for s in (a, b, c)] == ["returned"] * 3
        for s in (a, b, c):
            assert [e.kind for e in s.events.of(story)][-4:] == [
                "submit", "submit", "submit", "return"]
            assert audit(s) == [] and Seat.of(s).status().pending == 0
        assert snapshot(a) == snapshot(b) == snapshot(c)


def test_a_field_both_changed_keeps_the_later_and_records_the_other(seats):
    a, b = seats
    story = a_draft(a)
    workflow.edit(a, story, {"source": "县融媒体中心"}, a.users.find("admin"))
    time.sleep(1.1)
    workflow.edit(b, story, {"source": "新华社"}, b.users.find("admin"))
    sync(a, b, a)
    assert a.articles.get(story).source == b.articles.get(story).source == "新华社"
    [conflict] = a.syncing.conflicts()
    assert (conflict["field"], conflict["other"]) == ("source", "县融媒体中心")


def test_review_events_of_both_seats_are_kept_and_chained_again(seats):
    a, b = seats
    story = a_draft(a)
    a.events.append(story, "comment", a.users.find("admin").id, comment="甲的批注")
    b.events.append(story, "comment", b.users.find("admin").id, comment="乙的批注")
    sync(a, b, a)
    for s in (a, b):
        comments = [e.comment for e in s.events.of(story)]
        assert "甲的批注" in comments and "乙的批注" in comments
        assert audit(s) == []
    assert snapshot(a) == snapshot(b)


def test_new_stories_users_settings_lists_and_pictures_travel(seats):
    a, b = seats
    author = b.users.find("zhangwei")
    picture = b.assets.add(b"\x89PNG fake bytes", "现场.png", "image/png", author.id)
    new = b.articles.create(author.id, title="乙座位的新稿", body=f"正文。\n\n![]({picture})",
                            channel_id=b.channels.all()[0].id)
    accounts.add_user(b, "reporter9", "新记者", ["editor"], actor_id=b.users.find("admin").id)
    a.set_settings({"name": "新名字融媒", "output_dir": "/srv/a-only"}, a.users.find("admin").id)
    a.checks.set_entries("names", [], a.users.find("admin").id)
    sync(b, a, b)
    assert a.articles.get(new.id).title == "乙座位的新稿"
    assert a.assets.data(picture.split("/")[1].split(".")[0]) == b"\x89PNG fake bytes"
    assert a.users.find("reporter9").real_name == "新记者"
    assert b.settings().name == "新名字融媒" and b.settings().output_dir == ""
    assert b.checks.entries("names") == []
    assert snapshot(a) == snapshot(b)


def test_a_deleted_draft_goes_to_every_seats_bin_and_comes_back_from_any(seats):
    a, b = seats
    story = next(i for i in a.articles.ids(state="draft") if not a.events.of(i))
    bin_rules.delete_draft(a, story, a.users.find("admin"))
    sync(a, b)
    assert story not in b.articles.ids() and b.bin.get(story)["title"]  # in B's bin too
    assert snapshot(a) == snapshot(b)
    bin_rules.restore_draft(b, story, b.users.find("admin"))  # restored on B: back on all
    sync(b, a)
    assert story in a.articles.ids() and snapshot(a) == snapshot(b)
    assert story not in {i["article_id"] for i in a.bin.items()}


def test_offline_work_waits_and_goes_up_later(seats, remote, tmp_path):
    a, b = seats
    story = a_draft(b)
    shutil.move(remote, tmp_path / "away.git")  # the office server is unreachable
    edit_paragraph(b, story, 0, "离线时写的段落。", "author")
    [result] = sync(b)
    assert result.offline and "newsroom.git" in result.offline and not result.pushed
    assert Seat.of(b).status().pending == 1
    shutil.move(tmp_path / "away.git", remote)
    [result] = sync(b)
    assert result.pushed and result.offline is None
    assert Seat.of(b).status().pending == 0
    sync(a)
    assert a.articles.get(story).body.startswith("离线时写的段落。")


def test_an_edit_made_while_a_sync_runs_is_merged_not_lost(seats, monkeypatch):
    a, b = seats
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲：同步前的修改。", "author")
    sync(a)
    fetch = gitstore.GitStore.fetch

    def fetch_while_editing(self, url):
        edit_paragraph(b, story, 2, "乙：同步进行时的修改。", "author")
        return fetch(self, url)
    monkeypatch.setattr(gitstore.GitStore, "fetch", fetch_while_editing)
    sync(b)
    monkeypatch.undo()
    body = b.articles.get(story).body.split("\n\n")
    assert body[0] == "甲：同步前的修改。" and body[2] == "乙：同步进行时的修改。"
    sync(b, a)
    assert snapshot(a) == snapshot(b)


# Where a receiving sync is cut off (SIGKILL, as a power cut would): just after the
# n-th call of a method returns; and whether this seat's work had gone up by then.
KILL_POINTS = {
    "committed here": (gitstore.GitStore, "commit", 1, False),  # marks not yet moved
    "fetched": (gitstore.GitStore, "fetch", 1, False),   # the newsroom's news, not merged
    "importing": (Syncing, "put_story", 2, True),        # inside the import's transaction
    "imported": (Importer, "run", 1, True),              # the import done, nothing after
}


def _sync_stopped_at(db: str, point: str, stopped) -> None:
    """`newsdesk sync` in a child process that stops dead at point and says so."""
    owner, name, nth, _sent = KILL_POINTS[point]
    real, calls = getattr(owner, name), []

    def stop_after(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(name)
        if len(calls) == nth:
            stopped.set()
            threading.Event().wait()  # until killed
        return out
    setattr(owner, name, stop_after)
    cli_main(["sync", "--db", db])


def kill_sync_at(db: Path, point: str) -> None:
    spawn = multiprocessing.get_context("spawn")
    stopped = spawn.Event()
    child = spawn.Process(target=_sync_stopped_at, args=(str(db), point, stopped))
    child.start()
    try:
        while not stopped.wait(0.1):
            assert child.is_alive(), f"the sync ended before {point}"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.join()


@pytest.mark.parametrize("point, local", [(p, True) for p in KILL_POINTS] +
                         [("fetched", False), ("importing", False), ("imported", False)])
def test_a_receiving_sync_killed_anywhere_is_finished_by_the_next(seats, point, local, cli):
    """local: this seat changed a story before the sync, and another after it was
    killed (before the rerun)."""
    a, b = seats
    author = a.users.find("zhangwei")
    news = [a.articles.create(author.id, title=f"甲座位的新稿{n}", body="正文。",
                              channel_id=a.channels.all()[0].id).id for n in range(5)]
    sync(a)
    before, after = a_draft(b), b.articles.ids(state="returned")[0]
    if local:
        edit_paragraph(b, before, 0, "乙座位同步前的修改。", "author")
    kill_sync_at(b.path, point)
    if local:
        edit_paragraph(b, after, 0, "乙座位同步中断后的修改。", "author")
    # What waits to go up is this seat's own work not yet sent, never what was on its
    # way in; the rerun sends just that.
    r = cli("sync", "status", "--db", b.path, "--json")
    waiting = json.loads(r.out)["pending"]
    sent = KILL_POINTS[point][3]
    assert waiting == (2 - sent if local else 0)
    r = cli("sync", "--db", b.path, "--json")
    rerun = json.loads(r.out)
    assert rerun["pushed"] is local and bool(rerun["committed"]) is local
    assert set(news) <= set(b.articles.ids())
    [received] = sync(a)
    assert sorted(received.stories) == (sorted([before, after]) if local else [])
    assert snapshot(a) == snapshot(b) and audit(b) == []
    assert Seat.of(a).status().pending == Seat.of(b).status().pending == 0


def test_a_sync_that_received_leaves_nothing_waiting(seats, cli):
    a, b = seats
    for n in range(3):
        edit_paragraph(a, a_draft(a), 0, f"甲座位第{n}次改。", "author")
        sync(a)
        [result] = sync(b)
        assert result.received and Seat.of(b).status().pending == 0
    assert "waiting to go up  0" in cli("sync", "status", "--db", b.path).out


def test_a_seat_refuses_what_it_cannot_do(seats, remote, tmp_path):
    a, b = seats
    with pytest.raises(NewsdeskError, match="already part of the newsroom"):
        Seat.init(b, remote, b.users.find("admin"))
    with pytest.raises(NewsdeskError, match="new database"):
        Seat.join(a, remote)
    fresh = Store.open(tmp_path / "c.db")
    with pytest.raises(NewsdeskError, match="no newsroom repository at"):
        Seat.join(fresh, str(tmp_path / "nowhere.git"))
    assert not repo_path(tmp_path / "c.db").exists()
    with pytest.raises(NewsdeskError, match="not part of a newsroom"):
        Seat.of(fresh)
    editor = a.users.find("zhangwei")
    other = Store.open(tmp_path / "d.db")
    load_demo(other, stories=False)
    with pytest.raises(NewsdeskError, match="only admins"):
        Seat.init(other, str(tmp_path / "other.git"), other.users.find(editor.username))


# ---- a shared repository whose HEAD names another branch ----------------------------
# A plain `git init --bare` names master (an older git, no init.defaultBranch), or
# whatever -b said; the newsroom's branch is main.
HEADS = {"master": ["-c", "init.defaultBranch=master", "init", "--bare"],
         "trunk": ["init", "--bare", "-b", "trunk"]}


def plain_bare(path: Path, head: str) -> None:
    subprocess.run(["git", *HEADS[head], "-q", str(path)], check=True)


def found_and_join(cli, monkeypatch, tmp_path, remote: str) -> None:
    """Found a newsroom on remote and join a seat to it, on the command line."""
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    real_newsroom(Store.open(a)).close()
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)
    r = cli("sync", "init", remote, "--as", "admin", "--db", a)
    assert r.code == 0 and "12 stories" in r.out
    r = cli("sync", "join", remote, "--db", b)
    assert r.code == 0 and "12 stories" in r.out, r.err
    with closing(Store.open(a)) as sa, closing(Store.open(b)) as sb:
        story = a_draft(sa)
        edit_paragraph(sb, story, 0, "乙座位的修改。", "author")
        sync(sb, sa)
        assert sa.articles.get(story).body.startswith("乙座位的修改。")
        assert snapshot(sa) == snapshot(sb)


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("address", ["folder", "file://"])
def test_a_newsroom_founded_on_a_plain_bare_repository(cli, monkeypatch, tmp_path, head,
                                                       address):
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    folder = tmp_path / "newsroom.git"
    plain_bare(folder, head)
    found_and_join(cli, monkeypatch, tmp_path,
                   str(folder) if address == "folder" else folder.as_uri())
    # Founding points the folder's HEAD at the newsroom's branch: plain git clones it.
    assert pygit2.Repository(str(folder)).head.name == "refs/heads/main"


# ---- over the network: git daemon on 127.0.0.1 ----------------------------------
@pytest.fixture
def served(tmp_path):
    """git daemon serving tmp_path/served."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    (tmp_path / "served").mkdir()
    server = GitDaemon(tmp_path / "served")
    yield server
    server.stop()


@pytest.fixture
def daemon(served):
    return served.bare("newsroom.git")


@pytest.mark.parametrize("head", HEADS)
def test_a_newsroom_founded_over_git_daemon_whose_head_names_another_branch(
        cli, monkeypatch, tmp_path, served, head):
    plain_bare(served.root / "newsroom.git", head)
    found_and_join(cli, monkeypatch, tmp_path, served.url("newsroom.git"))
    # A push cannot move a server's HEAD: joining found main by its name.
    assert pygit2.Repository(str(served.root / "newsroom.git")).head_is_unborn


@pytest.mark.parametrize("push_with", ["git", "libgit2"])
def test_three_seats_over_git_daemon(tmp_path, daemon, push_with, monkeypatch):
    if push_with == "libgit2":  # a PC without git installed: libgit2 alone
        monkeypatch.setattr(gitstore, "GIT_CLI", None)
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    said = []
    Seat.init(a, daemon, a.users.find("admin"), lambda *p: said.append(p))
    # Founding: the stories written as one pack (loose: only trees and the commit),
    # and how far it got told as it went.
    assert _loose_kinds(repo_path(a.path)) == {"tree", "commit"}
    assert [p for p in said if p[2] == "write"][-1] == (12, 12, "write")
    pushed = [p[:2] for p in said if p[2] == "push"]
    assert pushed and pushed[-1][0] == pushed[-1][1] > 50
    b, c = Store.open(tmp_path / "b.db"), Store.open(tmp_path / "c.db")
    Seat.join(b, daemon)
    Seat.join(c, daemon)
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲。", "author")
    edit_paragraph(b, story, 1, "乙。", "author")
    edit_paragraph(c, story, 2, "丙。", "author")
    sync(a, b, c, a, b)
    for s in (a, b, c):
        assert s.articles.get(story).body.split("\n\n")[:3] == ["甲。", "乙。", "丙。"]
        assert audit(s) == []
    assert snapshot(a) == snapshot(b) == snapshot(c)
    # git itself reads the newsroom's records as text.
    log = subprocess.run(["git", "--git-dir", str(repo_path(a.path)), "show",
                          f"main:{_story_file(a, story)}"], capture_output=True, text=True)
    assert "甲。\n\n乙。\n\n丙。" in log.stdout and log.stdout.startswith("+++\n")


def test_a_seat_gathers_what_it_fetched_into_one_pack(tmp_path, daemon):
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    Seat.init(a, daemon, a.users.find("admin"))
    b = Store.open(tmp_path / "b.db")
    Seat.join(b, daemon)
    local = repo_path(b.path)
    for key, value in (("gc.autoPackLimit", "1"), ("gc.autoDetach", "false")):
        subprocess.run(["git", "--git-dir", str(local), "config", key, value], check=True)
    edit_paragraph(a, a_draft(a), 0, "新的一段。", "author")
    sync(a, b)  # b fetches a second pack: over git's limit here, gathered into one
    assert len(list((local / "objects" / "pack").glob("*.pack"))) == 1
    assert snapshot(a) == snapshot(b)


@pytest.mark.parametrize("push_with", ["git", "libgit2"])
def test_seats_over_https_with_a_login(tmp_path, https, push_with, monkeypatch, cli):
    if push_with == "libgit2":
        monkeypatch.setattr(gitstore, "GIT_CLI", None)
    url = https.bare("newsroom.git")
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    admin = a.users.find("admin")
    with pytest.raises(LoginNeeded, match="asks for a user name and password"):
        Seat.init(a, url, admin)
    login.remember(url, login.Login("newsroom", "wrong"))
    with pytest.raises(LoginNeeded, match="did not accept the user name and password"):
        Seat.init(a, url, admin)
    assert https.refused and not repo_path(a.path).exists()
    login.remember(url, login.Login("newsroom", TOKEN))
    Seat.init(a, url, admin)
    b = Store.open(tmp_path / "b.db")
    Seat.join(b, url)
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲。", "author")
    edit_paragraph(b, story, 1, "乙。", "author")
    sync(a, b, a)
    assert a.articles.get(story).body.split("\n\n")[:2] == ["甲。", "乙。"]
    assert snapshot(a) == snapshot(b)
    # The token is replaced on the server: the work waits here, and the sync says why.
    login.remember(url, login.Login("newsroom", "an old token"))
    edit_paragraph(a, story, 2, "丙。", "author")
    result = Seat.of(a).sync("a")
    assert result.login_needed and "did not accept" in result.offline
    r = cli("sync", "--db", a.path)
    assert r.code == 2 and "'newsdesk sync login'" in r.err
    monkeypatch.setenv("NEWSDESK_GIT_PASSWORD", TOKEN)
    r = cli("sync", "login", "--user", "newsroom", "--db", a.path)
    assert r.code == 0 and "keyring" in r.out
    monkeypatch.delenv("NEWSDESK_GIT_PASSWORD")
    sync(a, b)
    assert b.articles.get(story).body.split("\n\n")[2] == "丙。"
    assert TOKEN not in (repo_path(a.path) / "config").read_text()  # never in git's files


def _loose_kinds(repo: Path) -> set[str]:
    """The kinds of object a repository holds as loose files."""
    git = pygit2.Repository(str(repo))
    return {git[d.name + f.name].type_str for d in (repo / "objects").iterdir()
            if len(d.name) == 2 for f in d.iterdir()}


def _story_file(store: Store, story: str) -> str:
    created = store.articles.get(story).created_at
    return f"stories/{created[:4]}/{created[5:7]}/{created[8:10]}/{story}.md"


# ---- the command line ----------------------------------------------------------
def test_the_command_line_founds_joins_syncs_and_lists_conflicts(cli, tmp_path, remote,
                                                                 monkeypatch):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert cli("init", "--demo", "--db", tmp_path / "demo.db").code == 0
    r = cli("sync", "init", remote, "--as", "admin", "--db", tmp_path / "demo.db")
    assert r.code == 2 and "demo newsroom works on one seat only" in r.err
    real_newsroom(Store.open(a)).close()
    r = cli("sync", "init", remote, "--as", "admin", "--db", a)
    assert r.code == 2 and "give it to act" in r.err  # the founder's password
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)
    r = cli("sync", "init", remote, "--as", "admin", "--db", a)
    assert r.code == 0 and "12 stories" in r.out
    r = cli("sync", "join", remote, "--db", b)
    assert r.code == 0 and "12 stories" in r.out
    r = cli("sync", "join", remote, "--db", b)
    assert r.code == 2 and "already exists" in r.err
    r = cli("sync", "--db", b, "--json")
    assert r.code == 0 and json.loads(r.out)["pushed"] is False
    r = cli("sync", "status", "--db", a, "--json")
    assert json.loads(r.out)["is_publisher"] is True
    r = cli("sync", "status", "--db", b)
    assert "waiting to go up  0" in r.out
    r = cli("conflicts", "--db", b, "--json")
    assert r.code == 0 and json.loads(r.out) == []
    r = cli("conflicts", "settle", "abc", "--as", "admin", "--db", b)
    assert r.code == 2 and "no single conflict" in r.err
    r = cli("sync", "join", str(tmp_path / "none.git"), "--db", tmp_path / "c.db")
    assert r.code == 2 and "no newsroom repository" in r.err
    assert not (tmp_path / "c.db").exists()


# ---- who publishes ----------------------------------------------------------------
def test_only_the_publisher_seat_numbers_and_exports(seats, tmp_path, cli, monkeypatch):
    a, b = seats
    story = b.articles.ids(state="approved")[0]
    with pytest.raises(NotThePublisher, match=f"publisher seat \\({socket.gethostname()}\\)"):
        workflow.publish(b, story, b.users.find("admin"))
    with pytest.raises(NotThePublisher):
        export_site(b, tmp_path / "site-b")
    assert not (tmp_path / "site-b").exists() and b.articles.get(story).number is None
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)
    r = cli("export", "--out", tmp_path / "site-b", "--as", "admin", "--db", b.path)
    assert r.code == 2 and "only the newsroom's publisher seat" in r.err
    # The publisher publishes what is due, and every seat learns its number and path.
    export_site(a, tmp_path / "site-a")
    sync(a, b)
    published = b.articles.get(story)
    assert published.state == "published" and published.number is not None
    assert published.public_path == a.articles.get(story).public_path
    assert (tmp_path / "site-a" / published.public_path).exists()


# ---- the records as text ----------------------------------------------------------
_json = st.recursive(st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.text(),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(min_size=1), inner, max_size=3), max_leaves=8)


@settings(max_examples=200, deadline=None)
@given(body=st.text(), title=st.text(min_size=1), corrections=st.lists(_json, max_size=3),
       tags=st.lists(st.text(), max_size=3))
def test_a_story_reads_back_exactly_as_written(body, title, corrections, tags):
    fields = {"id": "abc", "title": title, "corrections": corrections, "tags": tags,
              "pinned": 0, "publish_at": None}
    got, got_body = records.story_record(records.story_text(fields, body), "s.md")
    assert got_body == body
    assert got == {k: v for k, v in fields.items() if v is not None}


@settings(max_examples=200, deadline=None)
@given(values=st.dictionaries(st.text(min_size=1), _json, max_size=4))
def test_settings_read_back_exactly_as_written(values):
    spec = records.table_of("site.toml")
    rows = [{"key": k, "value": v, "updated_at": "2026-11-30T00:00:00Z"}
            for k, v in values.items()]
    back = records.table_rows(spec, records.table_text(spec, rows), "site.toml")
    expect = [{k: v for k, v in r.items() if v is not None} for r in rows]
    assert sorted(back, key=lambda r: r["key"]) == sorted(expect, key=lambda r: r["key"])


@settings(max_examples=100, deadline=None)
@given(entries=st.lists(st.tuples(st.text(min_size=1), st.text(), st.text()), max_size=4,
                        unique_by=lambda e: e[0]))
def test_list_files_read_back_exactly_as_written(entries):
    spec = records.table_of("lists/names.tsv")
    rows = [{"position": n, "key": k, "value": v, "note": note, "created_at": "t",
             "updated_at": "t", "updated_by": None} for n, (k, v, note) in enumerate(entries)]
    back = records.table_rows(spec, records.table_text(spec, rows), "lists/names.tsv")
    assert sorted(back, key=lambda r: r["key"]) == sorted(rows, key=lambda r: r["key"])


# ---- what a seat refuses ------------------------------------------------------------
def refused(store: Store, match: str) -> None:
    """The sync is refused, saying why, and the seat's database is as it was."""
    before = snapshot(store)
    with pytest.raises(Refused, match=match):
        Seat.of(store).sync("a")
    assert snapshot(store) == before


def sign_off(store: Store, username: str, story: str) -> str:
    return store.events.append(story, "approve", store.users.find(username).id,
                               stage=1, revision=1).id


@pytest.mark.parametrize("spread_from", [admission.SPREAD_FROM, 1])  # 1: over threads
def test_a_sign_off_with_a_bad_signature_is_refused(seats, remote, tmp_path, monkeypatch,
                                                    spread_from):
    monkeypatch.setattr(admission, "SPREAD_FROM", spread_from)
    a, b = seats
    story = a_draft(b)
    real = sign_off(b, "wangfang", story)
    # An event of another story (the list goes by date: the draft can come first)
    other = b.events.of(next(i for i in b.articles.ids() if i != story and b.events.of(i)))[0]
    b.conn.execute("UPDATE review_events SET signature = ? WHERE id = ?",
                   [signing.sign(b.users.find("wangfang").id, b"something else"), real])
    b.conn.commit()
    assert [(p.event_id, p.reason) for p in audit(b)] == [
        (real, "the signature is not its actor's (forged, or changed after signing)")]
    sync(b)
    refused(a, "claims to be 王芳's but is not signed with their key")
    assert other.id in {e.id for e in a.events.of(other.article_id)}
    # It stays in the shared repository (B pushed it): a new seat refuses it as well.
    with pytest.raises(Refused, match="claims to be 王芳's but is not signed"):
        join_new(tmp_path / "c.db", remote)
    assert not (tmp_path / "c.db").exists() and not (tmp_path / "c.git").exists()


def test_a_sign_off_made_without_the_reviewers_key_is_refused(seats, monkeypatch):
    a, b = seats
    monkeypatch.delitem(signing._unlocked, b.users.find("wangfang").id)
    sign_off(b, "wangfang", a_draft(b))  # someone at B's keyboard, without her password
    sync(b)
    refused(a, "王芳's but is not signed")


def test_a_sign_off_by_someone_without_the_role_is_refused(seats):
    a, b = seats
    sign_off(b, "zhangwei", a_draft(b))  # an editor, signing with his own key
    sync(b)
    refused(a, "张薇 signed .* without holding that review role")


def test_a_sign_off_by_someone_who_wrote_the_story_is_refused(seats):
    """The own-story rule holds for what arrives too (issue 30, item 8): 王芳 rewrote
    the draft, another submitted it, and her sign-off, made past her seat's rules and
    signed with her own key, is refused at the other seat."""
    a, b = seats
    story = a_draft(b)
    wangfang = b.users.find("wangfang")
    workflow.edit(b, story, {"body": "王芳重写的正文。"}, wangfang, checkpoint="edit")
    workflow.submit(b, story, b.users.find("zhangwei"))
    b.events.append(story, "approve", wangfang.id, stage=1,
                    revision=b.articles.get(story).revision)
    sync(b)
    refused(a, "王芳 signed or returned .* though they wrote it")


def test_a_role_granted_without_an_admins_signature_is_not_believed(seats):
    """An account changed past the rules (here at seat B's database): seat A keeps its
    own copy, reports the tampering with the commit that did it, and puts its copy
    back in the repository; its sign-off checks never see the forged role."""
    a, b = seats
    editor = b.users.find("zhangwei")
    b.users.update(editor.id, editor.id, roles=["editor", "admin"])  # past the rules
    sync(b)
    result = Seat.of(a).sync("a")
    assert [t["record"] for t in result.tampered] == [f"users:{editor.id}"]
    assert result.repaired == 1 and result.pushed
    assert a.users.find("zhangwei").roles == ["editor"]
    assert [c["field"] for c in a.syncing.conflicts()] == [TAMPERED]
    seat = Seat.of(a)
    text = seat.git.read(seat.git.tree(seat.git.tip()), "users/zhangwei.toml")
    assert b'"admin"' not in text  # A's copy is the repository's again
    sync(b)  # B takes the signed copy back: the seats agree, no commit goes back and forth
    assert b.users.find("zhangwei").roles == ["editor"]
    assert not any(r.pushed for r in sync(a, b))


def test_a_password_changed_by_its_own_user_travels(seats):
    a, b = seats
    user = b.users.find("zhangwei")
    accounts.set_password(b, user, "新密码2027", user.id)
    sync(b, a)
    assert a.users.find("zhangwei").public_keys == b.users.find("zhangwei").public_keys


def test_a_rewritten_history_is_refused(seats, remote):
    a, b = seats
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲：会被抹掉的修改。", "author")
    sync(a)
    shared = pygit2.Repository(remote)
    tip = shared.references["refs/heads/main"]
    tip.set_target(shared[tip.target].parents[0].id)  # a force-push that drops it
    edit_paragraph(b, story, 2, "乙。", "author")
    sync(b)
    refused(a, "history was rewritten")


def test_review_events_dropped_by_a_new_commit_are_reported_and_put_back(seats):
    a, b = seats
    story = next(i for i in b.articles.ids() if len(b.events.of(i)) >= 2)
    held = [e.id for e in a.events.of(story)]
    seat = Seat.of(b)
    tree = seat.git.tree(seat.git.tip())
    path = _story_file(b, story)[:-3] + ".events.jsonl"
    kept = b"".join(seat.git.read(tree, path).splitlines(keepends=True)[:1])
    seat.git.commit(seat.git.edit_tree(tree, {path: seat.git.write_blob(kept)}),
                    [seat.git.tip()], "drop events", "mallory")
    seat.git.push(seat.remote)
    result = Seat.of(a).sync("a")
    assert len(result.tampered) == len(held) - 1
    assert {(t["record"], t["other"]) for t in result.tampered} == {(story, "null")}
    assert all("mallory: drop events" in t["other_by"] for t in result.tampered)
    assert [e.id for e in a.events.of(story)] == held
    shared = Seat.of(a).git
    there = records.lines_records(shared.read(shared.tree(shared.remote_tip(
        Seat.of(a).remote)), path), path)
    assert [e["id"] for e in there] == held


def test_a_return_concurrent_with_a_sign_off_wins(seats):
    a, b = seats
    story = a_draft(a)
    author = a.users.get(a.articles.get(story).author_id)
    workflow.submit(a, story, author)
    sync(a, b)
    reviewer = "wangfang"
    workflow.return_story(b, story, b.users.find(reviewer), "来源待核实", PASSWORD)
    time.sleep(1.1)  # the sign-off is the later act: the return still wins
    workflow.approve(a, story, a.users.find(reviewer), PASSWORD)
    sync(a, b, a)
    for s in (a, b):
        assert s.articles.get(story).state == "returned"
        kinds = [e.kind for e in s.events.of(story)]
        assert "approve" in kinds and "return" in kinds  # the sign-off stays on record
        assert audit(s) == [] and s.syncing.conflicts() == []
    assert snapshot(a) == snapshot(b)


def _event(id_: str, kind: str, second: int, stage: int | None = None) -> dict:
    return {"id": id_, "kind": kind, "at": f"2026-11-30T08:00:{second:02}Z", "stage": stage}


@pytest.mark.parametrize("ours, theirs, stands", [
    # the last stage signed on one seat, returned on the other a second later
    ([("s3", "approve", 1, 3)], [("r", "return", 2, 3)], ("returned", None)),
    # … and the other way round: the return still wins, the sign-off stays on record
    ([("r", "return", 1, 3)], [("s3", "approve", 2, 3)], ("returned", None)),
    # two sign-offs of stage 3 at once: the first counts
    ([("x", "approve", 1, 3)], [("y", "approve", 1, 3)], ("approved", None)),
    # a sign-off on one seat, the stage reviewer's edit (留痕) on the other, later
    ([("s3", "approve", 1, 3)], [("e", "revise", 2, 3)], ("approved", None)),
    # returned and resubmitted on one seat while the other signed: a new round
    ([("r", "return", 1, 3), ("re", "submit", 3, 1)], [("s3", "approve", 2, 3)],
     ("submitted", 1)),
    # nothing in review moved: the fields as they merge
    ([("e1", "revise", 1, 3)], [("e2", "revise", 2, 3)], None),
    # one seat alone moved it (a return there outvoted a sign-off it merged in): that
    # seat's fields as they merge, not the sign-off replayed here again
    ([], [("s3", "approve", 1, 3), ("r", "return", 2, 3)], None),
])
def test_where_a_story_stands_follows_both_seats_review_events(ours, theirs, stands):
    start = {"state": "in_review", "review_stage": 3}
    base = [_event("sub", "submit", 0, 1)]
    mine, yours = ([_event(*e) for e in side] for side in (ours, theirs))
    merged = base + interleaved(mine, yours)
    for a, b in ((mine, yours), (yours, mine)):  # whichever seat merges
        got = review_state(start, base, base + a, base + b, merged, last_stage=3)
        assert (got and (got["state"], got["review_stage"])) == stands


@pytest.mark.parametrize("push_with", ["git", "libgit2"])
def test_a_push_that_loses_a_race_is_merged_and_pushed_again(seats, push_with,
                                                             monkeypatch):
    if push_with == "libgit2":
        monkeypatch.setattr(gitstore, "GIT_CLI", None)
    a, b = seats
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲。", "author")
    edit_paragraph(b, story, 2, "乙。", "author")
    push, raced = gitstore.GitStore.push, []

    def b_pushes_first(self, url):
        if not raced:
            raced.append(True)
            Seat.of(b).sync("b")  # between A's look at the remote and its push
        return push(self, url)
    monkeypatch.setattr(gitstore.GitStore, "push", b_pushes_first)
    [result] = sync(a)
    assert raced and result.pushed
    monkeypatch.undo()
    sync(b)
    for s in (a, b):
        body = s.articles.get(story).body.split("\n\n")
        assert body[0] == "甲。" and body[2] == "乙。"


def test_settings_changed_without_an_admins_key_wait_until_one_signs(seats, monkeypatch):
    a, b = seats
    admin = b.users.find("admin")
    key = signing._unlocked.pop(admin.id)  # the admin's session ended before the sync
    b.set_settings({"name": "待签名的站名"}, admin.id)
    [result] = sync(b)
    assert Seat.of(b).status().pending == 1
    sync(a)
    assert a.settings().name != "待签名的站名"
    signing.unlock(admin.id, key)  # the admin signs in again
    sync(b, a)
    assert a.settings().name == "待签名的站名" and Seat.of(b).status().pending == 0


def test_an_unsigned_change_to_the_outlets_settings_is_refused(seats):
    a, b = seats
    seat = Seat.of(b)
    tree = seat.git.tree(seat.git.tip())
    text = seat.git.read(tree, "site.toml").replace("越溪新闻网".encode(), "某博彩网".encode())
    seat.git.commit(seat.git.edit_tree(tree, {"site.toml": seat.git.write_blob(text)}),
                    [seat.git.tip()], "a new name", "mallory")
    seat.git.push(seat.remote)
    refused(a, "site.toml .* is not signed by an admin")
    assert a.settings().name == "越溪新闻网"


def test_two_admins_changing_settings_at_once_keep_the_later_whole(seats):
    a, b = seats
    a.set_settings({"report_phone": "0571-11111111"}, a.users.find("admin").id)
    sync(a)  # A's change is signed and up; B has not seen it
    time.sleep(1.1)
    b.set_settings({"licence": "浙新办[2027]1号"}, b.users.find("admin").id)
    sync(b, a)
    for s in (a, b):
        assert s.settings().licence == "浙新办[2027]1号"
        assert s.settings().report_phone != "0571-11111111"  # whole file: B's, later
        [conflict] = s.syncing.conflicts()
        assert conflict["record"] == "site.toml" and "0571-11111111" in conflict["other"]
    assert snapshot(a) == snapshot(b)


def test_two_sign_offs_of_one_stage_at_once_the_first_stands(seats):
    a, b = seats
    story = a_draft(a)
    workflow.submit(a, story, a.users.get(a.articles.get(story).author_id))
    for reviewer in ("wangfang", "liqiang"):  # 初审, 复审
        workflow.approve(a, story, a.users.find(reviewer), PASSWORD)
    accounts.add_user(a, "zhouxin", "周欣", ["reviewer3"], PASSWORD, a.users.find("admin").id)
    sync(a, b)
    workflow.approve(a, story, a.users.find("zhaomin"), PASSWORD)  # 终审 on A …
    time.sleep(1.1)
    workflow.approve(b, story, b.users.find("zhouxin"), PASSWORD)  # … and at once on B
    sync(a, b, a)
    for s in (a, b):
        finals = [e.actor_id for e in s.events.of(story) if e.kind == "approve"
                  and e.stage == 3]
        assert len(finals) == 2  # both on record
        assert s.events.final_signoffs([story], 3) == {story: s.users.find("zhaomin").id}
        assert s.articles.get(story).state == "approved" and audit(s) == []


# ---- over ssh: OpenSSH's sshd on 127.0.0.1 ---------------------------------------------
@pytest.fixture
def ssh_remote(tmp_path, monkeypatch):
    """A bare repository on an ssh server that takes this user's key (from an ssh
    agent, as a seat's is); known hosts kept in the test's own file."""
    if not (shutil.which("git") and shutil.which("ssh-agent") and Path(SSHD).exists()):
        pytest.skip("needs git, OpenSSH's client and server")
    work = tmp_path / "sshd"
    work.mkdir()
    server = Sshd(work).start()
    bare = tmp_path / "served" / "newsroom.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    said = subprocess.run(["ssh-agent", "-s"], capture_output=True, text=True).stdout
    agent = dict(line.split(";")[0].split("=", 1) for line in said.splitlines()
                 if line.startswith("SSH_"))
    for name, value in agent.items():
        monkeypatch.setenv(name, value)
    subprocess.run(["ssh-add", "-q", str(work / "user_key")], check=True)
    monkeypatch.setenv("GIT_SSH_COMMAND", "ssh -o StrictHostKeyChecking=accept-new -o "
                       f"BatchMode=yes -o UserKnownHostsFile={tmp_path / 'known_hosts'}")
    yield server, f"ssh://{server.user}@127.0.0.1:{server.port}{bare}"
    server.stop()
    subprocess.run(["kill", agent["SSH_AGENT_PID"]])


def test_seats_over_ssh_and_a_changed_host_key_stops_them(tmp_path, ssh_remote):
    server, url = ssh_remote
    a = real_newsroom(Store.open(tmp_path / "a.db"))
    Seat.init(a, url, a.users.find("admin"))
    b = Store.open(tmp_path / "b.db")
    Seat.join(b, url)
    story = a_draft(a)
    edit_paragraph(a, story, 0, "甲。", "author")
    edit_paragraph(b, story, 2, "乙。", "author")
    sync(a, b, a)
    assert snapshot(a) == snapshot(b)
    server.stop()
    server.new_host_key()  # someone else answers at the server's address now
    server.start()
    edit_paragraph(b, story, 1, "换了主机密钥之后写的。", "author")
    [result] = sync(b)
    assert result.offline and "host key is not the one this PC trusts" in result.offline
    assert not result.pushed and Seat.of(b).status().pending == 1


def test_a_seat_that_makes_itself_the_publisher_is_refused(seats):
    a, b = seats
    seat = Seat.of(b)
    tree = seat.git.tree(seat.git.tip())
    info = records.newsroom_info(seat.git.read(tree, records.NEWSROOM))
    info |= {"publisher": b.syncing.mark("seat"), "publisher_name": "mallory"}
    seat.git.commit(seat.git.edit_tree(tree, {records.NEWSROOM: seat.git.write_blob(
        records.newsroom_text(info))}), [seat.git.tip()], "publish from here", "mallory")
    seat.git.push(seat.remote)
    refused(a, "newsroom.toml .* is not signed by an admin")
    assert a.syncing.mark("publisher") == a.syncing.mark("seat")


def test_an_old_signed_copy_of_an_account_sent_again_is_not_believed(seats):
    a, b = seats
    seat, path = Seat.of(b), "users/zhangwei.toml"
    admin = b.users.find("admin")
    accounts.change_user(b, admin, b.users.find("zhangwei"), roles=["editor", "reviewer1"])
    sync(b, a)
    granted = seat.git.read(seat.git.tree(seat.git.tip()), path)  # signed by the admin
    time.sleep(1.1)  # stored times are to the second
    accounts.change_user(b, admin, b.users.find("zhangwei"), roles=["editor"])  # revoked
    sync(b, a)
    tree = seat.git.tree(seat.git.tip())  # someone sends the signed grant again
    seat.git.commit(seat.git.edit_tree(tree, {path: seat.git.write_blob(granted)}),
                    [seat.git.tip()], "restore", "mallory")
    seat.git.push(seat.remote)
    result = Seat.of(a).sync("a")
    assert [t["record"] for t in result.tampered] == [f"users:{b.users.find('zhangwei').id}"]
    assert a.users.find("zhangwei").roles == ["editor"]
    sync(b, a)  # the seats agree again, on the later signed copy
    assert b.users.find("zhangwei").roles == ["editor"]
    assert snapshot(a) == snapshot(b)


def test_two_admins_changing_one_account_at_once_keep_the_later_whole(seats):
    a, b = seats
    a_admin, b_admin = a.users.find("admin"), b.users.find("admin")
    accounts.change_user(a, a_admin, a.users.find("zhangwei"), roles=["editor", "reviewer1"])
    time.sleep(1.1)
    accounts.change_user(b, b_admin, b.users.find("zhangwei"), active=False)
    sync(a, b, a)
    for s in (a, b):  # B's, the later, stands whole (signed), A's is a conflict
        user = s.users.find("zhangwei")
        assert (user.roles, user.active) == (["editor"], False)
        assert [c["record"] for c in s.syncing.conflicts()] == ["users/zhangwei.toml"]
        [c] = s.syncing.conflicts()  # who and what roles, never a hash or a key
        assert c["other"] == {"username": "zhangwei", "real_name": "张薇",
                              "roles": ["editor", "reviewer1"], "active": True}
        assert "scrypt" not in json.dumps(c) and "private" not in json.dumps(c)
    assert snapshot(a) == snapshot(b)


def test_publishing_moves_to_another_seat(seats, tmp_path, cli, monkeypatch):
    a, b = seats
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORD)
    r = cli("sync", "publisher", "--as", "zhangwei", "--db", b.path)
    assert r.code == 2 and "only admins" in r.err
    r = cli("sync", "publisher", "--as", "admin", "--db", b.path)
    assert r.code == 0 and "now publishes" in r.out
    assert Seat.of(b).status().is_publisher
    export_site(b, tmp_path / "site-b")  # the new publisher exports …
    sync(a)
    assert not Seat.of(a).status().is_publisher
    with pytest.raises(NotThePublisher):  # … and the old one stops
        export_site(a, tmp_path / "site-a")


def test_accepted_findings_and_the_submitted_report_travel_with_the_story(seats):
    a, b = seats
    story = a_draft(a)
    author = a.users.get(a.articles.get(story).author_id)
    a.checks.accept(story, "confusion", "body", "的地得", "引语原文如此", author.id)
    workflow.submit(a, story, author)
    revision = a.articles.get(story).revision
    assert a.checks.report(story, revision) is not None
    sync(a, b)
    assert b.checks.acceptances(story) == {("confusion", "body", "的地得"): "引语原文如此"}
    assert b.checks.report(story, revision) == a.checks.report(story, revision)
    # Accepted on both seats at once: both kept.
    b.checks.accept(story, "confusion", "title", "乙", "乙的理由", author.id)
    a.checks.accept(story, "confusion", "title", "甲", "甲的理由", author.id)
    sync(a, b, a)
    assert a.checks.acceptances(story) == b.checks.acceptances(story)
    assert len(a.checks.acceptances(story)) == 3
