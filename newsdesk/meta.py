"""The names a published page prints in its meta line (编辑, 审核), taken from the
records: the responsible editor's user, the final-stage sign-off in the review
history, or, for imported archive pages, the names the page carried."""
from __future__ import annotations

from newsdesk import times
from newsdesk.errors import NotFound
from newsdesk.model import Article
from newsdesk.store import Store

DEFAULT_STAGES = [
    {"name": "初审", "role": "reviewer1"},
    {"name": "复审", "role": "reviewer2"},
    {"name": "终审", "role": "reviewer3"},
]


def review_stages(site: dict) -> list[dict]:
    return site.get("review_stages") or DEFAULT_STAGES


def _real_name(store: Store, user_id: str | None) -> str:
    if not user_id:
        return ""
    try:
        return store.user(user_id).real_name
    except NotFound:
        return ""


def meta_line(store: Store, article: Article, site: dict | None = None) -> dict:
    """{'published_at', 'source', 'editor', 'reviewer'} as the page shows them."""
    site = store.site() if site is None else site
    final = len(review_stages(site))
    events = store.events(article.id)
    imported = next((e.detail for e in reversed(events) if e.kind == "imported"), {})
    # The last final-stage sign-off; an edit after it voids it (the workflow's rule), so
    # a later one supersedes it.
    approver = next((e.actor_id for e in reversed(events)
                     if e.kind == "approve" and e.stage == final), None)
    return {
        "published_at": times.local_text(article.first_published_at or article.publish_at,
                                         site.get("timezone", times.DEFAULT_TZ)),
        "source": article.source or site.get("name", ""),
        "editor": _real_name(store, article.editor_id) or imported.get("editor", ""),
        "reviewer": _real_name(store, approver) or imported.get("reviewer", ""),
    }
