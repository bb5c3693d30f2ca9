"""Import stories from files: markdown with front matter, saved legacy pages (HTML or
text). One transaction per file; a bad file is reported and the others still go in."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.importers import frontmatter, legacy
from newsdesk.importers.decode import DecodeError, declared_charset, decode
from newsdesk.importers.story import ImportedStory, carried_fields
from newsdesk.model import Article
from newsdesk.store import Store

MARKDOWN = {".md", ".markdown"}
HTML = {".html", ".htm", ".shtml"}
TEXT = {".txt"}
SUPPORTED = MARKDOWN | HTML | TEXT


@dataclass
class ImportReport:
    imported: list[tuple[str, str, str]] = field(default_factory=list)  # file, id, state
    skipped: list[tuple[str, str]] = field(default_factory=list)        # file, why
    failed: list[tuple[str, str]] = field(default_factory=list)         # file, why


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the supported files inside folders named (sorted, no hidden)."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file()
                          and f.suffix.lower() in SUPPORTED
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def parse_file(path: Path, tz: str) -> ImportedStory:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise NewsdeskError("unsupported file type {value!r}; expected .md, .html or .txt",
                            value=suffix or '(none)')
    data = path.read_bytes()
    if suffix in HTML:
        return legacy.parse_html(decode(data, declared_charset(data)), tz)
    if suffix in TEXT:
        return legacy.parse_text(decode(data), tz)
    return frontmatter.parse(decode(data), tz)


def import_paths(store: Store, paths: Iterable[str | Path], actor_id: str | None = None,
                 channel: str | None = None,
                 progress: Callable[[int, int, Path], None] | None = None) -> ImportReport:
    report = ImportReport()
    files = expand(paths)
    tz = store.settings().timezone
    for n, path in enumerate(files, 1):
        if progress:
            progress(n, len(files), path)
        try:
            story = parse_file(path, tz)
            result = save_story(store, story, actor_id, channel, path.name)
        except FileNotFoundError:
            report.failed.append((str(path), "no such file"))
        except OSError as e:
            report.failed.append((str(path), f"cannot read: {e.strerror or e}"))
        except (NewsdeskError, DecodeError, frontmatter.FrontMatterError,
                legacy.NotAnArticle) as e:
            report.failed.append((str(path), str(e)))
        else:
            if isinstance(result, str):
                report.skipped.append((str(path), result))
            else:
                report.imported.append((str(path), result[0], result[1]))
    return report


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


def save_story(store: Store, story: ImportedStory, actor_id: str | None,
               default_channel: str | None, filename: str) -> tuple[str, str] | str:
    """Store one story: (article id, state), or the reason it was skipped."""
    published = not story.draft and story.published_at is not None
    channel_id = _channel_id(store, story, default_channel)
    if published and channel_id is None:
        raise NewsdeskError("the file names no channel; pass --channel")
    topics = []
    for key in story.topics:
        try:
            topics.append(store.channels.find_topic(key).id)
        except NotFound:
            raise NewsdeskError("unknown topic {key!r}", key=key) from None
    if published and store.articles.find_id(story.title, story.published_at):
        return "already imported (same headline and publish time)"
    site = store.settings()
    own = set(site.own_sources) | {site.name}
    # A page that does not say, and names another outlet as 来源, was a reprint.
    origin = story.origin or ("reprint" if story.source and story.source not in own
                              else "original")
    article = store.articles.draft(
        actor_id, **carried_fields(story), channel_id=channel_id, origin=origin,
        editor_id=_user_id(store, story.editor), topics=topics, publish_at=story.published_at)
    with store.transaction():
        store.articles.insert(article, reason="import")
        if not published:
            return article.id, article.state
        article = store.articles.publish(article.id, story.published_at, actor_id)
        store.events.append(article.id, "imported", actor_id, revision=article.revision,
                           comment=f"imported from {filename}",
                           detail={"file": filename, "editor": story.editor,
                                   "reviewer": story.reviewer})
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
