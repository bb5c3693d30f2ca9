"""How a story and its review history read, for the command line (text and JSON) and
the app's review panel alike: one shape, so both say the same."""
from __future__ import annotations

from dataclasses import asdict

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.i18n import N_, _
from newsdesk.review.meta import meta_line
from newsdesk.model import Role, State, field_label, state_name
from newsdesk.text.render import char_count
from newsdesk.store import Store


def story(store: Store, article_id: str) -> dict:
    """The story's fields with its channel, topics, author, 字数 and meta line."""
    a = store.articles.get(article_id)
    channel = store.channels.get(a.channel_id) if a.channel_id else None
    topics = {t.id: t for t in store.channels.topics()}
    return asdict(a) | {
        "channel": {"slug": channel.slug, "name": channel.name} if channel else None,
        "topics": [{"slug": topics[t].slug, "name": topics[t].name} for t in a.topics],
        "author": store.users.get(a.author_id).real_name if a.author_id else None,
        "char_count": char_count(a.body),
        "meta": meta_line(store, a),
        "correction": pending_correction(a),
    }


def revision_name(number: int) -> str:
    """A revision as the app's history names it (第 2 版)."""
    return _("revision {n}", n=number)


def pending_correction(article) -> str | None:
    """The note of the 更正 under way (not yet published), else None."""
    return article.corrections[-1]["note"] if workflow.correction_pending(article) else None


def correcting(state: str, note: str | None) -> bool:
    """A published story reopened for 更正 and not yet out again: still live, whatever
    its draft's state (note: its pending correction's note)."""
    return bool(note) and state not in (State.PUBLISHED, State.WITHDRAWN)


def reopened(state: str, note: str | None) -> bool:
    """Being corrected and not yet sent for review: named as live and under correction
    (已发布·更正中), not 草稿; a correction in review says its stage."""
    return correcting(state, note) and state in (State.DRAFT, State.RETURNED)


def state_text(state: str, note: str | None = None) -> str:
    """A story's state as people say it, a correction under way included."""
    if reopened(state, note):
        return _("published, being corrected")
    if correcting(state, note):
        return _("correction {state}", state=state_name(state))
    return state_name(state)


def role_names(store: Store) -> dict[str, str]:
    """Each role as the newsroom calls it (the app and the CLI alike): the review
    stages by their names."""
    names = {Role.EDITOR.value: _("Editor"), Role.ADMIN.value: _("Admin")}
    for stage in workflow.stages(store):
        names[stage["role"]] = stage["name"]
    return {r.value: names.get(r.value, r.value) for r in Role}


# What each review event is called (the app and the CLI's table; in Chinese 送审, 撤回,
# 签审通过, 退回, 审改, 签审作废, 发布, 撤稿, 更正, 导入).
ACTIONS = {"submit": N_("sent to review"), "recall": N_("recalled"),
           "approve": N_("signed off"), "return": N_("sent back"),
           "revise": N_("revised in review"), "void": N_("sign-offs voided"),
           "publish": N_("put online"), "withdraw": N_("withdrawal"),
           "correction": N_("correction"), "imported": N_("imported")}


def _comment(e) -> str:
    """An event's comment; those the program wrote read in the current language."""
    if e.kind in ("revise", "void") and "fields" in e.detail:
        return _("edited {fields}",
                 fields=_(", ").join(field_label(f) for f in e.detail["fields"]))
    if e.kind == "imported" and "file" in e.detail:
        return _("imported from {file}", file=e.detail["file"])
    return e.comment


def history(store: Store, article_id: str) -> list[dict]:
    """The review timeline, oldest first: when (outlet time), what (kind, and the
    action as the newsroom says it), which stage, who (an imported page's event names
    the editor the page carried), which revision."""
    tz = store.settings().timezone
    events = store.events.of(article_id)
    names = store.users.names(e.actor_id for e in events)
    return [{"seq": e.seq, "at": times.local_text(e.at, tz), "kind": e.kind,
             "action": _(ACTIONS[e.kind]) if e.kind in ACTIONS else e.kind,
             "stage": e.stage, "stage_name": workflow.stage_name(store, e.stage),
             "actor": names.get(e.actor_id, "") or e.detail.get("editor", ""),
             "revision": e.revision, "comment": _comment(e), "detail": e.detail,
             "hash": e.hash}
            for e in events]


def last_return(store: Store, article_id: str) -> dict | None:
    """The latest return (退回) of a story as history() shows it: who, which stage,
    when and why; None if it was never returned."""
    returns = [e for e in history(store, article_id) if e["kind"] == "return"]
    return returns[-1] if returns else None
