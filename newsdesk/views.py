"""Page views from web-server access logs (common/combined format, nginx or Apache,
plain or gzip): article hits per day for the ranking page (新闻排行榜)."""
from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from newsdesk import named_files
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store

_LINE = re.compile(r'^\S+ \S+ \S+ \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) \S+'
                   r'(?: "[^"]*" "([^"]*)")?')
_BOT = re.compile(r"bot|spider|crawl|slurp|archiver|fetcher|scan|curl|wget|python-|"
                  r"go-http|java/|headless|monitor|check", re.I)
_ARTICLE = re.compile(r"([a-z0-9][a-z0-9_-]*/\d{4}/\d{2}/\d+\.html)$")
MAX_BYTES = 2 * 1024 ** 3


@dataclass
class ViewsReport:
    file: str
    lines: int = 0
    counted: int = 0
    bots: int = 0
    not_ok: int = 0
    other: int = 0       # not an article page
    malformed: int = 0
    already: bool = False


def _read(path: Path) -> bytes:
    try:
        data = named_files.read_bytes(path)
    except FileNotFoundError:
        raise NewsdeskError("{path}: no such file", path=path) from None
    except OSError as e:
        raise NewsdeskError("{path}: cannot read ({strerror})",
                            path=path, strerror=e.strerror) from None
    if len(data) > MAX_BYTES:
        raise NewsdeskError("{path}: larger than 2 GB; split the log", path=path)
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise NewsdeskError("{path}: a damaged gzip file", path=path) from None
    return data


def import_log(store: Store, path: str | Path) -> ViewsReport:
    path = Path(path)
    data = _read(path)
    report = ViewsReport(file=str(path))
    digest = hashlib.sha256(data).hexdigest()
    if store.pageviews.log_imported(digest):
        report.already = True
        return report
    tz = ZoneInfo(store.settings().timezone)
    paths = store.pageviews.public_paths()
    counts: dict[tuple[str, str], int] = {}
    for raw in data.decode("utf-8", "replace").splitlines():
        if not raw.strip():
            continue
        report.lines += 1
        m = _LINE.match(raw)
        if not m:
            report.malformed += 1
            continue
        when, method, target, status, agent = m.groups()
        if method != "GET" or status != "200":
            report.not_ok += 1
            continue
        if agent and _BOT.search(agent):
            report.bots += 1
            continue
        hit = _ARTICLE.search(unquote(urlsplit(target).path))
        article_id = paths.get(hit.group(1)) if hit else None
        if not article_id:
            report.other += 1
            continue
        try:
            day = datetime.strptime(when, "%d/%b/%Y:%H:%M:%S %z").astimezone(tz).date()
        except ValueError:
            report.malformed += 1
            continue
        key = (article_id, day.isoformat())
        counts[key] = counts.get(key, 0) + 1
        report.counted += 1
    store.pageviews.add(counts, digest, path.name)
    return report
