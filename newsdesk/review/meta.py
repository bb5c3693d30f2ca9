"""The names a published page prints in its meta line (编辑, 审核), taken from the
records: the responsible editor's user, the final-stage sign-off in the review
history, or, for imported archive pages, the names the page carried."""
from __future__ import annotations

from newsdesk import times
from newsdesk.model import Article
from newsdesk.settings import SiteSettings
from newsdesk.store import Store


def meta_lines(store: Store, articles: list[Article], site: SiteSettings | None = None,
               names: dict[str, str] | None = None) -> dict[str, dict]:
    """article id → {'published_at', 'source', 'editor', 'reviewer'} as pages show them.
    A later final-stage sign-off supersedes an earlier one (an edit voids sign-offs).
    names (user id → real name) may be given by callers that render many pages."""
    site = store.settings() if site is None else site
    ids = [a.id for a in articles]
    approvers, imported = store.events.signers(ids, len(site.review_stages))
    if names is None:
        names = store.users.names([a.editor_id for a in articles] + list(approvers.values()))
    return {a.id: {
        "published_at": times.local_text(a.first_published_at or a.publish_at, site.timezone),
        "source": a.source or site.name,
        "editor": names.get(a.editor_id, "") or imported.get(a.id, {}).get("editor", ""),
        "reviewer": names.get(approvers.get(a.id), "")
        or imported.get(a.id, {}).get("reviewer", ""),
    } for a in articles}


def meta_line(store: Store, article: Article, site: SiteSettings | None = None) -> dict:
    return meta_lines(store, [article], site)[article.id]
