"""The pictures of a saved page: found beside it (in the page's own folder, or the
browser's NAME_files/ folder there), stored as assets on import, and the body pointed
at them. Pictures on the web stay links; missing ones are named, and so are those the
page would have read from elsewhere on this computer (`..`, `file:`, a drive, a
symbolic link leaving the folder): a hostile page must not publish the importer's
files."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsdesk import named_files, pictures as body_pictures

_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
# Names of files elsewhere on this computer or network: file:, C:\…, \\host\…. (A path
# from the root, /upload/a.jpg, is the old site's: looked for inside the page's folder.)
_OUTSIDE = re.compile(r"^(?:file:|[a-z]:|\\\\)", re.I)


@dataclass
class Beside:
    found: dict[str, Path] = field(default_factory=dict)   # src → the file to store
    missing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)       # would leave the page's folder
    not_pictures: list[str] = field(default_factory=list)  # inside it, but no picture


def beside(page: Path, body: str) -> Beside:
    """The body's local pictures: found inside the page's folder, missing, or refused."""
    out = Beside()
    folder = page.parent.resolve()
    for pic in body_pictures.find(body):
        src = pic.link
        if src in out.found or src in (*out.missing, *out.refused, *out.not_pictures):
            continue
        if _OUTSIDE.match(src):
            out.refused.append(src)
            continue
        if _REMOTE.match(src):
            continue
        parts = [p for p in unquote(urlsplit(src).path).replace("\\", "/").split("/")
                 if p not in ("", ".")]
        if any(p.startswith(".") for p in parts):   # .., or a hidden folder (.ssh)
            out.refused.append(src)
            continue
        if not parts:
            out.missing.append(src)
            continue
        candidates = [folder.joinpath(*parts), folder / f"{page.stem}_files" / parts[-1]]
        existing = [c for c in candidates if c.is_file()]
        # Resolved, so that a symbolic link inside the folder cannot lead out of it.
        inside = [c for c in existing if c.resolve().is_relative_to(folder)
                  and not named_files.is_database_file(c)]
        if inside and body_pictures.picture_kind(named_files.read_bytes(inside[0])) is None:
            out.not_pictures.append(src)   # a page's <img> naming any file beside it
        elif inside:
            out.found[src] = inside[0]
        elif existing:
            out.refused.append(src)
        else:
            out.missing.append(src)
    return out


def stored(store, story, actor_id: str | None) -> str:
    """The body with each picture found beside the page stored and linked as an asset."""
    body = story.body
    for src, path in story.pictures.items():
        data = named_files.read_bytes(path)
        ext, mime = body_pictures.picture_kind(data)
        link = store.assets.add(data, Path(path.name).stem + ext, mime, actor_id)
        body = body.replace(f"]({src})", f"]({link})")
    return body
