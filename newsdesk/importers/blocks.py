"""A saved page as a reader sees it: the lines of text it shows (blocks), whatever tags
hold them — <p>, <div> paragraphs, text broken with <br>, a CMS's own tags — and the
element that holds the story: the one whose lines are most like running prose and least
like links."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html as lxml_html

_WS = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
# Tags whose text flows inside a line; every other tag (custom ones included) breaks it.
INLINE = {"a", "span", "strong", "b", "em", "i", "u", "font", "small", "big", "sub", "sup",
          "label", "abbr", "cite", "code", "s", "strike", "ins", "del", "mark", "q", "time",
          "nobr", "tt", "var", "kbd", "bdi", "bdo", "wbr"}
_DROP = {"script", "style", "noscript", "template", "iframe", "select", "option", "button",
         "textarea", "input", "svg", "canvas", "object", "embed", "map", "head", "video",
         "audio"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_EARLY_END = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_SENTENCE = re.compile(r"[，。！？；：、“”,.!?;]")
# Lines that belong to the page's furniture, never to a story.
FURNITURE = re.compile(
    r"上一篇|下一篇|上一条|下一条|相关新闻|相关阅读|相关文章|相关链接|延伸阅读|推荐阅读|热点推荐|"
    r"分享到|分享至|一键分享|【?打印(?:本页|文章)?】?|关闭窗口|【关闭】|收藏本页|加入收藏|"
    r"版权所有|版权声明|备案号|ICP|网站简介|广告服务|联系我们|联系方式|网站地图|举报电话|"
    r"违法和不良信息|免责声明|扫一扫|扫码|二维码|长按识别|字号[:：]|【字体|默认 ?大 ?中 ?小|"
    r"返回顶部|返回首页|点击排行|热门排行|我要纠错|【纠错】|责任编辑|本文来源|原标题|"
    r"您当前的位置|当前位置|您的位置|所在位置|^广告$|^A\+$|调整字体")


@dataclass
class Block:
    """One line of the page as shown: its text, how much of it is link text, and the
    elements it sits in (outermost first)."""
    text: str
    link_chars: int
    bold_chars: int
    path: tuple
    heading: bool = False          # an <h2>…<h6> or <strong>-only line
    image: tuple[str, str] | None = None   # (src, alt) for a picture
    index: int = 0
    link_first: bool = False       # opens with a link (a list of headlines with summaries)

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.text else 0.0

    def prose(self) -> bool:
        """Reads like a sentence of a story, not a link, label or menu."""
        own = self.chars - self.link_chars
        return (own >= 12 and self.link_density < (0.1 if self.link_first else 0.3)
                and len(_SENTENCE.findall(self.text)) >= max(1, own // 60))


@dataclass
class Page:
    root: object
    title: str
    blocks: list[Block] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def parse(text: str) -> Page:
    """Parse a page (comments, scripts and hidden elements gone) into its lines."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    # A page stitched from includes may close <html> early; browsers read on, so do we.
    text = _EARLY_END.sub("", text)
    root = lxml_html.document_fromstring(text or "<html></html>")
    metas = {}
    for m in root.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").lower()
        if key and m.get("content") and key not in metas:
            metas[key] = m.get("content").strip()
    title_el = root.find(".//title")
    title = norm(title_el.text_content()) if title_el is not None else ""
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    for el in list(root.iter(*_DROP)):
        _remove(el)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and _HIDDEN.search(el.get("style") or ""):
            _remove(el)
    page = Page(root, title, metas=metas)
    page.blocks = _Walker().run(root)
    for i, b in enumerate(page.blocks):
        b.index = i
    return page


def _remove(el) -> None:
    """Drop an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class _Walker:
    def __init__(self):
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links = self.bold = 0
        self.link_first = False
        self.path: tuple = ()
        self.heading = False

    def run(self, root) -> list[Block]:
        body = root.find("body")
        self._walk(body if body is not None else root, (), False, False)
        self._flush()
        return self.blocks

    def _add(self, text: str | None, in_link: bool, in_bold: bool, path: tuple) -> None:
        if not text:
            return
        if not "".join(self.parts).strip():
            self.path = path
            self.link_first = in_link and bool(text.strip())
        self.parts.append(text)
        n = len(norm(text))
        if in_link:
            self.links += n
        if in_bold:
            self.bold += n

    def _flush(self) -> None:
        text = norm("".join(self.parts))
        if text:
            # Leading spaces were counted before normalising: cap the counters.
            self.blocks.append(Block(text, min(self.links, len(text)), min(self.bold, len(text)),
                                     self.path, self.heading, link_first=self.link_first))
        self.parts, self.links, self.bold, self.heading = [], 0, 0, False
        self.link_first = False

    def _walk(self, el, path: tuple, in_link: bool, in_bold: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        path = path + (el,)
        if tag == "br":
            self._flush()
            return
        if tag == "img":
            src = (el.get("src") or el.get("data-src") or el.get("data-original") or "").strip()
            if src and not src.startswith("data:"):
                self._flush()
                self.blocks.append(Block("", 0, 0, path, image=(src, norm(el.get("alt")))))
            return
        block = tag not in INLINE
        if block:
            self._flush()
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            self.heading = True
        in_link = in_link or tag == "a"
        in_bold = in_bold or tag in ("strong", "b")
        self._add(el.text, in_link, in_bold, path)
        for child in el:
            self._walk(child, path, in_link, in_bold)
            self._add(child.tail, in_link, in_bold, path)
        if block:
            self._flush()


def weight(block: Block) -> float:
    """What a line adds to the case that its element holds the story."""
    if block.image:
        return 0.0
    if FURNITURE.search(block.text) and block.chars < 200:
        return -max(20.0, block.chars)
    if block.prose():
        return float(block.chars - block.link_chars)
    if block.link_density >= 0.5:
        return -1.5 * block.chars
    return -0.25 * block.chars if block.chars > 30 else 0.0


def story_element(page: Page):
    """The element whose lines add up to the most story: the best-scoring subtree, where
    prose counts for it and links and furniture against it."""
    scores: dict = {}
    for b in page.blocks:
        w = weight(b)
        if w:
            for el in b.path:
                scores[el] = scores.get(el, 0.0) + w
    if not scores:
        return None
    best = max(scores.values())
    if best <= 0:
        return None
    # The deepest element within 2% of the best keeps wrappers' stray lines out.
    depth = {el: i for b in page.blocks for i, el in enumerate(b.path)}
    near = [el for el, s in scores.items() if s >= best * 0.98]
    return max(near, key=lambda el: depth.get(el, 0))


def inside(block: Block, element) -> bool:
    return element in block.path
