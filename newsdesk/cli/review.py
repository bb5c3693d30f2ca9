"""Review (三审): each action acts as a named user, under the same rules as the app; a
refused action names the rule (exit 2). Also the history and the audit of its chain."""
from __future__ import annotations

import click

from newsdesk import present
from newsdesk.review import workflow
from newsdesk.review.audit import audit as audit_chains
from newsdesk.cli.common import (
    OK, PROBLEMS, Session, acting_option, acting_user, json_option, password_of, print_json,
    table, with_db,
)
from newsdesk.i18n import N_, _
from newsdesk.store import Store

story_argument = click.argument("article_id", metavar="ID")


def _report(store: Store, verb: str, t: workflow.Transition) -> int:
    a = t.article
    stage = workflow.stage_name(store, a.review_stage)
    where = _("waiting for {stage}", stage=stage) if stage else present.state_text(
        a.state, present.pending_correction(a))
    print(_("{verb} {id} {title} (revision {revision}) → {where}", verb=_(verb), id=a.id[:8],
            title=a.title, revision=t.event.revision, where=where))
    return OK


def _act(session: Session, article_id: str, as_user: str, verb: str, action) -> int:
    """Resolve the story and the acting user, do the action, say what it changed."""
    with session.opened() as store:
        story = store.articles.resolve_id(article_id)
        user = acting_user(store, as_user)
        return _report(store, verb, action(store, story, user))


@click.command()
@story_argument
@acting_option()
@click.option("--comment", default="")
@with_db
def submit(session: Session, article_id: str, as_user: str, comment: str) -> int:
    """Submit a draft for review."""
    return _act(session, article_id, as_user, N_("submitted"),
                lambda store, story, user: workflow.submit(store, story, user, comment))


@click.command()
@story_argument
@acting_option()
@click.option("--comment", default="")
@with_db
def recall(session: Session, article_id: str, as_user: str, comment: str) -> int:
    """Take a submitted story back to draft (撤回; its author, before the first sign-off)."""
    return _act(session, article_id, as_user, N_("recalled"),
                lambda store, story, user: workflow.recall(store, story, user, comment))


@click.command()
@story_argument
@acting_option()
@click.option("--comment", default="")
@with_db
def approve(session: Session, article_id: str, as_user: str, comment: str) -> int:
    """Sign off the story's current review stage."""
    return _act(session, article_id, as_user, N_("approved"),
                lambda store, story, user: workflow.approve(store, story, user,
                                                            password_of(user), comment))


@click.command("return")
@story_argument
@acting_option()
@click.option("--reason", required=True)
@with_db
def return_(session: Session, article_id: str, as_user: str, reason: str) -> int:
    """Return the story to its author, with a reason."""
    return _act(session, article_id, as_user, N_("returned"),
                lambda store, story, user: workflow.return_story(store, story, user, reason,
                                                                 password_of(user)))


@click.command()
@story_argument
@acting_option()
@click.option("--reason", required=True)
@with_db
def withdraw(session: Session, article_id: str, as_user: str, reason: str) -> int:
    """Withdraw (撤稿) a story, admins only."""
    return _act(session, article_id, as_user, N_("withdrew"),
                lambda store, story, user: workflow.withdraw(store, story, user, reason,
                                                             password_of(user)))


@click.command()
@story_argument
@acting_option()
@click.option("--note", required=True, help="the 更正 note the page will carry")
@with_db
def correct(session: Session, article_id: str, as_user: str, note: str) -> int:
    """Reopen a published story for a correction."""
    return _act(session, article_id, as_user, N_("reopened for correction"),
                lambda store, story, user: workflow.begin_correction(store, story, user, note))


@click.command()
@story_argument
@json_option
@with_db
def history(session: Session, article_id: str, as_json: bool) -> int:
    """A story's review history."""
    with session.opened() as store:
        rows = present.history(store, store.articles.resolve_id(article_id))
    if as_json:
        print_json(rows)
    else:
        table([[str(r["seq"]), r["at"][:16], r["action"], r["stage_name"], r["actor"],
                present.revision_name(r["revision"]) if r["revision"] else "", r["comment"]]
               for r in rows])
    return OK


@click.command()
@with_db
def audit(session: Session) -> int:
    """Verify the review history: hash chains, signatures, what live stories' sign-offs
    vouch for, accounts (exit 1 on a problem)."""
    with session.opened() as store:
        problems = audit_chains(store)
        checked = store.events.count()
    if not problems:
        print(_("review history intact: {checked} events checked", checked=checked))
        return OK
    for p in problems:
        if p.username:
            print(_("user {username}: {reason}", username=p.username, reason=p.reason))
        elif not p.event_id:
            print(_("article {article_id}: {reason}", article_id=p.article_id,
                    reason=p.reason))
        else:
            print(_("article {article_id} event {event_id} (seq {seq}): {reason}",
                    article_id=p.article_id, event_id=p.event_id, seq=p.seq,
                    reason=p.reason))
    print(_("{count} problem(s) in {checked} events", count=len(problems),
            checked=checked))
    return PROBLEMS


COMMANDS = [submit, recall, approve, return_, withdraw, correct, history, audit]
