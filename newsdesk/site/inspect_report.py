"""网站自查's report as one self-contained HTML page (resources/reports/inspect.html):
counts by severity, a chart of findings by channel, and the findings grouped by kind."""
from __future__ import annotations

from dataclasses import asdict
from itertools import groupby

import jinja2

from newsdesk.checks.findings import BLOCK, INFO, WARN
from newsdesk.i18n import N_, _, language, pick
from newsdesk.paths import resource
from newsdesk.site.inspect import InspectReport

SHOWN = 200   # rows of one kind in the HTML; the rest are counted
CHART = 15    # channels in the chart
RULES = {
    "inspect.empty-channel": N_("Channels with no story (空白栏目)"),
    "inspect.stale-channel": N_("Channels not updated (长期未更新)"),
    "inspect.footer": N_("Footer incomplete"),
    "inspect.broken-link": N_("Broken links inside the site"),
    "inspect.external-broken": N_("Broken external links"),
    "inspect.external-unreachable": N_("External links that cannot be reached"),
    "inspect.offline": N_("External links not checked"),
    "inspect.no-source": N_("Pages without 来源"),
    "inspect.no-editor": N_("Pages without 编辑"),
    "inspect.no-reviewer": N_("Pages without 审核"),
    "spam": N_("Gambling and spam (博彩/垃圾信息)"),
    "words.block": N_("Banned words"),
    "words.warn": N_("Cautioned words"),
    "names": N_("Protected names (重要人名)"),
    "personal": N_("Personal information"),
    "confusion": N_("Misspellings (错别字)"),
    "traditional": N_("Traditional characters (繁简混用)"),
}
SEVERITIES = {BLOCK: N_("must fix"), WARN: N_("warning"), INFO: N_("note")}


def rule_label(rule: str) -> str:
    """A finding's kind as the report heads it (names.* are one kind, and so on)."""
    return _(RULES.get(rule) or RULES.get(rule.split(".")[0], rule))


def _chart(report: InspectReport) -> list[dict]:
    rows = list(report.by_channel().items())[:CHART]
    most = max((sum(n.values()) for _c, n in rows), default=0) or 1
    return [{"channel": c, "block": n[BLOCK], "warn": n[WARN],
             "block_w": round(640 * n[BLOCK] / most), "warn_w": round(640 * n[WARN] / most)}
            for c, n in rows]


def report_html(report: InspectReport, site_name: str) -> str:
    groups = []
    for label, problems in groupby(report.problems, key=lambda p: (p.severity,
                                                                  rule_label(p.rule))):
        problems = list(problems)
        groups.append({"severity": label[0], "severity_label": _(SEVERITIES[label[0]]),
                       "label": label[1], "count": len(problems),
                       "shown": [asdict(p) | {"message": pick(p.message, p.message_en)}
                                 for p in problems[:SHOWN]],
                       "more": _("… and {n} more", n=len(problems) - SHOWN)})
    verdict = {BLOCK: N_("Problems an inspection would fail the site for: fix them first."),
               WARN: N_("No blocking problem; warnings to look at."),
               "pass": N_("No problem found.")}[report.verdict]
    t = {"title": _("Site self-inspection (网站自查)"), "when": _("Inspected"),
         "scope": _("{stories} published stories, {channels} channels, {pages} pages, "
                    "{external} external links", stories=report.stories,
                    channels=report.channels, pages=report.pages, external=report.external),
         "verdict": _(verdict), "block": _(SEVERITIES[BLOCK]), "warn": _(SEVERITIES[WARN]),
         "info": _(SEVERITIES[INFO]), "stories": _("published stories"),
         "channels": _("channels"), "pages": _("pages read"),
         "chart": _("Findings by channel"), "channel": _("Channel"), "story": _("Story"),
         "where": _("Where"), "problem": _("Problem")}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(resource("reports")),
                             autoescape=True)
    return env.get_template("inspect.html").render(
        report=report, site=site_name, t=t, groups=groups, chart=_chart(report),
        counts={s: report.count(s) for s in (BLOCK, WARN, INFO)},
        lang="zh-CN" if language() == "zh_CN" else "en")
