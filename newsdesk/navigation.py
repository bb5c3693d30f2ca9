"""The site's channels and topics, as the outlet changes them: one operation each, for
the app's 管理 → 栏目/专题 and the command line alike. Only an administrator changes them
(actor None, nobody named, is refused)."""
from __future__ import annotations

from newsdesk.review import accounts
from newsdesk.i18n import N_
from newsdesk.model import Channel, ChannelKind, Topic, User
from newsdesk.store import Store


def _admin(actor: User | None, what: str) -> str:
    accounts.require_admin(actor, what)
    return actor.id


def add_channel(store: Store, actor: User | None, slug: str, name: str,
                parent: str | None = None, url: str | None = None) -> Channel:
    """A list channel, or with url a link channel (an H5 page, a partner site)."""
    return store.channels.add(slug, name, parent, ChannelKind.LINK if url else ChannelKind.LIST,
                              url or None, actor_id=_admin(actor, N_("change channels")))


def rename_channel(store: Store, actor: User | None, channel_id: str, name: str) -> Channel:
    return store.channels.rename(channel_id, name, _admin(actor, N_("change channels")))


def move_channel(store: Store, actor: User | None, channel_id: str, step: int
                 ) -> list[Channel]:
    return store.channels.move(channel_id, step, _admin(actor, N_("change channels")))


def reparent_channel(store: Store, actor: User | None, channel_id: str,
                     parent: str | None) -> Channel:
    return store.channels.reparent(channel_id, parent, _admin(actor, N_("change channels")))


def set_channel_link(store: Store, actor: User | None, channel_id: str,
                     url: str | None) -> Channel:
    return store.channels.set_link(channel_id, url, _admin(actor, N_("change channels")))


def add_topic(store: Store, actor: User | None, slug: str, name: str,
              description: str = "") -> Topic:
    return store.channels.add_topic(slug, name, description, _admin(actor, N_("add topics")))
