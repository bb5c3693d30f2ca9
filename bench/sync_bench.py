"""同步 speed on a large newsroom: two seats and a `git daemon` remote on 127.0.0.1, and
the git command line on the same repository in the same run.

Seat A is founded from an archive database (sync init); seat B joins (clone, then its
database and search index built); then, medians of --runs: a sync with nothing to do,
one story edited on each seat until both match (A, B, A), and 1,000 new stories on A
until B has them. The git CLI's bare clone, fetch with nothing new, and push with
nothing new of the same repository are timed beside them.

    python bench/make_archive.py 100000 --db /tmp/archive100k.db
    python bench/sync_bench.py --db /tmp/archive100k.db --work /dev/shm/syncbench"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk import times  # noqa: E402
from newsdesk.review import accounts, workflow
from newsdesk.model import Article  # noqa: E402
from newsdesk.ids import new_id  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from newsdesk.sync.seat import Seat  # noqa: E402
from tests.hosts import GitDaemon  # noqa: E402

GOALS = {"nothing to do": 0.3, "one story each side": 1.0, "join": 180.0}


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def median_of(runs: int, run) -> tuple[float, list[float]]:
    times_ = [timed(run) for _ in range(runs)]
    return statistics.median(times_), times_


def say(name: str, seconds: float, runs: list[float] | None = None) -> None:
    goal = f"  (goal ≤ {GOALS[name]:g} s)" if name in GOALS else ""
    each = f"  runs {', '.join(f'{r:.3f}' for r in runs)}" if runs and len(runs) > 1 else ""
    print(f"{name:<34} {seconds:9.3f} s{goal}{each}", flush=True)


def edit_one(store: Store, article_id: str, text: str) -> None:
    article = store.articles.get(article_id)
    paragraphs = article.body.split("\n\n")
    paragraphs[0 if text.startswith("甲") else -1] = text
    workflow.edit(store, article_id, {"body": "\n\n".join(paragraphs)},
                  store.users.find("admin"))


def make_real(store: Store) -> None:
    """An archive is built on the demo newsroom: made real, as a newsroom of many
    seats needs it (not a demo; every account with a password, so a key)."""
    admin = store.users.find("admin")
    store.set_settings({"demo": False}, admin.id)
    for user in sorted(store.users.all(), key=lambda u: u.id != admin.id):
        accounts.set_password(store, user, "越溪2026", admin.id)


def new_stories(store: Store, n: int) -> None:
    """n drafts as an import brings them (one transaction)."""
    author = store.users.find("zhangwei")
    channel = store.channels.all()[0].id
    now = times.now()
    store.articles.bulk_add([
        Article(id=new_id(), title=f"批量导入的稿件 {i}", body=f"第 {i} 篇的正文。\n\n第二段。",
                channel_id=channel, author_id=author.id, last_editor_id=author.id,
                created_at=now, updated_at=now, updated_by=author.id) for i in range(n)], [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="an archive (bench/make_archive.py)")
    parser.add_argument("--work", default="/tmp/syncbench", help="a scratch folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    (work / "served").mkdir(parents=True)
    shutil.copy(args.db, work / "a.db")
    daemon = GitDaemon(work / "served")
    try:
        remote = daemon.bare("newsroom.git")
        a = Store.open(work / "a.db")
        make_real(a)
        print(f"{a.articles.count():,} stories, {a.events.count():,} review events; "
              f"remote {remote}", flush=True)
        say("found (sync init)", timed(lambda: Seat.init(a, remote, a.users.find("admin"))))
        size = sum(f.stat().st_size for f in (work / "served").rglob("*") if f.is_file())
        print(f"remote repository: {size / 2**20:,.0f} MiB", flush=True)
        b = Store.open(work / "b.db")
        say("join", timed(lambda: Seat.join(b, remote)))
        seat_a, seat_b = Seat.of(a), Seat.of(b)

        say("nothing to do", *median_of(args.runs, lambda: seat_b.sync("b")))
        git = ["git", "-C", str(work / "cli.git")]
        say("git clone --bare (CLI)", timed(lambda: subprocess.run(
            ["git", "clone", "-q", "--bare", remote, str(work / "cli.git")], check=True)))
        say("git fetch, nothing new (CLI)", *median_of(args.runs, lambda: subprocess.run(
            [*git, "fetch", "-q", remote, "main"], check=True)))
        say("git push, nothing new (CLI)", *median_of(args.runs, lambda: subprocess.run(
            [*git, "push", "-q", remote, "main"], check=True, capture_output=True)))

        story = b.articles.ids(state="draft")[0]
        rounds = iter(range(10 * args.runs))

        def one_each() -> float:
            """Edited on each seat (not timed), then synced until both match."""
            n = next(rounds)
            edit_one(a, story, f"甲座位第 {n} 次改的开头。")
            edit_one(b, story, f"乙座位第 {n} 次改的结尾。")
            return timed(lambda: (seat_a.sync("a"), seat_b.sync("b"), seat_a.sync("a")))
        each = [one_each() for _ in range(args.runs)]
        say("one story each side", statistics.median(each), each)
        body = a.articles.get(story).body
        assert body == b.articles.get(story).body and body.startswith("甲") and \
            body.endswith("次改的结尾。"), "the seats differ"

        new_stories(a, 1000)
        say("1,000 new stories: send (A)", timed(lambda: seat_a.sync("a")))
        say("1,000 new stories: receive (B)", timed(lambda: seat_b.sync("b")))
        assert a.articles.count() == b.articles.count()
        a.close()
        b.close()
    finally:
        daemon.stop()
    print(f"(work folder {work}; {timedelta(seconds=round(time.process_time()))} CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
