"""Plain data types of the newsroom. No SQL, no Qt."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, _, pick


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


# Being reviewed (a reviewer's to sign or return); signed off by at least one stage.
IN_REVIEW = (State.SUBMITTED, State.IN_REVIEW)
SIGNED_OFF = (State.IN_REVIEW, State.APPROVED, State.SCHEDULED)


# What each state is called (the CLI's messages; the app's tables say the same).
STATE_NAMES = {State.DRAFT: N_("draft"), State.SUBMITTED: N_("submitted"),
               State.IN_REVIEW: N_("in review"), State.RETURNED: N_("returned"),
               State.APPROVED: N_("approved"), State.SCHEDULED: N_("scheduled"),
               State.PUBLISHED: N_("published"), State.WITHDRAWN: N_("withdrawn")}


def state_name(state: str) -> str:
    return _(STATE_NAMES[State(state)])


class Origin(StrEnum):
    ORIGINAL = "original"
    REPRINT = "reprint"


class Role(StrEnum):
    EDITOR = "editor"
    REVIEWER1 = "reviewer1"
    REVIEWER2 = "reviewer2"
    REVIEWER3 = "reviewer3"
    ADMIN = "admin"


# Whose acts are sign-offs: they need a password (outside the demo), so a key.
SIGNING_ROLES = frozenset({Role.REVIEWER1, Role.REVIEWER2, Role.REVIEWER3, Role.ADMIN})


class ChannelKind(StrEnum):
    LIST = "list"
    LINK = "link"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a story, and what each part of the program does with it."""
    name: str
    label: str                  # as the newsroom says it
    kind: str                   # line | text | names | list | choice | ref
    search: str | None = None   # search column: headline | text | names
    checked: str | None = None  # 机审: text (word lists and typography) | name (word lists)
    diffed: bool = False        # shown to reviewers as changed since they last saw it
    imported: bool = False      # a file or a saved page can carry it (import, emergency)


# The one registry of a story's content fields: a revision snapshots these, changing
# any of them is an edit of the story, and the lists below are taken from here. The
# order is the order of each list (search columns are built in it).
FIELDS = (
    FieldSpec("channel_id", "栏目", "ref"),
    FieldSpec("kicker", "引题", "line", "headline", "text", True, True),
    FieldSpec("title", "主标题", "line", "headline", "text", True, True),
    FieldSpec("subtitle", "副标题", "line", "headline", "text", True, True),
    FieldSpec("summary", "摘要", "text", "text", "text", True, True),
    FieldSpec("body", "正文", "text", "text", "text", True, True),
    FieldSpec("origin", "稿件来源", "choice", imported=True),
    FieldSpec("reporters", "记者", "names", "names", None, True, True),
    FieldSpec("source", "来源", "line", "names", "name", True, True),
    FieldSpec("original_title", "原标题", "line", "headline", "name", True, True),
    FieldSpec("original_author", "原作者", "line", "names", "name", True, True),
    FieldSpec("tags", "标签", "list", imported=True),
    FieldSpec("topics", "专题", "list"),
    FieldSpec("cover_asset_id", "封面", "ref"),
)
CONTENT_FIELDS = tuple(f.name for f in FIELDS)
LABELS = {f.name: f.label for f in FIELDS}


def field_label(name: str) -> str:
    """A field as the newsroom calls it in Chinese; its name in English."""
    return pick(LABELS.get(name, name), name)


# C0 and C1 control characters: no keyboard types them, a terminal obeys them, and XML
# 1.0 forbids most (a feed holding one is no feed). Text fields keep newline and tab.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def with_newlines(values: dict) -> dict:
    """values with each text field's line ends made \\n, as the editor has them."""
    texts = {f.name for f in FIELDS if f.kind == "text"}
    return {k: v.replace("\r\n", "\n").replace("\r", "\n")
            if k in texts and isinstance(v, str) else v for k, v in values.items()}


def refuse_control_characters(values: dict) -> None:
    """NewsdeskError naming the first field of values (name → value) that holds a
    control character, and where, as the person sees the field."""
    for spec in FIELDS:
        value = values.get(spec.name)
        text = "、".join(value) if isinstance(value, list) else value  # as the form shows it
        if not isinstance(text, str):
            continue
        found = (_CONTROL_IN_TEXT if spec.kind == "text" else _CONTROL).search(text)
        if found is None:
            continue
        at, code = found.start(), f"U+{ord(found.group()):04X}"
        if spec.kind == "text":
            line = text.count("\n", 0, at) + 1
            raise NewsdeskError("{field}: character {column} of line {line} is a control "
                                "character ({code}) and cannot be saved",
                                field=field_label(spec.name), line=line,
                                column=at - text.rfind("\n", 0, at), code=code)
        raise NewsdeskError("{field}: character {position} is a control character ({code}) "
                            "and cannot be saved", field=field_label(spec.name),
                            position=at + 1, code=code)


def field_names(**wanted) -> tuple[str, ...]:
    """Names of the fields whose attributes have the given values, in registry order:
    field_names(checked="text"), field_names(diffed=True), field_names(kind="line")."""
    return tuple(f.name for f in FIELDS
                 if all(getattr(f, k) == v for k, v in wanted.items()))


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
    public_keys: list[str] = field(default_factory=list)  # newest last
    private_key: str | None = None     # sealed with the password (newsdesk.review.signing)
    signed_by: str | None = None       # the admin (or, for a new password, the user)
    signature: str | None = None


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
    signature: str | None = None    # its actor's (newsdesk.review.signing)


@dataclass(frozen=True)
class Term:
    """An entry of the outlet's word lists (机审)."""
    term: str
    level: str          # block | warn
    category: str = ""
    replacement: str = ""


@dataclass(frozen=True)
class ListEntry:
    """A line of one of the outlet's other 机审 lists: a protected name and its titles
    (重要人名), a misspelling and its correction (易错词), or a word kept in traditional
    characters (繁体字例外); note says where it came from or why."""
    key: str
    value: str = ""
    note: str = ""


@dataclass(frozen=True)
class StoryFilter:
    """What an archive search or a story list is narrowed to; None is any. The app's
    filter bar, `search` and `list` all fill this one shape."""
    channel_id: str | None = None   # and its sub-channels
    state: str | None = None
    since: str | None = None        # stored times: from (inclusive) …
    until: str | None = None        # … to (exclusive), on the date lists show
    person_id: str | None = None    # its author, its editor or a reviewer who signed it
    author_id: str | None = None    # its author only
    source: str | None = None       # 来源, as written
    origin: str | None = None       # original | reprint
    topic_id: str | None = None
    has_image: bool | None = None   # a cover or a picture in the body

    def any(self) -> bool:
        return any(v is not None for v in vars(self).values())


@dataclass(frozen=True)
class SavedSearch:
    id: str
    name: str
    query: str          # may be empty: a filter alone
    filter: StoryFilter


@dataclass
class SearchHit:
    article_id: str
    title: str
    state: str
    channel_id: str | None
    date: str | None  # first publication, else last update
    snippet: str
    matched_in: str   # "headline" when the headline has every wanted phrase, else "text"
