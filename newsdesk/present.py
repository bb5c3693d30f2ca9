"""How a story and its review history read, for the command line (text and JSON) and
the app's review panel alike: one shape, so both say the same."""
from __future__ import annotations

from dataclasses import asdict

from newsdesk import times, workflow
from newsdesk.meta import meta_line
from newsdesk.render import char_count
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
    }


# What each review event is called in the newsroom (the app and the CLI's table).
ACTIONS = {"submit": "送审", "recall": "撤回", "approve": "签审通过", "return": "退回",
           "revise": "审改", "void": "签审作废", "publish": "发布", "withdraw": "撤稿",
           "correction": "更正", "imported": "导入"}


def history(store: Store, article_id: str) -> list[dict]:
    """The review timeline, oldest first: when (outlet time), what (kind, and the
    action as the newsroom says it), which stage, who (an imported page's event names
    the editor the page carried), which revision."""
    tz = store.settings().timezone
    events = store.events.of(article_id)
    names = store.users.names(e.actor_id for e in events)
    return [{"seq": e.seq, "at": times.local_text(e.at, tz), "kind": e.kind,
             "action": ACTIONS.get(e.kind, e.kind),
             "stage": e.stage, "stage_name": workflow.stage_name(store, e.stage),
             "actor": names.get(e.actor_id, "") or e.detail.get("editor", ""),
             "revision": e.revision, "comment": e.comment, "detail": e.detail,
             "hash": e.hash}
            for e in events]


def last_return(store: Store, article_id: str) -> dict | None:
    """The latest return (退回) of a story as history() shows it: who, which stage,
    when and why; None if it was never returned."""
    returns = [e for e in history(store, article_id) if e["kind"] == "return"]
    return returns[-1] if returns else None
