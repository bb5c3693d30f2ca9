"""`import` (with a dry run, JSON and a CSV report) and the 待核对 list of imported
stories whose pages were hard to read."""
from __future__ import annotations

import csv
import sys

import click

from newsdesk import importers
from newsdesk.cli.common import (
    OK, PROBLEMS, CliError, Session, acting_option, acting_user, json_option, print_json, table,
    with_db,
)
from newsdesk.i18n import _
from newsdesk.importers.story import Doubt
from newsdesk.model import state_name

CSV_COLUMNS = ("file", "outcome", "headline", "time", "source", "chars", "start",
               "warnings", "why", "id")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@acting_option(required=False, help_text="the importing user")
@click.option("--channel", help="channel for files that name none")
@click.option("--dry-run", is_flag=True, help="read every file and say what would be imported")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, writable=True),
              help="also write the table as CSV (for a spreadsheet)")
@json_option
@with_db
def import_(session: Session, paths: tuple[str, ...], as_user: str | None,
            channel: str | None, dry_run: bool, report_file: str | None,
            as_json: bool) -> int:
    """Import markdown files or saved pages (files and folders)."""
    with session.opened() as store:
        # Proven (a password), as the core trusts whom it is told: an admin's proof is
        # what lets an old site's published pages come in published.
        user = acting_user(store, as_user)
        actor = user.id if user else None
        if channel:
            store.channels.find(channel)
        tz = store.settings().timezone
        report = importers.import_paths(store, list(paths), actor_id=actor, channel=channel,
                                        dry_run=dry_run)
    rows = [r.summary(tz) for r in report.rows]
    if report_file:
        _write_csv(report_file, rows)
    if as_json:
        print_json(rows)
    else:
        _print(report, rows, dry_run)
    return PROBLEMS if report.failed else OK


def _write_csv(path: str, rows: list[dict]) -> None:
    try:
        # utf-8-sig: Excel on Windows reads the Chinese right only with the BOM.
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            out = csv.DictWriter(f, CSV_COLUMNS)
            out.writeheader()
            for row in rows:
                out.writerow({**row, "warnings": "；".join(row["warnings"])})
    except OSError as e:
        raise CliError(_("cannot write {path}: {why}", path=path, why=e.strerror or e)) from None


def _print(report, rows: list[dict], dry_run: bool) -> None:
    for r, row in zip(report.rows, rows):
        if r.outcome == "failed":
            print(_("failed {path}: {why}", path=r.file, why=r.why), file=sys.stderr)
            continue
        if r.outcome == "skipped":
            print(_("skipped {path}: {why}", path=r.file, why=r.why))
            continue
        if r.outcome == "imported":
            print(_("imported {path} → {id} ({state})", path=r.file, id=r.article_id[:8],
                    state=state_name(r.state)))
        else:
            print(_("would import {path}", path=r.file))
        if dry_run or row["warnings"]:
            print("  " + _("{headline} | {time} | 来源 {source} | {chars} 字 | {start}",
                           headline=row["headline"], time=row["time"] or "—",
                           source=row["source"] or "—", chars=row["chars"],
                           start=row["start"]))
        for w in row["warnings"]:
            print("  " + _("待核对: {warning}", warning=w))
        if r.why:
            print("  " + r.why)
    if dry_run:
        print(_("{count} would be imported ({doubtful} 待核对), {failed} failed; "
                "nothing was written",
                count=len(report.of("would import")), doubtful=len(report.doubtful),
                failed=len(report.failed)))
    else:
        print(_("{imported} imported, {skipped} skipped, {failed} failed",
                imported=len(report.imported), skipped=len(report.skipped),
                failed=len(report.failed)))


@click.group("imported")
def imported() -> None:
    """Imported stories to check (待核对): pages that were hard to read."""


@imported.command("list")
@json_option
@with_db
def imported_list(session: Session, as_json: bool) -> int:
    """The 待核对 list, oldest first."""
    with session.opened() as store:
        pending = store.doubts.pending()
    if as_json:
        print_json([{**p, "doubts": [str(Doubt(**d)) for d in p["doubts"]]} for p in pending])
        return OK
    rows = [[_("id"), _("state"), _("headline"), _("file"), _("to check")]]
    rows += [[p["article_id"][:8], state_name(p["state"]), p["title"], p["file"],
              "；".join(str(Doubt(**d)) for d in p["doubts"])] for p in pending]
    table(rows)
    print(_("{count} to check", count=len(pending)))
    return OK


@imported.command("done")
@click.argument("story")
@acting_option(required=False, help_text="who checked it")
@with_db
def imported_done(session: Session, story: str, as_user: str | None) -> int:
    """Mark an imported story as checked (off the 待核对 list)."""
    with session.opened() as store:
        article = store.articles.get(store.articles.resolve_id(story))
        if not store.doubts.clear(article.id):
            raise CliError(_("“{title}” is not on the 待核对 list", title=article.title))
    print(_("checked: {title}", title=article.title))
    return OK


COMMANDS = [import_, imported]
