"""Settling a sync conflict: a field or paragraph two seats changed at once, where the
later change stands and the other waits here. Keep what stands, take the other, or
put both into the story's text, marked, to settle by hand in the editor (as a save
overtaken by another does). Story edits go through the workflow's rules."""
from __future__ import annotations

import json

from newsdesk.review import workflow
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import _
from newsdesk.model import CONTENT_FIELDS, Article, User
from newsdesk.store import Store

KEPT, OTHER = "【保留的版本】", "【另一版本】"


def shown(value, roles: dict[str, str] | None = None) -> str:
    """A conflict's value as a person reads it: text as it is, an account as who it is
    and what they may do (roles: each role's name), anything else as JSON."""
    if isinstance(value, dict) and "username" in value:
        held = "、".join((roles or {}).get(r, r) for r in value["roles"]) or _("no role")
        closed = "" if value["active"] else _(" (closed)")
        return f"{value['real_name']}（{value['username']}）：{held}{closed}"
    if value is None:
        return _("(none)")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def keep(store: Store, conflict_id: str) -> dict:
    """What stands stays; the conflict is gone (here now, elsewhere at the next sync)."""
    conflict = store.syncing.conflict(conflict_id)
    store.syncing.settle(conflict["id"])
    return conflict


def take_other(store: Store, conflict_id: str, user: User) -> Article:
    """The change that lost replaces the one that stood."""
    conflict, article = _story_conflict(store, conflict_id)
    if conflict["field"] == "body":
        value = _replaced(article.body, conflict["kept"], conflict["other"])
    else:
        value = conflict["other"]
    return _edit(store, conflict, article, value, user)


def mark_both(store: Store, conflict_id: str, user: User) -> Article:
    """Both versions of the place in the body, marked, for the editor to settle."""
    conflict, article = _story_conflict(store, conflict_id)
    if conflict["field"] != "body":
        raise NewsdeskError("only a conflict in the body is marked in the text; take the "
                            "other value of {field} or keep it", field=conflict["field"])
    both = "\n\n".join([KEPT, conflict["kept"], OTHER, conflict["other"]])
    return _edit(store, conflict, article,
                 _replaced(article.body, conflict["kept"], both), user)


def _story_conflict(store: Store, conflict_id: str) -> tuple[dict, Article]:
    conflict = store.syncing.conflict(conflict_id)
    if conflict["title"] is None or conflict["field"] not in CONTENT_FIELDS:
        raise NewsdeskError("this conflict is not in a story's text: keep it, and change "
                            "{record} in the admin dialog if the other value was right",
                            record=conflict["record"])
    return conflict, store.articles.get(conflict["record"])


def _replaced(body: str, kept: str, new: str) -> str:
    if not kept or kept not in body:
        raise NewsdeskError("the kept text is no longer in the story (edited since): open "
                            "the story and settle it by hand, then keep the conflict")
    return body.replace(kept, new, 1)


def _edit(store: Store, conflict: dict, article: Article, value, user: User) -> Article:
    story, _changed = workflow.edit(store, article.id, {conflict["field"]: value}, user)
    store.syncing.settle(conflict["id"])
    return story
