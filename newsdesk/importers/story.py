"""What an importer extracts from one file, before it touches the store."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.i18n import N_, _, pick
from newsdesk.model import field_names

_LEADING_SPACE = re.compile(r"^[\s\u3000\u00a0]+")
_NAME_SEP = re.compile(r"[、，,;；/\s]+")
_LIST_SEP = re.compile(r"\s*[、，,;；]\s*")


# What can make an imported page doubtful (待核对), as a person is told it.
DOUBTS = {
    "no-time": N_("no publish time on the page: imported as a draft"),
    "no-headline": N_("no headline on the page: the <title> was taken"),
    "short-body": N_("the body is short ({chars} characters)"),
    "missing-images": N_("{count} picture(s) not found beside the page: {names}"),
    "outside-images": N_("{count} picture(s) not read: they lie outside the page's folder "
                         "({names})"),
    "not-pictures": N_("{count} file(s) the page shows as pictures are not pictures "
                       "(JPEG, PNG, GIF or WebP) and were not read: {names}"),
    "blocked": N_("机审 keeps it off the site until it is put right: {findings}"),
}


@dataclass(frozen=True)
class Doubt:
    code: str
    params: dict = field(default_factory=dict)

    def __init__(self, code: str, **params):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def __str__(self) -> str:
        # A value kept in both languages ([Chinese, English], as 机审 says its findings)
        # is shown in the one in use.
        return _(DOUBTS[self.code], **{k: pick(*v) if isinstance(v, list) else v
                                       for k, v in self.params.items()})


@dataclass
class ImportedStory:
    title: str
    body: str = ""
    kicker: str = ""
    subtitle: str = ""
    summary: str = ""
    channel: str | None = None        # slug or Chinese name, as the file says it
    breadcrumb: list[str] = field(default_factory=list)  # channel-name candidates
    published_at: str | None = None   # stored UTC text; None means a draft
    draft: bool = False
    origin: str | None = None         # None: the file does not say
    source: str = ""
    original_title: str = ""
    original_author: str = ""
    reporters: list[str] = field(default_factory=list)
    editor: str = ""
    reviewer: str = ""
    tags: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    warnings: list[Doubt] = field(default_factory=list)
    pictures: dict = field(default_factory=dict)   # src → the file beside the page, or None


def carried_fields(story: ImportedStory) -> dict:
    """The article fields a story file carries as they are (the registry's `imported`
    ones; origin, channel, topics and people need deciding or looking up)."""
    return {name: getattr(story, name) for name in field_names(imported=True)
            if name != "origin"}


def clean_paragraph(text: str) -> str:
    """Indentation is the stylesheet's job: drop leading (full-width) spaces."""
    return _LEADING_SPACE.sub("", text).rstrip()


def split_names(value, sep: re.Pattern = _NAME_SEP) -> list[str]:
    """'李昌禹、张远晴' or ['李昌禹', '张远晴'] → ['李昌禹', '张远晴']."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    names = []
    for item in items:
        names += [n.strip() for n in sep.split(str(item)) if n.strip()]
    return list(dict.fromkeys(names))


def split_list(value) -> list[str]:
    """Tags and topics: like names, but a list item may contain spaces."""
    return split_names(value, _LIST_SEP)
