"""A line is a paragraph: Chinese news copy is written one paragraph per line, and one
Enter in the editor must start a new paragraph. Markdown needs a blank line for that,
so the body is given one between plain lines before it is rendered. Markdown's blocks
keep their own line rules: lists, quotes, tables, code, headings, hard breaks.

Bodies whose paragraphs are already separated by blank lines are left exactly as they
are. Markdown from elsewhere, hard-wrapped over several lines, is unwrapped when it is
imported (unwrap), so its paragraphs stay paragraphs."""
from __future__ import annotations

import re

from newsdesk.text.cjk import HAN
from newsdesk.text.rawhtml import opens_line

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,9}[.)])\s")
_QUOTE = re.compile(r"^\s{0,3}>")
_TABLE = re.compile(r"^\s{0,3}\|")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_INDENTED = re.compile(r"^( {2,}|\t)")
_HARD_BREAK = re.compile(r"( {2,}|\\)$")


def _kind(line: str) -> str:
    if _LIST_ITEM.match(line):
        return "list"
    if _QUOTE.match(line):
        return "quote"
    if _TABLE.match(line):
        return "table"
    if _HEADING.match(line):
        return "heading"
    if opens_line(line):  # "<5岁儿童免票" is a line of text
        return "html"
    return "text"


def _same_block(block: str, previous: str, line: str) -> bool:
    """Whether line continues the block (of kind block) that previous is in."""
    if _HARD_BREAK.search(previous) or _SETEXT.match(line):
        return True
    if block == "list":  # items, and their indented continuation lines
        return _kind(line) == "list" or bool(_INDENTED.match(line))
    return _kind(line) == block and block in ("quote", "table", "html")


def one_line_paragraphs(markdown: str) -> str:
    """markdown with a blank line wherever one line ends a paragraph or block and the
    next begins another; fenced code is left alone."""
    out: list[str] = []
    previous = block = ""
    fenced = False
    for line in (markdown or "").split("\n"):
        if _FENCE.match(line):
            if not fenced and previous.strip():
                out.append("")
            fenced = not fenced
            out.append(line)
            previous = block = ""
            continue
        if fenced:
            out.append(line)
            continue
        if not line.strip():
            previous = block = ""
        elif not previous.strip():
            block = _kind(line)
        elif not _same_block(block, previous, line):
            out.append("")
            block = _kind(line)
            line = line.lstrip(" \t") if block == "text" else line  # not an indented code block
        out.append(line)
        previous = line
    return "\n".join(out)


_CJK_EDGE = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef]")


def unwrap(paragraph: str) -> str:
    """A hard-wrapped plain paragraph as one line (no space where Chinese meets
    Chinese); markdown blocks (lists, quotes, tables, code…) are kept as written."""
    lines = [line.strip() for line in paragraph.split("\n")]
    if len(lines) < 2 or any(_kind(line) != "text" or _FENCE.match(line) for line in lines) \
            or any(_HARD_BREAK.search(line) for line in paragraph.split("\n")[:-1]):
        return paragraph
    joined = lines[0]
    for line in lines[1:]:
        glue = "" if _CJK_EDGE.match(joined[-1:]) or _CJK_EDGE.match(line[:1]) else " "
        joined += glue + line
    return joined
