"""Where a URL goes into a page (link channels, footer links, the base URL), only a
web address or a path on the site may: a `javascript:` link in the navigation would be
on every page. Settings are refused when set; a database that already holds one has it
reported by the export and by 机审, and left out of every page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsdesk.errors import NewsdeskError
from newsdesk.i18n import _, pick

# Browsers drop tabs and newlines inside a scheme ("java\tscript:") and read "\" as
# "/": neither, nor any other control character or space, is allowed anywhere.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def problem(url: str, absolute: bool = False) -> str | None:
    """Why url may not be linked to, or None: http(s)://host… always; a site-relative
    path ('about.html', '/a/b.html', '#top') unless absolute is asked for."""
    if not isinstance(url, str) or not url:
        return _("it is empty")
    if _UNSAFE_CHARS.search(url):
        return _("it holds spaces, control characters or a backslash")
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https"):
            return _("'{scheme}:' addresses are not web addresses", scheme=parts.scheme)
        return None if parts.hostname else _("it names no host")
    if url.startswith("//"):
        return _("it leaves out http:// or https://")
    if ":" in url.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]:
        return _("it looks like an address of another kind")
    return _("it must start with http:// or https://") if absolute else None


@dataclass
class Refused:
    """A URL that may not go into a page, what it was for and why."""
    url: str
    what: str      # English, e.g. "footer link 2 (广告服务)"
    what_zh: str   # 中文, e.g. "页脚链接 2（广告服务）"
    why: str
    absolute: bool = False  # only an http(s):// address would do (the base URL)

    @property
    def refusal(self) -> str:
        """Said when someone sets it, in the current language."""
        kind = _("an http(s):// address") if self.absolute else _(
            "an http(s):// address or a site path")
        return _("{what} {url!r} is refused: {why}; use {kind}",
                 what=pick(self.what_zh or self.what, self.what), url=self.url,
                 why=self.why, kind=kind)

    @property
    def message(self) -> str:
        """Said of one already stored."""
        return f"{self.what} {self.url!r} is refused: {self.why}; it is left out of every page"

    @property
    def message_zh(self) -> str:
        return (f"{self.what_zh}“{self.url}”不是网页地址（只能是 http(s):// 地址或站内路径），"
                "已从所有页面中略去")


def _refused(url, what: str, what_zh: str = "", absolute: bool = False) -> Refused | None:
    why = problem(url, absolute)
    return Refused(url, what, what_zh, why, absolute) if why else None


def require(url: str, what: str, what_zh: str, absolute: bool = False) -> str:
    """url itself, or NewsdeskError naming what it was for and why it was refused."""
    refused = _refused(url, what, what_zh, absolute=absolute)
    if refused:
        raise NewsdeskError(refused.refusal)
    return url


def _site_refused(values: dict) -> list[Refused]:
    found = []
    if values.get("base_url"):
        found.append(_refused(values["base_url"], "the base URL", "网站基础网址", absolute=True))
    for n, link in enumerate(values.get("footer_links") or [], 1):
        link = link if isinstance(link, dict) else {}
        title = link.get("title", "")
        found.append(_refused(link.get("href", ""), f"footer link {n} ({title})",
                              f"页脚链接 {n}（{title}）"))
    return [r for r in found if r]


def check_site_values(values: dict) -> None:
    """Refuse URL settings that are not web addresses (the other settings pass)."""
    found = _site_refused(values)
    if found:
        raise NewsdeskError(found[0].refusal)


def site_problems(site, channels) -> list[Refused]:
    """Every URL the settings (SiteSettings) and channels hold that may not go into a
    page."""
    found = _site_refused({"base_url": site.base_url, "footer_links": site.footer_links})
    for c in channels:
        refused = c.kind == "link" and _refused(c.url or "", f"link channel {c.slug} ({c.name})",
                                                f"外链栏目 {c.slug}（{c.name}）")
        if refused:
            found.append(refused)
    return found
