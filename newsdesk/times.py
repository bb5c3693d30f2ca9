"""Time stamps: stored as UTC text ('2020-03-09T01:39:23Z', sorts as it reads),
shown and entered in the outlet's own time zone (a site setting)."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"
_STORED = "%Y-%m-%dT%H:%M:%SZ"


def now() -> str:
    return datetime.now(timezone.utc).strftime(_STORED)


def instant() -> str:
    """Now to the microsecond (stored UTC text that still sorts as it reads): for
    ordering events that can fall within one second, such as a change and a backup."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_stored(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime(_STORED)


def from_stored(text: str) -> datetime:
    return datetime.fromisoformat(text)  # 'Z' is understood since Python 3.11


def local_text(stored: str | None, tz: str = DEFAULT_TZ) -> str:
    """'2020-03-09 09:39:23' in the outlet's zone, as the meta line prints it."""
    if not stored:
        return ""
    return from_stored(stored).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M:%S")


_LOCAL = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)


def parse_local(text: str, tz: str = DEFAULT_TZ) -> str:
    """Parse a date as outlets write it (2020-03-09 09:39:23, 2020/3/9 9:39,
    2020年03月09日 09:39, ISO with offset) into stored UTC text.
    Raises ValueError naming the text when it is not a date."""
    text = str(text).strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = _LOCAL.fullmatch(text)
        if not m:
            raise ValueError(f"not a date: {text!r}") from None
        parts = [int(p) if p else 0 for p in m.groups()]
        dt = datetime(*parts)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return to_stored(dt)
