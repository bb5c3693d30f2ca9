"""What 发布 asks of a web host, whatever the protocol: read a file, the sizes of some
files, list what it serves (each file's size and times, in one listing: the 巡检 of
publish/patrol.py), checksums of some files (computed on the host where it gives a
shell), put files (each under a temporary name, then renamed into place, so a reader
never sees half a page; files no reader can reach yet under their own names), remove
files. The server's own manifest.json says what it should have. A local or mounted
folder is the simplest host."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from newsdesk.errors import NewsdeskError
from newsdesk.site.writer import confined, sha256

PART = ".newsdesk-part"   # the temporary name: fixed, so a cut run's is reused, not left


class PublishError(NewsdeskError):
    """The host refused or failed: the message says what and where."""


def lost(host: str, port: int, reason) -> PublishError:
    """The connection ended mid-run. Every file goes up under a temporary name and is
    renamed into place, the manifest last, so the site is whole and the next run
    completes it (and verifies what this one sent)."""
    return PublishError("the connection to {host}:{port} was lost ({reason}); the site on "
                        "the host is whole (each file is renamed into place once complete, "
                        "the manifest last): publishing again completes it",
                        host=host, port=port, reason=reason)


Progress = Callable[[str, int], None]   # a file put (its path, its bytes)
# What a listing says of each file: path → its stamp, the file's size and times as this
# kind of host tells them (mtime, and ctime where it can: a write cannot set that one
# back) and its path, in one string; only ever compared with a stamp the same host gave.
Listing = dict[str, str]


class Remote:
    def read(self, path: str) -> bytes | None:
        raise NotImplementedError

    def sizes(self, paths: list[str]) -> dict[str, int | None]:
        raise NotImplementedError

    def listing(self, folders: list[str] | None = None) -> Listing:
        """Every file the host serves under the site's folder, in one listing (folders:
        only the files directly in these, "" the top)."""
        raise NotImplementedError

    def digests(self, paths: list[str]) -> dict[str, str | None]:
        """Each file's sha256 (None: not there): read back here, unless the host can
        compute it itself."""
        return {p: None if (data := self.read(p)) is None else sha256(data) for p in paths}

    def put(self, files: list[tuple[str, Path]], progress: Progress,
            cancel: threading.Event | None, fresh: bool = False) -> None:
        """Each file under its temporary name, renamed into place; fresh: files no
        reader can reach yet (see run._upload), written under their own names."""
        raise NotImplementedError

    def remove(self, paths: list[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class FolderRemote(Remote):
    def __init__(self, root: str):
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise PublishError("cannot use the folder {folder}: {reason}", folder=root,
                               reason=e.strerror or e) from None

    def read(self, path: str) -> bytes | None:
        target = confined(self.root, path)
        return target.read_bytes() if target.is_file() else None

    def sizes(self, paths: list[str]) -> dict[str, int | None]:
        out = {}
        for p in paths:
            target = confined(self.root, p)
            out[p] = target.stat().st_size if target.is_file() else None
        return out

    def listing(self, folders: list[str] | None = None) -> Listing:
        found: Listing = {}

        def walk(folder: Path, under: str, deep: bool) -> None:
            try:
                entries = os.scandir(folder)
            except (FileNotFoundError, NotADirectoryError):
                return
            with entries:
                for entry in entries:
                    path = under + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        if deep:
                            walk(Path(entry.path), path + "/", True)
                        continue
                    st = entry.stat(follow_symlinks=False)
                    found[path] = f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {path}"
        for folder in [""] if folders is None else folders:
            walk(confined(self.root, folder) if folder else self.root,
                 folder + "/" if folder else "", folders is None)
        return found

    def put(self, files, progress, cancel, fresh=False) -> None:
        # A local rename costs nothing: every file goes through its temporary name.
        for path, local in files:
            if cancel is not None and cancel.is_set():
                return
            target = confined(self.root, path)
            part = target.with_name(target.name + PART)
            data = local.read_bytes()
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                part.write_bytes(data)
                os.replace(part, target)
            except OSError as e:
                raise PublishError("{path}: {reason}", path=path,
                                   reason=e.strerror or e) from None
            progress(path, len(data))

    def remove(self, paths: list[str]) -> None:
        for p in paths:
            confined(self.root, p).unlink(missing_ok=True)
