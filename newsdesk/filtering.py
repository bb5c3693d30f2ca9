"""A story filter from what a person types or picks: channel and topic by name or
slug, people by username or name, dates as outlets write them. The app's filter bar
and the command line's options both come through here, so both refuse the same
things with the same words."""
from __future__ import annotations

from datetime import timedelta

from newsdesk import times
from newsdesk.errors import NewsdeskError
from newsdesk.model import Origin, SavedSearch, State, StoryFilter, User
from newsdesk.store import Store


def _day(text: str, tz: str, after: bool = False) -> str:
    """The start of a day (or of the day after it), as stored: '2026-11-01' or a time."""
    try:
        start = times.parse_local(text, tz)
    except ValueError:
        raise NewsdeskError("{text!r} is not a date (e.g. 2026-11-01)", text=text) from None
    if after and len(text.strip()) <= 11:  # a whole day: up to the next midnight
        return times.to_stored(times.from_stored(start) + timedelta(days=1))
    return start


def build(store: Store, *, channel: str | None = None, state: str | None = None,
          since: str | None = None, until: str | None = None, person: str | None = None,
          author: str | None = None, source: str | None = None,
          origin: str | None = None, topic: str | None = None,
          has_image: bool | None = None) -> StoryFilter:
    """The StoryFilter for these choices (None or empty: any); `until` includes its
    day. NewsdeskError names what is not known."""
    tz = store.settings().timezone
    if state and state not in set(State):
        raise NewsdeskError("unknown state {state!r}", state=state)
    if origin and origin not in set(Origin):
        raise NewsdeskError("origin is original or reprint, not {origin!r}", origin=origin)
    return StoryFilter(
        channel_id=store.channels.find(channel).id if channel else None,
        state=state or None,
        since=_day(since, tz) if since else None,
        until=_day(until, tz, after=True) if until else None,
        person_id=store.users.find(person).id if person else None,
        author_id=store.users.find(author).id if author else None,
        source=source.strip() if source and source.strip() else None,
        origin=origin or None,
        topic_id=store.channels.find_topic(topic).id if topic else None,
        has_image=has_image)


def save_search(store: Store, user: User, name: str, query: str, f: StoryFilter) -> SavedSearch:
    """保存搜索: the signed-in user's, under a name (the same name replaces it)."""
    return store.saved.save(user.id, name, query, f)


def forget_search(store: Store, user: User, saved_id: str) -> None:
    """One of the user's own saved searches, deleted."""
    store.saved.remove(user.id, saved_id)
