"""A web host over FTP or explicit FTPS (stdlib ftplib, passive mode): a few
connections side by side, each file stored under its temporary name and renamed into
place (RNFR/RNTO; where a server will not rename over a file, the old one is deleted
first), folders made as needed, sizes from SIZE, the 巡检's listing from MLSD, folder by
folder (size and modification time)."""
from __future__ import annotations

import ftplib
import posixpath
import queue
import socket
import ssl
import threading
from io import BytesIO
from pathlib import Path

from newsdesk.publish.remote import Listing, PART, Progress, PublishError, Remote, lost
from newsdesk.targets import PORTS, Target

CONNECTIONS = 4
_FULL = ("452", "552")   # insufficient storage, exceeded storage allocation
_CLOSING = "421"         # the server is closing the connection (shutting down)


class FtpRemote(Remote):
    def __init__(self, target: Target, password: str | None, timeout: float = 20):
        self.target, self.password, self.timeout = target, password or "", timeout
        self.root = target.path.rstrip("/") or "/"
        self.port = target.port or PORTS[target.kind]
        self.main = self._connect()
        self.folders: set[str] = set()
        self.lock = threading.Lock()   # self.folders, shared by the connections

    def _connect(self, during: bool = False) -> ftplib.FTP:
        """A logged-in connection; during: one more, mid-run (its failure is a lost
        connection: the run is cut)."""
        t = self.target
        try:
            if t.kind == "ftps":
                ftp = ftplib.FTP_TLS(timeout=self.timeout, context=ssl.create_default_context(
                    cafile=t.ca_file or None))
                ftp.connect(t.host, self.port)
                ftp.login(t.user, self.password)
                ftp.prot_p()
            else:
                ftp = ftplib.FTP(timeout=self.timeout)
                ftp.connect(t.host, self.port)
                ftp.login(t.user, self.password)
            ftp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            ftp.voidcmd("TYPE I")
            return ftp
        except ftplib.error_perm as e:
            if str(e).startswith("530"):
                raise PublishError("{user}@{host} refused the login: check the user and the "
                                   "password", user=t.user, host=t.host) from None
            raise PublishError("{host}:{port}: {reason}", host=t.host, port=self.port,
                               reason=e) from None
        except ssl.SSLError as e:
            raise PublishError("{host}:{port}: the TLS connection failed ({reason})",
                               host=t.host, port=self.port, reason=e.reason or e) from None
        except (OSError, EOFError, ftplib.Error) as e:
            if during:
                raise self._lost(None, e) from None
            raise PublishError("cannot connect to {host}:{port}: {reason}", host=t.host,
                               port=self.port, reason=getattr(e, "strerror", None) or e) from None

    def _remote(self, path: str) -> str:
        return posixpath.join(self.root, path)

    def read(self, path: str) -> bytes | None:
        buffer = BytesIO()
        try:
            self.main.retrbinary(f"RETR {self._remote(path)}", buffer.write)
        except ftplib.error_perm as e:
            if str(e).startswith("550"):
                return None
            raise PublishError("{path}: {reason}", path=path, reason=e) from None
        except (OSError, EOFError) as e:
            raise self._lost(path, e) from None
        return buffer.getvalue()

    def sizes(self, paths: list[str]) -> dict[str, int | None]:
        out = {}
        for p in paths:
            try:
                out[p] = self.main.size(self._remote(p))
            except ftplib.error_perm:
                out[p] = None
            except (OSError, EOFError) as e:
                raise self._lost(p, e) from None
        return out

    def listing(self, folders: list[str] | None = None) -> Listing:
        found: Listing = {}
        level = [""] if folders is None else folders
        while level:
            inner = []
            for folder in level:
                try:
                    entries = list(self.main.mlsd(self._remote(folder) if folder else self.root,
                                                  facts=["type", "size", "modify"]))
                except ftplib.error_perm:
                    continue   # no such folder (yet)
                except (OSError, EOFError) as e:
                    raise self._lost(folder, e) from None
                for name, facts in entries:
                    kind = facts.get("type", "").lower()
                    path = f"{folder}/{name}" if folder else name
                    if kind in ("cdir", "pdir") or name in (".", ".."):
                        continue
                    if kind == "dir":
                        inner.append(path)
                    else:
                        found[path] = f"{facts.get('size')} {facts.get('modify')} {path}"
            level = [] if folders is not None else inner
        try:
            self.main.voidcmd("TYPE I")   # a listing leaves ASCII mode, where SIZE is refused
        except (OSError, EOFError) as e:
            raise self._lost(None, e) from None
        return found

    def _lost(self, path: str | None, e) -> PublishError:
        reason = getattr(e, "strerror", None) or str(e) or type(e).__name__  # EOFError: ""
        return lost(self.target.host, self.port, f"{path}: {reason}" if path else reason)

    def _folder(self, ftp: ftplib.FTP, folder: str) -> None:
        with self.lock:
            if folder in self.folders:
                return
        parts = [p for p in folder.split("/") if p]
        for n in range(1, len(parts) + 1):
            sub = "/" + "/".join(parts[:n])
            try:
                ftp.mkd(sub)
            except ftplib.error_perm:
                pass  # there already
        with self.lock:
            self.folders.add(folder)

    def _store(self, ftp: ftplib.FTP, path: str, local: Path, fresh: bool) -> int:
        remote = self._remote(path)
        data = local.read_bytes()
        try:
            self._folder(ftp, posixpath.dirname(remote))
            if fresh:
                ftp.storbinary(f"STOR {remote}", BytesIO(data))
                return len(data)
            ftp.storbinary(f"STOR {remote}{PART}", BytesIO(data))
            try:
                ftp.rename(remote + PART, remote)
            except ftplib.error_perm:  # a server that will not rename over a file
                ftp.delete(remote)
                ftp.rename(remote + PART, remote)
        except ftplib.error_temp as e:
            if str(e)[:3] == _CLOSING:
                raise self._lost(path, e) from None
            if str(e)[:3] in _FULL:
                raise PublishError("{path}: the host's disk is full ({reason})", path=path,
                                   reason=e) from None
            raise PublishError("{path}: {reason}", path=path, reason=e) from None
        except ftplib.error_perm as e:
            if str(e)[:3] in _FULL:
                raise PublishError("{path}: the host's disk is full ({reason})", path=path,
                                   reason=e) from None
            raise PublishError("{path}: the host refused the file ({reason})", path=path,
                               reason=e) from None
        except (OSError, EOFError) as e:
            raise self._lost(path, e) from None
        return len(data)

    def put(self, files: list[tuple[str, Path]], progress: Progress,
            cancel: threading.Event | None, fresh: bool = False) -> None:
        work: queue.SimpleQueue = queue.SimpleQueue()
        for item in files:
            work.put(item)
        failures: list[BaseException] = []
        done = threading.Lock()

        def worker(ftp: ftplib.FTP) -> None:
            try:
                while not failures and not (cancel is not None and cancel.is_set()):
                    try:
                        path, local = work.get_nowait()
                    except queue.Empty:
                        return
                    sent = self._store(ftp, path, local, fresh)
                    with done:
                        progress(path, sent)
            except BaseException as e:  # the first failure stops every connection
                failures.append(e)
            finally:
                if ftp is not self.main:
                    _quit(ftp)
        extra: list[ftplib.FTP] = []
        try:
            for _ in range(min(CONNECTIONS, len(files)) - 1):
                extra.append(self._connect(during=True))
        except PublishError:
            for ftp in extra:
                _quit(ftp)
            raise
        threads = [threading.Thread(target=worker, args=(ftp,), daemon=True)
                   for ftp in [self.main, *extra]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if failures:
            raise failures[0]

    def remove(self, paths: list[str]) -> None:
        for p in paths:
            try:
                self.main.delete(self._remote(p))
            except ftplib.error_perm:
                pass  # gone already
            except (OSError, EOFError) as e:
                raise self._lost(p, e) from None

    def close(self) -> None:
        _quit(self.main)


def _quit(ftp: ftplib.FTP) -> None:
    try:
        ftp.quit()
    except (OSError, EOFError, ftplib.Error):
        ftp.close()
