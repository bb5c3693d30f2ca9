"""HTML pasted from Word or a web page → clean markdown: paragraphs, headings, bold,
italics, links, lists and images survive; styles, classes, fonts, Word's own markup
and leading full-width spaces do not."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from newsdesk.importers.story import clean_paragraph

_DROP = {"script", "style", "head", "meta", "link", "title", "noscript", "template",
         "iframe", "object", "svg", "button", "input", "select", "textarea", "form"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "td", "th",
           "center", "address", "pre"}
_WS = re.compile(r"[ \t\r\n\u00a0]+")


def _inline(node) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return _WS.sub(" ", str(node))
    if not isinstance(node, Tag) or node.name in _DROP or ":" in node.name:  # o:p, v:shape…
        return ""
    inner = "".join(_inline(c) for c in node.children)
    if node.name in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**"
    if node.name in ("em", "i") and inner.strip():
        return f"*{inner.strip()}*"
    if node.name == "a":
        href = (node.get("href") or "").strip()
        return f"[{inner.strip()}]({href})" if re.match(r"https?://|mailto:", href) and \
            inner.strip() else inner
    if node.name == "img":
        src = (node.get("src") or "").strip()
        return f"![{(node.get('alt') or '').strip()}]({src})" if src else ""
    if node.name == "br":
        return "\n"
    return inner


def _blocks(node: Tag, out: list[str]) -> None:
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        run.clear()
        for line in text.split("\n"):
            line = clean_paragraph(line.strip(" "))
            if line:
                out.append(line)

    for child in node.children:
        name = child.name if isinstance(child, Tag) else None
        if name in _DROP:
            continue
        if name and re.fullmatch(r"h[1-6]", name):
            flush()
            level = "##" if name in ("h1", "h2") else "###"
            text = clean_paragraph(_inline(child).strip()).strip("*")
            if text:
                out.append(f"{level} {text}")
        elif name in ("ul", "ol"):
            flush()
            items = [clean_paragraph(_inline(li).strip()) for li in child.find_all("li")]
            marker = (lambda n: f"{n}.") if name == "ol" else (lambda n: "-")
            out.append("\n".join(f"{marker(n)} {t}" for n, t in enumerate(items, 1) if t))
        elif name == "blockquote":
            flush()
            inner: list[str] = []
            _blocks(child, inner)
            out.extend("> " + p for p in inner)
        elif name in _BLOCKS or name in ("table", "tbody", "thead", "tr", "body", "html",
                                          "figure", "figcaption"):
            flush()
            _blocks(child, out)
        else:
            run.append(_inline(child))
    flush()


def html_to_markdown(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    _blocks(soup, out)
    return "\n\n".join(p for p in out if p.strip())
