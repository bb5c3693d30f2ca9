"""The pictures in a story's markdown body: stored when a person puts one in; found,
given new words, swapped for another file or taken out, as text edits (so the editor's
undo, autosave and journal apply)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from newsdesk.errors import NewsdeskError
from newsdesk.model import User
from newsdesk.store import Store

# What a file's first bytes say it is: its name may say nothing (a picture saved from
# WeChat) or lie. (signature, its offset, extension, MIME type)
_KINDS = ((b"\xff\xd8\xff", 0, ".jpg", "image/jpeg"),
          (b"\x89PNG\r\n\x1a\n", 0, ".png", "image/png"),
          (b"GIF87a", 0, ".gif", "image/gif"), (b"GIF89a", 0, ".gif", "image/gif"),
          (b"WEBP", 8, ".webp", "image/webp"))


def picture_kind(data: bytes) -> tuple[str, str] | None:
    """(extension, MIME type) of a JPEG, PNG, GIF or WebP by its first bytes; None for
    anything else, whatever its name says."""
    return next(((ext, mime) for sig, at, ext, mime in _KINDS
                 if data[at:at + len(sig)] == sig and (at == 0 or data[:4] == b"RIFF")), None)


def store_picture(store: Store, data: bytes, name: str, actor: User) -> str:
    """A picture a person puts into a story (chosen, dropped or pasted), stored once by
    its content; returns the link its markdown uses (assets/<sha256>.<ext>)."""
    kind = picture_kind(data)
    if kind is None:
        raise NewsdeskError("{name} is not a picture (JPEG, PNG, GIF or WebP)", name=name)
    return store.assets.add(data, PurePath(name).stem + kind[0], kind[1], actor.id)

# ![alt](assets/<sha256>.<ext> "caption"): what the editor inserts (images.markdown).
_PICTURE = re.compile(r'!\[(?P<alt>[^\]\n]*)\]\((?P<link>[^)\s]+)(?: "(?P<caption>[^"\n]*)")?\)')


@dataclass(frozen=True)
class Picture:
    start: int
    end: int
    alt: str
    link: str
    caption: str

    @property
    def asset_id(self) -> str | None:
        """The stored file's content hash, for pictures stored in the app."""
        m = re.fullmatch(r"assets/([0-9a-f]{64})(\.[a-z0-9]{1,5})?", self.link)
        return m.group(1) if m else None


def find(body: str) -> list[Picture]:
    return [Picture(m.start(), m.end(), m["alt"], m["link"], m["caption"] or "")
            for m in _PICTURE.finditer(body)]


def markdown(link: str, alt: str, caption: str) -> str:
    """A picture as markdown; a caption travels as the title (rendered as a figure)."""
    alt = alt.replace("[", "［").replace("]", "］")
    if not caption:
        return f"![{alt}]({link})"
    return f'![{alt}]({link} "{caption.replace(chr(34), "＂")}")'
