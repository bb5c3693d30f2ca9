"""The pictures of a saved page: found beside it (the browser's NAME_files/ folder, or
paths relative to the page or to a saved site's root), stored as assets on import, and
the body pointed at them. Pictures on the web stay links; missing ones are named."""
from __future__ import annotations

import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsdesk import named_files, pictures as body_pictures

_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def beside(page: Path, body: str) -> dict[str, Path | None]:
    """{src: the file it names, or None when it is not there} for the body's local
    pictures."""
    out: dict[str, Path | None] = {}
    for pic in body_pictures.find(body):
        src = pic.link
        if _REMOTE.match(src) or src in out:
            continue
        rel = unquote(urlsplit(src).path)
        candidates = [page.parent / rel.lstrip("/"),
                      page.parent / f"{page.stem}_files" / Path(rel).name]
        # '/upload/a.jpg' in a saved copy of the whole site: its root is a parent.
        candidates += [up / rel.lstrip("/") for up in list(page.parents)[1:4]]
        out[src] = next((c for c in candidates
                         if c.is_file() and not named_files.is_database_file(c)), None)
    return out


def stored(store, story, actor_id: str | None) -> str:
    """The body with each picture found beside the page stored and linked as an asset."""
    body = story.body
    for src, path in story.pictures.items():
        if path is None:
            continue
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        link = store.assets.add(named_files.read_bytes(path), path.name, mime, actor_id)
        body = body.replace(f"]({src})", f"]({link})")
    return body
