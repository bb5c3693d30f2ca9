"""Helpers for the export tests: a demo newsroom exported to a folder, and a crawler."""
import posixpath
import re
from pathlib import Path

from bs4 import BeautifulSoup

from newsdesk.site import export_site


def export(store, out, **kw):
    return export_site(store, out, **kw)


def links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [t.get("href") or t.get("src") for t in soup.find_all(["a", "link", "img", "script"])
            if t.get("href") or t.get("src")]


def internal_targets(out: Path, page: str) -> list[str]:
    """Site paths of the internal links of one exported page."""
    found = []
    for link in links((out / page).read_text("utf-8")):
        if re.match(r"^[a-z]+:|^//|^#", link):
            continue
        found.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), link)))
    return found


def html_pages(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
