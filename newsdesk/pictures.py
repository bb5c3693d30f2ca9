"""The pictures in a story's markdown body: found, given new words, swapped for another
file or taken out, as text edits (so the editor's undo, autosave and journal apply)."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
