"""Channels (栏目, a tree; list channels hold stories, link channels point elsewhere)
and topics (专题, which stories join across channels)."""
from __future__ import annotations

import re
from dataclasses import asdict, replace
from typing import Iterable

from newsdesk import times, urls
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.i18n import N_, _
from newsdesk.ids import new_id
from newsdesk.model import Channel, ChannelKind, Topic
from newsdesk.store._sql import Repository, stamp

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")


def validate_slug(slug: str, what: str) -> str:
    """Slugs become path segments of the exported site: plain lowercase ASCII only."""
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise NewsdeskError(
            "{what} slug {slug!r} is not allowed: use lowercase ASCII letters, "
            "digits, '-' or '_' (no '/', no '..', no Chinese)", what=_(what), slug=slug)
    return slug


def _tree_order(nodes: list[tuple[str, str | None]]) -> list[int]:
    """Indexes of (id, parent id) nodes given in sibling order, each parent before its
    children, depth first. Iterative: a deep tree is legal input."""
    children: dict[str | None, list[int]] = {}
    for i, (_id, parent) in enumerate(nodes):
        children.setdefault(parent, []).append(i)
    ordered: list[int] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        i = stack.pop()
        ordered.append(i)
        stack.extend(reversed(children.get(nodes[i][0], [])))
    return ordered


class Channels(Repository):
    def add(self, slug: str, name: str, parent: str | None = None,
            kind: str = ChannelKind.LIST, url: str | None = None,
            position: int | None = None, actor_id: str | None = None) -> Channel:
        validate_slug(slug, N_("channel"))
        if not (name or "").strip():
            raise NewsdeskError("channel {slug!r} needs a name", slug=slug)
        if kind not in (ChannelKind.LIST, ChannelKind.LINK):
            raise NewsdeskError("channel kind must be 'list' or 'link', not {kind!r}", kind=kind)
        if kind == ChannelKind.LINK and not url:
            raise NewsdeskError("link channel {slug!r} needs a url", slug=slug)
        if kind == ChannelKind.LINK:
            urls.require(url, f"the address of link channel {slug!r}", f"外链栏目“{slug}”的网址")
        with self.store.transaction():
            if self.one("SELECT 1 FROM channels WHERE slug = ?", [slug]):
                raise NewsdeskError("a channel with slug {slug!r} already exists", slug=slug)
            parent_id = self.find(parent).id if parent else None
            if position is None:
                position = self.conn.execute(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM channels WHERE "
                    "parent_id IS ?", [parent_id]).fetchone()[0]
            channel = Channel(id=new_id(), slug=slug, name=name.strip(), parent_id=parent_id,
                              position=position, kind=kind, url=url, **stamp(actor_id))
            self.store.db["channels"].insert(asdict(channel))
        return channel

    def all(self) -> list[Channel]:
        """All channels, each top-level channel followed by its sub-channels."""
        rows = [Channel(**r) for r in self.rows("SELECT * FROM channels ORDER BY position, slug")]
        return [rows[i] for i in _tree_order([(c.id, c.parent_id) for c in rows])]

    def choices(self, kind: str = ChannelKind.LIST) -> list[tuple[str, int]]:
        """(id, depth) of the channels of a kind in the order all() gives them: what a
        channel picker holds (names come a page at a time: names()). A channel under
        one of another kind counts from that one's depth."""
        rows = self.conn.execute("SELECT id, parent_id, kind FROM channels "
                                 "ORDER BY position, slug").fetchall()
        ordered: list[tuple[str, int]] = []
        under: dict[str, int] = {}  # id → channels of the kind it is, or is under
        for i in _tree_order([(id_, parent) for id_, parent, _ in rows]):
            id_, parent, k = rows[i]
            above = under.get(parent, 0)
            under[id_] = above + (k == kind)
            if k == kind:
                ordered.append((id_, above))
        return ordered

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        return self.lookup("channels", "name", ids)

    def slugs(self) -> dict[str, str]:
        """channel id → slug, every channel (what public paths are built from)."""
        return dict(self.conn.execute("SELECT id, slug FROM channels"))

    def get(self, channel_id: str) -> Channel:
        row = self.one("SELECT * FROM channels WHERE id = ?", [channel_id])
        if not row:
            raise NotFound("no channel with id {channel_id!r}", channel_id=channel_id)
        return Channel(**row)

    def find(self, key: str) -> Channel:
        """A channel by slug, Chinese name or id."""
        row = self.one("SELECT * FROM channels WHERE slug = ? OR id = ? LIMIT 1", [key, key])
        if not row:
            rows = self.rows("SELECT * FROM channels WHERE name = ?", [key])
            if len(rows) > 1:
                raise NewsdeskError("more than one channel is called {key!r}: use its slug",
                                    key=key)
            row = rows[0] if rows else None
        if not row:
            raise NotFound("no channel {key!r}", key=key)
        return Channel(**row)

    def rename(self, channel_id: str, name: str, actor_id: str | None = None) -> Channel:
        """A channel's Chinese name (its slug, part of every public path, stays)."""
        if not (name or "").strip():
            raise NewsdeskError("a channel needs a name")
        with self.store.transaction():
            self.get(channel_id)
            self.conn.execute("UPDATE channels SET name = ?, updated_at = ?, updated_by = ? "
                              "WHERE id = ?", [name.strip(), times.now(), actor_id, channel_id])
        return self.get(channel_id)

    def move(self, channel_id: str, step: int, actor_id: str | None = None) -> list[Channel]:
        """Move a channel step places among its siblings (-1: up, 1: down); returns the
        siblings in their new order."""
        with self.store.transaction():
            channel = self.get(channel_id)
            siblings = [c for c in self.all() if c.parent_id == channel.parent_id]
            i = next(n for n, c in enumerate(siblings) if c.id == channel_id)
            j = max(0, min(len(siblings) - 1, i + step))
            siblings.insert(j, siblings.pop(i))
            now = times.now()
            self.conn.executemany(
                "UPDATE channels SET position = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                [(n, now, actor_id, c.id) for n, c in enumerate(siblings)])
        return [replace(c, position=n, updated_at=now, updated_by=actor_id)
                for n, c in enumerate(siblings)]

    def reparent(self, channel_id: str, parent: str | None,
                 actor_id: str | None = None) -> Channel:
        """Put a channel under another list channel (None: the top level), last among
        its new siblings. No path changes: a story's path holds only its own channel."""
        with self.store.transaction():
            channel = self.get(channel_id)
            above = self.find(parent) if parent else None
            if above is not None and above.kind != ChannelKind.LIST:
                raise NewsdeskError("{name} is a link channel: channels go under list channels",
                                    name=above.name)
            node = above
            while node is not None:
                if node.id == channel.id:
                    raise NewsdeskError("{name} cannot go under itself or one of its own sub-channels",
                                        name=channel.name)
                node = self.get(node.parent_id) if node.parent_id else None
            parent_id = above.id if above else None
            position = self.conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM channels WHERE parent_id IS ?",
                [parent_id]).fetchone()[0]
            self.conn.execute("UPDATE channels SET parent_id = ?, position = ?, "
                              "updated_at = ?, updated_by = ? WHERE id = ?",
                              [parent_id, position, times.now(), actor_id, channel_id])
        return self.get(channel_id)

    def set_link(self, channel_id: str, url: str | None,
                 actor_id: str | None = None) -> Channel:
        """Make a channel a link to url (an H5 page, a partner site), or with None a
        list channel again. A channel that holds stories stays a list."""
        with self.store.transaction():
            channel = self.get(channel_id)
            if url:
                urls.require(url, f"the address of link channel {channel.slug!r}",
                             f"外链栏目“{channel.slug}”的网址")
                if self.conn.execute("SELECT 1 FROM articles WHERE channel_id = ? LIMIT 1",
                                     [channel_id]).fetchone():
                    raise NewsdeskError("{name} holds stories: it stays a list channel",
                                        name=channel.name)
            self.conn.execute("UPDATE channels SET kind = ?, url = ?, updated_at = ?, "
                              "updated_by = ? WHERE id = ?",
                              [ChannelKind.LINK if url else ChannelKind.LIST, url or None,
                               times.now(), actor_id, channel_id])
        return self.get(channel_id)

    # ---- topics (专题) ------------------------------------------------------------
    def add_topic(self, slug: str, name: str, description: str = "",
                  actor_id: str | None = None) -> Topic:
        validate_slug(slug, N_("topic"))
        if not (name or "").strip():
            raise NewsdeskError("topic {slug!r} needs a name", slug=slug)
        with self.store.transaction():
            if self.one("SELECT 1 FROM topics WHERE slug = ?", [slug]):
                raise NewsdeskError("a topic with slug {slug!r} already exists", slug=slug)
            position = self.conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM topics").fetchone()[0]
            topic = Topic(id=new_id(), slug=slug, name=name.strip(), description=description,
                          position=position, **stamp(actor_id))
            self.store.db["topics"].insert(asdict(topic))
        return topic

    def topics(self) -> list[Topic]:
        return [Topic(**r) for r in self.rows("SELECT * FROM topics ORDER BY position")]

    def find_topic(self, key: str) -> Topic:
        row = self.one("SELECT * FROM topics WHERE slug = ? OR name = ? OR id = ? LIMIT 1",
                       [key, key, key])
        if not row:
            raise NotFound("no topic {key!r}", key=key)
        return Topic(**row)
