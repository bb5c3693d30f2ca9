"""The pack a founding commit's files are written as: git and libgit2 both read it."""
from __future__ import annotations

import os
import shutil
import subprocess

import pygit2
import pytest

from newsdesk.sync import packing
from newsdesk.sync.gitstore import GitStore

SIZES = (0, 1, 15, 16, 17, 127, 128, 2047, 2048, 70_000, 300_000)  # size-header edges


def _fsck(path) -> None:
    if shutil.which("git"):
        run = subprocess.run(["git", "--git-dir", str(path), "fsck", "--full", "--strict"],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("big_from", [packing._BIG, 100])  # 100: most offsets 64-bit
def test_blobs_written_as_a_pack_read_back_in_git_and_libgit2(tmp_path, monkeypatch,
                                                              big_from):
    monkeypatch.setattr(packing, "_BIG", big_from)
    git = GitStore.create(tmp_path / "r.git")
    blobs = [os.urandom(n) for n in SIZES] + ["正文。\n".encode() * 500]
    with git.packed():
        ids = [git.write_blob(b) for b in blobs + blobs[:3]]  # twice: stored once
    # The same repository object builds a tree of them (libgit2 finds the new pack).
    tree = git.edit_tree(None, {f"f/{n}": oid for n, oid in enumerate(ids)})
    git.commit(tree, [], "packed", "test")
    again = pygit2.Repository(str(tmp_path / "r.git"))
    assert [again[oid].data for oid in ids] == blobs + blobs[:3]
    packs = list((tmp_path / "r.git" / "objects" / "pack").iterdir())
    assert sorted(p.suffix for p in packs) == [".idx", ".pack"]
    loose = [p for p in (tmp_path / "r.git" / "objects").iterdir()
             if len(p.name) == 2]
    assert sum(len(list(d.iterdir())) for d in loose) == 3  # two trees and the commit
    _fsck(tmp_path / "r.git")


def test_a_failed_packing_leaves_nothing(tmp_path):
    git = GitStore.create(tmp_path / "r.git")
    with pytest.raises(RuntimeError), git.packed():
        oid = git.write_blob(b"half written")
        raise RuntimeError("the disk filled")
    assert list((tmp_path / "r.git" / "objects" / "pack").iterdir()) == []
    assert oid not in git.repo
    assert git.write_blob(b"loose again") in git.repo  # writes go loose once more
