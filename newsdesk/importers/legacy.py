"""A saved article page's text dumped to a .txt file, laid out like the reference page:
'标题——站点名', the meta line (发布时间 / 来源 / 编辑 / 审核), body paragraphs, the
(记者…) byline, and navigation and footer text that must stay out of the body.
(Saved HTML pages are read by page.py.)"""
from __future__ import annotations

import re

from newsdesk import times
from newsdesk.errors import Translated
from newsdesk.importers import labels
from newsdesk.importers.headline import title_parts
from newsdesk.importers.story import Doubt, ImportedStory, clean_paragraph


class NotAnArticle(Translated, ValueError):
    pass


_WS = re.compile(r"[\s\u3000\u00a0]+")
_FOOTER = re.compile(r"网站简介|广告服务|联系方式|版权所有|举报电话|网站地图|许可证|"
                     r"上一篇|下一篇|相关新闻|相关阅读|分享到|【打印】|关闭窗口")
_SHORT_HEADING = 40


def _norm(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def _is_meta(text: str) -> bool:
    meta = labels.parse(text)
    return "date" in meta or {"source", "editor"} <= meta.keys()


def _headline_hint(page_title: str) -> str:
    """'主标题——站点名' → '主标题'."""
    parts = title_parts(page_title)
    return parts[0] if len(parts) > 1 else _norm(page_title)


def _finish(headline: str, kicker: str, subtitle: str, meta: dict, paragraphs: list[str],
            breadcrumb: list[str], tz: str) -> ImportedStory:
    if not headline:
        raise NotAnArticle("no headline found")
    try:
        published = times.parse_local(meta["date"], tz) if "date" in meta else None
    except ValueError:
        raise NotAnArticle("发布时间 {value!r} is not a date", value=meta["date"]) from None
    reporters: list[str] = []
    body = []
    for p in paragraphs:
        names = labels.byline(p)
        if names is not None:
            reporters += names
        elif p:
            body.append(p)
    if not reporters and meta.get("author"):
        reporters = labels.names(meta["author"])
    source = meta.get("source", "")
    return ImportedStory(
        title=headline, kicker=kicker, subtitle=subtitle, body="\n\n".join(body),
        breadcrumb=breadcrumb, published_at=published, source=source,
        reporters=reporters, editor=meta.get("editor", ""),
        reviewer=meta.get("reviewer", ""),
        warnings=[] if published else [Doubt("no-time")])


# ---- text dumps --------------------------------------------------------------------
def _body_lines(lines: list[str], headline: str, meta_line: str | None) -> list[str]:
    """Lines after the meta line, up to the footer."""
    start = 0
    for i, line in enumerate(lines):
        if line and (line == meta_line or _is_meta(line)):
            start = i + 1
            break
    body = []
    for line in lines[start:]:
        if _FOOTER.search(line):
            break
        line = clean_paragraph(line)
        if not line:
            continue
        if line.startswith("“") and line.endswith("”") and len(line) <= _SHORT_HEADING:
            line = "## " + line
        body.append(line)
    return body


def _navigation(line: str) -> bool:
    items = line.split()
    return ("首页" in line or "当前位置" in line or "——" in line
            or (len(items) >= 3 and all(len(i) <= 6 for i in items)))


def parse_text(text: str, tz: str = times.DEFAULT_TZ) -> ImportedStory:
    lines = [_norm(line) for line in text.splitlines()]
    meta_at = next((i for i, line in enumerate(lines) if _is_meta(line)), None)
    if meta_at is None:
        raise NotAnArticle("no meta line with 发布时间 found; not a saved article page")
    meta = labels.parse(lines[meta_at])
    above = [(i, line) for i, line in enumerate(lines[:meta_at]) if line]
    titled = next((line for _, line in above if "——" in line), "")
    hint = _headline_hint(titled) if titled else ""
    at = next((i for i, line in reversed(above) if line == hint), None)
    if at is None:  # no '标题——站点名' line: the headline is the line above the meta line
        at = above[-1][0] if above else None
    if at is None:
        raise NotAnArticle("no headline found above the meta line")
    headline = lines[at]
    subtitle = " ".join(line for line in lines[at + 1:meta_at] if line)
    before = [line for i, line in above if i < at]
    kicker = before[-1] if before and not _navigation(before[-1]) and len(before[-1]) <= 40 \
        else ""
    crumbs = next((c for c in map(labels.breadcrumb, lines[:meta_at]) if c), [])
    return _finish(headline, kicker, subtitle, meta,
                   _body_lines(lines, headline, lines[meta_at]), crumbs, tz)
