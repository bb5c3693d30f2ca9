"""Writing the planned pages into the output folder: confined to it, each file written
whole (temp file, then rename) and only when its bytes change, stale files removed."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from newsdesk.errors import NewsdeskError


class UnsafePath(NewsdeskError):
    pass


def confined(out: Path, path: str) -> Path:
    """out/path, refusing anything that would land outside out (absolute paths, '..',
    symlinks leading out)."""
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or "\\" in path:
        raise UnsafePath(f"refusing to write {path!r}: not a plain path inside the output")
    target = out.joinpath(*rel.parts)
    resolved = target.resolve()
    if not resolved.is_relative_to(out.resolve()):
        raise UnsafePath(f"refusing to write {path!r}: it resolves outside {out}")
    return target


def write_atomic(target: Path, data: bytes) -> None:
    """The file is either the old one or the new one, never half of either."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


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
