"""Writing the planned pages into the output folder: confined to it, each file written
whole (temp file, then rename) and only when its bytes change, stale files removed."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath

from newsdesk.errors import NewsdeskError


_BINARY = getattr(os, "O_BINARY", 0)   # Windows: no newline translation


class UnsafePath(NewsdeskError):
    pass


# Relative, '/'-separated, no empty, '.' or '..' segment, no backslash.
_PLAIN = re.compile(r"(?:(?!\.\.?/)[^/\\]+/)*(?!\.\.?$)[^/\\]+")


def check_path(path: str) -> str:
    """A site path must be plain (cheap: no I/O)."""
    if not _PLAIN.fullmatch(path):
        raise UnsafePath("refusing to write {path!r}: not a plain path inside the output",
                         path=path)
    return path


def confined(out: Path, path: str) -> Path:
    """out/path, refusing anything that would land outside out (absolute paths, '..',
    symlinks leading out). out must already be resolved."""
    target = out.joinpath(*PurePosixPath(check_path(path)).parts)
    if not target.resolve().is_relative_to(out):
        raise UnsafePath("refusing to write {path!r}: it resolves outside {out}",
                         path=path, out=out)
    return target


class Folder:
    """Writes into one output folder. Each parent directory is created and checked
    (resolved inside the folder: no symlink leads out) once per run; replacing a file
    by rename never follows a symlink at the file itself."""

    def __init__(self, out: Path):
        self.out = out
        self._dirs: dict[str, Path] = {}

    def target(self, path: str) -> Path:
        folder, _, name = check_path(path).rpartition("/")
        if folder not in self._dirs:
            d = self.out.joinpath(*folder.split("/")) if folder else self.out
            d.mkdir(parents=True, exist_ok=True)
            if not d.resolve().is_relative_to(self.out):
                raise UnsafePath("refusing to write {path!r}: it resolves outside {out}",
                                 path=path, out=self.out)
            self._dirs[folder] = d
        return self._dirs[folder] / name

    def write(self, path: str, data: bytes, new: bool = False) -> None:
        """Write a page. An existing file is replaced whole (temp file, then rename);
        a new one is written in place and removed again if writing fails, so neither
        leaves half a file behind."""
        target = self.target(path)
        if not new:
            write_atomic(target, data)
            return
        try:  # O_EXCL: never through a file that appeared; no buffered file object
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        except FileExistsError:
            write_atomic(target, data)
            return
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except BaseException:
            os.close(fd)
            target.unlink(missing_ok=True)
            raise
        os.close(fd)


def write_atomic(target: Path, data: bytes) -> None:
    """The file is either the old one or the new one, never half of either. The folder
    must exist (Folder makes it)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def existing_files(out: Path) -> set[str]:
    """Every file under out, as site paths (one directory walk, no per-page stat)."""
    found = set()
    for folder, _dirs, files in os.walk(out):
        rel = Path(folder).relative_to(out).as_posix()
        prefix = "" if rel == "." else rel + "/"
        found.update(prefix + f for f in files)
    return found
