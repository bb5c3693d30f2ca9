"""Bytes of a file → text, honouring a declared charset and falling back sensibly.
Legacy Chinese pages are often GBK/GB2312; GB18030 is a superset of both, so it is
used for either."""
from __future__ import annotations

import codecs
import re

from newsdesk.errors import Translated

MAX_BYTES = 20 * 1024 * 1024

_DECLARED = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "big5": "big5hkscs", "iso-8859-1": "cp1252", "ascii": "utf-8"}


class DecodeError(Translated, ValueError):
    pass


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text of data. Raises DecodeError with a reason a user can act on."""
    if not data.strip():
        raise DecodeError("the file is empty")
    if len(data) > MAX_BYTES:
        raise DecodeError("the file is too large ({size} MB; the limit is {limit} MB)",
                          size=len(data) // 1_048_576, limit=MAX_BYTES // 1_048_576)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise DecodeError("the file is binary, not text")
    tried = []
    for codec in (declared, "utf-8", "gb18030"):
        if not codec:
            continue
        codec = _SUPERSETS.get(codec, codec)
        if codec in tried:
            continue
        tried.append(codec)
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DecodeError("the text cannot be decoded as {codecs}", codecs=", ".join(tried))
