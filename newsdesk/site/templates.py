"""The Jinja2 environment every page is rendered with: the outlet's own template
folder (a site setting) first, then ours, so any template can be overridden."""
from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context

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


def environment(site: dict) -> Environment:
    # No auto_reload: an environment lives for one export (or one preview session),
    # whose templates were digested at its start; checking each template's file at
    # every page was 5 stat calls a page (a tenth of a full export).
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs(site)]),
        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
        auto_reload=False)
    env.filters["url"] = relative_url
    return env


def root_for(path: str) -> str:
    """'yaowen/2026/11/3.html' → '../../../' (the way back to the site root)."""
    return "../" * path.count("/")
