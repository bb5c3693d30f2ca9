"""Import stories from files: markdown with front matter, saved pages of an old site
(HTML, or their text). Every file is read first (a dry run stops there); then one
transaction per file; a bad file is reported and the others still go in. A page that
was hard to read goes in all the same, on the 待核对 list with what was doubtful; so
does one 机审 blocks (spam, an ID number), kept a draft whoever imports it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from newsdesk import named_files, os_text, times
from newsdesk.checks import Finding, run_checks
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.importers import frontmatter, legacy, page, page_pictures
from newsdesk.importers.decode import DecodeError, declared_charset, decode
from newsdesk.importers.story import Doubt, ImportedStory, carried_fields
from newsdesk.i18n import N_, _
from newsdesk.model import CONTENT_FIELDS, Article, Role
from newsdesk.review import signing
from newsdesk.store import Store

MARKDOWN = {".md", ".markdown"}
HTML = {".html", ".htm", ".shtml"}
TEXT = {".txt"}
SUPPORTED = MARKDOWN | HTML | TEXT


@dataclass
class Row:
    """What became of one file: imported, skipped, failed, or (dry run) would import."""
    file: str
    outcome: str
    story: ImportedStory | None = None
    article_id: str = ""
    state: str = ""
    why: str = ""

    def summary(self, tz: str) -> dict:
        """What a person checks before importing (the dry run's table, the app's too):
        headline, time, 来源, 字数, the body's first 40 characters, doubts."""
        st = self.story
        body = "".join(p for p in (st.body.split("\n\n") if st else [])
                       if not p.startswith("!["))
        return {"file": self.file, "outcome": self.outcome,
                "headline": st.title if st else "",
                "time": times.local_text(st.published_at, tz) if st and st.published_at
                else "",
                "source": st.source if st else "", "chars": len(body),
                "start": body[:40], "warnings": [str(w) for w in st.warnings] if st else [],
                "why": self.why, "id": self.article_id}


@dataclass
class ImportReport:
    rows: list[Row] = field(default_factory=list)
    cancelled: bool = False

    def of(self, outcome: str) -> list[Row]:
        return [r for r in self.rows if r.outcome == outcome]

    @property
    def imported(self) -> list[tuple[str, str, str]]:
        return [(r.file, r.article_id, r.state) for r in self.of("imported")]

    @property
    def skipped(self) -> list[tuple[str, str]]:
        return [(r.file, r.why) for r in self.of("skipped")]

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [(r.file, r.why) for r in self.of("failed")]

    @property
    def doubtful(self) -> list[Row]:
        return [r for r in self.rows if r.story is not None and r.story.warnings
                and r.outcome in ("imported", "would import")]


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the supported files inside folders named (sorted, no hidden,
    not the browser's _files/ folders of saved pages)."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file()
                          and f.suffix.lower() in SUPPORTED
                          and not any(part.startswith(".") or part.endswith("_files")
                                      for part in f.relative_to(p).parts[:-1])
                          and not f.name.startswith("."))
        else:
            out.append(p)
    return out


def parse_file(path: Path, tz: str) -> ImportedStory:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise NewsdeskError("unsupported file type {value!r}; expected .md, .html or .txt",
                            value=suffix or '(none)')
    data = named_files.read_bytes(path)
    if suffix in HTML:
        story = page.read(decode(data, declared_charset(data)), tz)
        found = page_pictures.beside(path, story.body)
        story.pictures = found.found
        for code, srcs in (("missing-images", found.missing),
                           ("outside-images", found.refused),
                           ("not-pictures", found.not_pictures)):
            if srcs:
                story.warnings.append(Doubt(code, count=len(srcs), names=", ".join(srcs[:3])))
        return story
    if suffix in TEXT:
        return legacy.parse_text(decode(data), tz)
    return frontmatter.parse(decode(data), tz)


def import_paths(store: Store, paths: Iterable[str | Path], actor_id: str | None = None,
                 channel: str | None = None,
                 progress: Callable[[int, int, Path], None] | None = None,
                 dry_run: bool = False,
                 stop: Callable[[], bool] | None = None) -> ImportReport:
    """Import the files (dry_run: read them and say what would go in) as actor_id, whose
    proof (a password, the app's sign-in) the caller has checked. Pages the old site
    published go in as published only for an active administrator, who vouches for
    them with a signed event; anyone else's, or a page 机审 blocks, become drafts, which
    go through 三审 like any story."""
    report = ImportReport()
    files = expand(paths)
    tz = store.settings().timezone
    admin = store.users.get(actor_id) if actor_id else None
    archivist = admin is not None and admin.active and Role.ADMIN in admin.roles
    for n, path in enumerate(files, 1):
        if stop is not None and stop():
            report.cancelled = True
            break
        if progress:
            progress(n, len(files), path)
        report.rows.append(_one(store, path, tz, actor_id, channel, dry_run, archivist))
    return report


def _one(store: Store, path: Path, tz: str, actor_id: str | None, channel: str | None,
         dry_run: bool, archivist: bool) -> Row:
    story, why = None, ""
    try:
        story = parse_file(path, tz)
        blocked = _blocked(store, story)
        if blocked:
            story.warnings.append(Doubt("blocked", findings=blocked))
        if _published(story) and not archivist:
            story.draft = True
            why = _("published on the old site: imported as a draft for 三审 (only an "
                    "administrator imports published pages)")
        elif _published(story) and blocked:
            story.draft = True
            why = _("published on the old site, but 机审 blocks it: imported as a draft "
                    "for 三审 (see 待核对)")
        if dry_run:
            if _published(story) and _channel_id(store, story, channel) is None:
                raise NewsdeskError(NO_CHANNEL)
            again = already_imported(store, story)
            if again:
                return Row(str(path), "skipped", story, why=again)
            return Row(str(path), "would import", story, why=why)
        result = save_story(store, story, actor_id, channel, path)
    except OSError as e:
        return Row(str(path), "failed", story, why=_("cannot read it: {reason}",
                                                     reason=os_text.reason(e)))
    except (NewsdeskError, DecodeError, frontmatter.FrontMatterError,
            legacy.NotAnArticle) as e:
        return Row(str(path), "failed", story, why=str(e))
    if isinstance(result, str):
        return Row(str(path), "skipped", story, why=result)
    return Row(str(path), "imported", story, article_id=result[0], state=result[1], why=why)


# Said alike in the app and on the command line: each has its way to choose.
NO_CHANNEL = N_("the file names no channel: choose the channel for such pages (栏目 in the "
                "import window, --channel on the command line)")


# What an old site's pages seldom carried (required fields, a reprint's 原标题) is the
# editor's to fill in; 机审's findings in the text itself (博彩 spam, an ID number,
# a misspelt leader's name, a banned word) keep a page off the site.
_FIELD_RULES = ("fields", "reprint")


def _blocked(store: Store, story: ImportedStory) -> list[str]:
    """机审's blocking findings in the story's text, [Chinese, English] (empty: none)."""
    article = Article(id="", **carried_fields(story), origin=story.origin or "original")
    found = {(f.rule, f.text): f for f in run_checks(store, article).blocking
             if f.rule.split(".")[0] not in _FIELD_RULES}
    if not found:
        return []
    return ["；".join(_said(f.message, f, "（{}）") for f in found.values()),
            "; ".join(_said(f.message_en, f, " ({})") for f in found.values())]


def _said(message: str, finding: Finding, bracket: str) -> str:
    """The finding's message, with what it matched when the message does not say it."""
    seen = finding.text[:20]
    return message + bracket.format(seen) if seen and seen not in message else message


def _published(story: ImportedStory) -> bool:
    return not story.draft and story.published_at is not None


def _channel_id(store: Store, story: ImportedStory, default: str | None) -> str | None:
    if story.channel:
        try:
            return store.channels.find(story.channel).id
        except NotFound:
            raise NewsdeskError("unknown channel {channel!r}", channel=story.channel) from None
    for name in reversed(story.breadcrumb):  # 当前位置：首页 > 国内 → the deepest known one
        try:
            return store.channels.find(name).id
        except NewsdeskError:
            continue
    return store.channels.find(default).id if default else None


def _user_id(store: Store, name: str) -> str | None:
    try:
        return store.users.find(name).id if name else None
    except NewsdeskError:
        return None


def already_imported(store: Store, story: ImportedStory) -> str | None:
    """Why a page is not imported again (a published page whose headline and publish
    time a story here has already), or None: the preview says it before importing."""
    if _published(story) and store.articles.find_id(story.title, story.published_at):
        return _("already imported (same headline and publish time)")
    return None


def save_story(store: Store, story: ImportedStory, actor_id: str | None,
               default_channel: str | None, path: Path) -> tuple[str, str] | str:
    """Store one story: (article id, state), or the reason it was skipped."""
    published = _published(story)
    channel_id = _channel_id(store, story, default_channel)
    if published and channel_id is None:
        raise NewsdeskError(NO_CHANNEL)
    topics = []
    for key in story.topics:
        try:
            topics.append(store.channels.find_topic(key).id)
        except NotFound:
            raise NewsdeskError("unknown topic {key!r}", key=key) from None
    again = already_imported(store, story)
    if again:
        return again
    site = store.settings()
    own = set(site.own_sources) | {site.name}
    # A page that does not say, and names another outlet as 来源, was a reprint.
    origin = story.origin or ("reprint" if story.source and story.source not in own
                              else "original")
    # Pictures are stored by content hash before the story (as a paste stores them), and
    # the story is rendered before the write transaction, which holds the lock.
    story.body = page_pictures.stored(store, story, actor_id)
    article = store.articles.draft(
        actor_id, **carried_fields(story), channel_id=channel_id, origin=origin,
        editor_id=_user_id(store, story.editor), topics=topics,
        publish_at=story.published_at)
    with store.transaction():
        store.articles.insert(article, reason="import")
        if story.warnings:
            store.doubts.add(article.id, path.name,
                             [{"code": w.code, **w.params} for w in story.warnings])
        if not published:
            return article.id, article.state
        article = store.articles.publish(article.id, story.published_at, actor_id)
        # The admin vouches for this very text, as a final sign-off does (signed with
        # their key when it is unlocked): the export puts live nothing else.
        vouched = signing.content_hash({k: getattr(article, k) for k in CONTENT_FIELDS})
        store.events.append(article.id, "imported", actor_id, revision=article.revision,
                           comment=f"imported from {path.name}",
                           detail={"file": path.name, "editor": story.editor,
                                   "reviewer": story.reviewer, "content_hash": vouched})
    return article.id, article.state


def as_article(store: Store, path: Path) -> Article:
    """A file as the story it would import, unsaved (for 机审 before importing)."""
    try:
        story = parse_file(path, store.settings().timezone)
    except (DecodeError, frontmatter.FrontMatterError, legacy.NotAnArticle) as e:
        raise NewsdeskError("{path}: {e}", path=path, e=e) from None
    channel = store.channels.find(story.channel).id if story.channel else None
    return Article(id="", **carried_fields(story), channel_id=channel,
                   origin=story.origin or "original")
