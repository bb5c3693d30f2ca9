"""Where a URL goes into a page (link channels, footer links, the base URL), only a
web address or a path on the site may: a `javascript:` link in the navigation would be
on every page. Settings are refused when set; a database that already holds one has it
reported by the export and by 机审, and left out of every page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsdesk.errors import NewsdeskError

# Browsers drop tabs and newlines inside a scheme ("java\tscript:") and read "\" as
# "/": neither, nor any other control character or space, is allowed anywhere.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def problem(url: str, absolute: bool = False) -> str | None:
    """Why url may not be linked to, or None: http(s)://host… always; a site-relative
    path ('about.html', '/a/b.html', '#top') unless absolute is asked for."""
    if not isinstance(url, str) or not url:
        return "it is empty"
    if _UNSAFE_CHARS.search(url):
        return "it holds spaces, control characters or a backslash"
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https"):
            return f"'{parts.scheme}:' addresses are not web addresses"
        return None if parts.hostname else "it names no host"
    if url.startswith("//"):
        return "it leaves out http:// or https://"
    if ":" in url.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]:
        return "it looks like an address of another kind"
    return "it must start with http:// or https://" if absolute else None


def _refusal(url, what: str, absolute: bool = False) -> str | None:
    why = problem(url, absolute)
    if why is None:
        return None
    kind = "an http(s):// address" if absolute else "an http(s):// address or a site path"
    return f"{what} {url!r} is refused: {why}; use {kind}"


def require(url: str, what: str, absolute: bool = False) -> str:
    """url itself, or NewsdeskError naming what it was for and why it was refused."""
    refusal = _refusal(url, what, absolute)
    if refusal:
        raise NewsdeskError(refusal)
    return url


@dataclass
class Refused:
    """A URL the database holds that may not go into a page."""
    url: str
    what: str      # English, e.g. "footer link 2 (广告服务)"
    what_zh: str   # 中文, e.g. "页脚链接 2（广告服务）"
    why: str

    @property
    def message(self) -> str:
        return f"{self.what} {self.url!r} is refused: {self.why}; it is left out of every page"

    @property
    def message_zh(self) -> str:
        return (f"{self.what_zh}“{self.url}”不是网页地址（只能是 http(s):// 地址或站内路径），"
                "已从所有页面中略去")


def _site_refused(values: dict) -> list[Refused]:
    found = []
    base = values.get("base_url")
    if base and problem(base, absolute=True):
        found.append(Refused(base, "the base URL", "网站基础网址", problem(base, absolute=True)))
    for n, link in enumerate(values.get("footer_links") or [], 1):
        link = link if isinstance(link, dict) else {}
        href, title = link.get("href", ""), link.get("title", "")
        if problem(href):
            found.append(Refused(href, f"footer link {n} ({title})", f"页脚链接 {n}（{title}）",
                                 problem(href)))
    return found


def check_site_values(values: dict) -> None:
    """Refuse URL settings that are not web addresses (the other settings pass)."""
    for refused in _site_refused(values):
        require(refused.url, refused.what, absolute=refused.what == "the base URL")


def site_problems(site, channels) -> list[Refused]:
    """Every URL the settings (SiteSettings) and channels hold that may not go into a
    page."""
    found = _site_refused({"base_url": site.base_url, "footer_links": site.footer_links})
    for c in channels:
        if c.kind == "link" and problem(c.url or ""):
            found.append(Refused(c.url or "", f"link channel {c.slug} ({c.name})",
                                 f"外链栏目 {c.slug}（{c.name}）", problem(c.url or "")))
    return found
