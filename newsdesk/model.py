"""Plain data types of the newsroom. No SQL, no Qt."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Origin(StrEnum):
    ORIGINAL = "original"
    REPRINT = "reprint"


class Role(StrEnum):
    EDITOR = "editor"
    REVIEWER1 = "reviewer1"
    REVIEWER2 = "reviewer2"
    REVIEWER3 = "reviewer3"
    ADMIN = "admin"


class ChannelKind(StrEnum):
    LIST = "list"
    LINK = "link"


# The content fields a revision snapshots; editing any of them is an edit of the story.
CONTENT_FIELDS = (
    "channel_id", "kicker", "title", "subtitle", "summary", "body", "origin", "source",
    "original_title", "original_author", "reporters", "tags", "topics", "cover_asset_id",
)


@dataclass
class User:
    id: str
    username: str
    real_name: str
    roles: list[str] = field(default_factory=list)
    password_hash: str | None = None
    active: bool = True
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass
class Channel:
    id: str
    slug: str
    name: str
    parent_id: str | None = None
    position: int = 0
    kind: str = ChannelKind.LIST
    url: str | None = None
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass
class Topic:
    id: str
    slug: str
    name: str
    description: str = ""
    position: int = 0
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass
class Article:
    id: str
    title: str
    channel_id: str | None = None
    kicker: str = ""
    subtitle: str = ""
    summary: str = ""
    body: str = ""
    body_html: str | None = None
    renderer_version: str | None = None
    origin: str = Origin.ORIGINAL
    source: str = ""
    original_title: str = ""
    original_author: str = ""
    reporters: list[str] = field(default_factory=list)
    editor_id: str | None = None
    author_id: str | None = None
    last_editor_id: str | None = None
    submitted_at: str | None = None
    live_revision: int | None = None
    state: str = State.DRAFT
    review_stage: int | None = None
    publish_at: str | None = None
    first_published_at: str | None = None
    number: int | None = None
    public_path: str | None = None
    tags: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # topic ids
    cover_asset_id: str | None = None
    pinned: bool = False
    weight: int = 0
    corrections: list[dict] = field(default_factory=list)
    revision: int = 0
    edits: int = 0
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass
class Revision:
    id: str
    article_id: str
    number: int
    content: dict
    reason: str
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass
class ReviewEvent:
    id: str
    article_id: str
    seq: int
    kind: str
    at: str
    prev_hash: str
    hash: str
    stage: int | None = None
    revision: int | None = None
    actor_id: str | None = None
    comment: str = ""
    detail: dict = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    updated_by: str | None = None


@dataclass(frozen=True)
class Term:
    """An entry of the outlet's word lists (机审)."""
    term: str
    level: str          # block | warn
    category: str = ""
    replacement: str = ""


@dataclass
class SearchHit:
    article_id: str
    title: str
    state: str
    channel_id: str | None
    date: str | None  # first publication, else last update
    snippet: str
    matched_in: str   # "headline", "names" or "body": the ranking tier
