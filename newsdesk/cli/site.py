"""The static site: export it, verify a deployed copy, inspect it as an inspector would,
count page views from logs."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newsdesk import views as page_views
from newsdesk.i18n import _, pick
from newsdesk.cli.common import (
    OK, PROBLEMS, CliError, Session, acting_option, json_option, print_json, with_db,
)
from newsdesk.site import ExportCancelled, changes, export_site
from newsdesk.site.inspect import inspect_site
from newsdesk.site.inspect_report import report_html
from newsdesk.site.verify import verify as verify_copy
from newsdesk.store import Store


def _progress_bar(done: int, total: int, _path: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="",
          file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def _write_changes(store: Store, out: Path, changes_file: str | None,
                   zip_file: str | None) -> None:
    """What changed since the last --mark-uploaded: a list, and a zip to upload."""
    rows = changes.since_upload(store, out)
    if changes_file:
        changes.write_list(rows, changes_file)
        print(_("{count} changes since the last upload listed in {file}",
                count=len(rows), file=changes_file))
    if zip_file:
        print(_("packed {count} files into {file}",
                count=changes.pack(out, rows, zip_file), file=zip_file))


@click.command()
@click.option("--out", required=True, metavar="DIR", help="output folder")
@click.option("--full", is_flag=True, help="re-render every page")
@acting_option(required=False, help_text="who publishes the stories whose time has come")
@click.option("--changes", "changes_file", metavar="FILE",
              help="list what changed since the last --mark-uploaded")
@click.option("--zip", "zip_file", metavar="FILE", help="pack those files for upload")
@click.option("--mark-uploaded", is_flag=True,
              help="record that DIR as exported is now on the web host (no export)")
@click.option("--show", type=int, default=20, metavar="N",
              help="name at most N written files (default 20)")
@with_db
def export(session: Session, out: str, full: bool, as_user: str | None,
           changes_file: str | None, zip_file: str | None, mark_uploaded: bool,
           show: int) -> int:
    """Write the static site (incremental; exit 1 when something had to be left out)."""
    folder = Path(out).resolve()
    with session.opened() as store:
        if mark_uploaded:
            n = store.exports.mark_uploaded(str(folder))
            if not n:
                raise CliError("nothing has been exported to {folder} yet", folder=folder)
            print(_("marked {n} files in {folder} as uploaded", n=n, folder=folder))
            return OK
        actor = store.users.find(as_user) if as_user else None
        progress = _progress_bar if sys.stderr.isatty() else None
        try:
            report = export_site(store, folder, full=full, actor=actor, progress=progress)
        except ExportCancelled as e:
            raise CliError(str(e)) from None
        except OSError as e:
            raise CliError("could not write the site to {folder}: {value}; the files written "
                           "so far are whole, run the export again",
                           folder=folder, value=e.strerror or e) from None
        if changes_file or zip_file:
            _write_changes(store, folder, changes_file, zip_file)
    for article_id in report.published:
        print(_("published {id} (its time had come)", id=article_id[:8]))
    for path in report.written[:show]:
        print(_("wrote {path}", path=path))
    for path in report.removed:
        print(_("removed {path}", path=path))
    print(_("{written} written, {removed} removed, {unchanged} unchanged in {folder}",
            written=len(report.written), removed=len(report.removed),
            unchanged=report.unchanged, folder=folder))
    for problem in report.problems:
        print(_("newsdesk: problem: {problem}", problem=problem), file=sys.stderr)
    for story in report.plain:
        print(_("newsdesk: problem: story {story} could not be formatted in time (its "
                "markdown is pathological); its page shows plain paragraphs", story=story),
              file=sys.stderr)
    print_withheld(report)
    return PROBLEMS if report.problems or report.plain or report.withheld else OK


def print_withheld(report) -> None:
    """The stories an export held back from the site, each with why."""
    for story in report.withheld:
        print(_("withheld: {story}", story=story), file=sys.stderr)


def print_injection(added: str, spam_named: list[str]) -> None:
    """Under a changed file: the text added to it and the spam named in that."""
    if added:
        print(f"           added: {added}")
    if spam_named:
        print("           " + _("search-spam injection (博彩): {names}",
                                names="、".join(spam_named)))


def print_differences(report) -> None:
    """A verify's modified files (with what was injected) and missing ones."""
    for path, added in report.modified:
        print(f"modified   {path}")
        print_injection(added, report.spam.get(path, []))
    for path in report.missing:
        print(_("missing    {path}", path=path))


@click.command()
@click.option("--manifest", required=True, metavar="FILE", help="DIR/manifest.json")
@click.argument("target")
@click.option("--timeout", type=float, default=10)
@json_option
def verify(manifest: str, target: str, timeout: float, as_json: bool) -> int:
    """Compare a deployed copy (a folder or an http(s) base URL) with the manifest."""
    report = verify_copy(manifest, target, timeout=timeout)
    if as_json:
        print_json({"checked": report.checked, "modified": [
            {"path": p, "added": t, "spam": report.spam.get(p, [])} for p, t in report.modified],
            "missing": report.missing, "unexpected": report.unexpected})
    else:
        print_differences(report)
        for path in report.unexpected:
            print(_("unexpected {path}", path=path))
        print(_("{checked} files checked: {modified} modified, {missing} missing, "
                "{unexpected} unexpected", checked=report.checked,
                modified=len(report.modified), missing=len(report.missing),
                unexpected=len(report.unexpected)))
    return OK if report.ok else PROBLEMS


@click.command()
@click.option("--site", "site_dir", metavar="DIR",
              help="the exported site whose links are followed (default: the app's output "
                   "folder)")
@click.option("--links/--no-links", default=True, help="follow the site's links")
@click.option("--offline", is_flag=True, help="do not check external links")
@click.option("--html", "html_file", metavar="FILE", help="also write the report as HTML")
@click.option("--timeout", type=float, default=10, help="seconds to wait for an external site")
@json_option
@with_db
def inspect(session: Session, site_dir: str | None, links: bool, offline: bool,
            html_file: str | None, timeout: float, as_json: bool) -> int:
    """网站自查: the published site checked as an inspection does (exit 1 when anything
    must be fixed)."""
    if site_dir and not Path(site_dir).is_dir():
        raise CliError("{folder} is not a folder", folder=site_dir)
    with session.opened() as store:
        progress = (lambda done, total: _progress_bar(done, total, "")) \
            if sys.stderr.isatty() else (lambda done, total: None)
        report = inspect_site(store, site_dir, links=links, external=not offline,
                              progress=progress, timeout=timeout)
        name = store.settings().name
    if html_file:
        try:
            Path(html_file).write_text(report_html(report, name), "utf-8")
        except OSError as e:
            raise CliError("could not write {file}: {value}", file=html_file,
                           value=e.strerror or e) from None
    if as_json:
        print_json(report.to_dict())
    else:
        for p in report.problems:
            place = " · ".join(filter(None, (p.channel if p.story_id else "", p.title[:30],
                                             p.where)))
            print(f"{p.severity:5}  " + (f"{place}: " if place else "")
                  + pick(p.message, p.message_en))
        print(_("{verdict}: {block} to fix, {warn} warnings, {info} notes — {stories} "
                "stories, {channels} channels, {pages} pages, {external} external links",
                verdict=report.verdict, block=report.count("block"), warn=report.count("warn"),
                info=report.count("info"), stories=report.stories, channels=report.channels,
                pages=report.pages, external=report.external))
        if html_file:
            print(_("report written to {file}", file=html_file))
    return PROBLEMS if report.verdict == "block" else OK


@click.group()
def views() -> None:
    """Page views from access logs (for 新闻排行榜)."""


@views.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@with_db
def import_views(session: Session, files: tuple[str, ...]) -> int:
    """Count article views in access logs (combined/common format, gzip too)."""
    with session.opened() as store:
        for path in files:
            r = page_views.import_log(store, path)
            if r.already:
                print(_("{path}: already counted; skipped", path=path))
                continue
            print(_("{path}: {counted} article views counted from {lines} lines ({bots} "
                    "bots, {not_ok} not 200/GET, {other} other pages, {malformed} "
                    "unreadable)", path=path, counted=r.counted, lines=r.lines,
                    bots=r.bots, not_ok=r.not_ok, other=r.other, malformed=r.malformed))
    return OK


COMMANDS = [export, verify, inspect, views]
