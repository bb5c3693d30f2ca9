"""Rules about which fields a story must have (required fields, reprints)."""
from __future__ import annotations

from newsdesk.checks.findings import BLOCK, WARN, Finding
from newsdesk.i18n import N_, both
from newsdesk.model import Article


def _missing(field: str, message_id: str) -> Finding:
    return Finding("fields.required", BLOCK, field, 0, 0, "", *both(message_id))


def required(a: Article) -> list[Finding]:
    out = []
    if not a.title.strip():
        out.append(_missing("title", N_("the headline is missing")))
    if not a.channel_id:
        out.append(_missing("channel_id", N_("the channel is missing")))
    if not a.body.strip():
        out.append(_missing("body", N_("the body is missing")))
    if not a.reporters and not a.source.strip():
        out.append(_missing("reporters", N_("reporters or 来源 are missing")))
    return out


def reprint(a: Article, approved_sources: list[str]) -> list[Finding]:
    if a.origin != "reprint":
        return []
    out = []
    for field, message_id in (("source", N_("a reprint needs 来源 (source)")),
                              ("original_title", N_("a reprint needs 原标题 (original title)")),
                              ("original_author",
                               N_("a reprint needs 原作者 (original author)"))):
        if not getattr(a, field).strip():
            out.append(Finding("reprint.required", BLOCK, field, 0, 0, "", *both(message_id)))
    if a.original_title.strip() and a.title.strip() != a.original_title.strip():
        out.append(Finding("reprint.headline-changed", WARN, "title", 0, len(a.title),
                           a.title, *both("the headline differs from the original “{title}”",
                                          title=a.original_title),
                           suggestion=a.original_title))
    if a.source.strip() and approved_sources and a.source.strip() not in approved_sources:
        out.append(Finding("reprint.source-not-approved", BLOCK, "source", 0, len(a.source),
                           a.source, *both("“{source}” is not on the approved-source list",
                                           source=a.source)))
    return out
