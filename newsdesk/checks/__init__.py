"""机审: machine checks a story passes before a reviewer sees it. Each family of
rules is a module; run_checks puts their findings together with the outlet's word
lists, house style and accepted findings, and measures the error rate (findings per
10,000 characters of prose against the outlet's threshold; newspapers are held to 3).

The rules read what a reader reads: the body's prose (newsdesk.text.prose), never its
markup; their findings are placed back in the body, and a fix is offered only where it
changes words and leaves the markup as it was. Spam and dropped markup are looked for
in the whole body: an injection hides in link targets and tags."""
from __future__ import annotations

from newsdesk import urls
from newsdesk.checks import fields, lists, markup, personal, spam, traditional, typography
from newsdesk.checks.knowledge import Knowledge, knowledge_for
from newsdesk.checks.findings import BLOCK, WARN, Finding, Report
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, both, pick
from newsdesk.model import Article, ListEntry, Term, field_names
from newsdesk.review import accounts
from newsdesk.text import prose
from newsdesk.text.render import FALLBACK, char_count
from newsdesk.settings import SiteSettings
from newsdesk.store import Store

__all__ = ["BLOCK", "WARN", "Finding", "Knowledge", "Report", "Term", "knowledge_for",
           "run_checks", "accept"]

TEXT_FIELDS = field_names(checked="text")   # every rule on the text
RATED_FROM = 500  # characters a body needs before its error rate is judged
NAME_FIELDS = field_names(checked="name")   # word lists
RATED = ("typography", "words", "confusion", "traditional", "names")  # errors, for the rate
MARKDOWN_FIELDS = ("body",)   # read as markdown: only its prose is checked


def reading(name: str, value: str) -> prose.Reading:
    """What a reader reads of a field: a markdown body's prose, any other field whole."""
    return prose.read(value) if name in MARKDOWN_FIELDS else prose.plain(value)


def placed(found: list[Finding], text: prose.Reading) -> list[Finding]:
    """Findings in the prose, moved to where they are in the field; a fix is kept only
    where it is one run of prose and changes no markup (a caption's words, never the
    picture around them)."""
    for f in found:
        start, end, whole = text.body_span(f.start, f.end)
        if f.suggestion is not None and not (
                whole and text.keeps_markup(start, end, f.suggestion)):
            f.suggestion = None
        f.start, f.end = start, end
    return found


def content_findings(name: str, value: str, know: Knowledge,
                     text: prose.Reading | None = None) -> list[Finding]:
    """What the outlet's knowledge finds in one text field: banned words, spam,
    protected names, misspellings, traditional characters, personal information.
    (Also what `inspect` runs over every published story.)"""
    text = text or reading(name, value)
    found = spam.find(name, value)
    covered = [(f.start, f.end) for f in found]
    said = text.text
    found += [f for f in placed(know.words.find(name, said), text)
              if not any(s <= f.start and f.end <= e for s, e in covered)]
    found += placed(know.names.find(name, said) + know.confusions.find(name, said)
                    + traditional.check(name, said, know.traditional)
                    + personal.check(name, said), text)
    return found


def check_article(a: Article, know: Knowledge, site: SiteSettings) -> Report:
    """The findings of every rule on one story (no acceptances applied)."""
    found = fields.required(a) + fields.reprint(a, site.approved_sources)
    style = site.house_space
    body = reading("body", a.body or "")
    for name in TEXT_FIELDS + NAME_FIELDS:
        value = getattr(a, name) or ""
        if name in TEXT_FIELDS:
            text = body if name == "body" else reading(name, value)
            found += content_findings(name, value, know, text)
            found += placed(typography.check(name, text.text, style), text)
        else:
            found += know.words.find(name, value)
    found += markup.dropped(a.body or "", site.video_hosts)
    if a.renderer_version == FALLBACK:
        found.append(Finding("render.fallback", WARN, "body", 0, 0, "", *both(
            "the body's markdown could not be formatted in time and shows as plain "
            "paragraphs; the export tries again before publishing: simplify the markup")))
    order = {name: n for n, name in enumerate(("channel_id", "reporters") + TEXT_FIELDS
                                              + NAME_FIELDS)}
    found.sort(key=lambda f: (order.get(f.field, 99), f.start, f.end))
    return Report(found, char_count(body.text),  # the rate is of the prose
                  threshold=float(site.error_rate_threshold))


def _rate(report: Report) -> None:
    """Errors per 10,000 characters: each distinct error (rule and text) once, none the
    editor accepted; only for bodies of RATED_FROM characters or more (one slip in a
    short brief is not a rate)."""
    counted = {(f.rule, f.text) for f in report.findings if not f.accepted
               and f.rule.split(".")[0] in RATED}
    report.error_rate = len(counted) * 10_000 / max(report.char_count, 1)
    if report.char_count < RATED_FROM:
        return
    if counted and report.error_rate > report.threshold:
        report.findings.append(Finding("rate.over-threshold", WARN, "body", 0, 0, "", *both(
            "{rate:.1f} findings per 10,000 characters, over the outlet's threshold of "
            "{threshold:g}", rate=report.error_rate, threshold=report.threshold)))


def finish(report: Report, accepted: dict[tuple[str, str, str], str]) -> Report:
    """Mark the findings the editor accepted, then measure the error rate."""
    for f in report.findings:
        if f.key in accepted:
            f.accepted, f.note = True, accepted[f.key]
    _rate(report)
    return report


def run_checks(store: Store, a: Article) -> Report:
    site = store.settings()
    report = check_article(a, knowledge_for(store), site)
    report.findings += site_links(site, store.channels.all())
    return finish(report, store.checks.acceptances(a.id) if a.id else {})


def site_links(site: SiteSettings, channels) -> list[Finding]:
    """URLs in the site's settings that the export leaves out of every page (a
    `javascript:` link channel…): an admin must put them right."""
    return [Finding("site.url", WARN, "site", 0, 0, r.url, r.message_zh, r.message)
            for r in urls.site_problems(site, channels)]


def save_word_list(store: Store, terms: list[Term], actor, replace: bool = True) -> int:
    """Replace the outlet's word lists, or add to them (admins only: they decide what
    blocks a story)."""
    accounts.require_admin(actor, N_("change the word lists"))
    for t in terms:
        if not t.term.strip():
            raise NewsdeskError("a word-list entry has no term")
        if t.level not in ("block", "warn"):
            raise NewsdeskError("“{term}”: level must be block or warn", term=t.term)
    return store.checks.set_terms(terms, actor.id, replace=replace)


CHANGE_LISTS = N_("change the 机审 lists")


def why_not_change_lists(user) -> str | None:
    """Why user may not change the 机审 lists (the app says it before they try)."""
    return accounts.why_not_admin(user, CHANGE_LISTS)


def save_list(store: Store, kind: str, entries: list[ListEntry], actor) -> int:
    """Replace one of the outlet's other lists (names, confusions, traditional), in the
    order given: admins only, like the word lists."""
    accounts.require_admin(actor, CHANGE_LISTS)
    entries = lists.checked(kind, entries)
    return store.checks.set_entries(kind, entries, actor.id)


def save_lists(store: Store, terms: list[Term], entries: dict[str, list[ListEntry]],
               actor) -> None:
    """The word lists and the other lists at once: all saved, or none."""
    with store.transaction():
        save_word_list(store, terms, actor)
        for kind, found in entries.items():
            save_list(store, kind, found, actor)


def accept(store: Store, article_id: str, finding: Finding, note: str,
           actor_id: str | None) -> None:
    """Mark a finding accepted, with why. Blocking findings must be fixed instead, but
    for personal information, which an editor may mean to print (a hotline)."""
    if finding.severity == BLOCK and not finding.rule.startswith("personal."):
        raise NewsdeskError("a blocking finding cannot be accepted: {message}",
                            message=pick(finding.message, finding.message_en))
    if not note.strip():
        raise NewsdeskError("say why the finding is accepted")
    store.checks.accept(article_id, finding.rule, finding.field, finding.text, note.strip(),
                         actor_id)
