"""Which `<` in a body opens HTML. Markdown lets a body hold HTML, and a browser (so the
sanitizer) takes any `<` before a letter for a tag: `当气温T<a时路面结冰` would lose
everything after the `<`. Here a `<` is markup only where it opens a whole tag of an
HTML element (CommonMark's raw-HTML grammar: name, well-formed attributes, `>`),
closes one, or opens a whole comment; any other `<` is text."""
from __future__ import annotations

import re

from lxml.html.defs import tags as ELEMENTS  # every HTML element name, lower case

_SPACE = r"[ \t\n\f\r]"  # HTML's whitespace: an ideographic space is text
_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = (rf"{_SPACE}+[A-Za-z_:][A-Za-z0-9_.:-]*"
              rf"""(?:{_SPACE}*={_SPACE}*(?:[^ \t\n\f\r"'=<>`]+|'[^']*'|"[^"]*"))?""")
_MARKUP = re.compile(rf"<(?:({_NAME})(?:{_ATTRIBUTE})*{_SPACE}*/?>"
                     rf"|/({_NAME}){_SPACE}*>"
                     r"|!--(?:-?>|.*?--!?>))", re.S)
# A line that begins like an element's tag (maybe carried on to the next line).
_OPENS_LINE = re.compile(rf"{_SPACE}{{0,3}}(?:</?({_NAME})(?:[ \t/>]|$)|<!--)")


def markup_at(text: str, start: int) -> re.Match | None:
    """The whole tag or comment that the `<` at start opens, or None if it is text."""
    m = _MARKUP.match(text, start)
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    return m if name is None or name.lower() in ELEMENTS else None


def escape_stray(html: str) -> str:
    """html with every `<` that opens no tag or comment written as `&lt;`."""
    out, done = [], 0
    while (lt := html.find("<", done)) >= 0:
        m = markup_at(html, lt)
        if m:
            out.append(html[done:m.end()])
            done = m.end()
        else:
            out.append(html[done:lt] + "&lt;")
            done = lt + 1
    out.append(html[done:])
    return "".join(out)


def opens_line(line: str) -> bool:
    """Whether a line of a body begins with an element's tag or a comment."""
    m = _OPENS_LINE.match(line)
    return bool(m) and (m.group(1) is None or m.group(1).lower() in ELEMENTS)
