"""Which line of a saved page is its headline: the most prominent one that matches the
page's <title> best, with the site's name taken off the title whichever separator it
uses; and what else the title says (a 副题 the page does not show beside the headline)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsdesk.importers.blocks import Block, Page, norm

_CJK = r"\u4e00-\u9fff"
# Between a headline and the site's name: ——, --, _, |, ｜, ' - ', and '-' between
# Chinese words (诸暨网-凯发官网首页), never inside '5G-A' or '2020-03'.
_SEP = re.compile(rf"\s*(?:——|--|—|_|\||｜|\s[-–]\s|(?<=[{_CJK}）》”])[-–](?=[{_CJK}（《“]))\s*")
_SITE_WORD = re.compile(r"(?:网|新闻|报|台|频道|政府|门户|在线|官网|中心|首页|资讯|客户端|"
                        r"平台|号)$")
_HEADING_HINT = re.compile(r"title|biaoti|headline|heading|bt\b|tit\b|artical_t", re.I)


@dataclass
class Headline:
    text: str
    block: Block | None      # where the page shows it
    title_rest: str          # the title's own words that are not the headline (a 副题)
    site_parts: list[str]    # the title's site and channel names


def title_parts(title: str) -> list[str]:
    """'主标题——站点名-频道' → ['主标题', '站点名', '频道'], and a trailing site name
    after a plain space ('… 凤凰网') taken off too."""
    parts = [p for p in _SEP.split(norm(title)) if p]
    if len(parts) == 1 and " " in parts[0]:
        head, _, last = parts[0].rpartition(" ")
        if len(last) <= 12 and _SITE_WORD.search(last) and len(head) >= 4:
            parts = [head, last]
    return parts


def _prominent(block: Block) -> bool:
    for el in block.path[-4:]:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("h1", "h2", "h3") or _HEADING_HINT.search(
                (el.get("class") or "") + " " + (el.get("id") or "")):
            return True
    return False


def _common(a: str, b: str) -> int:
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


def _strip_site(text: str, site_parts: list[str]) -> str:
    parts = [p for p in _SEP.split(text) if p]
    while len(parts) > 1 and parts[-1] in site_parts:
        parts.pop()
    return " ".join(parts) if len(parts) < len(_SEP.split(text)) else text


def find(page: Page, meta_near: set[int]) -> Headline:
    """The headline; meta_near holds the indexes of lines with a publish time or 来源,
    which a headline sits just above."""
    full = norm(page.title)
    parts = title_parts(full)
    title_text = " ".join(parts)
    best, best_key, best_text = None, None, ""
    for b in page.blocks:
        if not (4 <= b.chars <= 120) or b.link_density > 0.5 or b.image:
            continue
        # A headline may hold a separator itself ('棱镜|数据业大整顿…'): as the title has it.
        text = b.text if b.text in full and b.text != full else _strip_site(b.text, parts[1:])
        if any(text in part for part in parts if len(part) <= 10 and part != parts[0]):
            continue  # the site's or a channel's name
        overlap = _common(text, title_text) if title_text else 0
        if overlap < min(4, len(text)) or overlap < 0.5 * len(text):
            continue
        near_meta = any(0 < i - b.index <= 4 for i in meta_near)
        key = (overlap, _prominent(b), near_meta, -b.index)
        if best_key is None or key > best_key:
            best, best_key, best_text = b, key, text
    if best is not None:
        best_text = _joined(page, best, best_text, title_text)
        site = [p for p in parts if _common(p, best_text) < 4]
        under = page.blocks[best.index + 1] if best.index + 1 < len(page.blocks) else None
        if (best_text != best.text and under is not None and 4 <= under.chars <= 80
                and _prominent(under) and not under.link_chars
                and any(0 < i - under.index <= 3 for i in meta_near)):
            # A line that shows the whole title, site name and all, is a title bar:
            # the headline is the prominent line under it.
            return Headline(under.text, under, _rest(best_text, under.text), site)
        return Headline(best_text, best, "", site)
    # No line matches the title: the line just above the meta line (a title the site
    # rewrote, or one taken over by spam), else the title's first part.
    first = parts[0] if parts else ""
    above = [b for b in page.blocks
             if 6 <= b.chars <= 80 and not b.link_chars and not b.image
             and any(0 < i - b.index <= 2 for i in meta_near) and b.index not in meta_near
             and not any(b.text in part for part in parts)
             and not b.text.startswith("首页") and ">" not in b.text]
    if above:
        b = max(above, key=lambda b: (_prominent(b), -b.index))
        return Headline(b.text, b, _rest(first, b.text), parts[1:])
    return Headline(first, None, "", parts[1:])


def _joined(page: Page, best: Block, text: str, title_text: str) -> str:
    """A headline broken over lines with <br> in one element, joined again."""
    lines = [text]
    for step in (-1, 1):
        i = best.index + step
        while 0 <= i < len(page.blocks):
            b = page.blocks[i]
            if (b.path[-1] is not best.path[-1] or not b.text
                    or _common(b.text.replace(" ", ""), title_text.replace(" ", ""))
                    < 0.8 * len(b.text.replace(" ", ""))):
                break
            lines.insert(0, b.text) if step < 0 else lines.append(b.text)
            i += step
    return "".join(lines) if len(lines) > 1 else text


def _rest(part: str, headline: str) -> str:
    """The title's own words when they are not the headline: a 副题."""
    return part if len(part) >= 6 and _common(part, headline) < 4 else ""
