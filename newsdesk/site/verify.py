"""Prove a deployed copy is what the export wrote: compare a folder or a live site
(http/https base URL) with manifest.json, and for a modified page say what text was
added — the reference site had a gambling brand injected into its <title>."""
from __future__ import annotations

import difflib
import http.client
import re
import json
import posixpath
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from newsdesk import os_text
from newsdesk.checks import spam
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import _
from newsdesk.site.writer import confined, existing_files, sha256

MANIFEST = "manifest.json"


def why_unreachable(error: BaseException, timeout: float) -> str:
    """Why an address did not answer (its name does not resolve, it refused, it was
    silent, it dropped the connection), in the reader's words."""
    if isinstance(error, socket.gaierror):
        return _("the domain name does not resolve")
    if isinstance(error, ConnectionRefusedError):
        return _("the connection was refused")
    if isinstance(error, TimeoutError):
        return _("no answer within {seconds:g} s", seconds=timeout)
    if isinstance(error, (ConnectionError, EOFError, http.client.HTTPException)):
        return _("the connection was lost ({reason})", reason=error)
    if isinstance(error, ssl.SSLError):
        return _("the secure connection failed ({reason})", reason=error.reason or error)
    return os_text.reason(error)


@dataclass
class VerifyReport:
    checked: int = 0
    listed: int = 0   # the files the manifest lists
    modified: list[tuple[str, str]] = field(default_factory=list)  # path, added text
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    spam: dict[str, list[str]] = field(default_factory=dict)  # path → the spam it now carries

    def modify(self, path: str, ours: bytes | None, deployed: bytes) -> None:
        """path is not what was published: record what it now says and the spam in it."""
        shown, spam_named = injection(path, ours, deployed)
        self.modified.append((path, shown))
        if spam_named:
            self.spam[path] = spam_named

    @property
    def ok(self) -> bool:
        """Nothing differs, and something was compared: a verify of no file proves
        nothing about a site that has files."""
        return not (self.modified or self.missing or self.unexpected) \
            and (self.checked > 0 or self.listed == 0)


def load_manifest(path: str | Path) -> dict[str, dict]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        files = data["files"]
        assert isinstance(files, dict)
    except FileNotFoundError:
        raise NewsdeskError("no manifest at {path}", path=path) from None
    except (ValueError, KeyError, TypeError, AssertionError, UnicodeDecodeError):
        raise NewsdeskError("{path} is not a Newsdesk manifest", path=path) from None
    return files


def _text(html: bytes) -> list[str]:
    soup = BeautifulSoup(html.decode("utf-8", "replace"), "html.parser")
    return [line.strip() for line in soup.get_text("\n").splitlines() if line.strip()]


def added_text(original: bytes | None, deployed: bytes, limit: int | None = 300) -> str:
    """What the deployed page says that the exported one did not (visible text; else
    the added markup, for injected scripts and hidden links)."""
    if original is None:
        return ""
    added = []
    for old, new in ((_text(original), _text(deployed)),
                     (original.decode("utf-8", "replace").splitlines(),
                      deployed.decode("utf-8", "replace").splitlines())):
        text = "\n".join(new)
        matcher = difflib.SequenceMatcher(None, "\n".join(old), text, autojunk=False)
        added = [_slid(text, j1, j2) if tag == "insert" else text[j1:j2].strip()
                 for tag, _i1, _i2, j1, j2 in matcher.get_opcodes()
                 if tag in ("insert", "replace")]
        added = [a for a in added if a]
        if added:
            break
    return " … ".join(added)[:limit]


def injection(path: str, ours: bytes | None, deployed: bytes) -> tuple[str, list[str]]:
    """What a changed page says that ours did not (shortened to be shown) and the spam
    named in it; without a trustworthy copy of ours, the spam in all its text."""
    if not path.endswith(".html"):
        return "", []
    if ours is None:
        return "", spam.named("\n".join(_text(deployed)))
    added = added_text(ours, deployed, limit=None)
    return added[:300], spam.named(added)


def _slid(text: str, start: int, end: int) -> str:
    """An insertion as a reader sees it: the diff may place “网-金沙官” where “-金沙官网”
    was added after “…网” (both read the same); slide it right while it can."""
    while end < len(text) and text[start] == text[end]:
        start, end = start + 1, end + 1
    return text[start:end].strip()


class _Folder:
    def __init__(self, root: Path):
        if not root.is_dir():
            raise NewsdeskError("{root} is not a folder", root=root)
        self.root = root.resolve()

    def get(self, path: str) -> bytes | None:
        target = confined(self.root, path)
        return target.read_bytes() if target.is_file() else None

    def others(self, known: set[str], _pages: dict[str, bytes]) -> list[str]:
        return sorted(existing_files(self.root) - known - {MANIFEST})


class _Site:
    def __init__(self, base: str, timeout: float):
        self.base = base if base.endswith("/") else base + "/"
        self.timeout = timeout

    def get(self, path: str) -> bytes | None:
        try:
            with urllib.request.urlopen(urljoin(self.base, path), timeout=self.timeout) as r:
                return r.read()
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                return None
            raise NewsdeskError("{base}{path}: HTTP {code}",
                                base=self.base, path=path, code=e.code) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            reason = e.reason if isinstance(e, urllib.error.URLError) \
                and isinstance(e.reason, BaseException) else e
            raise NewsdeskError("{address} cannot be reached ({why})", address=self.base,
                                why=why_unreachable(reason, self.timeout)) from None

    def others(self, known: set[str], pages: dict[str, bytes]) -> list[str]:
        """A web server cannot be listed: follow the links of the fetched pages, and
        the directory listings of folders that have one, and report every internal
        path that answers but is not the export's."""
        base = urlsplit(self.base)
        linked = set()
        folders = set()
        for p in known:
            while (p := posixpath.dirname(p)) and p not in folders:
                folders.add(p)
        folders = sorted(folders)
        with ThreadPoolExecutor(8) as pool:
            listings = dict(zip(folders, pool.map(self._listing, folders)))
        pages = pages | {f"{folder}/": html for folder, html in listings.items() if html}
        for path, html in pages.items():
            soup = BeautifulSoup(html.decode("utf-8", "replace"), "html.parser")
            for tag in soup.find_all(href=True) + soup.find_all(src=True):
                parts = urlsplit(urljoin(self.base + path, tag.get("href") or tag.get("src")))
                local = posixpath.normpath(unquote(parts.path))
                if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) \
                        or not local.startswith(base.path) or parts.path.endswith("/"):
                    continue  # another site, or a folder
                rel = local[len(base.path):]
                if rel and rel not in known:
                    linked.add(rel)
        linked -= set(folders)
        with ThreadPoolExecutor(8) as pool:
            found = list(pool.map(self.get, sorted(linked)))
        return [p for p, data in zip(sorted(linked), found) if data is not None]

    def _listing(self, folder: str) -> bytes | None:
        """The server's index of a folder that has no index.html, if it gives one."""
        try:
            page = self.get(folder + "/")
        except NewsdeskError:
            return None
        if page and re.search(rb"<title>\s*(Index of|Directory listing for)", page[:2000], re.I):
            return page
        return None


def _fetched(place, paths: list[str]) -> dict[str, bytes | None]:
    """Each path's deployed bytes, eight at a time. The first failure cancels the
    requests not yet made: an address that does not answer is waited out once, not
    once for every file."""
    pool = ThreadPoolExecutor(8)
    try:
        return dict(zip(paths, pool.map(place.get, paths)))
    finally:
        pool.shutdown(cancel_futures=True)


def verify(manifest_path: str | Path, target: str, timeout: float = 10,
           only: set[str] | None = None) -> VerifyReport:
    """The deployed copy against the manifest: every file, or `only` these (what a
    publish run just sent; the manifest itself among them is compared with ours)."""
    manifest_path = Path(manifest_path)
    files = load_manifest(manifest_path)
    local = manifest_path.resolve().parent
    place = _Site(target, timeout) if target.startswith(("http://", "https://")) \
        else _Folder(Path(target))
    if only is not None and MANIFEST in only:
        files = files | {MANIFEST: {"sha256": sha256(manifest_path.read_bytes())}}
    paths = sorted(files) if only is None else sorted(set(only) & set(files))
    report = VerifyReport(checked=len(paths), listed=len(files))
    deployed = _fetched(place, paths)
    pages = {}
    for path in paths:
        data = deployed[path]
        if data is None:
            report.missing.append(path)
            continue
        if path.endswith(".html"):
            pages[path] = data
        if sha256(data) != files[path]["sha256"]:
            original = local / path
            ours = original.read_bytes() if original.is_file() else None
            if ours is not None and sha256(ours) != files[path]["sha256"]:
                ours = None  # the local copy changed too: nothing trustworthy to diff with
            report.modify(path, ours, data)
    if only is None:  # a whole-site verify also looks for what should not be there
        report.unexpected = place.others(set(files), pages)
    return report
