"""The Jinja2 environment every page is rendered with: the outlet's own template
folder (a site setting) first, then ours, so any template can be overridden."""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import (
    BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound,
    pass_context,
)

from newsdesk.paths import resource

_EXTERNAL = ("http://", "https://", "mailto:", "#", "//")


@pass_context
def relative_url(context, target: str) -> str:
    """A site path made relative to the page being rendered, so the site works from
    any base path and straight from disk."""
    if target.startswith(_EXTERNAL):
        return target
    return context["root"] + target


def template_dirs(site: dict) -> list[Path]:
    ours = resource("templates")
    outlet = site.template_dir
    return [Path(outlet), ours] if outlet else [ours]


# `{% include "name" %}` with a fixed name, and a partial that only prints (no blocks,
# macros, imports or variables of its own to scope).
_INCLUDE = re.compile(r'{% include "([^"]+)" %}')
_SCOPED = re.compile(r"{%-?\s*(extends|block|macro|import|from|set|call)\b")


class InliningLoader(ChoiceLoader):
    """Writes each such partial into the template including it when that is loaded
    (the outlet's own partial, where it has one): an include makes a new context at
    every page, a quarter of drawing a story's page. The empty prints keep a partial's
    `{%-`/`-%}` from trimming the including template's whitespace, so the bytes are
    the same as an include's."""

    load = BaseLoader.load   # ChoiceLoader's own would ask its loaders, not get_source

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return self._inline(environment, source, 0), filename, uptodate

    def _inline(self, environment, source: str, depth: int) -> str:
        def partial(m: re.Match) -> str:
            try:
                text = super(InliningLoader, self).get_source(environment, m.group(1))[0]
            except TemplateNotFound:
                return m.group(0)   # said when rendered, as an include would
            if depth > 4 or _SCOPED.search(text):
                return m.group(0)
            return '{{ "" }}' + self._inline(environment, text, depth + 1) + '{{ "" }}'
        return _INCLUDE.sub(partial, source)


def environment(site: dict) -> Environment:
    # No auto_reload: an environment lives for one export (or one preview session),
    # whose templates were digested at its start; checking each template's file at
    # every page was 5 stat calls a page (a tenth of a full export).
    env = Environment(
        loader=InliningLoader([FileSystemLoader(str(d)) for d in template_dirs(site)]),
        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
        auto_reload=False)
    env.filters["url"] = relative_url
    return env


def root_for(path: str) -> str:
    """'yaowen/2026/11/3.html' → '../../../' (the way back to the site root)."""
    return "../" * path.count("/")
