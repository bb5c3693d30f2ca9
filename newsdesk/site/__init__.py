"""Static site export: plan every page, then write the ones whose bytes change into
the output folder, remove what is no longer part of the site, record what was written
(export_state) and write manifest.json. Incremental by default."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newsdesk import times, workflow
from newsdesk.errors import NewsdeskError
from newsdesk.model import User
from newsdesk.site.plan import Page, SitePlan
from newsdesk.site.writer import confined, existing_files, sha256, write_atomic
from newsdesk.store import Store

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
    changes: list[tuple[str, str]] = field(default_factory=list)  # (added|changed|removed, path)


def _check_output(out: Path, state: dict) -> None:
    """Guard: never scatter a site over a folder that holds something else."""
    if out.exists() and not out.is_dir():
        raise NewsdeskError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not state and not (out / MANIFEST).exists():
        raise NewsdeskError(f"{out} is not empty and holds no Newsdesk export; "
                            "choose an empty or new folder")


def _unique(pages: list[Page]) -> None:
    seen: dict[str, str] = {}
    for p in pages:
        if p.path in seen:
            raise NewsdeskError(f"two pages would be written to {p.path}: "
                                f"{seen[p.path]} and {p.source}")
        seen[p.path] = p.source


def export_site(store: Store, out_dir: str | Path, *, full: bool = False,
                actor: User | None = None, now: str | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                cancel: threading.Event | None = None) -> ExportReport:
    out = Path(out_dir).resolve()
    key = str(out)
    state = store.export_state(key)
    _check_output(out, state)
    now = now or times.now()
    report = ExportReport(out=key)
    report.published = [t.article.id for t in workflow.publish_due(store, actor, now)]
    plan = SitePlan(store, now)
    pages = plan.pages()
    _unique(pages)
    targets = {p.path: confined(out, p.path) for p in pages}
    on_disk = existing_files(out) if out.exists() else set()
    todo = [p for p in pages if full or p.path not in on_disk
            or state.get(p.path, ("", 0, ""))[2] != p.key]
    plan.prepare([p.article_id for p in todo if p.article_id])
    done: list[tuple[str, str, int, str]] = []
    try:
        for n, page in enumerate(todo, 1):
            if cancel is not None and cancel.is_set():
                raise ExportCancelled(f"export cancelled after {n - 1} of {len(todo)} pages")
            data = page.render()
            report.rendered += 1
            digest = sha256(data)
            old = state.get(page.path)
            if page.path not in on_disk or not old or old[0] != digest:
                write_atomic(targets[page.path], data)
                report.written.append(page.path)
                report.changes.append(("changed" if old else "added", page.path))
            done.append((page.path, digest, len(data), page.key))
            if progress:
                progress(n, len(todo), page.path)
        report.unchanged = len(pages) - len(report.written)
        planned = set(targets)
        for path in sorted(set(state) - planned):
            target = confined(out, path)
            if target.is_file():
                target.unlink()
            report.removed.append(path)
            report.changes.append(("removed", path))
    finally:
        store.save_export_state(key, done, report.removed)
    _write_manifest(out, store.export_state(key), now, bool(report.written or report.removed))
    return report


def _write_manifest(out: Path, state: dict, now: str, changed: bool) -> None:
    files = {p: {"sha256": sha, "size": size} for p, (sha, size, _) in sorted(state.items())}
    target = out / MANIFEST
    if not changed and target.exists():
        try:
            if json.loads(target.read_text("utf-8")).get("files") == files:
                return  # nothing changed: leave the manifest (and its time) alone
        except (ValueError, OSError):
            pass
    manifest = {"generator": "newsdesk", "exported_at": now, "files": files}
    write_atomic(target, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
