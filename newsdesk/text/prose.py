"""What a reader reads in a story's markdown body, and where it stands in the body: the
one place that decides which characters are prose. 机审 checks prose only, and a fix
may change prose only.

Not prose (the page's structure, never checked, never rewritten): front matter, code
(fenced, indented, `inline`), raw HTML tags and the insides of <script>, <style>,
<pre>, <code> and comments, entities (&nbsp;), picture and link markup and their
targets, link titles, bare addresses, list, quote and heading markers, rules, tables'
pipes and alignment rows, emphasis marks, backslash escapes, indentation and trailing
spaces. Prose: the rest, with a picture's alt text and caption and a link's visible
text (a reader sees them).

read(body) gives the prose as one text, a block a line (a paragraph, a table cell, a
picture's alt text, its caption…; markup that sits inside a sentence, like **bold** or
a link, is left out and the words on either side joined), with where each piece of it
stands in the body. keeps_markup says whether replacing a span of prose leaves every
mark of markup where and as it was, so that a fix is offered only when it does."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from newsdesk.text.paragraphs import one_line_paragraphs
from newsdesk.text.rawhtml import markup_at

_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_FRONT_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")
_RULE = re.compile(r"[ \t]{0,3}(?:([-*_])(?:[ \t]*\1){2,}|=+|-+)[ \t]*$")
_REFERENCE = re.compile(r" {0,3}\[.+\]:")  # a link's definition, as markdown2 finds one
_TABLE_ROW = re.compile(r"[ \t]{0,3}\|")
_ALIGNMENT = re.compile(r"[ \t|:-]*-[ \t|:-]*$")
_CODE_INDENT = re.compile(r"(?: {0,3}\t| {4})")  # (a tab reaches column 4)
_INDENT = re.compile(r"[ \t]*")
_LIST = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_PREFIX = re.compile(r"(?:>[ \t]?|#{1,6}[ \t]*)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_SPECIAL = re.compile(r"[\\`<&!\[\]*_~]|https?://|www\.", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ADDRESS = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+", re.I)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.I)
_TITLE = re.compile(r"""(?:[ \t]+(['"])(?P<title>.*?)\1)?\)$""", re.S)  # markdown2's
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_HIDDEN = ("script", "style", "pre", "code", "textarea")  # their insides are not prose
# Tags inside a sentence: the words on either side read on (others break the line).
_INLINE_TAGS = {"a", "abbr", "b", "big", "del", "em", "font", "i", "ins", "mark", "s",
                "small", "span", "strike", "strong", "sub", "sup", "u"}
_SPACES = " \t"
# A fix writes none of these, and replaces none but ( ) (see Reading.keeps_markup).
_WRITES_MARKUP = set("\\`*_~[]()<>|\"'!#&")
_READS_AS_MARKUP = set("\\`*_~[]<>|\"'")
_EMPHASIS = {"*", "_", "~"}
_BLOCK_STARTS = set(" \t>#|-*+=_`~[0123456789")  # what a line of markup can start with


@dataclass
class _Piece:
    start: int
    end: int
    breaks: bool    # starts a new line of the prose (a block, a cell, a caption…)


@dataclass
class Reading:
    """The prose of a body (text), and where each piece of it is in the body."""
    body: str
    text: str
    _at: list[int] = field(default_factory=list)     # each piece's start in text
    _from: list[int] = field(default_factory=list)   # and in the body
    _length: list[int] = field(default_factory=list)
    markdown: bool = True
    _paragraphs: frozenset[int] = frozenset()  # starts of lines that are paragraphs

    def body_span(self, start: int, end: int) -> tuple[int, int, bool]:
        """(start, end) in the body of text[start:end], and whether it is one run of
        prose there (no markup inside it)."""
        if not self._at:
            return 0, 0, False
        first = self._piece(start, leaning="right")
        last = self._piece(max(end - 1, start), leaning="left")
        s = self._body(first, start)
        e = self._body(last, max(end - 1, start)) + (1 if end > start else 0)
        whole = first == last and self._at[first] <= start and \
            end <= self._at[first] + self._length[first]
        return s, max(e, s), whole

    def _piece(self, at: int, leaning: str) -> int:
        """The piece holding text position at; one on the given side for a line break
        between pieces."""
        n = max(bisect_right(self._at, at) - 1, 0)
        if at >= self._at[n] + self._length[n] and leaning == "right":
            n = min(n + 1, len(self._at) - 1)
        return n

    def _body(self, n: int, at: int) -> int:
        offset = min(max(at - self._at[n], 0), max(self._length[n] - 1, 0))
        return self._from[n] + offset

    def keeps_markup(self, start: int, end: int, new: str) -> bool:
        """Whether putting new for body[start:end] (a span of prose) leaves the markup
        of the body as it was: new writes no character markdown or HTML reads as
        markup, what it replaces holds none (but a pair of brackets, made full-width)
        and stands next to no emphasis mark, and the line keeps the same marks in the
        same order, no line begun or ended."""
        old = self.body[start:end]
        if "\n" in new or "\n" in old:
            return False
        if not self.markdown:
            return True
        if _WRITES_MARKUP & set(new) or _READS_AS_MARKUP & set(old) or not _paired(old):
            return False
        if self.body[start - 1:start] in _EMPHASIS or self.body[end:end + 1] in _EMPHASIS:
            return False  # whether ** or _ emphasises depends on what stands next to it
        line_start = self.body.rfind("\n", 0, start) + 1
        line_end = self.body.find("\n", end)
        line_end = len(self.body) if line_end < 0 else line_end
        if start == line_start and line_start not in self._paragraphs:
            return False  # what a line starts with may join it to a list or code above
        line = self.body[line_start:line_end]
        if len(new) != end - start and "\t" in line[end - line_start:]:
            return False  # markdown2 widens a tab to the next column of 4, in links too
        changed = line[:start - line_start] + new + line[end - line_start:]
        return _marks(line) == _marks(changed)


def _paired(text: str) -> bool:
    """No bracket in text, or one pair around it with none inside: taking those away
    leaves markdown2's counting of a link's brackets where it was."""
    inner = text[1:-1] if text[:1] == "(" and text[-1:] == ")" else text
    return "(" not in inner and ")" not in inner


def plain(text: str) -> Reading:
    """A field that is not markdown (a headline): all of it is prose."""
    return Reading(text, text, [0], [0], [len(text)], markdown=False)


def read(body: str) -> Reading:
    """The prose of a markdown body: what a reader reads, and where."""
    scan = _Scan(body)
    scan.blocks()
    pieces = _without(scan.pieces, _hidden_html(body))
    reading = _joined(body, _trimmed(body, pieces))
    reading._paragraphs = frozenset(scan.paragraphs)
    return reading


def _marks(line: str) -> list[tuple[str, str]]:
    """The markup of one line as (kind, text), in order: what a fix must not change."""
    scan = _Scan(line)
    scan.line(0, len(line))
    return scan.marks


class _Scan:
    def __init__(self, body: str):
        self.body = body
        self.pieces: list[_Piece] = []
        self.marks: list[tuple[str, str]] = []
        self.paragraphs: list[int] = []   # lines of a plain paragraph, by their start
        self.open = False   # a link, code or tag on the line is not closed on it
        self._stop = len(body)  # where markup left open on the line starts
        self._break = True

    # -- blocks ------------------------------------------------------------------------
    def blocks(self) -> None:
        lines, at = [], 0
        for line in self.body.split("\n"):
            lines.append((at, at + len(line)))
            at += len(line) + 1
        n = self._front_matter(lines)
        fenced = code = in_list = False
        blank_before = True
        joined = _joined_to_previous(self.body)
        for i, (start, end) in enumerate(lines[n:], n):
            text = self.body[start:end]
            fence = bool(_FENCE.match(text))
            if joined[i] and self.open:  # inside what a line above left open: markup
                fenced = fenced != fence
                continue
            self.open = False
            if fence or fenced:  # (the page shows ``` blocks as text, in one paragraph
                fenced = fenced != fence  # with the line after: not checked)
                self.open = True
            elif not text.strip():
                blank_before = True
                continue
            elif (code or blank_before) and not in_list and _CODE_INDENT.match(text):
                code = True
            else:
                code = False
                indent = _INDENT.match(text).end()
                if _LIST.match(text, indent):
                    in_list = True
                elif not text[0].isspace() and text[0] not in _BLOCK_STARTS:
                    in_list = False  # (markdown2 takes “　” for indentation too)
                self.line(start, end)
                if not in_list and text[0] not in _BLOCK_STARTS \
                        and not _next_to_code(self.body, start, end):
                    self.paragraphs.append(start)
            blank_before = False

    def _front_matter(self, lines) -> int:
        """How many lines the front matter takes at the body's top (--- … ---), if any."""
        if len(lines) < 3 or self.body[lines[0][0]:lines[0][1]].rstrip() != "---" \
                or not _FRONT_KEY.match(self.body, lines[1][0]):
            return 0
        for n, (start, end) in enumerate(lines[1:], 1):
            if self.body[start:end].rstrip() in ("---", "..."):
                return n + 1
        return 0

    def line(self, start: int, end: int) -> None:
        """One line outside code: its block marks, then its words."""
        body = self.body
        self._stop = end
        k = stop = start
        heading = False
        if body[start:start + 1] in _BLOCK_STARTS:  # (most lines start with a word)
            text = body[start:end]
            if _RULE.match(text) or _REFERENCE.match(text) or _FENCE.match(text):
                self._mark("block", start, end)
                return
            if _TABLE_ROW.match(text):
                self._table_row(start, end)
                return
            while True:  # indentation, quote, list and heading marks, as deep as they go
                k = self._mark("indent", k, _INDENT.match(body, k, end).end())
                m = _LIST.match(body, k, end) or _PREFIX.match(body, k, end)
                if not m or m.end() == k:
                    break
                heading = heading or body[k] == "#"
                k = self._mark("block", k, m.end())
        stop = end
        closing = _CLOSING_HASHES.search(body, k, end) if heading else None
        if closing:
            stop = closing.start()
        while stop > k and body[stop - 1] in _SPACES:
            stop -= 1
        self._mark("end", stop, end)
        self._break = True
        self._words(k, stop)

    def _table_row(self, start: int, end: int) -> None:
        """A table's row: the pipes are markup, each cell its own line of prose."""
        text = self.body[start:end]
        if _ALIGNMENT.match(text):
            self._mark("table", start, end)
            return
        cell = start
        for k in range(start, end + 1):
            if k == end or (self.body[k] == "|" and self.body[k - 1:k] != "\\"):
                s, e = cell, k
                while s < e and self.body[s] in _SPACES:
                    s += 1
                while e > s and self.body[e - 1] in _SPACES:
                    e -= 1
                self._mark("table", cell, s)
                self._break = True
                self._words(s, e)
                self._mark("table", e, min(k + 1, end))
                cell = k + 1

    # -- words -------------------------------------------------------------------------
    def _words(self, start: int, end: int) -> None:
        """The words of a span of one line, with its inline markup left out."""
        body = self.body
        k = start
        while k < end:
            m = _SPECIAL.search(body, k, end)
            if not m:
                self._prose(k, end)
                return
            self._prose(k, m.start())
            k = self._special(m.start(), end)

    def _special(self, k: int, end: int) -> int:
        """Where the markup (or the lone character) at k ends."""
        body, ch = self.body, self.body[k]
        if ch == "\\":
            stop = k + 2 if k + 1 < end and body[k + 1] in _PUNCTUATION else k + 1
            return self._mark("escape", k, stop)
        if ch == "`":
            return self._code_span(k, end)
        if ch == "<":
            return self._tag(k, end)
        if ch == "&":
            m = _ENTITY.match(body, k, end)
            return self._mark("entity", k, m.end()) if m else self._prose(k, k + 1)
        if ch == "!":
            if k + 1 < end and body[k + 1] == "[":
                return self._brackets(k, end, picture=True)
            return self._prose(k, k + 1)
        if ch == "[":
            return self._brackets(k, end, picture=False)
        if ch in "]*_~":
            stop = k + 1
            while stop < end and body[stop] == ch and ch != "]":
                stop += 1
            if ch == "~" and stop == k + 1:  # 3~5℃: only ~~ strikes through
                return self._prose(k, stop)
            return self._mark("emphasis", k, stop)
        m = _ADDRESS.match(body, k, end)
        if not m:   # "https://" with nothing after it
            return self._prose(k, k + 1)
        self._break = True
        return self._mark("address", k, m.end(), breaks=True)

    def _code_span(self, k: int, end: int) -> int:
        run = k
        while run < end and self.body[run] == "`":
            run += 1
        ticks = self.body[k:run]
        close = self.body.find(ticks, run, end)
        while close >= 0 and close + len(ticks) < end and self.body[close + len(ticks)] == "`":
            close = self.body.find(ticks, close + len(ticks) + 1, end)
        if close < 0:
            return self._rest_open(k)  # (it may close on a line joined to this one)
        return self._mark("code", k, close + len(ticks), breaks=True)

    def _tag(self, k: int, end: int) -> int:
        m = markup_at(self.body, k)
        if m and m.end() <= end:
            name = (m.group(1) or m.group(2) or "").lower()
            return self._mark("tag", k, m.end(), breaks=name not in _INLINE_TAGS)
        if m:   # a tag going on past the line: the rest of the line is inside it
            return self._rest_open(k)
        auto = _AUTOLINK.match(self.body, k, end)
        if auto:
            return self._mark("address", k, auto.end(), breaks=True)
        return self._prose(k, k + 1)   # "<5岁儿童免票": a less-than sign

    def _brackets(self, k: int, end: int, picture: bool) -> int:
        """[text](target "title"), ![alt](source "caption"), [text][ref] or [text]."""
        body = self.body
        opened = k + 2 if picture else k + 1
        close = _closing_bracket(body, opened, end)
        if close < 0:
            self.open = True
            return self._mark("bracket", k, opened)
        self._mark("picture" if picture else "link", k, opened, breaks=picture)
        if picture:
            self._prose(opened, close)
            self._break = True
        else:
            self._words(opened, close)
        after = close + 1
        if after < end and body[after] == "(":
            target = _target(body, after, end)
            if target is None:  # not closed: markdown2 may take all that follows for it
                return self._rest_open(close)
            stop, title = target
            if picture and title:
                self._mark("target", close, title[0], breaks=True)
                self._prose(title[0], title[1])
                self._break = True
                return self._mark("target", title[1], stop, breaks=True)
            return self._mark("target", close, stop, breaks=picture)
        ref = after + 1 if body[after:after + 2] == " [" else after
        if ref < end and body[ref] == "[" and body.find("]", ref, end) >= 0:  # [text][id]
            ref = self._mark("target", close, body.find("]", ref, end) + 1, breaks=picture)
            if ref < end and body[ref] == "(":  # markdown2 may read [id](…) as a link
                target = _target(body, ref, end)
                return self._mark("target", ref, target[0] if target else end, breaks=True)
            return ref
        return self._mark("bracket", close, after, breaks=picture)

    # -- what is found -----------------------------------------------------------------
    def _rest_open(self, k: int) -> int:
        """Markup left open at k: the rest of the line, and of lines joined to it, is
        taken for markup."""
        self.open = True
        self._mark("open", k, self._stop)
        self._stop = min(self._stop, k)
        return len(self.body)

    def _prose(self, start: int, end: int) -> int:
        stop = min(end, self._stop)
        if stop > start:
            last = self.pieces[-1] if self.pieces else None
            if last and last.end == start and not self._break:
                last.end = stop
            else:
                self.pieces.append(_Piece(start, stop, self._break))
            self._break = False
        return end

    def _mark(self, kind: str, start: int, end: int, breaks: bool = False) -> int:
        if end > start:
            self.marks.append((kind, self.body[start:end]))
        if breaks:
            self._break = True
        return end


def _closing_bracket(body: str, k: int, end: int) -> int:
    """The ] that closes a [ opened before k (nested brackets counted), or -1."""
    depth = 0
    while k < end:
        ch = body[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            if depth == 0:
                return k
            depth -= 1
        k += 1
    return -1


def _target(body: str, k: int, end: int) -> tuple[int, tuple[int, int] | None] | None:
    """(end, (start, end) of the title or None) of a link's (target "title") opening at
    k, read as markdown2 reads it: the brackets (and <…>) balanced from the opening one,
    whatever is inside, then a quoted title at the end; None if not one on the line."""
    k += 1
    while k < end and body[k] in _SPACES:
        k += 1
    start = k
    if k < end and body[k] == "<":
        k = _balanced(body, k + 1, end, "<", ">")
        if k < 0:
            return None
    close = _balanced(body, k, end, "(", ")")
    if close < 0:
        return None
    m = _TITLE.search(body, start, close)
    if not m:
        return None
    return close, (m.span("title") if m.group("title") is not None else None)


def _balanced(body: str, k: int, end: int, opener: str, closer: str) -> int:
    """Where the closer that balances an opener before k ends, or -1 (on this line)."""
    count = 1
    while k < end:
        if body[k] == opener:
            count += 1
        elif body[k] == closer:
            count -= 1
            if count == 0:
                return k + 1
        k += 1
    return -1


def _joined_to_previous(body: str) -> list[bool]:
    """For each line of body, whether markdown2 reads it in one block with the line
    before (one_line_paragraphs puts a blank line between the others)."""
    lines = body.split("\n")
    out, n, gap = [False] * len(lines), 0, False
    for line in one_line_paragraphs(body).split("\n"):
        if n >= len(lines):
            break
        if line == "" and lines[n].strip():
            gap = True  # a blank line put in: line n starts a block of its own
            continue
        out[n] = n > 0 and not gap and bool(lines[n - 1].strip()) and bool(lines[n].strip())
        gap = False
        n += 1
    return out


def _next_to_code(body: str, start: int, end: int) -> bool:
    """Whether the nearest line above or below body[start:end] with words on it is
    indented like code."""
    above = body[:max(start - 1, 0)].rstrip(" \t\n")
    above = above[above.rfind("\n") + 1:] if start else ""
    below = body[end + 1:].lstrip("\n")
    return bool(_CODE_INDENT.match(above) or _CODE_INDENT.match(below))


def _hidden_html(body: str) -> list[tuple[int, int]]:
    """Spans of raw HTML a line-by-line reading cannot see: tags and comments running
    over several lines, and the insides of <script>, <style>, <pre>, <code>."""
    spans: list[tuple[int, int]] = []
    lt = body.find("<")
    while lt >= 0:
        m = markup_at(body, lt)
        stop = lt + 1
        if m:
            stop = m.end()
            name = (m.group(1) or "").lower()
            if name in _HIDDEN:
                close = re.compile(rf"</{name}\s*>", re.I).search(body, stop)
                stop = close.end() if close else len(body)
            if "\n" in body[lt:stop]:
                spans.append((lt, stop))
            elif name in _HIDDEN:
                spans.append((lt, stop))
        lt = body.find("<", stop)
    return spans


def _without(pieces: list[_Piece], spans: list[tuple[int, int]]) -> list[_Piece]:
    """The pieces with the given spans cut out of them (a cut starts a new line)."""
    if not spans:
        return pieces
    out, n = [], 0
    for p in pieces:
        start = p.start
        breaks = p.breaks
        while n < len(spans) and spans[n][1] <= start:
            n += 1
        k = n
        while k < len(spans) and spans[k][0] < p.end:
            s, e = spans[k]
            if s > start:
                out.append(_Piece(start, s, breaks))
            start, breaks = max(start, e), True
            k += 1
        if start < p.end:
            out.append(_Piece(start, p.end, breaks))
    return out


def _trimmed(body: str, pieces: list[_Piece]) -> list[_Piece]:
    """Pieces without the ASCII spaces at a line's edges: markdown drops them, and a
    rule must not take them for indentation."""
    out = []
    for n, p in enumerate(pieces):
        start, end = p.start, p.end
        if p.breaks:
            while start < end and body[start] in _SPACES:
                start += 1
        if n + 1 == len(pieces) or pieces[n + 1].breaks:
            while end > start and body[end - 1] in _SPACES:
                end -= 1
        if end > start:
            out.append(_Piece(start, end, p.breaks or not out))
        elif p.breaks and n + 1 < len(pieces):
            pieces[n + 1].breaks = True
    return out


def _joined(body: str, pieces: list[_Piece]) -> Reading:
    parts, at, starts, length = [], [], [], []
    pos = 0
    for p in pieces:
        if p.breaks and parts:
            parts.append("\n")
            pos += 1
        at.append(pos)
        starts.append(p.start)
        length.append(p.end - p.start)
        parts.append(body[p.start:p.end])
        pos += p.end - p.start
    return Reading(body, "".join(parts), at, starts, length)
