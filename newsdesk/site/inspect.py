"""网站自查: look at the whole published site the way a provincial inspection does —
空白栏目 and 长期未更新 channels, the footer's licence, 备案 numbers and hotlines, every
published story through 机审's knowledge (banned words, spam, protected names, personal
information, misspellings), pages without 来源, 编辑 or 审核, and broken links inside
the exported site and out of it. Read everything first, then report (Pelican's way)."""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Callable

from newsdesk import times
from newsdesk.checks import TEXT_FIELDS, content_findings, knowledge_for
from newsdesk.checks.findings import BLOCK, INFO, WARN
from newsdesk.i18n import N_, _, both
from newsdesk.review.meta import meta_lines
from newsdesk.model import ChannelKind, field_label
from newsdesk.settings import SiteSettings
from newsdesk.site.links import check_external, internal_links
from newsdesk.store import Store

BATCH = 500
# The footer items an inspection looks for, as the settings that hold them.
FOOTER = (("name", N_("the site's name")),
          ("licence", N_("the internet news licence number (互联网新闻信息服务许可证)")),
          ("report_phone", N_("the 违法和不良信息举报电话 hotline")),
          ("minors_report_phone", N_("the 网站涉未成年人内容投诉、举报电话 hotline")),
          ("icp_record", N_("the ICP 备案 number")),
          ("police_record", N_("the 公安机关备案 number")),
          ("copyright", N_("the copyright line")))


@dataclass
class Problem:
    rule: str
    severity: str
    message: str        # in the newsroom's language
    message_en: str
    channel: str = ""   # the channel's name, where the problem belongs to one
    story_id: str = ""
    title: str = ""
    where: str = ""     # a field of the story, a page of the site, a URL
    text: str = ""      # what was found there


@dataclass
class InspectReport:
    problems: list[Problem] = field(default_factory=list)
    stories: int = 0
    channels: int = 0
    pages: int = 0               # exported pages whose links were read
    external: int = 0            # external addresses checked
    when: str = ""

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.problems)

    @property
    def verdict(self) -> str:
        return BLOCK if self.count(BLOCK) else WARN if self.count(WARN) else "pass"

    def by_channel(self) -> dict[str, Counter]:
        """channel name → problems by severity (the report's chart)."""
        out: dict[str, Counter] = {}
        for p in self.problems:
            if p.channel:
                out.setdefault(p.channel, Counter())[p.severity] += 1
        return dict(sorted(out.items(), key=lambda kv: -sum(kv[1].values())))

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "when": self.when, "stories": self.stories,
                "channels": self.channels, "pages": self.pages, "external": self.external,
                "counts": {s: self.count(s) for s in (BLOCK, WARN, INFO)},
                "by_channel": {c: dict(n) for c, n in self.by_channel().items()},
                "problems": [asdict(p) for p in self.problems]}


def _problem(rule: str, severity: str, said: tuple[str, str], **where) -> Problem:
    return Problem(f"inspect.{rule}", severity, *said, **where)


def channel_problems(store: Store, site: SiteSettings, now) -> list[Problem]:
    """Channels with no story (空白栏目) and channels not updated in stale_days."""
    channels = [c for c in store.channels.all() if c.kind == ChannelKind.LIST]
    activity = store.exports.channel_activity()
    children: dict[str, list] = {}
    for c in channels:
        children.setdefault(c.parent_id, []).append(c)

    def tally(c) -> tuple[int, str | None]:  # a channel shows its sub-channels' stories
        n, newest = activity.get(c.id, (0, None))
        for child in children.get(c.id, []):
            m, latest = tally(child)
            n, newest = n + m, max(filter(None, (newest, latest)), default=None)
        return n, newest
    out, cutoff = [], now - timedelta(days=site.stale_days)
    for c in channels:
        n, newest = tally(c)
        if n == 0:
            out.append(_problem("empty-channel", BLOCK, both(
                "“{channel}” has no published story (空白栏目)", channel=c.name), channel=c.name))
        elif c.slug not in site.stale_exempt and times.from_stored(newest) < cutoff:
            days = (now - times.from_stored(newest)).days
            out.append(_problem("stale-channel", WARN, both(
                "“{channel}”: no new story in {days} days (长期未更新); the newest is from {date}",
                channel=c.name, days=days, date=times.local_text(newest, site.timezone)[:10]),
                channel=c.name))
    return out


def footer_problems(site: SiteSettings) -> list[Problem]:
    return [_problem("footer", BLOCK, both("the footer lacks {item}", item=_(label)),
                     where="footer")
            for key, label in FOOTER if not str(getattr(site, key)).strip()]


def story_problems(store: Store, site: SiteSettings, progress: Callable[[int, int], None],
                   cancel: threading.Event | None = None) -> tuple[list[Problem], int]:
    """机审's knowledge over every live story, as its page shows it, and the meta line's
    来源, 编辑 and 审核."""
    know = knowledge_for(store)
    accepted = store.checks.all_acceptances()
    channel_names = {c.id: c.name for c in store.channels.all()}
    names = {u.id: u.real_name for u in store.users.all()}
    ids = store.exports.live_ids()
    out = []
    for start in range(0, len(ids), BATCH):
        if cancel is not None and cancel.is_set():
            break
        batch = store.articles.many(ids[start:start + BATCH])
        metas = meta_lines(store, batch, site, names)
        for a in batch:
            if a.live_revision != a.revision:  # the site shows the published revision
                live = store.articles.revision_content(a.id, a.live_revision)
                a = replace(a, **{k: v for k, v in live.items() if k in TEXT_FIELDS})
            where = dict(channel=channel_names.get(a.channel_id, ""), story_id=a.id,
                         title=a.title)
            kept = accepted.get(a.id, {})
            for name in TEXT_FIELDS:
                for f in content_findings(name, getattr(a, name) or "", know):
                    if f.key not in kept:
                        out.append(Problem(f.rule, f.severity, f.message, f.message_en,
                                           where=field_label(name), text=f.text, **where))
            meta = metas[a.id]
            for key, severity, message in (
                    ("source", BLOCK, N_("the page has no 来源")),
                    ("editor", WARN, N_("the page names no 编辑")),
                    ("reviewer", WARN, N_("the page names no 审核"))):
                if not meta[key]:
                    out.append(_problem(f"no-{key}", severity, both(message), **where))
        progress(min(start + BATCH, len(ids)), len(ids))
    return out, len(ids)


def inspect_site(store: Store, site_dir: str | Path | None = None, links: bool = True,
                 external: bool = True, now=None,
                 progress: Callable[[int, int], None] = lambda done, total: None,
                 cancel: threading.Event | None = None, timeout: float = 10) -> InspectReport:
    """The whole inspection. site_dir: the exported site whose links are followed
    (default: the folder the app publishes into, if there is one)."""
    site = store.settings()
    now = now or times.from_stored(times.now())
    report = InspectReport(when=times.local_text(times.to_stored(now), site.timezone))
    report.problems += channel_problems(store, site, now)
    report.channels = sum(c.kind == ChannelKind.LIST for c in store.channels.all())
    report.problems += footer_problems(site)
    found, report.stories = story_problems(store, site, progress, cancel)
    report.problems += found
    folder = Path(site_dir or site.output_dir) if (site_dir or site.output_dir) else None
    if links and folder is not None and folder.is_dir():
        broken, outside, report.pages = internal_links(folder)
        report.problems += [_problem("broken-link", BLOCK, both(
            "{page}: the link “{href}” leads nowhere", page=page, href=href),
            where=page, text=href) for page, href in broken]
        if external and not (cancel is not None and cancel.is_set()):
            report.external, results = check_external(outside, timeout=timeout)
            report.problems += _external_problems(results)
    order = {BLOCK: 0, WARN: 1, INFO: 2}
    report.problems.sort(key=lambda p: (order.get(p.severity, 3), p.rule, p.channel))
    return report


def _external_problems(results: dict[str, tuple[int | None, str]]) -> list[Problem]:
    """HTTP errors are the sites' (a warning each); when no address could be reached at
    all, this machine is offline: one note, not a warning per link."""
    if results and all(code is None for code, _ in results.values()):
        reason = next(iter(results.values()))[1]
        return [_problem("offline", INFO, both(
            "external links not checked: no connection ({reason})", reason=reason))]
    out = []
    for url, (code, reason) in sorted(results.items()):
        if code is None:
            out.append(_problem("external-unreachable", WARN, both(
                "{url} cannot be reached: {reason}", url=url, reason=reason), where=url))
        elif code >= 400:
            out.append(_problem("external-broken", WARN, both(
                "{url} answers HTTP {code}", url=url, code=code), where=url))
    return out
