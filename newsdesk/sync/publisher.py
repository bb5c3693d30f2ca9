"""Who publishes in a newsroom of many seats: one seat, named in the repository
(newsroom.toml), numbers stories, fixes their public paths and exports and uploads the
site — two seats numbering at once would give two stories one number. A database that
is not part of a newsroom is its own publisher."""
from __future__ import annotations

from newsdesk.errors import NewsdeskError
from newsdesk.store import Store


class NotThePublisher(NewsdeskError):
    pass


def is_publisher(store: Store) -> bool:
    marks = store.syncing
    return not marks.mark("remote") or marks.mark("publisher") == marks.mark("seat")


def require_publisher(store: Store) -> None:
    if not is_publisher(store):
        raise NotThePublisher(
            "only the newsroom's publisher seat ({name}) publishes: it numbers the stories "
            "and uploads the site; this seat's sign-offs reach it at the next sync",
            name=store.syncing.mark("publisher_name") or "?")
