"""HTML pasted into a story from Word, WPS or a web page: its markdown, each picture it
carries stored as the story's own picture (by the same path as 插入图片). A picture comes
in when its bytes are on this computer: a data: URI (a web page's, or WPS's) or a file:
URL (Word's copy of the picture in its temporary folder), read through the door that
never opens the database's files. A picture on the web is not fetched: the paste says
which were left out, for the person to save and insert."""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import unquote, unquote_to_bytes, urlparse
from urllib.request import url2pathname

from newsdesk import named_files, pictures
from newsdesk.errors import NewsdeskError
from newsdesk.model import User
from newsdesk.store import Store
from newsdesk.text.paste import html_to_markdown


@dataclass
class Pasted:
    markdown: str
    left_out: list[str] = field(default_factory=list)  # pictures not brought in, and why


def _data_uri(src: str) -> bytes:
    """The bytes of data:[<type>][;base64],<data>."""
    head, _, data = src.partition(",")
    if head.endswith(";base64"):
        return base64.b64decode("".join(unquote(data).split()), validate=True)
    return unquote_to_bytes(data)


def _picture_bytes(src: str) -> tuple[bytes, str]:
    """(bytes, file name) of a picture on this computer; NewsdeskError otherwise."""
    scheme = urlparse(src).scheme.lower()
    if scheme == "data":
        try:
            return _data_uri(src), "pasted"
        except (binascii.Error, ValueError):
            raise NewsdeskError("a pasted picture could not be read") from None
    if scheme == "file":
        path = url2pathname(unquote(urlparse(src).path))
        try:
            return named_files.read_bytes(path), PurePath(path).name
        except OSError:
            raise NewsdeskError("{name}: the picture's file could not be read",
                                name=PurePath(path).name) from None
    raise NewsdeskError("{src}: a picture on the web is not fetched; save it and insert "
                        "it", src=src[:80])


def paste_html(store: Store, html: str, actor: User) -> Pasted:
    """The HTML's markdown, its pictures stored; those that could not be, left out."""
    left_out: list[str] = []

    def picture(src: str, alt: str, caption: str) -> str:
        try:
            data, name = _picture_bytes(src)
            link = pictures.store_picture(store, data, name, actor)
        except NewsdeskError as e:
            left_out.append(str(e))
            return ""
        return pictures.markdown(link, alt, caption)

    return Pasted(html_to_markdown(html, picture), left_out)
