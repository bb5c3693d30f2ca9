"""A seat of a newsroom: its SQLite database (the live store) beside a bare git
repository, joined to the newsroom's remote. A sync commits what changed here since
the last one, fetches, merges by record type, pushes (again after a race), and imports
into the database only what changed in the tree since the commit it last imported.

Invariant: the local branch's tip before a sync is what the database held at its
last import plus this seat's own commits, so the import's old side is the tip the
sync started from."""
from __future__ import annotations

import json
import shutil
import socket
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pygit2

from newsdesk import signing, times
from newsdesk.accounts import require_admin, vouch
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_
from newsdesk.ids import new_id
from newsdesk.model import Article, User
from newsdesk.store import Store
from newsdesk.store.syncing import StoryRows
from newsdesk.sync import records as rec, trust
from newsdesk.sync.gitstore import (TRACKING, GitStore, PushRejected,
                                    RemoteUnreachable, is_path)
from newsdesk.sync.merging import (Conflict, merge_events, merge_fields, merge_revisions,
                                   merge_rows, merge_story, returned_side)

RETRIES = 5  # pushes lost to another seat's before giving up for this round
JOIN_BATCH = 2000  # stories read and written at a time when a seat joins


@dataclass
class SyncResult:
    committed: int = 0          # files this seat wrote into the newsroom
    received: int = 0           # files of other seats taken into the database
    conflicts: int = 0          # new conflicts this sync found
    pushed: bool = False
    offline: str | None = None  # why the remote could not be reached
    stories: list[str] = field(default_factory=list)  # ids of the stories received


@dataclass
class SyncStatus:
    remote: str | None
    pending: int = 0            # stories and shared files changed here, not yet up
    conflicts: int = 0
    synced_at: str | None = None
    publisher: str | None = None
    is_publisher: bool = False


def repo_path(db_path: str | Path) -> Path:
    """A seat's repository lives beside its database: newsroom.db → newsroom.git."""
    return Path(db_path).with_suffix(".git")


def seat_name() -> str:
    return socket.gethostname()


def join_new(db_path: str | Path, remote: str, progress=None) -> tuple[int, int]:
    """A new seat in a new database file (the app's 加入编辑部, `sync join`): the files
    read and the stories it holds. When it fails, no database is left behind.
    progress(done, total, phase): 'fetch' counts objects, 'build' stories."""
    db_path = Path(db_path)
    if db_path.exists():
        raise NewsdeskError("{path} already exists: a seat joins with a new database (--db)",
                            path=str(db_path))
    store = Store.open(db_path)
    try:
        _seat, files = Seat.join(store, remote, progress)
        stories = store.articles.count()
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    store.close()
    return files, stories


# ---- records ↔ files ---------------------------------------------------------------
def _story_files(s: StoryRows) -> dict[str, bytes | None]:
    fields = dict(s.fields)
    body = fields.pop("body")
    md, events, revisions = rec.story_paths(fields["id"], fields["created_at"])
    strip = lambda rows: [{k: v for k, v in r.items() if k != "article_id"}  # noqa: E731
                          for r in rows]
    return {md: rec.story_text(fields | {"topics": s.topics}, body),
            events: rec.lines_text(strip(s.events)) if s.events else None,
            revisions: rec.lines_text(strip(s.revisions)) if s.revisions else None}


def _story_rows(git: GitStore, tree, md_path: str) -> StoryRows | None:
    """A story as the tree holds it (None if it is not there)."""
    text = git.read(tree, md_path)
    if text is None:
        return None
    fields, body = rec.story_record(text, md_path)
    base = md_path[:-3]
    events = git.read(tree, base + ".events.jsonl")
    revisions = git.read(tree, base + ".revisions.jsonl")
    topics = fields.pop("topics", [])
    return StoryRows(fields | {"body": body}, topics,
                     rec.lines_records(events, md_path) if events else [],
                     rec.lines_records(revisions, md_path) if revisions else [])


def _article(store: Store, s: StoryRows, render: bool = True) -> Article:
    """The story as an Article: its body rendered here, or left for this seat to render
    when it is first shown, edited or exported (render=False: a seat joining)."""
    known = Article.__dataclass_fields__
    article = Article(**{k: v for k, v in s.fields.items() if k in known},
                      topics=list(s.topics))
    if render:
        store.articles.render(article)
    return article


def _table_files(store: Store, git: GitStore, tree) -> dict[str, bytes | None]:
    """Every small table as its files; per-row files whose row is gone map to None."""
    out: dict[str, bytes | None] = {}
    for spec in rec.TABLES:
        rows = spec.shared(store.syncing.rows_of(spec.table, spec.json, spec.where))
        if spec.per_row:
            mine = {spec.file_of(r): rec.table_text(spec, [r]) for r in rows}
            there = git.subtree_files(tree, spec.path)
            out |= mine | {p: None for p in there if p not in mine}
        elif rows or git.read(tree, spec.path) is not None:
            out[spec.path] = rec.table_text(spec, rows)
    return out


# ---- the seat ----------------------------------------------------------------------
class Seat:
    def __init__(self, store: Store, git: GitStore, remote: str):
        self.store, self.git, self.remote = store, git, remote

    @classmethod
    def of(cls, store: Store) -> "Seat":
        """This database's seat; NewsdeskError if it is not part of a newsroom."""
        remote = store.syncing.mark("remote")
        if not remote:
            raise NewsdeskError("this database is not part of a newsroom: `sync init "
                                "REMOTE` makes it one, `sync join REMOTE` joins one")
        return cls(store, GitStore.open(repo_path(store.path)), remote)

    # ---- founding and joining ------------------------------------------------------
    @classmethod
    def init(cls, store: Store, remote: str, admin: User) -> "Seat":
        """Make this database the newsroom's: its records become the first commit of
        an empty remote (a folder path is created as a bare repository). This seat
        becomes the newsroom's publisher."""
        require_admin(admin, N_("found a newsroom"))
        if store.settings().demo:
            raise NewsdeskError("a demo newsroom works on one seat only: its reviewers have "
                                "no passwords, so their sign-offs cannot be signed; start a "
                                "real newsroom (a new database) to share")
        keyless = [u for u in store.users.with_signing_roles() if not u.public_keys]
        if keyless:
            raise NewsdeskError("{name} reviews or administers but has no key (a password "
                                "set before signed sign-offs): give them a new password "
                                "first ('newsdesk users passwd {username}')",
                                name=keyless[0].real_name, username=keyless[0].username)
        if not signing.can_sign(admin.id):
            raise NewsdeskError("{name}'s key is not unlocked: give their password to found "
                                "the newsroom (it signs every account)", name=admin.real_name)
        if store.syncing.mark("remote"):
            raise NewsdeskError("this database is already part of the newsroom at {url}",
                                url=store.syncing.mark("remote"))
        local = repo_path(store.path)
        if local.exists():
            raise NewsdeskError("{path} already exists: move it away first", path=str(local))
        if is_path(remote) and not Path(remote).exists():
            GitStore.create(Path(remote))
        git = GitStore.create(local)
        seat = cls(store, git, remote)
        seat_id = uuid.uuid4().hex
        info = {"format": rec.FORMAT, "publisher": seat_id, "publisher_name": seat_name(),
                "created_at": times.now(), "admin": admin.id,
                "admin_key": signing.public_of(admin.id)}
        try:
            for user in store.users.all():  # the founder vouches for every account
                vouch(store, user.id, admin.id)
            if git.remote_tip(remote) is not None:
                raise NewsdeskError("{url} already holds a newsroom: join it with `sync "
                                    "join`", url=remote)
            edits = {rec.NEWSROOM: git.write_blob(rec.newsroom_text(info))}
            mark = store.syncing.change_mark()
            edits |= seat._story_edits(None, store.syncing.all_story_ids())
            edits |= seat._other_edits(None, None)
            git.commit(git.edit_tree(None, edits), [], "The newsroom founded", admin.username)
            git.push(remote)
        except BaseException:
            shutil.rmtree(local, ignore_errors=True)  # nothing founded: try again later
            raise
        store.syncing.set_marks(seat=seat_id, remote=remote, commit=str(git.tip()),
                                seq=str(mark), synced_at=times.now(), publisher=seat_id,
                                publisher_name=info["publisher_name"], admin=admin.id,
                                admin_key=info["admin_key"], seen=str(git.tip()))
        return seat

    @classmethod
    def join(cls, store: Store, remote: str, progress=None) -> tuple["Seat", int]:
        """A new seat: the remote cloned beside this (empty) database, and every
        record imported into it. Returns the seat and the files read; progress as
        join_new's."""
        if not store.is_empty():
            raise NewsdeskError("a seat joins with a new database: {path} already holds "
                                "stories, users or channels", path=store.path)
        local = repo_path(store.path)
        if local.exists():
            raise NewsdeskError("{path} already exists: move it away first", path=str(local))
        git = GitStore.clone(remote, local, progress and (
            lambda done, total: progress(done, total, "fetch")))
        try:
            if git.tip() is None:
                raise NewsdeskError("{url} holds no newsroom yet: `sync init` founds one",
                                    url=remote)
            git.set_tip(git.tip(), TRACKING)
            seat = cls(store, git, remote)
            read, _stories = seat._import(None, git.tip(), [], progress)
        except BaseException:
            shutil.rmtree(local, ignore_errors=True)  # a half-joined seat is no seat
            raise
        info = rec.newsroom_info(git.read(git.tree(git.tip()), rec.NEWSROOM) or b"")
        store.syncing.set_marks(seat=uuid.uuid4().hex, remote=remote, commit=str(git.tip()),
                                seq=str(store.syncing.change_mark()), synced_at=times.now(),
                                admin=info.get("admin"), admin_key=info.get("admin_key"),
                                seen=str(git.tip()))
        return seat, read

    # ---- a sync ----------------------------------------------------------------------
    def sync(self, who: str) -> SyncResult:
        result = SyncResult()
        imported = self.store.syncing.mark("commit")
        if imported and str(self.git.tip()) != imported:
            # A sync stopped between moving the branch and importing (the app closed,
            # the power went): import what the database missed first.
            _read, result.stories = self._import(pygit2.Oid(hex=imported), self.git.tip(), [])
            self.store.syncing.set_marks(commit=str(self.git.tip()))
        result.committed = self._commit_local(who)
        start = self.git.tip()  # what the database holds now
        conflicts: list[Conflict] = []
        try:
            for _attempt in range(RETRIES):
                theirs = self.git.remote_tip(self.remote)
                ours = self.git.tip()
                if theirs is not None and theirs != ours and not self.git.contains(theirs, ours):
                    theirs = self.git.fetch(self.remote)
                    self._check(ours, theirs)
                    if self.git.contains(ours, theirs):
                        self.git.set_tip(theirs)
                    else:
                        conflicts += self._merge(ours, theirs, who)
                if self.git.tip() == theirs:
                    break
                try:
                    self.git.push(self.remote)
                    result.pushed = True
                    break
                except PushRejected:
                    continue
        except RemoteUnreachable as e:
            result.offline = str(e)
        local_conflicts: list[Conflict] = []
        received, stories = self._import(start, self.git.tip(), local_conflicts)
        result.received, result.stories = received, result.stories + stories
        result.conflicts = len(conflicts) + len(local_conflicts)
        marks = {"commit": str(self.git.tip())}
        if result.offline is None:
            marks |= {"synced_at": times.now(), "seen": str(self.git.tip(TRACKING))}
        self.store.syncing.set_marks(**marks)
        return result

    def status(self) -> SyncStatus:
        s = self.store.syncing
        since = int(s.mark("seq") or 0)
        pending = len(s.changed_since(since))
        tracking = self.git.tip(TRACKING)
        pending += sum(1 for p in self.git.changed(self.git.tree(tracking),
                                                   self.git.tree(self.git.tip()))
                       if rec.story_kind(p) == "story")
        pending += self._waiting_files()
        publisher = s.mark("publisher")
        return SyncStatus(self.remote, pending, s.conflict_count(), s.mark("synced_at"),
                          s.mark("publisher_name"), publisher == s.mark("seat"))

    def _check(self, ours, theirs) -> None:
        """Refused unless the newsroom's new commits may be taken in: its history still
        holds what this seat saw there last, and every change is vouched for."""
        seen = self.store.syncing.mark("seen")
        if seen and not self.git.contains(pygit2.Oid(hex=seen), theirs):
            raise trust.Refused("the newsroom's history was rewritten (commit {commit} this "
                                "seat synced with is gone from it): refused, nothing taken "
                                "in; ask whoever pushed it", commit=seen[:10])
        base = self.git.merge_base(ours, theirs)
        trust.check(self.store, self.git, self.git.tree(base), self.git.tree(theirs),
                    self.store.syncing.mark("admin_key"), self.store.syncing.mark("admin"))

    # ---- committing this seat's changes ----------------------------------------------
    def _commit_local(self, who: str) -> int:
        """Commit what changed in the database since the last sync; files written."""
        s = self.store.syncing
        mark = s.change_mark()
        assets_from = times.now()
        tree = self.git.tree(self.git.tip())
        edits = self._story_edits(tree, s.changed_since(int(s.mark("seq") or 0)))
        edits |= self._other_edits(tree, s.mark("assets_at"))
        if edits:
            self.git.commit(self.git.edit_tree(tree, edits), [self.git.tip()],
                            f"{len(edits)} files from {seat_name()}", who)
        s.set_marks(seq=str(mark), assets_at=assets_from)
        return len(edits)

    def _story_edits(self, tree, ids: list[str]) -> dict:
        stories = self.store.syncing.stories(ids)
        files: dict[str, bytes | None] = {}
        for s in stories.values():
            files |= _story_files(s)
        gone = [i for i in ids if i not in stories]
        for article_id, created_at in self.store.syncing.created_at_of_removed(gone).items():
            files |= dict.fromkeys(rec.story_paths(article_id, created_at))
        return self._differing(tree, files)

    def _other_edits(self, tree, assets_at: str | None) -> dict:
        files = _table_files(self.store, self.git, tree)
        for row in self.store.syncing.assets_since(assets_at):
            data_path, meta_path = rec.asset_paths(row["id"], rec.asset_ext(row["filename"]))
            if self.git.read(tree, meta_path) is None:
                files[data_path] = self.store.assets.data(row["id"])
                files[meta_path] = rec.table_text(rec.ASSET, [row])
        edits = self._differing(tree, files)
        return edits | self._sign_outlets_files(files, edits)

    def _sign_outlets_files(self, files: dict, edits: dict) -> dict:
        """A signature for each of the outlet's files about to change (settings,
        channels, topics, lists), by an admin whose key is unlocked here — the one who
        changed it last, when they are. One no admin here can sign waits in the
        database for a sync that can (taken out of edits)."""
        signed = {}
        unlocked = [u.id for u in self.store.users.with_role("admin")
                    if signing.can_sign(u.id)]
        for path in list(edits):
            spec = rec.table_of(path)
            if spec is None or not spec.admin or files.get(path) is None:
                continue
            rows = self.store.syncing.rows_of(spec.table, spec.json, spec.where)
            last = max(rows, key=lambda r: r.get("updated_at") or "",
                       default={}).get("updated_by")
            signer = last if last in unlocked else next(iter(unlocked), None)
            if signer is None:
                del edits[path]
                continue
            signature = signing.sign(signer, signing.file_payload(path, files[path]))
            signed[path + rec.SIG] = self.git.write_blob(
                rec.sig_text(signer, times.now(), signature))
        return signed

    def _waiting_files(self) -> int:
        """The shared tables' files that differ from this seat's last commit (an
        outlet's file no admin here could sign yet among them)."""
        tree = self.git.tree(self.git.tip())
        files = _table_files(self.store, self.git, tree)
        there = self.git.blob_ids(tree, files)
        return sum(1 for path, data in files.items()
                   if (data is None) != (there[path] is None)
                   or (data is not None and pygit2.hash(data) != there[path]))

    def _differing(self, tree, files: dict[str, bytes | None]) -> dict:
        """The files whose content is not what tree has, as blobs written (None: gone)."""
        out = {}
        there = self.git.blob_ids(tree, files)
        for path, data in files.items():
            now = there[path]
            if data is None:
                if now is not None:
                    out[path] = None
            elif now != pygit2.hash(data):
                out[path] = self.git.write_blob(data)
        return out

    # ---- merging -------------------------------------------------------------------
    def _merge(self, ours, theirs, who: str) -> list[Conflict]:
        base = self.git.merge_base(ours, theirs)
        bt, ot, tt = (self.git.tree(c) for c in (base, ours, theirs))
        mine = self.git.changed(bt, ot)
        edits, conflicts = {}, []
        for path, (b, t) in self.git.changed(bt, tt).items():
            if path not in mine:
                edits[path] = t
            elif mine[path][1] != t:
                data, found = self._merge_file(path, bt, ot, tt)
                edits[path] = self.git.write_blob(data) if data is not None else None
                conflicts += found
        now = times.now()
        for c in conflicts:
            row = {"id": new_id(), **c.__dict__, "created_at": now, "updated_at": now,
                   "updated_by": who}
            spec = rec.table_of("conflicts/x.toml")
            edits[spec.file_of(row)] = self.git.write_blob(rec.table_text(spec, [row]))
        self.git.commit(self.git.edit_tree(ot, edits), [ours, theirs],
                        f"Merged with the newsroom on {seat_name()}", who)
        return conflicts

    def _merge_file(self, path: str, bt, ot, tt) -> tuple[bytes | None, list[Conflict]]:
        """One file both sides changed, merged by what it holds."""
        kind = rec.story_kind(path)
        b, o, t = (self.git.read(tree, path) for tree in (bt, ot, tt))
        if o is None or t is None:  # deleted on one side, changed on the other: keep it
            return (o if t is None else t), []
        if kind == "story":
            events = [rec.lines_records(x, path) if x else [] for x in
                      (self.git.read(tree, path[:-3] + ".events.jsonl")
                       for tree in (bt, ot, tt))]
            (fields, body), found = merge_story(
                rec.story_id(path), rec.story_record(b, path) if b else ({}, ""),
                rec.story_record(o, path), rec.story_record(t, path),
                returned_side(*events))
            return rec.story_text(fields, body), found
        if kind == "events":
            return rec.lines_text(merge_events(rec.story_id(path), rec.lines_records(o, path),
                                               rec.lines_records(t, path))), []
        if kind == "revisions":
            return rec.lines_text(merge_revisions(rec.lines_records(o, path),
                                                  rec.lines_records(t, path))), []
        outlets = rec.signed_file(path) or path
        spec = rec.table_of(outlets)
        if spec is not None and spec.admin:
            return self._later_signed(path, outlets, o, t, ot, tt)
        if spec is not None:
            rows, found = merge_rows(spec.table, spec.key,
                                     rec.table_rows(spec, b, path) if b else [],
                                     rec.table_rows(spec, o, path),
                                     rec.table_rows(spec, t, path))
            return (rec.table_text(spec, rows) if rows else None), found
        if path == rec.NEWSROOM:
            info, _found = merge_fields("newsroom", rec.newsroom_info(b) if b else {},
                                        rec.newsroom_info(o), rec.newsroom_info(t))
            return rec.newsroom_text(info), []
        return t, []  # pictures: the same name is the same bytes

    def _later_signed(self, path: str, outlets: str, o: bytes, t: bytes, ot, tt
                      ) -> tuple[bytes, list[Conflict]]:
        """One of the outlet's files (or its signature) both sides changed: it goes
        whole, as the admin who signed later left it (a merge of two would carry no
        admin's signature); the other version is kept as a conflict."""
        sigs = [rec.sig_record(self.git.read(tree, outlets + rec.SIG), outlets)
                for tree in (ot, tt)]
        theirs = (sigs[1].get("signed_at", ""), t) > (sigs[0].get("signed_at", ""), o)
        if path != outlets:  # the signature: the same choice as its file's
            return (t if theirs else o), []
        kept, other, loser = (t, o, sigs[0]) if theirs else (o, t, sigs[1])
        return kept, [Conflict(outlets, "file", json.dumps(kept.decode("utf-8"), ensure_ascii=False),
                               json.dumps(other.decode("utf-8"), ensure_ascii=False),
                               loser.get("signed_by"), loser.get("signed_at", ""))]

    # ---- importing into the database -------------------------------------------------
    def _import(self, old, new, conflicts: list[Conflict], progress=None
                ) -> tuple[int, list[str]]:
        """Take into the database what differs between the commits old and new; a
        record changed here meanwhile (an edit during the sync) is merged with it.
        Returns the files read and the ids of the stories among them; a joining seat
        says how far it got through progress(stories done, stories, 'build')."""
        if old == new:
            return 0, []
        ot, nt = self.git.tree(old), self.git.tree(new)
        changed = self.git.changed(ot, nt) if ot is not None else \
            {p: (None, oid) for p, oid in self.git.files(nt)}
        stories = sorted({rec.story_base(p) for p in changed if rec.story_kind(p)})
        prepared = [] if ot is None else [
            (base, rows, _article(self.store, rows) if rows else None)
            for base in stories for rows in [_story_rows(self.git, nt, base + ".md")]]
        with self.store.transaction():
            self.store.syncing.defer_references()
            self._import_tables(ot, nt, changed, conflicts)
            if ot is None:  # a seat joining: every story is new here
                for start in range(0, len(stories), JOIN_BATCH):
                    self.store.syncing.add_stories([
                        (_article(self.store, rows, render=False), rows)
                        for base in stories[start:start + JOIN_BATCH]
                        for rows in [_story_rows(self.git, nt, base + ".md")]])
                    if progress:
                        progress(min(start + JOIN_BATCH, len(stories)), len(stories),
                                 "build")
            for path, (_a, b) in changed.items():
                if rec.is_asset_record(path) and b is not None:
                    row = rec.table_rows(rec.ASSET, self.git.blob(b), path)[0]
                    data = self.git.read(nt, path[:-5] + rec.asset_ext(row["filename"]))
                    self.store.syncing.put_asset(row, data or b"")
            for base, new_rows, article in prepared:
                self._import_story(ot, base, new_rows, article, conflicts)
            if path_info := changed.get(rec.NEWSROOM):
                info = rec.newsroom_info(self.git.blob(path_info[1]))
                self.store.syncing.set_marks(publisher=info.get("publisher"),
                                             publisher_name=info.get("publisher_name"))
            for c in conflicts:
                self.store.syncing.put_rows(
                    "sync_conflicts", ("id",), (),
                    [{"id": new_id(), **c.__dict__, **_stamp()}])
        return len(changed), [rec.story_id(base) for base in stories]

    def _import_story(self, ot, base: str, new_rows: StoryRows | None,
                      article: Article | None, conflicts: list[Conflict]) -> None:
        article_id = base.rsplit("/", 1)[1]
        if new_rows is None:
            self.store.syncing.remove_story(article_id)
            return
        here = self.store.syncing.stories([article_id]).get(article_id)
        old_rows = _story_rows(self.git, ot, base + ".md") if ot is not None else None
        if here is not None and old_rows is not None and \
                _story_files(here) != _story_files(old_rows):
            # Edited here while this sync ran: merge, and commit it next time.
            (fields, body), found = merge_story(
                article_id, _front(old_rows), _front(here), _front(new_rows))
            conflicts += found
            topics = fields.pop("topics", [])
            new_rows = StoryRows(fields | {"body": body}, topics,
                                 merge_events(article_id, here.events, new_rows.events),
                                 merge_revisions(here.revisions, new_rows.revisions))
            article = _article(self.store, new_rows)
        self.store.syncing.put_story(article, new_rows)

    def _import_tables(self, ot, nt, changed: dict, conflicts: list[Conflict]) -> None:
        for spec in rec.TABLES:
            paths = [p for p in changed if spec.holds(p)]
            if spec.per_row:
                for path in paths:  # one row a file
                    self._import_rows(spec, _rows_at(self.git, spec, ot, path),
                                      _rows_at(self.git, spec, nt, path), conflicts)
            elif paths:
                self._import_rows(spec, _rows_at(self.git, spec, ot, spec.path),
                                  _rows_at(self.git, spec, nt, spec.path), conflicts)

    def _import_rows(self, spec: rec.TableFile, old: list[dict], new: list[dict],
                     conflicts: list[Conflict]) -> None:
        """A file's rows in place of what it held before; rows changed here meanwhile
        are merged with them."""
        key = lambda r: tuple(str(r[k]) for k in spec.key)  # noqa: E731
        here = spec.shared(self.store.syncing.rows_of(spec.table, spec.json, spec.where))
        if spec.per_row:
            keys = {key(r) for r in old + new}
            here = [r for r in here if key(r) in keys]
        if _canon(spec, here) != _canon(spec, old):
            new, found = merge_rows(spec.table, spec.key, old, here, new)
            conflicts += found
        kept = {key(r) for r in new}
        self.store.syncing.put_rows(spec.table, spec.key, spec.json, new, spec.where,
                                    removed=[r for r in here if key(r) not in kept])


def _front(s: StoryRows) -> tuple[dict, str]:
    fields = dict(s.fields)
    body = fields.pop("body")
    return fields | {"topics": s.topics}, body


def _rows_at(git: GitStore, spec: rec.TableFile, tree, path: str) -> list[dict]:
    data = git.read(tree, path)
    return rec.table_rows(spec, data, path) if data is not None else []


def _canon(spec: rec.TableFile, rows: list[dict]) -> bytes:
    """Rows as their file's text, to compare two sets of rows."""
    return rec.table_text(spec, rows) if rows else b""


def _stamp() -> dict:
    now = times.now()
    return {"created_at": now, "updated_at": now, "updated_by": None}
