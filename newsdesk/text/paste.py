"""HTML pasted from Word or a web page → clean markdown: paragraphs, headings, bold,
italics, links, lists and images survive; styles, classes, fonts, Word's own markup
and leading full-width spaces do not. Each picture is a paragraph of its own; what its
markdown links to is the caller's to say (newsdesk/pasted.py stores the picture)."""
from __future__ import annotations

import re
from typing import Callable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from newsdesk.importers.story import clean_paragraph

_DROP = {"script", "style", "head", "meta", "link", "title", "noscript", "template",
         "iframe", "object", "svg", "button", "input", "select", "textarea", "form"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "td", "th",
           "center", "address", "pre"}
_WS = re.compile(r"[ \t\r\n\u00a0]+")

# A picture's markdown from its <img src> and alt text and its figure's caption.
Pictures = Callable[[str, str, str], str]


def as_linked(src: str, alt: str, caption: str) -> str:
    """A picture left as a link to where it was."""
    return f"![{alt}]({src})"


def _inline(node, picture: Pictures) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return _WS.sub(" ", str(node))
    if not isinstance(node, Tag) or node.name in _DROP or ":" in node.name:  # o:p, v:shape…
        return ""
    inner = "".join(_inline(c, picture) for c in node.children)
    if node.name in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**"
    if node.name in ("em", "i") and inner.strip():
        return f"*{inner.strip()}*"
    if node.name == "a":
        href = (node.get("href") or "").strip()
        return f"[{inner.strip()}]({href})" if re.match(r"https?://|mailto:", href) and \
            inner.strip() else inner
    if node.name == "img":
        return _picture(node, picture, "")
    if node.name == "br":
        return "\n"
    return inner


def _picture(img: Tag, picture: Pictures, caption: str) -> str:
    """A picture on a line of its own (so a paragraph of its own), or nothing."""
    src = (img.get("src") or "").strip()
    alt = _WS.sub(" ", img.get("alt") or img.get("title") or "").strip()
    markdown = picture(src, alt, caption) if src else ""
    return f"\n{markdown}\n" if markdown else ""


def _figure(node: Tag, picture: Pictures) -> str | None:
    """A figure of one picture: the picture with its caption; None for anything else."""
    found = node.find_all("img")
    caption = node.find("figcaption")
    if len(found) != 1 or caption is None:
        return None
    return _picture(found[0], picture, clean_paragraph(_WS.sub(" ", caption.get_text())
                                                        .strip())).strip()


def _blocks(node: Tag, out: list[str], picture: Pictures) -> None:
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
            text = clean_paragraph(_inline(child, picture).strip()).strip("*")
            if text:
                out.append(f"{level} {text}")
        elif name in ("ul", "ol"):
            flush()
            items = [clean_paragraph(_inline(li, picture).strip())
                     for li in child.find_all("li")]
            marker = (lambda n: f"{n}.") if name == "ol" else (lambda n: "-")
            out.append("\n".join(f"{marker(n)} {t}" for n, t in enumerate(items, 1) if t))
        elif name == "blockquote":
            flush()
            inner: list[str] = []
            _blocks(child, inner, picture)
            out.extend("> " + p for p in inner)
        elif name == "figure" and _figure(child, picture) is not None:
            flush()
            out.append(_figure(child, picture))
        elif name in _BLOCKS or name in ("table", "tbody", "thead", "tr", "body", "html",
                                          "figure", "figcaption"):
            flush()
            _blocks(child, out, picture)
        else:
            run.append(_inline(child, picture))
    flush()


def html_to_markdown(html: str, picture: Pictures = as_linked) -> str:
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    _blocks(soup, out, picture)
    return "\n\n".join(p for p in out if p.strip())


def has_words(html: str) -> bool:
    """Whether the HTML holds text a reader sees (not only a picture copied by itself)."""
    if not html:
        return False
    soup = BeautifulSoup(html, "html.parser")
    for dropped in soup.find_all(_DROP):
        dropped.decompose()
    return bool(_WS.sub("", soup.get_text()))
