"""Demo content: a small working newsroom (channels, users, footer settings and a dozen
stories in every state), so a new user's first look is not an empty window. The data
lives in resources/demo/; this module only loads it and gives each story the review
history its state implies. A story's time is a day counted from the day the demo is made
and an hour of that day in the outlet's zone (demo_days, demo_time), so the demo looks
the same whenever it is made: its scheduled story ahead, the rest in the days before."""
from __future__ import annotations

import tomllib
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.checks.words import parse_list
from newsdesk.importers import frontmatter
from newsdesk.importers.decode import decode
from newsdesk.importers.story import carried_fields
from newsdesk.model import ListEntry, Role
from newsdesk.paths import resource
from newsdesk.settings import SiteSettings
from newsdesk.store import Store


def load_demo(store: Store, stories: bool = True, now: datetime | None = None) -> int:
    """Fill an empty database with the demo newsroom (site settings, users, channels,
    topics and, unless stories is False, the demo stories, dated from now: an aware
    datetime, by default the real clock's). Returns the story count."""
    now = now or datetime.now(timezone.utc)
    data = tomllib.loads(resource("demo", "site.toml").read_text("utf-8"))
    with store.transaction():
        store.set_settings(data["site"])
        users = {u["username"]: store.users.add(u["username"], u["real_name"], u["roles"])
                 for u in data["users"]}
        for c in data["channels"]:
            store.channels.add(c["slug"], c["name"], parent=c.get("parent"),
                              kind=c.get("kind", "list"), url=c.get("url"))
        for t in data["topics"]:
            store.channels.add_topic(t["slug"], t["name"], t.get("description", ""))
        load_starter_words(store)
        store.checks.set_entries("names", [ListEntry(n["name"], n["titles"], "演示")
                                           for n in data["names"]], None)
        files = sorted(resource("demo", "articles").glob("*.md")) if stories else []
        for path in files:
            _load_story(store, decode(path.read_bytes()), users, store.settings(), now)
    return len(files)


def load_starter_words(store: Store) -> int:
    """The shipped starter word list (机审), for a new newsroom."""
    text = resource("wordlists", "starter.txt").read_text("utf-8")
    return store.checks.set_terms(parse_list(text), None)


def _reviewers(users: dict, site: SiteSettings) -> list:
    """The first user holding each stage's role, stage by stage."""
    return [next(u for u in users.values() if s["role"] in u.roles)
            for s in site.review_stages]


def _pictured(store: Store, demo: dict, author: str) -> dict:
    """A demo story's cover picture (resources/demo/pictures) and 头条 mark."""
    values = {"pinned": bool(demo.get("demo_pinned"))}
    if demo.get("demo_cover"):
        path = resource("demo", "pictures", demo["demo_cover"])
        link = store.assets.add(path.read_bytes(), path.name, "image/jpeg", author)
        values["cover_asset_id"] = link.removeprefix("assets/").split(".")[0]
    return values


def _dated(demo: dict, now: datetime, tz: str) -> datetime | None:
    """A story's time: demo_days from the demo's day, at demo_time in the outlet's zone."""
    if "demo_days" not in demo:
        return None
    today = now.astimezone(ZoneInfo(tz)).date()
    return datetime.combine(today + timedelta(days=demo["demo_days"]),
                            time.fromisoformat(demo["demo_time"]), ZoneInfo(tz))


def _load_story(store: Store, text: str, users: dict, site: SiteSettings,
                now: datetime) -> None:
    demo, _ = frontmatter.split(text)
    story = frontmatter.parse(text, site.timezone)
    author = users[demo["demo_author"]].id
    state = demo["demo_state"]
    when = _dated(demo, now, site.timezone)
    # Its history ends at its time, or now for one still ahead or undated.
    end = min(when, now) if when else now

    def at(hours_before: float) -> str:
        return times.to_stored(end - timedelta(hours=hours_before))

    article = store.articles.create(
        author, at=at(5), **carried_fields(story), **_pictured(store, demo, author),
        channel_id=store.channels.find(story.channel).id, origin=story.origin or "original",
        editor_id=users[story.editor].id if story.editor else None,
        topics=[store.channels.find_topic(t).id for t in story.topics],
        publish_at=times.to_stored(when) if when else None)
    if state == "draft":
        return
    workflow.submit(store, article.id, users[demo["demo_author"]], now=at(4))
    reviewers = _reviewers(users, site)
    if state == "returned":
        workflow.return_story(store, article.id, reviewers[0], demo["demo_return_reason"],
                              now=at(3))
        return
    # demo_stage: the stage the story waits at; a submitted one waits at the first.
    waiting = demo.get("demo_stage", 1 if state == "submitted" else len(reviewers) + 1)
    for stage, reviewer in enumerate(reviewers[:waiting - 1], 1):
        workflow.approve(store, article.id, reviewer, now=at(4 - stage))
    if state == "published":
        # Put online by an admin's publication, as in the app (not by who signed last).
        publisher = next(u for u in users.values() if Role.ADMIN in u.roles)
        workflow.publish(store, article.id, publisher, now=at(0))
