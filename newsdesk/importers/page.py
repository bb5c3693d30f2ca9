"""A saved article page of an old site read as a person reads it: headline (and 引题,
副题), publish time, 来源, 编辑/审核, the reporters, and the story's body without the
page's furniture. Works on <p>, <div>, <br> and custom-tag layouts alike: the body is
the element whose lines read most like prose and least like links (blocks.py)."""
from __future__ import annotations

import re

from newsdesk import times
from newsdesk.importers import blocks, dates, headline, labels
from newsdesk.importers.blocks import Block, Page
from newsdesk.importers.story import ImportedStory, Doubt

_META_WINDOW = 15      # lines after the headline where its meta line may sit
_SHORT_BODY = 100      # characters: below this a body is doubtful
_HEADING_MAX = 40
_NOT_DECK = re.compile(r"记者|作者|编辑|来源|通讯员|/|／")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[，。！？：；,!?]$")


def read(text: str, tz: str = times.DEFAULT_TZ) -> ImportedStory:
    page = blocks.parse(text)
    meta_near = {b.index for b in page.blocks if b.chars <= 200 and _is_meta(b)}
    head = headline.find(page, meta_near)
    anchor = head.block.index if head.block is not None else _first_prose(page)
    meta = _meta(page, anchor)
    story_el = blocks.story_element(page)
    lines = [b for b in page.blocks if story_el is not None and blocks.inside(b, story_el)]
    story = ImportedStory(title=head.text)
    if head.block is not None:
        story.kicker = _beside(page, head.block, -1, head)
        story.subtitle = _beside(page, head.block, +1, head)
    if head.title_rest and head.title_rest not in (story.kicker, story.subtitle):
        story.subtitle = story.subtitle or head.title_rest
    skip = {head.text, story.kicker, story.subtitle, page.title}
    body, found = _body(lines, anchor, skip)
    for key, value in found.items():
        meta.setdefault(key, value)
    story.body = body
    story.source = meta.get("source", "")
    story.editor = meta.get("editor", "")
    story.reviewer = meta.get("reviewer", "")
    story.reporters = found.get("reporters") or labels.names(meta.get("author", ""))
    story.breadcrumb = _crumbs(page)
    _when(story, page, anchor, tz)
    _doubts(story, head, body)
    return story


def _is_meta(b: Block) -> bool:
    """A meta line: a publish time or 来源 with its label, or a date alone on a short line."""
    if b.chars > 200 or b.link_density >= 0.5:
        return False
    if "source" in labels.parse(b.text):
        return True
    found = dates.find(b.text)
    return any(f.labelled for f in found) or bool(found) and b.chars <= 40


def _first_prose(page: Page) -> int:
    return next((b.index for b in page.blocks if b.prose()), 0)


def _meta(page: Page, anchor: int) -> dict[str, str]:
    """The labelled values on the lines around the headline (the meta line, or the
    cells of a meta table)."""
    meta: dict[str, str] = {}
    for b in page.blocks[max(0, anchor - 3):anchor + _META_WINDOW]:
        if b.chars > 200:
            continue
        for key, value in labels.parse(b.text).items():
            meta.setdefault(key, value)
        if "source" not in meta and _is_meta(b):
            source = labels.beside_date(b.text)
            if source:
                meta["source"] = source
    return meta


def _when(story: ImportedStory, page: Page, anchor: int, tz: str) -> None:
    """The publish time: a labelled date nearest below the headline, else any date on a
    short line there, else what the page's <meta> declares; a date without a time takes
    the time <meta> gives for the same day."""
    window = page.blocks[max(0, anchor - 3):anchor + _META_WINDOW]
    candidates = []
    for n, b in enumerate(window):
        if b.link_density > 0.5 or b.chars > 300:
            continue
        text = b.text
        if b.chars <= 8:  # a date split over short lines: 2019 | 09/07 | 19:02
            text = " ".join(c.text for c in window[n:n + 3] if c.chars <= 8)
        for f in dates.find(text):
            if not f.labelled and len(text) - len(f.text) > 20 and not labels.parse(text):
                continue  # a date inside a sentence: when something happened
            distance = b.index - anchor
            candidates.append((not f.labelled, distance < 0, abs(distance), f))
    found = min(candidates, key=lambda c: c[:3])[3] if candidates else None
    if found is None:
        found = next(filter(None, (dates.without_year(b.text, page.metas) for b in window
                                   if b.chars <= 80)), None)
    declared = dates.from_meta(page.metas)
    if found is None:
        found = declared
    elif not found.has_time and declared and declared.value[:10] == found.value:
        found = declared
    if found is None:
        story.warnings.append(Doubt("no-time"))
        return
    story.published_at = times.parse_local(found.value, tz)


def _beside(page: Page, head: Block, step: int, found: headline.Headline) -> str:
    """A short line right above (引题) or below (副题) the headline, in the same box."""
    i = head.index + step
    if not 0 <= i < len(page.blocks):
        return ""
    b = page.blocks[i]
    if (not b.text or b.image or b.chars > 60 or len(_CJK.findall(b.text)) < 4
            or b.text == found.text or _NOT_DECK.search(b.text) or b.link_chars or _is_meta(b)
            or blocks.FURNITURE.search(b.text) or labels.parse(b.text)
            or b.text == page.title or any(p in b.text for p in found.site_parts)):
        return ""
    shared = 0
    for a, c in zip(head.path, b.path):
        if a is not c:
            break
        shared += 1
    return b.text if shared >= len(head.path) - 2 else ""


def _body(lines: list[Block], anchor: int, skip: set[str]) -> tuple[str, dict]:
    """The story's paragraphs (markdown) and what its own lines say of it: reporters,
    editor, reviewer, source."""
    found: dict = {}
    kept: list[Block] = []
    for b in lines:
        if b.index <= anchor and not b.image:
            continue
        if b.image:
            kept.append(b)
            continue
        started = any(k.prose() for k in kept)
        source = labels.source_line(b.text)
        if source:
            found.setdefault("source", source)
            continue
        if not started and (b.text in skip or _is_meta(b)) or labels.parse(b.text) and _is_meta(b):
            continue
        names = labels.byline(b.text)
        if names:
            found.setdefault("reporters", names)
            continue
        role = labels.editor_line(b.text)
        if role:
            if role[1]:
                found.setdefault(role[0], role[1])
            if started:
                break  # the credits close the story: what follows is the page's
            continue
        if started and labels.credit(b.text):
            break
        if b.chars < 200 and blocks.FURNITURE.search(b.text) or b.link_density > 0.5:
            continue
        kept.append(b)
    kept = _trim(kept)
    texts = [i for i, b in enumerate(kept) if not b.image]
    kept = kept[texts[0]:texts[-1] + 1] if texts else []
    if kept and not found.get("reporters"):
        lead = next((b for b in kept if b.text), None)
        if lead is not None:
            found["reporters"] = labels.lead_reporters(lead.text)
    return "\n\n".join(_markdown(b) for b in kept), found


def _trim(kept: list[Block]) -> list[Block]:
    """Drop the lines before the first sentence of prose and the trail of short
    non-prose lines long after the last one (a signature or date just after it stays)."""
    prose = [i for i, b in enumerate(kept) if b.prose()]
    if not prose:
        return [b for b in kept if not b.image]
    first, last = prose[0], prose[-1]
    start = first
    while start > 0 and (kept[start - 1].image or kept[start - 1].heading
                         or _SENTENCE_END.search(kept[start - 1].text)):
        start -= 1
    end = last + 1
    while end < len(kept) and (kept[end].image or not kept[end].link_chars
                               and not _is_meta(kept[end]) and (
            _SENTENCE_END.search(kept[end].text) or kept[end].chars <= 40 and end - last <= 3)):
        if not kept[end].image and _SENTENCE_END.search(kept[end].text):
            last = end
        end += 1
    return kept[start:end]


def _markdown(b: Block) -> str:
    if b.image:
        src, alt = b.image
        return f"![{alt.replace(']', '］')}]({src.replace(' ', '%20').replace(')', '%29')})"
    quoted = b.text.startswith("“") and b.text.endswith("”") and "。" not in b.text
    if b.heading or (b.chars <= _HEADING_MAX and not b.text.endswith("。")
                     and (b.bold_chars >= b.chars or quoted)):
        return "## " + b.text
    return b.text


def _crumbs(page: Page) -> list[str]:
    for b in page.blocks:
        crumbs = labels.breadcrumb(b.text)
        if crumbs:
            return crumbs
    return []


def _doubts(story: ImportedStory, head: headline.Headline, body: str) -> None:
    if head.block is None:
        story.warnings.append(Doubt("no-headline"))
    text = "".join(line for line in body.splitlines() if not line.startswith("!["))
    if len(text) < _SHORT_BODY:
        story.warnings.append(Doubt("short-body", chars=len(text)))
