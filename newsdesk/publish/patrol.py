"""巡检: the whole site the host serves against the server's own manifest.json, cheaply.
One listing gives each file's size and times; a file whose size and times are what
this seat saw when it last sent it or found it as the server's manifest says is taken as
still so. Only the others have their checksum taken (on the host where it gives a shell),
so a file someone else changed, added or removed is found in any page, not only in those
a run re-sends. (Where a host tells no ctime — SFTP without a shell, FTP — a change that
keeps the size and sets the mtime back is found only by a full verify.)
publish() runs it before it sends anything; publish --watch and the app's 巡检网站 run
it on their own. What this seat saw is kept per target in local_meta (RECORD), and the
last check's outcome for the status bar (LAST)."""
from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from newsdesk.errors import NewsdeskError
from newsdesk.publish.remote import PART, Remote
from newsdesk.site.verify import MANIFEST, injection
from newsdesk.targets import Target

RECORD = "served:{address}"   # the stamps of the files found right, NUL-separated
LAST = "patrol_last"          # the last check: when, where, what it found (JSON)
SHOWN = 20                    # paths kept with the last check, for the status bar's tip


@dataclass
class Patrol:
    target: str
    changed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # path, injected, spam
    added: list[tuple[str, str, list[str]]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)   # our new version, from a cut run
    leftover: list[str] = field(default_factory=list)  # ours, a cut run had yet to remove
    checked: int = 0    # files the host serves
    compared: int = 0   # of them, those whose checksum was taken
    record: set[str] = field(default_factory=set, repr=False)   # stamps found right
    listed: dict[str, str] = field(default_factory=dict, repr=False)  # path → stamp now

    @property
    def ok(self) -> bool:
        return not (self.changed or self.added or self.missing)

    def paths(self) -> list[str]:
        return sorted([p for p, *_ in self.changed] + [p for p, *_ in self.added]
                      + self.missing)


def survey(store, remote: Remote, target: Target, server: dict[str, dict],
           local: dict[str, dict], out: Path | None) -> Patrol:
    """The site on the host against server (its manifest's files). local: the export's
    manifest (a file of it found on the host is ours, from a cut run); out: the export
    folder, to say what was injected into a page. Without a manifest on the host nothing
    was published there, and files there are nobody's business yet."""
    record = _load(store, target)
    found = Patrol(target.name)

    def ours_part(path: str) -> bool:   # a cut run's temporary file, reused by the next
        return path.endswith(PART) and (path[:-len(PART)] in server
                                        or path[:-len(PART)] in local)
    keeps = store.settings().host_keeps

    def hosts_own(path: str) -> bool:   # the host's (.htaccess, a verification file)
        return path not in server and any(fnmatchcase(path, k) for k in keeps)
    found.listed = listed = remote.listing()
    served = {p: v for p, v in listed.items()
              if p != MANIFEST and not ours_part(p) and not hosts_own(p)}
    found.checked = len(served)
    missing = server.keys() - served.keys() - {MANIFEST}
    if MANIFEST not in listed and record:   # this seat saw the site there: it was removed
        missing.add(MANIFEST)
    # What stands as this seat last found it right is right: one set lookup a file.
    found.record = {v for v in served.values() if v in record}
    unsure = [p for p, v in served.items() if v not in found.record and (server or p in local)]
    found.leftover = sorted(p for p, v in served.items()
                            if v in found.record and p not in server and p not in local)
    sums = remote.digests(unsure)
    found.compared = len(unsure)
    changed, added = [], []
    for path in unsure:
        sha, known = sums.get(path), server.get(path)
        if sha is None:   # gone since the listing
            if known is not None:
                missing.add(path)
        elif known is not None and sha == known["sha256"]:
            found.record.add(served[path])
        elif path in local and sha == local[path]["sha256"]:
            found.already.append(path)
            found.record.add(served[path])
        elif known is not None:
            changed.append(path)
        elif server:
            added.append(path)
    found.changed = [(p, *_injected(remote, p, out if p in local else None))
                     for p in sorted(changed)]
    found.added = [(p, *_injected(remote, p, None)) for p in sorted(added)]
    found.missing = sorted(missing)
    found.already.sort()
    return found


def _injected(remote: Remote, path: str, out: Path | None) -> tuple[str, list[str]]:
    """What a page on the host says that ours does not, and the spam named in it."""
    if not path.endswith(".html"):
        return "", []
    try:
        data = remote.read(path)
    except NewsdeskError:   # a name no export writes: nothing to read it by
        return "", []
    if data is None:
        return "", []
    ours = out / path if out is not None else None
    return injection(path, ours.read_bytes() if ours is not None and ours.is_file() else None,
                     data)


def sent(remote: Remote, found: Patrol, local: dict[str, dict], uploaded: list[str],
         removed: list[str]) -> None:
    """After an upload: what the host now says of the files this run put there, so the
    next check takes them as checked."""
    listed = remote.listing(sorted({posixpath.dirname(p) for p in uploaded}))
    for path in uploaded + removed:
        found.record.discard(found.listed.get(path))
    found.record.update(listed[p] for p in uploaded if p in listed and p in local)


def _load(store, target: Target) -> set[str]:
    raw = store.local_meta(RECORD.format(address=target.address))
    return set(raw.split("\0")) if raw else set()


def remember(store, target: Target, found: Patrol, at: str) -> None:
    """Keep what this seat saw on the host, and the check's outcome for the status bar."""
    last = {"at": at, "target": target.name, "checked": found.checked,
            "changed": [p for p, *_ in found.changed][:SHOWN],
            "added": [p for p, *_ in found.added][:SHOWN], "missing": found.missing[:SHOWN],
            "count": len(found.paths())}
    with store.transaction(content=False):
        store.set_local_meta(RECORD.format(address=target.address),
                             "\0".join(found.record))
        store.set_local_meta(LAST, json.dumps(last, ensure_ascii=False))


def last(store) -> dict | None:
    """The last check on this seat (of a publish run or on its own), if any."""
    raw = store.local_meta(LAST)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None
