"""Merging two seats' commits without a working tree: only the paths both changed are
merged, each by what it holds (newsdesk.sync.merging), and only the subtrees holding
them are rebuilt."""
from __future__ import annotations

import json

from newsdesk import times
from newsdesk.ids import new_id
from newsdesk.sync import records as rec
from newsdesk.sync.gitstore import GitStore
from newsdesk.sync.merging import (Conflict, merge_checks, merge_events, merge_revisions,
                                   merge_rows, merge_story, review_state)


class TreeMerge:
    def __init__(self, git: GitStore, seat_name: str, last_stage: int):
        self.git, self.seat_name = git, seat_name
        self.last_stage = last_stage  # the newsroom's number of review stages

    def merge(self, ours, theirs, who: str) -> list[Conflict]:
        """A merge commit of ours and theirs on main; the conflicts it recorded (also
        written into it, as conflicts/<id>.toml, for every seat to see)."""
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
                        f"Merged with the newsroom on {self.seat_name}", who)
        return conflicts

    def _merge_file(self, path: str, bt, ot, tt) -> tuple[bytes | None, list[Conflict]]:
        """One file both sides changed, merged by what it holds."""
        kind = rec.story_kind(path)
        b, o, t = (self.git.read(tree, path) for tree in (bt, ot, tt))
        if o is None or t is None:  # deleted on one side, changed on the other: keep it
            return (o if t is None else t), []
        if kind == "story":
            events = [rec.lines_records(x, path) if x else [] for x in
                      (self.git.read(tree, path[:-3] + rec.STORY_FILES["events"])
                       for tree in (bt, ot, tt))]
            start = rec.story_record(b, path) if b else ({}, "")
            merged = merge_events(rec.story_id(path), events[1], events[2])
            (fields, body), found = merge_story(
                rec.story_id(path), start, rec.story_record(o, path),
                rec.story_record(t, path),
                review_state(start[0], *events, merged, self.last_stage))
            return rec.story_text(fields, body), found
        if kind == "events":
            return rec.lines_text(merge_events(rec.story_id(path), rec.lines_records(o, path),
                                               rec.lines_records(t, path))), []
        if kind == "revisions":
            return rec.lines_text(merge_revisions(rec.lines_records(o, path),
                                                  rec.lines_records(t, path))), []
        if kind in ("accepted", "reports"):
            rows, found = merge_checks(kind, rec.lines_records(b, path) if b else [],
                                       rec.lines_records(o, path), rec.lines_records(t, path))
            return (rec.lines_text(rows) if rows else None), found
        outlets = rec.signed_file(path) or path
        if rec.admins_only(outlets):
            return self._later_signed(path, outlets, o, t, ot, tt)
        spec = rec.table_of(outlets)
        if spec is not None and spec.whole:
            return self._later_row(spec, path, o, t)
        if spec is not None:
            rows, found = merge_rows(spec.table, spec.key,
                                     rec.table_rows(spec, b, path) if b else [],
                                     rec.table_rows(spec, o, path),
                                     rec.table_rows(spec, t, path))
            return (rec.table_text(spec, rows) if rows else None), found
        return t, []  # pictures: the same name is the same bytes

    @staticmethod
    def _later_row(spec: rec.TableFile, path: str, o: bytes, t: bytes
                   ) -> tuple[bytes, list[Conflict]]:
        """A record that carries its own signature (an account) both sides changed: the
        later version stands whole, the other is kept as a conflict."""
        mine, theirs = (rec.table_rows(spec, x, path)[0] for x in (o, t))
        later = (theirs.get("updated_at", ""), t) > (mine.get("updated_at", ""), o)
        kept, winner, loser = (t, theirs, mine) if later else (o, mine, theirs)
        # Who and what they may do, never the keys or password hash (a conflict is shown).
        text = lambda row: json.dumps(rec.identity(row), ensure_ascii=False)  # noqa: E731
        return kept, [Conflict(path, "file", text(winner), text(loser),
                               loser.get("updated_by"), loser.get("updated_at", ""))]

    def _later_signed(self, path: str, outlets: str, o: bytes, t: bytes, ot, tt
                      ) -> tuple[bytes, list[Conflict]]:
        """A file only admins change (or its signature) both sides changed: it goes
        whole, as the admin who signed later left it (a merge of two would carry no
        admin's signature); the other version is kept as a conflict."""
        sigs = [rec.sig_record(self.git.read(tree, outlets + rec.SIG), outlets)
                for tree in (ot, tt)]
        theirs = (sigs[1].get("signed_at", ""), t) > (sigs[0].get("signed_at", ""), o)
        if path != outlets:  # the signature: the same choice as its file's
            return (t if theirs else o), []
        kept, other, loser = (t, o, sigs[0]) if theirs else (o, t, sigs[1])
        text = lambda data: json.dumps(data.decode("utf-8"), ensure_ascii=False)  # noqa: E731
        return kept, [Conflict(outlets, "file", text(kept), text(other),
                               loser.get("signed_by"), loser.get("signed_at", ""))]
