"""Static site export: plan every page, then write the ones whose bytes change into
the output folder, remove what is no longer part of the site, record what was written
(export_state) and write manifest.json. Incremental by default."""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from newsdesk import times
from newsdesk.review import accounts, workflow
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_
from newsdesk.model import User
from newsdesk.text.render import render_safely
from newsdesk.site import manifest
from newsdesk.site.delta import DeltaPlan
from newsdesk.site.plan import Page, SitePlan, list_key
from newsdesk.site.writer import Folder, confined, existing_files, sha256, write_atomic
from newsdesk.store import Store
from newsdesk.sync.publisher import require_publisher

MANIFEST = "manifest.json"


class ExportCancelled(NewsdeskError):
    pass


@dataclass
class ExportReport:
    out: str
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    rendered: int = 0
    published: list[str] = field(default_factory=list)  # due stories published first
    problems: list[str] = field(default_factory=list)   # what was left out, and why
    plain: list[str] = field(default_factory=list)      # stories still shown unformatted
    withheld: list[str] = field(default_factory=list)   # “title”: why it is not cleared


def _check_output(out: Path, exported_before: bool) -> None:
    """Guard: never scatter a site over a folder that holds something else."""
    if out.exists() and not out.is_dir():
        raise NewsdeskError("{out} is a file, not a folder", out=out)
    if out.is_dir() and any(out.iterdir()) and not exported_before \
            and not (out / MANIFEST).exists():
        raise NewsdeskError("{out} is not empty and holds no Newsdesk export; choose an empty "
                            "or new folder", out=out)


def _unique(pages: list[Page], articles: dict[str, dict]) -> None:
    """Every path written once: a collision is an error naming both sources. (Story
    paths are unique in the database; paths are checked as they are written: Folder.)"""
    seen: dict[str, str] = {}
    for p in pages:
        if p.path in articles:
            seen[p.path] = f"article {articles[p.path]['id'][:8]}"
        if p.path in seen:
            raise NewsdeskError("two pages would be written to {path}: {value} and {source}",
                                path=p.path, value=seen[p.path], source=p.source)
        seen[p.path] = p.source


BATCH = 500         # pages a forked worker takes at a time
SERIAL_BATCH = 20   # pages between progress reports when rendering in this process
_WORK: tuple | None = None  # what forked workers render: (plan, out, todo, old, on_disk)


def _render_batch(plan: SitePlan, folder: Folder, items: list[Page | dict], old: dict,
                  on_disk: set[str] | None) -> tuple[list, Exception | None]:
    """Render pages (a story's page planned here, from its row: in the worker, not
    before the fork), write those whose bytes changed (or whose file is missing).
    Returns what was done and, if a write failed (disk full…), why: what was written
    before is recorded all the same."""
    results = []
    pages = [t if isinstance(t, Page) else plan.article_page(t) for t in items]
    try:
        plan.prepare([p.article_id for p in pages if p.article_id])
        for page in pages:
            data = page.render()
            digest = sha256(data)
            missing = on_disk is not None and page.path not in on_disk
            written = missing or old.get(page.path, ("",))[0] != digest
            if written:
                folder.write(page.path, data, new=missing)
            results.append((page.path, digest, len(data), page.key, page.list_key, written))
    except OSError as e:
        return results, e
    return results, None


def _path(item: Page | dict) -> str:
    """A page's path: a Page's, or a story row's (its page not planned yet)."""
    return item.path if isinstance(item, Page) else item["public_path"]


def _worker(bounds: tuple[int, int]) -> list:
    plan, out, todo, old, on_disk = _WORK
    if not getattr(plan, "forked", False):
        # A SQLite connection must not cross a fork: the worker opens its own.
        plan.store, plan.forked = Store.open(plan.store.path), True
    return _render_batch(plan, Folder(out), todo[bounds[0]:bounds[1]], old, on_disk)


def _render_all(plan, out, todo, old, on_disk, cancel, parallel) -> Iterator[list]:
    """Batches of results. Big jobs run on every core (forked workers, where the
    platform forks); cancelling stops between batches, and every file is whole."""
    global _WORK
    cores = os.cpu_count() or 1
    if (not parallel or len(todo) < 4 * BATCH or cores < 2
            or "fork" not in mp.get_all_start_methods()):
        folder = Folder(out)
        batches = [(i, min(i + SERIAL_BATCH, len(todo)))
                   for i in range(0, len(todo), SERIAL_BATCH)]
        for start, end in batches:
            if cancel is not None and cancel.is_set():
                raise ExportCancelled("export cancelled after {start} of {value} pages",
                                      start=start, value=len(todo))
            yield _render_batch(plan, folder, todo[start:end], old, on_disk)
        return
    batches = [(i, min(i + BATCH, len(todo))) for i in range(0, len(todo), BATCH)]
    _WORK = (plan, out, todo, old, on_disk)
    pool = mp.get_context("fork").Pool(cores)
    try:
        for n, results in enumerate(pool.imap_unordered(_worker, batches)):
            yield results
            if cancel is not None and cancel.is_set() and n + 1 < len(batches):
                pool.terminate()  # workers write whole files only (temp, then rename)
                raise ExportCancelled("export cancelled after {value} of {value2} pages",
                                      value=(n + 1) * BATCH, value2=len(todo))
    finally:
        pool.terminate()
        pool.join()
        _WORK = None


@contextmanager
def _no_gc():
    """Planning makes a few hundred thousand small objects and no reference cycles;
    the cyclic collector scanning them costs a third of an incremental export."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def retry_fallbacks(store: Store) -> list[str]:
    """Render again, before publishing, every live body stored as the plain-paragraph
    fallback: whether a render overran its limit at save time depends on how busy the
    machine was. Returns the stories that still fall back (genuinely pathological
    markdown), named; their pages show plain paragraphs."""
    hosts = store.settings().video_hosts
    still = []
    for a in store.articles.many(store.exports.fallback_ids()):
        rendered = render_safely(a.body, hosts)
        if rendered.fallback:
            still.append(f"{a.id[:8]} “{a.title}”")
        else:
            store.articles.cache_rendered(a.id, rendered.html)
    return still


def export_site(store: Store, out_dir: str | Path, *, full: bool = False,
                actor: User | None = None, now: str | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                cancel: threading.Event | None = None, parallel: bool = True) -> ExportReport:
    """Export the site into out_dir, publishing the stories whose time has come as
    actor, who must be an admin (a script without one acts as the administrator who
    runs it). parallel=False renders in this process only: a caller with threads of
    its own (the app) must not fork."""
    if actor is not None:
        accounts.require_admin(actor, N_("publish the site"))
    require_publisher(store)
    with _no_gc():
        return _export(store, Path(out_dir).resolve(), full, actor, now, progress, cancel,
                       parallel)


def _export(store, out, full, actor, now, progress, cancel, parallel) -> ExportReport:
    key = str(out)
    _check_output(out, store.exports.exists(key))
    now = now or times.now()
    report = ExportReport(out=key)
    report.published = [t.article.id for t in workflow.publish_due(store, actor, now)]
    report.plain = retry_fallbacks(store)
    seen = store.exports.change_mark()
    # An incremental export trusts its record of what it wrote (walking 100,000 files
    # would cost a fifth of it): --full also restores files deleted by hand, and verify
    # reports them. Without a manifest, the record is not trusted either.
    trusted = not full and (out / MANIFEST).exists()
    delta = DeltaPlan.attempt(store, now, key) if trusted else None
    plan = delta or SitePlan(store, now)
    report.problems = [p.message for p in plan.problems]
    report.withheld = [f"“{title}”: {reason}" for title, _path, reason in plan.held.values()]
    pages = plan.pages()
    articles = {s["public_path"]: s for s in plan.stories}
    _unique(pages, articles)
    on_disk = None if trusted else existing_files(out)
    keys: dict[str, str] = {}
    moved: list[tuple[str, str]] = []
    if delta is not None:
        todo: list[Page | dict] = pages + [plan.article_page(s) for s in delta.changed]
        records = store.exports.records(key, [p.path for p in todo])
        total = delta.files + sum(p.path not in records for p in todo)
        todo = [p for p in todo if records.get(p.path, ("",))[0] != p.key]
    else:
        keys = store.exports.keys(key)
        total = len(pages) + len(articles)
        if full:
            todo = pages + plan.stories
        elif not trusted:
            todo = [p for p in pages if p.path not in on_disk or keys.get(p.path) != p.key]
            todo += plan.stories
        else:
            todo = [p for p in pages if keys.get(p.path) != p.key]
            changed = store.exports.changed_articles(key, plan.article_key_prefix)
            todo += [s for s in plan.stories if s["id"] in changed]
            moved = _moved(store, key, plan, changed)
    old = store.exports.state(key, [_path(t) for t in todo])
    done: list[tuple[str, str, int, str, str | None]] = []
    store.exports.drop_mark(key)   # until this export is whole, the next plans it all
    try:
        for results, failure in _render_all(plan, out, todo, old, on_disk, cancel, parallel):
            for path, digest, size, page_key, listed, written in results:
                done.append((path, digest, size, page_key, listed))
                if written:
                    report.written.append(path)
            if failure is not None:
                raise failure
            report.rendered = len(done)
            if progress:
                progress(len(done), len(todo), done[-1][0])
        report.unchanged = total - len(report.written)
        planned = {p.path for p in pages}
        for path in sorted(set(keys) - planned):
            target = confined(out, path)
            if target.is_file():
                target.unlink()
            report.removed.append(path)
        report.removed += _take_down(store, key, out, plan)
    finally:
        store.exports.save_state(key, done, report.removed, moved)
    if report.written or report.removed or not (out / MANIFEST).exists():
        written = {path: (digest, size) for path, digest, size, *_ in done}
        _write_manifest(store, out, now, written if delta is not None else None)
    store.exports.save_mark(key, plan.global_key, seen, plan.story_count(), total)
    store.clearances.mark_exported(key, plan.judge.context)
    return report


def _take_down(store: Store, key: str, out: Path, plan: SitePlan) -> list[str]:
    """Remove the pages of stories held back (not cleared) that an export wrote."""
    paths = sorted(path for _title, path, _reason in plan.held.values() if path)
    recorded = store.exports.records(key, paths)
    gone = []
    for path in paths:
        target = confined(out, path)
        if target.is_file() or path in recorded:
            target.unlink(missing_ok=True)
            gone.append(path)
    return gone


def _moved(store: Store, key: str, plan: SitePlan, rendered: set[str]
           ) -> list[tuple[str, str]]:
    """(list key, path) of the stories whose page stays but whose list key changed: a
    story that came or went moved the ones after it in the site's order, and the delta
    plan finds a story's sitemap shard by its recorded place."""
    known = store.exports.list_keys(key)
    return [(k, s["public_path"]) for s in plan.stories if s["id"] not in rendered
            and known.get(s["public_path"]) != (k := list_key(s))]


def _write_manifest(store: Store, out: Path, now: str,
                    changed: dict[str, tuple[str, int]] | None) -> None:
    """manifest.json: the record of every file, or (changed) the last one with these
    files' entries replaced, when each has one."""
    file = out / MANIFEST
    if changed is not None and file.is_file() and manifest.rewrite(file, now, changed):
        return
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(file, manifest.whole(now, store.exports.manifest_lines(str(out))))
