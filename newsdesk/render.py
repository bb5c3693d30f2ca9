"""Markdown body → safe HTML, and the Chinese character count.

markdown2's safe_mode is not a security boundary, so its output always goes through
the nh3 allowlist. Bump RENDERER_VERSION whenever the output for a given body could
change: cached body_html from another version is re-rendered."""
from __future__ import annotations

import re

import markdown2
import nh3

RENDERER_VERSION = f"md{markdown2.__version__}-nh3-1"

_EXTRAS = {
    "tables": None,
    "strike": None,
    "cuddled-lists": None,
}
# The page's own <h1> is the headline: a body '# heading' becomes a section heading.
_H1 = re.compile(r"<(/?)h1>")

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "del", "sup", "sub", "blockquote", "ul", "ol", "li", "a", "img", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "span",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel="noopener noreferrer")


def render_body(markdown: str) -> str:
    return sanitize(_H1.sub(r"<\1h2>", markdown2.markdown(markdown, extras=_EXTRAS)))


_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9\u00c0-\u024f]+)*")


def char_count(text: str) -> int:
    """字数 as Chinese newsrooms count it: CJK characters plus Latin words and numbers;
    punctuation and spaces do not count."""
    return len(_CJK_CHAR.findall(text)) + len(_LATIN_WORD.findall(text))
