"""Taking into a seat's database what changed between two commits: only the paths that
differ, a seat joining reading everything in batches; a record changed here while the
sync ran is merged with what arrives, never overwritten."""
from __future__ import annotations

import json

from newsdesk import times
from newsdesk.ids import new_id
from newsdesk.model import Article
from newsdesk.store import Store
from newsdesk.store.syncing import StoryRows
from newsdesk.sync import records as rec
from newsdesk.sync.gitstore import GitStore
from newsdesk.sync.merging import (CHECK_KEYS, Conflict, merge_checks, merge_events,
                                   merge_revisions, merge_rows, merge_story,
                                   review_state)
from newsdesk.sync.rows import article_of, canon, front, rows_at, story_files, story_rows
from newsdesk.sync.standing import TAMPERED, Standing, content, once, standing

JOIN_BATCH = 2000  # stories read and written at a time when a seat joins


class Importer:
    def __init__(self, store: Store, git: GitStore,
                 forged: dict[str, dict | None] | None = None):
        """forged: the accounts changed in the repository without being vouched for (id
        → the repository's record, None where removed): this seat keeps its own copy,
        reports the tampering and sends its copy back."""
        self.store, self.git = store, git
        self.forged = forged or {}
        # What the stories' files claimed that their events do not allow, by story id:
        # this seat keeps its own version and sends it back at its next sync.
        self.found: dict[str, Standing] = {}
        self.tampered: list[Conflict] = []  # this seat's events changed there, each once
        self.span = (None, None)            # the commits imported from and to
        self.repeated = 0                   # event lines the files held twice
        self.accounts_kept: set[str] = set()  # forged accounts: this seat's copies stand

    def run(self, old, new, conflicts: list[Conflict], progress=None,
            marks: dict | None = None) -> tuple[int, list[str]]:
        """Take into the database what differs between the commits old and new; a
        record changed here meanwhile (an edit during the sync) is merged with it.
        Returns the files read and the ids of the stories among them; a joining seat
        says how far it got through progress(stories done, stories, 'build').
        The sync marks move in the same transaction (commit: new; the change mark past
        what it wrote; marks given), so a sync cut off anywhere leaves marks that name
        what the database holds and count only this seat's changes as its own."""
        marks = {"commit": str(new)} | (marks or {})
        self.span = (old, new)
        if old == new:
            self.store.syncing.set_marks(**marks)
            return 0, []
        ot, nt = self.git.tree(old), self.git.tree(new)
        changed = self.git.changed(ot, nt) if ot is not None else \
            {p: (None, oid) for p, oid in self.git.files(nt)}
        stories = sorted({rec.story_base(p) for p in changed if rec.story_kind(p)})
        prepared = [] if ot is None else [
            (base, rows, article_of(self.store, rows) if rows else None)
            for base in stories for rows in [story_rows(self.git, nt, base + ".md")]]
        with self.store.transaction():
            local = self.store.syncing.local_changes()
            self.store.syncing.defer_references()
            self._tables(ot, nt, changed, conflicts)
            if ot is None:  # a seat joining: every story is new here
                self.store.syncing.large_cache()
                every = {path: ids[1] for path, ids in changed.items()}
                for start in range(0, len(stories), JOIN_BATCH):
                    self.store.syncing.add_stories([
                        (article_of(self.store, rows, render=False), _once(rows))
                        for base in stories[start:start + JOIN_BATCH]
                        for rows in [story_rows(self.git, nt, base + ".md", every)]])
                    if progress:
                        progress(min(start + JOIN_BATCH, len(stories)), len(stories),
                                 "build")
            for path, (_a, b) in changed.items():
                if rec.is_asset_record(path) and b is not None:
                    row = rec.table_rows(rec.ASSET, self.git.blob(b), path)[0]
                    data = self.git.read(nt, path[:-5] + rec.asset_ext(row["filename"]))
                    self.store.syncing.put_asset(row, data or b"")
            mine = set(local)
            sender = self.git.author(new)
            held = self.store.syncing.stories([rec.story_id(base) for base, *_ in prepared])
            for base, new_rows, article in prepared:
                self._story(ot, base, new_rows, article, conflicts, mine, sender, held)
            if path_info := changed.get(rec.NEWSROOM):
                info = rec.newsroom_info(self.git.blob(path_info[1]))
                self.store.syncing.set_marks(publisher=info.get("publisher"),
                                             publisher_name=info.get("publisher_name"))
            for c in conflicts:
                self.store.syncing.put_rows(
                    "sync_conflicts", ("id",), (),
                    [{"id": new_id(), **c.__dict__, **_stamp()}])
            self.store.syncing.received(local + [i for i in self.found if i not in mine])
            self.store.syncing.set_marks(**marks)
        return len(changed), [rec.story_id(base) for base in stories]

    def _story(self, ot, base: str, new_rows: StoryRows | None, article: Article | None,
               conflicts: list[Conflict], mine: set[str], sender: tuple[str, str],
               stories: dict[str, StoryRows]) -> None:
        """mine: the stories changed here since this seat last committed; only those
        are merged with what arrives (and go up next time). Any other story takes the
        commit's version: where it differs here from the old commit, that is only this
        seat's reading of it (the revision number rows.article_of derives), and a merge
        of it would stay on this seat alone."""
        article_id = base.rsplit("/", 1)[1]
        if new_rows is None:
            self.store.syncing.remove_story(article_id, times.now())
            return
        held = stories.get(article_id)  # as this seat holds it: what its events allow
        here = held if article_id in mine else None
        old_rows = story_rows(self.git, ot, base + ".md") if ot is not None else None
        if here is not None and old_rows is not None and \
                story_files(here) != story_files(old_rows):
            # Edited here while this sync ran: merge, and commit it next time.
            start = front(old_rows)
            events = merge_events(article_id, here.events, new_rows.events)
            (fields, body), found = merge_story(
                article_id, start, front(here), front(new_rows),
                review_state(start[0], old_rows.events, here.events, new_rows.events,
                             events, len(self.store.settings().review_stages)))
            conflicts += found
            topics = fields.pop("topics", [])
            checks = {kind: merge_checks(kind, getattr(old_rows, kind), getattr(here, kind),
                                         getattr(new_rows, kind))[0] for kind in CHECK_KEYS}
            new_rows = StoryRows(fields | {"body": body}, topics, events,
                                 merge_revisions(here.revisions, new_rows.revisions),
                                 **checks)
            article = article_of(self.store, new_rows)
        taken = standing(article_id, held and (held.fields, held.events), new_rows.fields,
                         new_rows.events, len(self.store.settings().review_stages), *sender)
        if taken.repaired:
            self.found[article_id] = taken
            self.repeated += taken.repeated
            conflicts += taken.conflicts + self._tampering(base, taken)
            new_rows = StoryRows(taken.fields, new_rows.topics, taken.events,
                                 new_rows.revisions, new_rows.accepted, new_rows.reports)
            article = article_of(self.store, new_rows)
        self.store.syncing.put_story(article, new_rows)

    def _tampering(self, base: str, taken: Standing) -> list[Conflict]:
        """A conflict for each event of this seat's changed in the repository, naming
        the commit that changed it (and the seat or person who made it)."""
        path = base + rec.STORY_FILES["events"]
        found = []
        for ours, theirs in taken.tampered:
            def changed(data, ours=ours) -> bool:
                there = {e["id"]: e for e in rec.lines_records(data, path)} if data else {}
                return there.get(ours["id"]) is None or content(there[ours["id"]]) != \
                    content(ours)
            commit = self.git.first_with(*self.span, path, changed)
            by, at = self.git.author(commit)
            found.append(Conflict(rec.story_id(path), TAMPERED,
                                  json.dumps(ours, ensure_ascii=False),
                                  json.dumps(theirs, ensure_ascii=False), by, at))
        self.tampered += found
        return found

    def _tables(self, ot, nt, changed: dict, conflicts: list[Conflict]) -> None:
        for spec in rec.TABLES:
            paths = [p for p in changed if spec.holds(p)]
            if spec.table == "users":
                self._accounts(spec, ot, nt, paths, conflicts)
                continue
            if spec.per_row:
                for path in paths:  # one row a file
                    self._rows(spec, rows_at(self.git, spec, ot, path),
                               rows_at(self.git, spec, nt, path), conflicts)
            elif paths:
                self._rows(spec, rows_at(self.git, spec, ot, spec.path),
                           rows_at(self.git, spec, nt, spec.path), conflicts)

    def _accounts(self, spec: rec.TableFile, ot, nt, paths: list[str],
                  conflicts: list[Conflict]) -> None:
        """The accounts the changed files hold, by id (a file moved keeps its account).
        One not believed keeps this seat's copy, which its next commit writes back over
        the files, the tampering on record; none is removed here (accounts are closed,
        never removed)."""
        for path in paths:
            before, there = rows_at(self.git, spec, ot, path), rows_at(self.git, spec, nt, path)
            for row in before + there:
                if row["id"] in self.forged:
                    self._forged_account(row["id"], path, nt, conflicts)
            believed = [r for r in there if r["id"] not in self.forged]
            if believed:
                self._rows(spec, [r for r in before if r["id"] == believed[0]["id"]],
                           believed, conflicts)

    def _forged_account(self, account: str, path: str, nt,
                        conflicts: list[Conflict]) -> None:
        """The tampering with an account on record, once: this seat's copy and the
        repository's, and the commit that brought it."""
        if account in self.accounts_kept:
            return
        self.accounts_kept.add(account)
        spec = rec.table_of(path)
        mine = [u for u in spec.shared(self.store.syncing.rows_of(spec.table, spec.json,
                                                                   spec.where))
                if u["id"] == account]
        theirs = self.forged[account]
        arrived = self.git.read(nt, path)
        by, at = self.git.author(self.git.first_with(*self.span, path,
                                                     lambda data: data == arrived))
        shown = lambda row: json.dumps(row and rec.identity(row), ensure_ascii=False)  # noqa: E731
        found = Conflict(f"users:{account}", TAMPERED, shown(mine[0] if mine else None),
                         shown(theirs), by, at)
        self.tampered.append(found)
        conflicts.append(found)

    def _rows(self, spec: rec.TableFile, old: list[dict], new: list[dict],
                     conflicts: list[Conflict]) -> None:
        """A file's rows in place of what it held before; rows changed here meanwhile
        are merged with them."""
        key = lambda r: tuple(str(r[k]) for k in spec.key)  # noqa: E731
        here = spec.shared(self.store.syncing.rows_of(spec.table, spec.json, spec.where))
        if spec.per_row:
            keys = {key(r) for r in old + new}
            here = [r for r in here if key(r) in keys]
        if canon(spec, here) != canon(spec, old):
            new, found = merge_rows(spec.table, spec.key, old, here, new)
            conflicts += found
        kept = {key(r) for r in new}
        self.store.syncing.put_rows(spec.table, spec.key, spec.json, new, spec.where,
                                    removed=[r for r in here if key(r) not in kept])


def _once(rows: StoryRows) -> StoryRows:
    """A joining seat takes an event sent twice once (the seats that sent it repair it)."""
    rows.events = once(rows.events)[0]
    return rows


def _stamp() -> dict:
    now = times.now()
    return {"created_at": now, "updated_at": now, "updated_by": None}
