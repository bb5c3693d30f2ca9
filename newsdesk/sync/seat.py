"""A seat of a newsroom: its SQLite database (the live store) beside a bare git
repository, joined to the newsroom's remote. A sync commits what changed here since
the last one, fetches, merges by record type, pushes (again after a race), and imports
into the database only what changed in the tree since the commit it last imported.

Invariant: the local branch's tip before a sync is what the database held at its
last import plus this seat's own commits, so the import's old side is the tip the
sync started from. The database's marks (the commit it holds, the change number past
what came from the newsroom) move in the transaction that makes them true, so a sync
cut off anywhere is finished by the next, and only this seat's work waits to go up."""
from __future__ import annotations

import shutil
import socket
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pygit2

from newsdesk import times
from newsdesk.review import signing
from newsdesk.review.accounts import require_admin, vouch
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_
from newsdesk.model import User
from newsdesk.store import Store
from newsdesk.sync import records as rec, admission
from newsdesk.sync.gitstore import (TRACKING, GitStore, PushRejected,
                                    RemoteUnreachable, is_path)
from newsdesk.sync.importing import Importer
from newsdesk.sync.login import LoginNeeded
from newsdesk.sync.merging import Conflict
from newsdesk.store.syncing import StoryRows
from newsdesk.sync.rows import article_of, story_files, story_rows, table_files
from newsdesk.sync.standing import TAMPERED, standing
from newsdesk.sync.treemerge import TreeMerge

RETRIES = 5  # pushes lost to another seat's before giving up for this round
FOUNDING_BATCH = 2_000  # stories read and written at a time when a newsroom is founded


@dataclass
class SyncResult:
    committed: int = 0          # files this seat wrote into the newsroom
    received: int = 0           # files of other seats taken into the database
    conflicts: int = 0          # new conflicts this sync found
    pushed: bool = False
    offline: str | None = None  # why the remote could not be reached
    login_needed: bool = False  # …because its server wants a login this seat lacks
    stories: list[str] = field(default_factory=list)  # ids of the stories received
    repeated: int = 0           # event lines sent twice (taken once)
    # This seat's review events changed in the newsroom's repository: each as a
    # conflict (the story, this seat's copy kept, theirs, the commit that changed it).
    tampered: list[dict] = field(default_factory=list)
    repaired: int = 0           # stories whose files this seat corrects at its next sync


@dataclass
class SyncStatus:
    remote: str | None
    pending: int = 0            # stories and shared files changed here, not yet up
    conflicts: int = 0
    synced_at: str | None = None
    publisher: str | None = None
    is_publisher: bool = False
    tampered: int = 0           # tampering found and not yet settled by an admin
    tampered_by: str | None = None   # the latest: the commit that did it


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


def _require_key(admin: User) -> None:
    if not signing.can_sign(admin.id):
        raise NewsdeskError("{name}'s key is not unlocked: give their password",
                            name=admin.real_name)


def _signed_file(git: GitStore, path: str, data: bytes, signer: str) -> dict:
    """A file only admins change and its .sig (signer's signature of its bytes), as the
    blobs a tree takes."""
    signature = signing.sign(signer, signing.file_payload(path, data))
    return {path: git.write_blob(data), path + rec.SIG: git.write_blob(
        rec.sig_text(signer, times.now(), signature))}


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
    def init(cls, store: Store, remote: str, admin: User, progress=None) -> "Seat":
        """Make this database the newsroom's: its records become the first commit of
        an empty remote (a folder path is created as a bare repository). This seat
        becomes the newsroom's publisher. progress(done, total, phase): 'write' counts
        stories, 'push' objects sent."""
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
        _require_key(admin)  # the founder signs every account
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
            mark = store.syncing.change_mark()
            with git.packed():
                edits = _signed_file(git, rec.NEWSROOM, rec.newsroom_text(info), admin.id)
                edits |= seat._all_story_edits(progress)
                edits |= seat._other_edits(None, None)
            git.commit(git.edit_tree(None, edits), [], "The newsroom founded", admin.username)
            git.push(remote, first=True, progress=progress and (
                lambda done, total: progress(done, total, "push")))
            GitStore.name_main(remote)
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
        """A new seat: the remote cloned beside this (empty) database, every record
        imported into it, and everything after the founding checked as a sync checks
        it. Returns the seat and the files read; progress as join_new's."""
        if not store.is_empty():
            raise NewsdeskError("a seat joins with a new database: {path} already holds "
                                "stories, users or channels", path=store.path)
        local = repo_path(store.path)
        if local.exists():
            raise NewsdeskError("{path} already exists: move it away first", path=str(local))
        try:
            git = GitStore.clone(remote, local, progress and (
                lambda done, total: progress(done, total, "fetch")))
            if git.tip() is None:
                raise NewsdeskError("{url} holds no newsroom yet: `sync init` founds one",
                                    url=remote)
            seat = cls(store, git, remote)
            read, _stories = Importer(store, git).run(None, git.tip(), [], progress)
            info = rec.newsroom_info(git.read(git.tree(git.tip()), rec.NEWSROOM) or b"")
            seat._check_since_founding(info)
        except BaseException:
            shutil.rmtree(local, ignore_errors=True)  # a half-joined seat is no seat
            raise
        store.syncing.set_marks(seat=uuid.uuid4().hex, remote=remote, synced_at=times.now(),
                                admin=info.get("admin"), admin_key=info.get("admin_key"),
                                seen=str(git.tip()))  # commit and seq: with the import
        return seat, read

    def _check_since_founding(self, info: dict) -> None:
        """What every seat checked as it arrived, checked once more by a new one: all
        that changed since the founding commit (taken on trust, as the founder's key
        is), against the accounts as founded. A forged sign-off another seat refused
        stays in the shared repository; a joining seat refuses it too."""
        founding = self.git.root(self.git.tip())
        if founding == self.git.tip():
            return
        base = self.git.tree(founding)
        forged = admission.check(self.store, self.git, base, self.git.tree(self.git.tip()),
                                 info.get("admin_key"), info.get("admin"),
                                 known=admission.users_at(self.git, base))
        if forged:  # no copy of its own to keep: the seats already there repair it
            i, row = next(iter(forged.items()))
            raise admission.forged_account(row or admission.users_at(self.git, base)[i])
        self._standing_since(base)

    def _standing_since(self, base) -> None:
        """Each story changed since the founding as its events allow it (what the seats
        before it decided and sent back; a forged file no seat has corrected yet is not
        believed here either), from the story as founded."""
        tip = self.git.tree(self.git.tip())
        last = len(self.store.settings().review_stages)
        bases = sorted({rec.story_base(p) for p in self.git.changed(base, tip)
                        if rec.story_kind(p)})
        held = self.store.syncing.stories([rec.story_id(b) for b in bases])
        with self.store.transaction():
            for path in bases:
                rows = held.get(rec.story_id(path))
                if rows is None:
                    continue
                founded = story_rows(self.git, base, path + ".md")
                taken = standing(rec.story_id(path), founded and (
                    founded.fields, founded.events), rows.fields, rows.events, last, "", "")
                if taken.repaired:
                    rows = StoryRows(taken.fields, rows.topics, taken.events, rows.revisions,
                                     rows.accepted, rows.reports)
                    self.store.syncing.put_story(article_of(self.store, rows, render=False),
                                                 rows)

    # ---- a sync ----------------------------------------------------------------------
    def sync(self, who: str) -> SyncResult:
        result = self._round(who)
        if result.repaired and not result.offline:
            # What the newsroom's files claimed and this seat corrected goes back up now.
            again = self._round(who)
            result.committed += again.committed
            result.pushed |= again.pushed
            result.offline = again.offline
        return result

    def _round(self, who: str) -> SyncResult:
        result = SyncResult()
        imported = self.store.syncing.mark("commit")
        missed: list[Conflict] = []
        forged: dict[str, dict | None] = {}  # accounts changed there unvouched: kept here
        recovering = None
        if imported and str(self.git.tip()) != imported:
            # A sync stopped between moving the branch and importing (the app closed,
            # the power went): import what the database missed first, checked again.
            before = pygit2.Oid(hex=imported)
            forged = self._check(before, self.git.tip(), since=before)
            recovering = Importer(self.store, self.git, forged)
            result.received, result.stories = recovering.run(before, self.git.tip(), missed)
        result.committed = self._commit_local(who)
        start = self.git.tip()  # what the database holds now
        conflicts: list[Conflict] = []
        try:
            for _attempt in range(RETRIES):
                theirs = self.git.remote_tip(self.remote)
                ours = self.git.tip()
                if theirs is not None and theirs != ours and \
                        not self.git.contains(theirs, ours):
                    theirs = self.git.fetch(self.remote)
                    forged |= self._check(ours, theirs)
                    if self.git.contains(ours, theirs):
                        self.git.set_tip(theirs)
                    else:
                        conflicts += TreeMerge(self.git, seat_name(), len(
                            self.store.settings().review_stages)).merge(ours, theirs, who)
                if self.git.tip() == theirs:
                    if self.git.tip(TRACKING) != theirs:  # a push cut off before noting it
                        self.git.set_tip(theirs, TRACKING)
                    break
                try:
                    self.git.push(self.remote)
                    result.pushed = True
                    break
                except PushRejected:
                    continue
        except RemoteUnreachable as e:
            result.offline = str(e)
        except LoginNeeded as e:  # the work waits here, as offline, until it is given
            result.offline, result.login_needed = str(e), True
        local_conflicts: list[Conflict] = []
        marks = {} if result.offline else {"synced_at": times.now(),
                                           "seen": str(self.git.tip(TRACKING))}
        importer = Importer(self.store, self.git, forged)
        received, stories = importer.run(start, self.git.tip(), local_conflicts, marks=marks)
        result.received += received
        result.stories += stories
        importers = (importer, recovering) if recovering else (importer,)
        result.repeated = sum(i.repeated for i in importers)
        result.repaired = sum(len(i.found) + len(i.accounts_kept) for i in importers)
        result.tampered = [c.__dict__ for i in importers for c in i.tampered]
        result.conflicts = len(missed) + len(conflicts) + len(local_conflicts)
        if result.committed or result.received:
            self.git.tidy()
        return result

    def become_publisher(self, admin: User) -> None:
        """This seat takes over publishing (the old publisher's PC retired or broken):
        newsroom.toml names it, signed by an admin, pushed at once — the other seats,
        the old publisher among them, stop numbering and exporting at their next sync.
        Only while the newsroom's repository is reachable."""
        require_admin(admin, N_("choose who publishes"))
        _require_key(admin)
        result = self.sync(admin.username)
        if result.offline:
            raise NewsdeskError("publishing moves here only while the newsroom's repository "
                                "can be reached: {why}", why=result.offline)
        marks = self.store.syncing
        if marks.mark("publisher") == marks.mark("seat"):
            return
        before, tree = self.git.tip(), self.git.tree(self.git.tip())
        info = rec.newsroom_info(self.git.read(tree, rec.NEWSROOM)) | {
            "publisher": marks.mark("seat"), "publisher_name": seat_name()}
        self.git.commit(self.git.edit_tree(tree, _signed_file(
            self.git, rec.NEWSROOM, rec.newsroom_text(info), admin.id)), [before],
            f"Publishing moves to {seat_name()}", admin.username)
        try:
            self.git.push(self.remote)
        except (PushRejected, RemoteUnreachable) as e:
            self.git.set_tip(before)  # nothing changed: try again
            raise NewsdeskError("publishing did not move here: {why}; try again",
                                why=str(e)) from None
        marks.set_marks(publisher=info["publisher"], publisher_name=info["publisher_name"],
                        commit=str(self.git.tip()), seen=str(self.git.tip()))

    def status(self) -> SyncStatus:
        s = self.store.syncing
        publisher = s.mark("publisher")
        tampered = [c for c in s.conflicts() if c["field"] == TAMPERED]
        return SyncStatus(self.remote, len(self._waiting()), s.conflict_count(),
                          s.mark("synced_at"), s.mark("publisher_name"),
                          publisher == s.mark("seat"), len(tampered),
                          max(tampered, key=lambda c: c["created_at"])["other_by"]
                          if tampered else None)

    def _waiting(self) -> set[str]:
        """The records (a story, a shared file) the next sync sends: changed in the
        database since the commit it holds, and committed here but not yet in the
        newsroom's repository as this seat last saw it (what arrived, from the merge
        base on, is not this seat's to send)."""
        held = self.store.syncing.mark("commit")
        tip = self.git.tip()
        tree = self.git.tree(pygit2.Oid(hex=held) if held else tip)
        paths = self._differing_paths(tree, self._story_files(
            self.store.syncing.local_changes()))
        paths += self._differing_paths(tree, table_files(self.store, self.git, tree))
        tracking = self.git.tip(TRACKING)
        base = self.git.merge_base(tip, tracking) if tracking else None
        paths += list(self.git.changed(self.git.tree(base), self.git.tree(tip)))
        return {rec.record_of(p) for p in paths}

    def _check(self, ours, theirs, since=None) -> dict[str, dict | None]:
        """Refused unless the newsroom's new commits may be taken in: its history still
        holds what this seat saw there last, and every change is vouched for; the
        accounts changed there unvouched, which this seat keeps as it holds them.
        since: the commit to check from (the merge base by default)."""
        seen = self.store.syncing.mark("seen")
        if seen and not self.git.contains(pygit2.Oid(hex=seen), theirs):
            raise admission.Refused("the newsroom's history was rewritten (commit {commit} this "
                                "seat synced with is gone from it): refused, nothing taken "
                                "in; ask whoever pushed it", commit=seen[:10])
        base = since or self.git.merge_base(ours, theirs)
        return admission.check(self.store, self.git, self.git.tree(base),
                               self.git.tree(theirs), self.store.syncing.mark("admin_key"),
                               self.store.syncing.mark("admin"))

    # ---- committing this seat's changes ----------------------------------------------
    def _commit_local(self, who: str) -> int:
        """Commit what changed in the database since the last sync; files written."""
        s = self.store.syncing
        mark = s.change_mark()
        assets_from = times.now()
        tree = self.git.tree(self.git.tip())
        edits = self._story_edits(tree, s.local_changes())
        edits |= self._other_edits(tree, s.mark("assets_at"))
        if edits:
            self.git.commit(self.git.edit_tree(tree, edits), [self.git.tip()],
                            f"{len(edits)} files from {seat_name()}", who)
        s.set_marks(seq=str(mark), assets_at=assets_from, commit=str(self.git.tip()))
        return len(edits)

    def _all_story_edits(self, progress=None) -> dict:
        """Every story's files as blobs (founding), a batch at a time."""
        ids = self.store.syncing.all_story_ids()
        edits = {}
        for start in range(0, len(ids), FOUNDING_BATCH):
            edits |= self._story_edits(None, ids[start:start + FOUNDING_BATCH])
            if progress:
                progress(min(start + FOUNDING_BATCH, len(ids)), len(ids), "write")
        return edits

    def _story_edits(self, tree, ids: list[str]) -> dict:
        return self._differing(tree, self._story_files(ids))

    def _story_files(self, ids: list[str]) -> dict[str, bytes | None]:
        """These stories' files as the database holds them (None: in the bin)."""
        stories = self.store.syncing.stories(ids)
        files: dict[str, bytes | None] = {}
        for s in stories.values():
            files |= story_files(s)
        gone = [i for i in ids if i not in stories]
        for article_id, created_at in self.store.syncing.created_at_of_removed(gone).items():
            files |= dict.fromkeys(rec.story_paths(article_id, created_at).values())
        return files

    def _other_edits(self, tree, assets_at: str | None) -> dict:
        files = table_files(self.store, self.git, tree)
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
            signed[path + rec.SIG] = _signed_file(self.git, path, files[path],
                                                  signer)[path + rec.SIG]
        return signed

    def _differing_paths(self, tree, files: dict[str, bytes | None]) -> list[str]:
        """The paths whose content (None: no file) is not what tree has."""
        if tree is None:  # founding: every file is new
            return [path for path, data in files.items() if data is not None]
        there = self.git.blob_ids(tree, files)
        return [path for path, data in files.items()
                if (None if data is None else pygit2.hash(data)) != there[path]]

    def _differing(self, tree, files: dict[str, bytes | None]) -> dict:
        """The files whose content is not what tree has, as blobs written (None: gone)."""
        return {path: None if files[path] is None else self.git.write_blob(files[path])
                for path in self._differing_paths(tree, files)}
