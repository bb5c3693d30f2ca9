"""Rules about which fields a story must have (required fields, reprints)."""
from __future__ import annotations

from newsdesk.checks.model import BLOCK, WARN, Finding
from newsdesk.model import Article


def _missing(field: str, zh: str, en: str, severity: str = BLOCK) -> Finding:
    return Finding("fields.required", severity, field, 0, 0, "", f"缺少{zh}",
                   f"{en} is missing")


def required(a: Article) -> list[Finding]:
    out = []
    if not a.title.strip():
        out.append(_missing("title", "主标题", "the headline"))
    if not a.channel_id:
        out.append(_missing("channel_id", "栏目", "the channel"))
    if not a.body.strip():
        out.append(_missing("body", "正文", "the body"))
    if not a.reporters and not a.source.strip():
        out.append(Finding("fields.required", BLOCK, "reporters", 0, 0, "",
                           "缺少记者署名或来源", "reporters or 来源 are missing"))
    return out


def reprint(a: Article, approved_sources: list[str]) -> list[Finding]:
    if a.origin != "reprint":
        return []
    out = []
    for field, zh, en in (("source", "来源", "来源 (source)"),
                          ("original_title", "原标题", "原标题 (original title)"),
                          ("original_author", "原作者", "原作者 (original author)")):
        if not getattr(a, field).strip():
            out.append(Finding("reprint.required", BLOCK, field, 0, 0, "",
                               f"转载稿缺少{zh}", f"a reprint needs {en}"))
    if a.original_title.strip() and a.title.strip() != a.original_title.strip():
        out.append(Finding("reprint.headline-changed", WARN, "title", 0, len(a.title),
                           a.title, f"标题与原标题“{a.original_title}”不一致",
                           f"the headline differs from the original “{a.original_title}”",
                           suggestion=a.original_title))
    if a.source.strip() and approved_sources and a.source.strip() not in approved_sources:
        out.append(Finding("reprint.source-not-approved", BLOCK, "source", 0, len(a.source),
                           a.source, f"来源“{a.source}”不在可转载来源名单中",
                           f"“{a.source}” is not on the approved-source list"))
    return out
