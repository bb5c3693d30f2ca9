"""Links of an exported site, for 网站自查: internal links that lead nowhere (read from
the files, no HTML parser: 100,000 pages must stay quick) and external addresses
checked by a bounded, polite client — a few hosts at once, one request at a time per
host, a pause between them, HEAD before GET, and a host that cannot be reached is not
asked again."""
from __future__ import annotations

import os
import posixpath
import re
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsdesk import os_text
from newsdesk.i18n import _

_LINK = re.compile(rb"""(?:href|src)\s*=\s*["']([^"'<>]*)["']""", re.I)
_SKIP = ("#", "mailto:", "tel:", "javascript:", "data:")
AGENT = "Newsdesk-inspect/1 (site self-inspection)"


def _files(root: Path) -> set[str]:
    out = set()
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        out.update(n if rel == "." else f"{rel}/{n}" for n in names)
    return out


def internal_links(root: Path) -> tuple[list[tuple[str, str]], set[str], int]:
    """(page, href) of every link inside the site that leads to no file, the external
    addresses the pages link to, and how many pages were read."""
    files = _files(root)
    folders = {posixpath.dirname(f) for f in files}
    broken, outside, pages = [], set(), 0
    for page in sorted(f for f in files if f.endswith(".html")):
        pages += 1
        here = posixpath.dirname(page)
        for raw in set(_LINK.findall((root / page).read_bytes())):
            href = raw.decode("utf-8", "replace").strip()
            if not href or href.startswith(_SKIP):
                continue
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") or href.startswith("//"):
                outside.add(href if parts.scheme else "https:" + href)
                continue
            if parts.scheme:
                continue
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            if parts.path.endswith("/") or target in folders:
                target = posixpath.join(target, "index.html")
            if target.startswith("../") or target not in files:
                broken.append((page, href))
    return broken, outside, pages


def _ask(url: str, timeout: float) -> tuple[int | None, str]:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as r:
                return r.status, ""
        except urllib.error.HTTPError as e:
            if method == "HEAD" and e.code in (403, 405, 501):
                continue  # servers that refuse HEAD may still serve the page
            return e.code, e.reason
        except (urllib.error.URLError, OSError) as e:  # said as a reader says it, not [Errno -2]
            return None, os_text.reason(getattr(e, "reason", e))
        except ValueError:
            return None, _("not a web address")
    return None, ""


def _host(urls: list[str], timeout: float, pause: float) -> dict[str, tuple[int | None, str]]:
    out = {}
    for n, url in enumerate(urls):
        if n:
            time.sleep(pause)
        out[url] = _ask(url, timeout)
        if out[url][0] is None:  # unreachable: the rest of this host would be too
            out.update((rest, out[url]) for rest in urls[n + 1:])
            break
    return out


def check_external(urls: set[str], timeout: float = 10, hosts_at_once: int = 4,
                   pause: float = 0.5, limit: int = 2000
                   ) -> tuple[int, dict[str, tuple[int | None, str]]]:
    """(addresses checked, url → (HTTP status or None, why not reached)); at most
    `limit` addresses, spread over their hosts."""
    chosen = sorted(urls)[:limit]
    by_host: dict[str, list[str]] = {}
    for url in chosen:
        by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
    results: dict[str, tuple[int | None, str]] = {}
    if by_host:
        with ThreadPoolExecutor(min(hosts_at_once, len(by_host))) as pool:
            for found in pool.map(lambda group: _host(group, timeout, pause),
                                  by_host.values()):
                results.update(found)
    return len(chosen), results
