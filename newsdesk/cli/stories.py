"""Stories: a new database, importing, listing, searching, showing, 机审."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from newsdesk import checks, filtering, importers, present, times
from newsdesk.review import workflow
from newsdesk.cli.common import (
    OK, PROBLEMS, CliError, Session, acting_option, acting_user, channel_name, filter_options,
    json_option, print_json, read_text, table, with_db,
)
from newsdesk.demo import load_demo, load_starter_words
from newsdesk.i18n import _, pick
from newsdesk.model import field_label
from newsdesk.store import Store
from newsdesk.store.search import SORTS


@click.command()
@click.option("--demo", is_flag=True, help="fill it with the demo newsroom")
@with_db
def init(session: Session, demo: bool) -> int:
    """Create a database."""
    path = session.path
    with session.opened(must_exist=False) as store:
        if demo:
            if not store.is_empty():
                raise CliError("{path} already has content; demo data goes into a new database",
                               path=path)
            n = load_demo(store)
            print(_("created {path} with the demo newsroom ({n} stories). It is a demo: "
                    "its reviewers and admin have no passwords, so anyone can sign as "
                    "them; start a real newsroom in a new database", path=path, n=n))
        else:
            if not store.checks.terms():
                load_starter_words(store)
            print(_("ready: {path}", path=path))
    return OK


def _summary(store: Store, a, channels: dict, tz: str) -> dict:
    return {"id": a.id, "state": a.state, "review_stage": a.review_stage,
            "channel": channel_name(store, a.channel_id, channels),
            "date": times.local_text(a.first_published_at or a.publish_at or a.updated_at, tz),
            "title": a.title, "public_path": a.public_path,
            "correction": present.pending_correction(a)}


@click.command("list")
@filter_options
@click.option("--author", help="username or real name")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@json_option
@with_db
def list_(session: Session, author: str | None, limit: int, offset: int, as_json: bool,
          **filters) -> int:
    """List stories, newest first, narrowed by the filters."""
    with session.opened() as store:
        f = filtering.build(store, author=author, **filters)
        ids = store.articles.matching(f, limit=limit, offset=offset)
        tz, channels = store.settings().timezone, {}
        rows = [_summary(store, a, channels, tz) for a in store.articles.many(ids)]
    if as_json:
        print_json(rows)
    else:
        table([[r["id"][:8], present.state_text(r["state"], r["correction"]), r["date"][:16],
                r["channel"], r["title"]] for r in rows])
    return OK


@click.command()
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("--sort", type=click.Choice(SORTS), default="newest", show_default=True,
              help="relevance: headline matches first, then how much of the query")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--offset", type=int, default=0)
@json_option
@with_db
def search(session: Session, query: tuple[str, ...], sort: str, limit: int, offset: int,
           as_json: bool, **filters) -> int:
    """Full-text search: words all match, "a phrase" in quotes, -word left out;
    one- and two-character Chinese queries too."""
    text = " ".join(query)
    with session.opened() as store:
        f = filtering.build(store, **filters)
        hits = store.search.find(text, f, sort=sort, limit=limit, offset=offset)
        total, exact = store.search.count(text, f)
        tz, channels = store.settings().timezone, {}
        rows = [asdict(h) | {"channel": channel_name(store, h.channel_id, channels),
                             "date": times.local_text(h.date, tz)} for h in hits]
    if as_json:
        print_json(rows)
    elif not rows:
        print(_("no story matches {text!r}", text=text))
    else:
        for r in rows:
            print(f"{r['article_id'][:8]}  {r['date'][:10]}  {r['channel']}  {r['title']}")
            print(f"          {r['snippet']}")
        print(_("{total} stories match", total=total) if exact
              else _("more than {total} stories match", total=total))
    return OK


@click.command()
@click.argument("article_id", metavar="ID")
@json_option
@with_db
def show(session: Session, article_id: str, as_json: bool) -> int:
    """Show one story (ID: an article id or a unique prefix of it)."""
    with session.opened() as store:
        data = present.story(store, store.articles.resolve_id(article_id))
    if as_json:
        print_json(data)
        return OK
    meta = data["meta"]
    for line in (data["kicker"], data["title"], data["subtitle"]):
        if line:
            print(line)
    print(f"发布时间:{meta['published_at']}  来源:{meta['source']}  "
          f"编辑:{meta['editor']}  审核:{meta['reviewer']}")
    print()
    print(data["body"])
    if data["reporters"]:
        print(f"（记者{'、'.join(data['reporters'])}）")
    print()
    state = present.state_text(data["state"], data["correction"])
    print(f"id {data['id']} · {state} · "
          f"{(data['channel'] or {}).get('name', '')} · "
          + _("{chars} characters · revision {revision}", chars=data["char_count"],
              revision=data["revision"])
          + (f" · {data['public_path']}" if data["public_path"] else ""))
    return OK


@click.command()
@click.argument("target", metavar="ID|FILE")
@json_option
@with_db
def check(session: Session, target: str, as_json: bool) -> int:
    """Machine checks (机审) of a story or a file; exit 1 if blocked."""
    with session.opened() as store:
        path = Path(target)
        if path.suffix.lower() in importers.SUPPORTED and path.exists():
            article = importers.as_article(store, path)
        else:
            article = store.articles.get(store.articles.resolve_id(target))
        report = checks.run_checks(store, article)
    if as_json:
        print_json(report.to_dict())
    else:
        for f in report.findings:
            label = field_label(f.field)
            where = f"{label}[{f.start}:{f.end}]" if f.end else label
            fix = f" → “{f.suggestion}”" if f.suggestion else ""
            mark = _(" (accepted: {note})", note=f.note) if f.accepted else ""
            print(f"{f.severity:5}  {where:18}  {pick(f.message, f.message_en)}{fix}{mark}")
        if report.char_count < checks.RATED_FROM:
            print(_("{verdict}: {count} findings in {chars} characters (under {least}: no "
                    "error rate)", verdict=report.verdict, count=len(report.findings),
                    chars=report.char_count, least=checks.RATED_FROM))
        else:
            print(_("{verdict}: {count} findings, {rate:.1f} per 10,000 characters "
                    "(threshold {threshold:g}) in {chars} characters", verdict=report.verdict,
                    count=len(report.findings), rate=report.error_rate,
                    threshold=report.threshold, chars=report.char_count))
    return PROBLEMS if report.blocking else OK


@click.command()
@click.argument("article_id", metavar="ID")
@acting_option()
@click.option("--title", help="the new headline")
@click.option("--body-file", metavar="FILE",
              help="the new markdown body, UTF-8 ('-': standard input)")
@with_db
def edit(session: Session, article_id: str, as_user: str, title: str | None,
         body_file: str | None) -> int:
    """Change a story's headline or body, under the rules the app's editor obeys."""
    changes = {"title": title} if title else {}
    if body_file is not None:
        changes["body"] = read_text(body_file)
    if not changes:
        raise CliError("nothing to change: give --title or --body-file")
    with session.opened() as store:
        article, changed = workflow.edit(store, store.articles.resolve_id(article_id),
                                         changes, acting_user(store, as_user), checkpoint="edit")
    what = _("changed {fields} (revision {revision})",
             fields=_(", ").join(field_label(f) for f in changed),
             revision=article.revision) if changed else _("nothing changed")
    print(f"{article.id[:8]} {article.title}: {what}")
    return OK


COMMANDS = [init, list_, search, show, check, edit]
