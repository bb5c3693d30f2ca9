"""Hostile input, property-based (hypothesis, a bounded number of examples here;
bench/fuzz_bench.py runs many more): rendering never raises nor lets a script through,
import never crashes on arbitrary bytes, and no slug or path leads a write outside."""
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from newsdesk.errors import NewsdeskError
from newsdesk.importers import parse_file
from newsdesk.importers.decode import DecodeError
from newsdesk.importers.frontmatter import FrontMatterError
from newsdesk.importers.legacy import NotAnArticle
from newsdesk.text import render
from newsdesk.text.render import Rendered, plain_paragraphs, render_safely
from newsdesk.site.writer import UnsafePath, check_path
from newsdesk.store import validate_slug

EXAMPLES = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
    "[x](javascript:alert(1))", "<a href='vbscript:x'>v</a>", "<iframe src=//evil>",
    "<svg onload=alert(1)>", "<scr<script>ipt>", "**", "__", "`", "[", "](", "<", ">",
    "\n\n", "    ", "# ", "> ", "- ", "1. ", "社区", "&#106;avascript:", "<style>", "\\",
])
MARKDOWN = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)
# In markup, not in text: "javascript:" as words on the page harms nobody.
BAD = re.compile(r"<script|<iframe|<svg|<[a-z][^>]*\son\w+\s*=|"
                 r"<[a-z][^>]*\s(href|src|poster)\s*=\s*[\"']?\s*(javascript|vbscript):", re.I)


@EXAMPLES
@given(MARKDOWN)
def test_rendering_never_raises_and_never_lets_a_script_through(markdown):
    html = render_safely(markdown).html
    assert not BAD.search(html), html


def test_slow_and_crashing_markdown_fall_back_to_plain_paragraphs():
    slow = "[a](" * 20000  # markdown2 takes tens of seconds on this
    assert render_safely(slow, limit=0.5) == Rendered(plain_paragraphs(slow), fallback=True)
    deep = "".join(" " * i + "- x\n" for i in range(400))  # RecursionError in markdown2
    assert render_safely(deep) == Rendered(plain_paragraphs(deep), fallback=True)
    assert render_safely("**好**") == Rendered("<p><strong>好</strong></p>\n")  # back to normal


def test_the_limit_grows_with_the_body():
    assert render.time_limit("") == render.BASE_LIMIT_S
    two_mb = render.time_limit("字" * 2_000_000)
    assert two_mb == render.BASE_LIMIT_S + 2 * render.PER_MILLION_CHARS_S


@EXAMPLES
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".md", ".html", ".txt"]))
def test_import_never_crashes_on_arbitrary_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"x{suffix}"
    path.write_bytes(data)
    try:
        parse_file(path, "Asia/Shanghai")
    except (DecodeError, FrontMatterError, NotAnArticle, NewsdeskError):
        pass  # a clear reason, which the importer reports per file


@EXAMPLES
@given(st.text(max_size=60))
def test_no_site_path_leads_out_of_the_folder(path):
    try:
        check_path(path)
    except UnsafePath:
        return
    parts = path.split("/")
    assert not path.startswith("/") and ".." not in parts and "." not in parts
    assert "" not in parts and "\\" not in path


@EXAMPLES
@given(st.text(max_size=30))
def test_slugs_are_plain_ascii_or_refused(slug):
    try:
        validate_slug(slug, "channel")
    except NewsdeskError:
        return
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug)
