"""Three seats doing a newsroom's day in random orders — editing paragraphs, submitting,
signing, returning, going offline and coming back, syncing whenever — and then, after a
last round of syncs, holding the same stories, events, states and lists; every
paragraph any seat typed (and nobody replaced on purpose) in the story or in a
conflict record; `audit` passing on every seat."""
from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from newsdesk.review import workflow
from newsdesk.review.audit import audit
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from newsdesk.sync.seat import Seat
from tests.conftest import real_newsroom
from tests.test_sync import snapshot

SEATS = ("a", "b", "c")
TITLES = (("三个座位同改的稿件甲", "zhangwei"), ("三个座位同改的稿件乙", "chenlu"))


@cache
def template() -> Path:
    """A founded newsroom and two joined seats, made once and copied for each run."""
    root = Path(tempfile.mkdtemp(prefix="newsroom-template-"))
    a = real_newsroom(Store.open(root / "a" / "seat.db"))
    channel = a.channels.all()[0].id
    for title, author in TITLES:
        a.articles.create(a.users.find(author).id, title=title, channel_id=channel,
                          body="第一段。\n\n第二段。\n\n第三段。", reporters=["记者甲"],
                          source="越溪县融媒体中心")  # what 机审 wants before a submission
    Seat.init(a, str(root / "remote.git"), a.users.find("admin"))
    a.close()
    for name in SEATS[1:]:
        store = Store.open(root / name / "seat.db")
        Seat.join(store, str(root / "remote.git"))
        store.close()
    return root


class Newsroom(RuleBasedStateMachine):
    @initialize()
    def open_seats(self):
        self.root = Path(tempfile.mkdtemp(prefix="newsroom-"))
        shutil.copytree(template(), self.root, dirs_exist_ok=True)
        remote = str(self.root / "remote.git")
        self.seats = {}
        for name in SEATS:
            store = Store.open(self.root / name / "seat.db")
            store.syncing.set_marks(remote=remote)  # the copy's own remote
            self.seats[name] = store
        a = self.seats["a"]
        self.stories = [next(x.id for x in a.articles.many(a.articles.ids())
                             if x.title == title) for title, _author in TITLES]
        self.typed: set[str] = set()     # every paragraph a seat typed
        self.replaced: set[str] = set()  # … and those a seat then replaced, seeing them
        self.offline: set[str] = set()
        self.count = 0

    @rule(seat=st.sampled_from(SEATS), n=st.integers(0, 1), place=st.integers(0, 2))
    def edit(self, seat, n, place):
        store = self.seats[seat]
        story = store.articles.get(self.stories[n])
        paragraphs = story.body.split("\n\n")
        place = min(place, len(paragraphs) - 1)
        self.count += 1
        text = f"{seat}座位第{self.count}次写的段落。"
        old = paragraphs[place]
        paragraphs[place] = text
        who = store.users.get(story.author_id) if story.state in ("draft", "returned") \
            else self._reviewer(store, story)
        if who is None:
            return
        try:
            workflow.edit(store, story.id, {"body": "\n\n".join(paragraphs)}, who)
        except NewsdeskError:
            return
        self.typed.add(text)
        self.replaced.add(old)

    @rule(seat=st.sampled_from(SEATS), n=st.integers(0, 1))
    def submit(self, seat, n):
        store = self.seats[seat]
        story = store.articles.get(self.stories[n])
        try:
            workflow.submit(store, story.id, store.users.get(story.author_id))
        except NewsdeskError:
            pass

    @rule(seat=st.sampled_from(SEATS), n=st.integers(0, 1), sign=st.booleans())
    def review(self, seat, n, sign):
        store = self.seats[seat]
        story = store.articles.get(self.stories[n])
        reviewer = self._reviewer(store, story)
        if reviewer is None:
            return
        try:
            if sign:
                workflow.approve(store, story.id, reviewer, "越溪2026")
            else:
                workflow.return_story(store, story.id, reviewer, "请补充来源", "越溪2026")
        except NewsdeskError:
            pass

    @rule(seat=st.sampled_from(SEATS))
    def go_offline_or_back(self, seat):
        self.offline ^= {seat}

    @rule(seat=st.sampled_from(SEATS))
    def sync(self, seat):
        if seat not in self.offline:
            Seat.of(self.seats[seat]).sync(seat)

    @invariant()
    def every_seat_audits(self):
        for store in getattr(self, "seats", {}).values():
            assert audit(store) == []

    def teardown(self):
        if not getattr(self, "seats", None):
            return
        try:
            for name in (*SEATS, *SEATS[:2]):  # everyone back online, a last round
                Seat.of(self.seats[name]).sync(name)
            shots = [snapshot(s) for s in self.seats.values()]
            assert shots[0] == shots[1] == shots[2]
            a = self.seats["a"]
            kept = "\n\n".join(a.articles.get(i).body for i in self.stories)
            kept += "".join(f"{c['kept']}\n{c['other']}" for c in a.syncing.conflicts())
            lost = {t for t in self.typed - self.replaced if t not in kept}
            assert not lost, lost
        finally:
            for store in self.seats.values():
                store.close()
            shutil.rmtree(self.root, ignore_errors=True)

    @staticmethod
    def _reviewer(store: Store, story):
        if story.state not in ("submitted", "in_review") or not story.review_stage:
            return None
        role = workflow.stages(store)[story.review_stage - 1]["role"]
        found = [u for u in store.users.with_role(role) if u.id != story.author_id]
        return found[0] if found else None


Newsroom.TestCase.settings = settings(max_examples=12, stateful_step_count=25,
                                      deadline=None)
test_a_newsroom_of_three_seats_converges = Newsroom.TestCase
