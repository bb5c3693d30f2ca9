"""回收站: who may delete a draft, restore it or empty the bin. Only drafts that were
never submitted are deleted; anything with a review history stays on record."""
from __future__ import annotations

from datetime import timedelta

from newsdesk import times
from newsdesk.model import Article, Role, State, User
from newsdesk.store import Store
from newsdesk.review.workflow import RuleError

BIN_DAYS = 30  # how long a deleted draft waits in the recycle bin


def delete_draft(store: Store, article_id: str, actor: User,
                 now: str | None = None) -> Article:
    """A draft that was never submitted goes to the recycle bin (回收站). A story with
    a review history is never deleted: once out, it is withdrawn (撤稿)."""
    article = store.articles.get(article_id)
    if article.state != State.DRAFT or store.events.of(article_id):
        raise RuleError("only drafts that were never submitted are deleted; a story with "
                        "a review history stays on record (withdraw it once it is out) "
                        "(rule: delete)")
    if actor.id != article.author_id and not {Role.EDITOR, Role.ADMIN} & set(actor.roles):
        raise RuleError("{name} is neither the author nor an editor (rule: delete)",
                        name=actor.real_name)
    store.bin.put(article, actor.id, now or times.now())
    return article


def restore_draft(store: Store, article_id: str, actor: User) -> Article:
    """Take a deleted draft back out of the recycle bin."""
    item = store.bin.get(article_id)
    if actor.id not in (item["author_id"], item["deleted_by"]) \
            and not {Role.EDITOR, Role.ADMIN} & set(actor.roles):
        raise RuleError("{name} is neither the author nor an editor (rule: delete)",
                        name=actor.real_name)
    return store.bin.take_back(article_id)


def empty_bin(store: Store, actor: User | None, now: str | None = None) -> int:
    """Purge the recycle bin: everything, by an admin; or (actor None) what has waited
    there BIN_DAYS, as the app does when it starts."""
    if actor is None:
        cutoff = times.to_stored(times.from_stored(now or times.now())
                                 - timedelta(days=BIN_DAYS))
        return store.bin.purge(deleted_before=cutoff)
    if Role.ADMIN not in actor.roles:
        raise RuleError("{name} is not an admin; only admins empty the recycle bin (rule: "
                        "delete)", name=actor.real_name)
    return store.bin.purge()
