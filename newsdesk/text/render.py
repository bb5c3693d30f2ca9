"""Markdown body → safe HTML, and the Chinese character count.

markdown2's safe_mode is not a security boundary, so its output always goes through
the nh3 allowlist. Bump RENDERER_VERSION whenever the output for a given body could
change: cached body_html from another version is re-rendered."""
from __future__ import annotations

import atexit
import hashlib
import os
import re
import threading
from dataclasses import dataclass
from functools import partial
from html import escape as html_escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown2
import nh3

from newsdesk.text import rawhtml
from newsdesk.text.cjk import HAN
from newsdesk.text.paragraphs import one_line_paragraphs

RENDERER_VERSION = f"md{markdown2.__version__}-nh3-5"

_EXTRAS = {
    "tables": None,
    "strike": None,
    "cuddled-lists": None,
}
# The page's own <h1> is the headline: a body '# heading' becomes a section heading.
_H1 = re.compile(r"<(/?)h1>")

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "del", "sup", "sub", "blockquote", "ul", "ol", "li", "a", "img", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "span",
    "video", "source", "iframe",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "video": {"src", "controls", "poster", "width", "height"},
    "source": {"src", "type"},
    "iframe": {"src", "width", "height", "allowfullscreen", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_SCHEMES = {"http", "https", "mailto", "data"}
_URL_ATTRS = {"href", "src", "poster"}


def _allowed(video_hosts: frozenset, tag: str, attr: str, value: str) -> str | None:
    """data: URLs only as raster images; iframes only from the outlet's video hosts."""
    if attr not in _URL_ATTRS:
        return value
    v = value.strip().lower()
    if v.startswith("data:"):
        raster = tag == "img" and re.match(r"data:image/(png|jpe?g|gif|webp);", v)
        return value if raster else None
    if tag == "iframe":
        parts = urlsplit(value.strip())
        host = (parts.hostname or "").lower()
        trusted = parts.scheme in ("https", "http") and any(
            host == h or host.endswith("." + h) for h in video_hosts)
        return value if trusted else None
    return value


def renderer_version(video_hosts=()) -> str:
    """The cache key of rendered bodies: changes with the code and the video hosts."""
    if not video_hosts:
        return RENDERER_VERSION
    hosts = ",".join(sorted(h.lower() for h in video_hosts))
    return f"{RENDERER_VERSION}-{hashlib.sha256(hosts.encode()).hexdigest()[:8]}"


# An iframe whose src the filter refused is an empty box: drop it.
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)


def sanitize(html: str, video_hosts=()) -> str:
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                      link_rel="noopener noreferrer",
                      attribute_filter=partial(_allowed, frozenset(h.lower() for h in video_hosts)))
    return _EMPTY_IFRAME.sub("", clean)


# A picture alone in its paragraph with a title (the caption the editor asked for)
# is a figure with that caption.
_FIGURE = re.compile(r'<p>(<img [^>]*?title="([^"]*)"[^>]*>)</p>')


def _unsanitized(markdown: str) -> str:
    """The body as HTML before the sanitizer: what a person wrote, markup and all."""
    html = markdown2.markdown(one_line_paragraphs(markdown), extras=_EXTRAS)
    # markdown2 passes on any '<' before a letter as HTML: only real tags stay markup.
    html = rawhtml.escape_stray(html)
    html = _H1.sub(r"<\1h2>", html)
    return _FIGURE.sub(r"<figure>\1<figcaption>\2</figcaption></figure>", html)


def render_body(markdown: str, video_hosts=()) -> str:
    return sanitize(_unsanitized(markdown), video_hosts)


class _StartTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def _url_kept(tag: str, attr: str, value: str, video_hosts) -> bool:
    alone = f'<{tag} {attr}="{html_escape(value)}"></{tag}>'
    return f" {attr}=" in sanitize(alone, video_hosts)


def dropped_markup(markdown: str, video_hosts=()) -> list[tuple[str, int, int]]:
    """What the sanitizer leaves out of the page among the markup the body holds as
    written: (what, start, end in the body) for each element (`<font>`), attribute
    (`onclick=`) or refused address (`src="https://…"`), first place, once each."""
    parser = _StartTags()
    parser.feed(_unsanitized(markdown))
    parser.close()
    dropped: dict[str, tuple[int, int]] = {}

    def note(label: str, pattern: str) -> None:
        where = re.search(pattern, markdown, re.I)
        if where and label not in dropped:
            dropped[label] = where.span()

    for tag, attrs in parser.found:
        if tag not in _TAGS:
            note(f"<{tag}>", rf"<{re.escape(tag)}(?![A-Za-z0-9-])")
            continue
        for attr, value in attrs:
            if attr not in _ATTRIBUTES.get(tag, ()):
                # (markdown's own, such as a table's alignment, is not the writer's)
                note(f"{attr}=" if value is not None else attr,
                     rf"(?<=[\s\"'/]){re.escape(attr)}(?![A-Za-z0-9_.:-])")
            elif attr in _URL_ATTRS and value and not _url_kept(tag, attr, value,
                                                                video_hosts):
                shown = value if len(value) <= 60 else value[:60] + "…"  # a data: URL
                note(f'{attr}="{shown}"', re.escape(value))
    return [(label, start, end) for label, (start, end) in dropped.items()]


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def lead_text(body_html: str, limit: int = 200) -> str:
    """The first paragraph of a rendered body as plain text, for a feed item when the
    story has no summary (taken from the stored HTML: nothing is rendered again).
    Headings and image-only paragraphs are passed over."""
    import html

    for paragraph in _PARAGRAPH.findall(body_html or ""):
        text = html.unescape(nh3.clean(paragraph, tags=set())).strip()
        if text:
            return text if len(text) <= limit else text[:limit] + "…"
    return ""


_CJK_CHAR = re.compile(f"[{HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9\u00c0-\u024f]+)*")


def char_count(text: str) -> int:
    """字数 as Chinese newsrooms count it: CJK characters plus Latin words and numbers;
    punctuation and spaces do not count."""
    return len(_CJK_CHAR.findall(text)) + len(_LATIN_WORD.findall(text))


# ---- a guard against markdown2's pathological inputs ----------------------------------
# Some bodies make markdown2 take seconds (a few thousand '[a](' in a row) or blow the
# recursion limit (deeply indented lists). Rendering runs in a helper process that can
# be stopped; past the time limit, or on any failure, the body is shown as plain
# paragraphs instead, so no story hangs an export or a save. The fallback is marked
# (FALLBACK as the stored renderer version): the editor warns, 机审 reports it, and the
# export renders it again before publishing, so a body that overran only because the
# machine was busy is never published plain.
BASE_LIMIT_S = 2.0
PER_MILLION_CHARS_S = 5.0   # markdown2 does ~1.3 M characters a second here; slow laptops less
FALLBACK = "plain-fallback"
_helper_process: "_Helper | None" = None


@dataclass(frozen=True)
class Rendered:
    html: str
    fallback: bool = False  # markdown2 failed or overran: html is plain paragraphs


def time_limit(markdown: str) -> float:
    """How long a body may take: longer bodies longer, so a 2 MB story of ordinary
    markdown renders fully, while '[a](' × 10,000 (40 KB, 14 s) does not."""
    return BASE_LIMIT_S + PER_MILLION_CHARS_S * len(markdown or "") / 1_000_000


class _Helper:
    """One spawned process that renders on request over a pipe. A render that overruns
    is not waited for: the process is killed and the next render starts another. (A
    multiprocessing.Pool was used before: terminating it while its task thread was still
    writing a long body into the pipe could hang for ever.)"""

    def __init__(self):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True,
                                       name="newsdesk-render")
        self.process.start()
        child.close()
        self.pid = os.getpid()
        self.lock = threading.Lock()  # one request at a time on the pipe (saves, exports)
        # Start it (interpreter, markdown2, nh3) before any render is timed: on a busy
        # machine that alone can take seconds, and it is not the body's fault.
        self.call("render", "", [], None)

    def call(self, task: str, markdown: str, video_hosts: list, limit: float | None):
        """TASKS[task](markdown, video_hosts), answered within limit seconds."""
        with self.lock:
            self.conn.send((task, markdown, video_hosts))
            if limit is not None and not self.conn.poll(limit):
                # Killed under the lock: a late answer must never reach the next caller.
                self.stop()
                raise TimeoutError("the render overran its time")
            outcome = self.conn.recv()
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


TASKS = {"render": render_body, "dropped": dropped_markup}


def _serve(conn) -> None:
    """The helper process: do what comes, send back the answer or the error."""
    while True:
        try:
            task, markdown, video_hosts = conn.recv()
        except EOFError:
            return
        try:
            conn.send(TASKS[task](markdown, video_hosts))
        except Exception as e:  # noqa: BLE001 - markdown2's failure goes back to be said
            conn.send(e)


def _helper() -> _Helper:
    global _helper_process
    if _helper_process is None or _helper_process.pid != os.getpid() \
            or not _helper_process.process.is_alive():
        _helper_process = _Helper()  # (a forked child needs its own helper)
    return _helper_process


def _stop_helper() -> None:
    global _helper_process
    if _helper_process is not None and _helper_process.pid == os.getpid():
        _helper_process.stop()
    _helper_process = None


atexit.register(_stop_helper)


def plain_paragraphs(markdown: str) -> str:
    """The body as escaped plain paragraphs: what a story falls back to."""
    import html

    paragraphs = [p.strip() for p in (markdown or "").split("\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)


def render_safely(markdown: str, video_hosts=(), limit: float | None = None) -> Rendered:
    """render_body within a time limit (default: time_limit of the body); plain
    paragraphs, marked as a fallback, when it fails or overruns."""
    limit = time_limit(markdown) if limit is None else limit
    if limit <= 0:  # no time at all: not even a tiny body that the helper answers at once
        return Rendered(plain_paragraphs(markdown), fallback=True)
    try:
        return Rendered(_helper().call("render", markdown, list(video_hosts), limit))
    except Exception:  # noqa: BLE001 - a timeout or any failure inside markdown2
        _stop_helper()  # a stuck render must not hold the helper
        return Rendered(plain_paragraphs(markdown), fallback=True)


def dropped_safely(markdown: str, video_hosts=()) -> list[tuple[str, int, int]]:
    """dropped_markup within the body's time limit; nothing when it fails or overruns
    (that body falls back to plain paragraphs, and 机审 says so)."""
    if "<" not in markdown and ":" not in markdown:
        return []  # neither a tag nor an address written: nothing can be dropped
    try:
        return _helper().call("dropped", markdown, list(video_hosts), time_limit(markdown))
    except Exception:  # noqa: BLE001 - a timeout or any failure inside markdown2
        _stop_helper()
        return []
