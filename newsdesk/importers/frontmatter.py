"""Markdown files with front matter, as Hugo, Jekyll and Hexo keep them: YAML between
'---' lines (or TOML between '+++'), then the markdown body."""
from __future__ import annotations

import datetime as dt
import re
import tomllib

import yaml

from newsdesk import times
from newsdesk.errors import Translated
from newsdesk.importers.story import ImportedStory, clean_paragraph, split_list, split_names
from newsdesk.text.paragraphs import unwrap

_FENCE = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_H1 = re.compile(r"\A\s*#\s+(.+?)\s*#*\s*(?:\n|\Z)")


class FrontMatterError(Translated, ValueError):
    pass


def _first(meta: dict, *keys):
    for k in keys:
        v = meta.get(k)
        if v not in (None, "", []):
            return v
    return None


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value, tz: str) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=times.ZoneInfo(tz))
        return times.to_stored(value)
    if isinstance(value, dt.date):
        return times.parse_local(value.isoformat(), tz)
    try:
        return times.parse_local(str(value), tz)
    except ValueError:
        raise FrontMatterError("date {value!r} is not a date", value=value) from None


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "是")
    return bool(value)


def split(text: str) -> tuple[dict, str]:
    """(front matter, markdown body). Files without front matter give {}."""
    m = _FENCE.match(text.lstrip("\ufeff"))
    if not m:
        return {}, text
    raw = m.group(2)
    try:
        meta = tomllib.loads(raw) if m.group(1) == "+++" else yaml.safe_load(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as e:
        # The parser's own words are English: the line is what helps.
        where = getattr(e, "problem_mark", None) or getattr(e, "lineno", None)
        if where is None:
            raise FrontMatterError("the front matter is not valid YAML or TOML") from None
        line = where.line + 2 if hasattr(where, "line") else where + 1
        raise FrontMatterError("the front matter is not valid at line {line}",
                               line=line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter is not a list of 'key: value' lines")
    return meta, text[m.end():]


def parse(text: str, tz: str = times.DEFAULT_TZ) -> ImportedStory:
    meta, body = split(text)
    title = _text(meta.get("title"))
    if not title:
        h1 = _H1.match(body)  # a plain markdown file: its first heading is the title
        if h1:
            title, body = h1.group(1).strip(), body[h1.end():]
    if not title:
        raise FrontMatterError("no title (front matter 'title:' or a first '# heading')")
    channel = _first(meta, "channel", "category", "categories", "section")
    if isinstance(channel, list):
        channel = channel[0]
    date = _first(meta, "date", "publishDate", "published")
    draft = _bool(meta.get("draft", False)) or date is None
    origin = _text(meta.get("origin")).lower() or None
    if origin in ("转载", "reprint"):
        origin = "reprint"
    elif origin in ("原创", "original"):
        origin = "original"
    elif origin is not None:
        raise FrontMatterError("origin {value!r} is neither original nor reprint",
                               value=meta.get("origin"))
    paragraphs = [unwrap(clean_paragraph(p)) for p in re.split(r"\n[ \t\u3000]*\n", body.strip("\n"))]
    return ImportedStory(
        title=title,
        kicker=_text(meta.get("kicker")),
        subtitle=_text(meta.get("subtitle")),
        summary=_text(_first(meta, "summary", "description")),
        body="\n\n".join(p for p in paragraphs if p),
        channel=_text(channel) or None,
        published_at=_date(date, tz) if date is not None else None,
        draft=draft,
        origin=origin,
        source=_text(meta.get("source")),
        original_title=_text(meta.get("original_title")),
        original_author=_text(meta.get("original_author")),
        reporters=split_names(_first(meta, "reporters", "reporter", "authors", "author")),
        editor=_text(meta.get("editor")),
        reviewer=_text(meta.get("reviewer")),
        tags=split_list(meta.get("tags")),
        topics=split_list(meta.get("topics")),
    )
