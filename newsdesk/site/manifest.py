"""manifest.json: every file of the export with its digest and size, sorted by path,
one entry a line (Exports.manifest_lines makes the lines). After a correction only a
few entries change: those lines are found by binary search and the file is rewritten
around them with the kernel copying the rest, so a 100,000-entry manifest (10 MB)
costs a few milliseconds, not a rebuild."""
from __future__ import annotations

import json
import mmap
import os
from pathlib import Path

_HEAD = '{{"generator": "newsdesk", "exported_at": "{now}", "files": {{\n'
_ENTRY = b': {"sha256": "'


def whole(now: str, lines: str) -> bytes:
    return (_HEAD.format(now=now) + lines + "\n}}\n").encode("utf-8")


def _entry(path: str) -> bytes:
    return b" " + json.dumps(path, ensure_ascii=False).encode("utf-8") + _ENTRY


def _find(m: mmap.mmap, lo: int, hi: int, path: str) -> int:
    """Where the line of path starts among the sorted lines in [lo, hi); -1 if none."""
    while lo < hi:
        start = m.rfind(b"\n", 0, (lo + hi) // 2) + 1
        cut = m.find(_ENTRY, start)
        if cut < 0:
            return -1
        here = json.loads(m[start + 1:cut].decode("utf-8"))
        if here == path:
            return start if m[start:cut + len(_ENTRY)] == _entry(path) else -1
        if here < path:
            lo = m.find(b"\n", start) + 1 or hi
        else:
            hi = start
    return -1


def rewrite(file: Path, now: str, files: dict[str, tuple[str, int]]) -> bool:
    """Rewrite the manifest with these files' entries and the new time (whole: a
    temporary file renamed over it); False, leaving it alone, when one of them has no
    entry (a new file: the caller rebuilds the whole)."""
    with open(file, "rb") as old, mmap.mmap(old.fileno(), 0, access=mmap.ACCESS_READ) as m:
        lo = m.find(b"\n") + 1
        if not m[:lo].startswith(b'{"generator": "newsdesk", "exported_at": '):
            return False
        hi = m.rfind(b"\n}}") + 1
        cuts = []
        for path, (sha, size) in files.items():
            start = _find(m, lo, hi, path)
            if start < 0:
                return False
            cuts.append((start, m.find(b"}", start) + 1,
                         _entry(path) + f'{sha}", "size": {size}}}'.encode()))
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as new:
                new.write(_HEAD.format(now=now).encode())
                at = lo
                for start, end, text in sorted(cuts):
                    _copy(m, old, new, at, start)
                    new.write(text)
                    at = end
                _copy(m, old, new, at, len(m))
            os.replace(tmp, file)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return True


def _copy(m: mmap.mmap, old, new, start: int, end: int) -> None:
    """old[start:end] onto the end of new: by the kernel where it can."""
    new.flush()
    while start < end:
        try:
            sent = os.copy_file_range(old.fileno(), new.fileno(), end - start, start)
        except (AttributeError, OSError):   # not Linux, or not between these files
            sent = 0
        if not sent:
            new.write(m[start:end])
            new.flush()
            return
        start += sent
