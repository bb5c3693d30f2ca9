"""Dates as Chinese pages write them: 2019-09-09 16:19:28, 2005年3月11日12:12,
2020/3/9 9:39, 2020.03.09, with or without a label, and which of them is the page's
publish time."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*[-/.年]|\s+(?=\d{1,2}/))\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:星期.|周.)?\s*[T\s]?\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?")
# Labels that say a date is the publish time, and those that say it is not.
PUBLISHED = re.compile(r"(?:发布|发表|发稿|刊发|上传|录入|成文)?(?:时间|日期)|发布于|发表于|"
                       r"来源|稿源|出处|作者|编辑|记者|浏览|字号")
NOT_PUBLISHED = re.compile(r"(?:修改|更新|截止|有效期|生效|施行|下载|访问|今天是|今日|天气)\S{0,4}$")


@dataclass(frozen=True)
class Found:
    text: str          # as written
    value: str         # 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD'
    has_time: bool
    labelled: bool     # a publish-time label (or 来源 & co) sits beside it


def find(text: str) -> list[Found]:
    """Every plausible date in a line, with whether a label marks it as the publish time;
    dates a label marks as something else (修改时间, 今天是) are left out."""
    out = []
    for m in _DATE.finditer(text):
        y, mo, d, h, mi, s = m.groups()
        try:
            datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        except ValueError:
            continue
        before = text[max(0, m.start() - 12):m.start()]
        if NOT_PUBLISHED.search(before.rstrip(" :：")):
            continue
        value = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        if h:
            value += f" {int(h):02d}:{int(mi):02d}:{int(s or 0):02d}"
        after = text[m.end():m.end() + 8]
        labelled = bool(PUBLISHED.search(before) or PUBLISHED.match(after.strip()))
        out.append(Found(m.group(0).strip(), value, bool(h), labelled))
    return out


def from_meta(metas: dict[str, str]) -> Found | None:
    """The publish time a page's <meta> tags declare (CMSs and social cards)."""
    for key in ("article:published_time", "pubdate", "publishdate", "publish_date",
                "og:release_date", "datepublished", "publishtime", "firstpublishedtime",
                "og:time", "dc.date.issued", "dc.date", "date"):
        value = metas.get(key)
        if value:
            found = find(value.replace("T", " "))
            if found:
                return found[0]
    return None


_NO_YEAR = re.compile(r"(?<![\d-])(\d{1,2})[-/月](\d{1,2})日?\s*(\d{1,2})[:：](\d{2})(?!\d)")


def without_year(text: str, metas: dict[str, str]) -> Found | None:
    """'发布时间：09-30 22:46' with the year a <meta> date of the same day gives."""
    m = _NO_YEAR.search(text)
    if not m or not PUBLISHED.search(text[:m.start()]):
        return None
    month, day, hour, minute = (int(g) for g in m.groups())
    for value in metas.values():
        for f in find(value.replace("T", " ")):
            if f.value[5:10] == f"{month:02d}-{day:02d}":
                return Found(m.group(0), f"{f.value[:10]} {hour:02d}:{minute:02d}:00", True, True)
    return None
