"""What every page of the site shares — settings, templates, navigation, header and
footer — and how a story's page is drawn: SiteLook, which the export's plan extends and
the preview pane holds one of."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from markupsafe import Markup

from newsdesk import times, urls
from newsdesk.model import Article
from newsdesk.text.render import renderer_version
from newsdesk.site.templates import environment, root_for, template_dirs
from newsdesk.store import Store

# Bump when the export's output for the same data changes.
EXPORT_FORMAT = "site-1"


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, str):
            part = part.encode()
        elif not isinstance(part, bytes):
            part = json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode()
        h.update(part + b"\0")
    return h.hexdigest()


def _files_digest(dirs: list[Path]) -> str:
    h = hashlib.sha256()
    for d in dirs:
        for f in sorted(p for p in d.rglob("*") if p.is_file()):
            h.update(str(f.relative_to(d)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


_ASSET_LINK = re.compile(r'(src|href|poster)="assets/')


def site_relative(body_html: str, root: str) -> str:
    """Bodies link stored images as assets/…; on a page that is not at the site root
    the link needs the way back up."""
    return _ASSET_LINK.sub(lambda m: f'{m.group(1)}="{root}assets/', body_html) \
        if root else body_html


class SiteLook:
    """What every page shares — settings, templates, navigation, header and footer —
    and how a story's page is drawn. Light: the preview pane holds one."""

    def __init__(self, store: Store, now: str | None = None):
        self.store = store
        self.now = now or times.now()
        site = store.settings()
        self.tz = ZoneInfo(site.timezone)
        self.env = environment(site)
        self.channels = store.channels.all()
        # A URL that is not a web address (a `javascript:` link channel…) goes into no
        # page; the export reports it.
        self.problems = urls.site_problems(site, self.channels)
        self.channels = [c for c in self.channels
                         if c.kind != "link" or not urls.problem(c.url or "")]
        self.site = replace(
            site, footer_links=[link for link in site.footer_links
                                if not urls.problem(link.get("href", ""))],
            base_url="" if urls.problem(site.base_url, absolute=True) else site.base_url)
        self.topics = store.channels.topics()
        self.topic_by_id = {t.id: t for t in self.topics}
        self._chrome_cache: dict[tuple, dict] = {}
        self.by_id = {c.id: c for c in self.channels}
        self.children: dict[str | None, list] = {}
        for c in self.channels:
            self.children.setdefault(c.parent_id, []).append(c)
        self.nav = [self._nav_item(c) for c in self.children.get(None, [])]
        self.video_hosts = self.site.video_hosts
        base = self.site.base_url
        self.base_url = base if not base or base.endswith("/") else base + "/"

    # An export needs every user's name and the whole-site key; the preview pane, which
    # draws one story, needs neither: they are read the first time they are asked for.
    @cached_property
    def names(self) -> dict[str, str]:
        return {u.id: u.real_name for u in self.store.users.all()}

    @cached_property
    def global_key(self) -> str:
        """Everything every page depends on: one change here re-renders the whole site."""
        return digest(
            EXPORT_FORMAT, renderer_version(self.video_hosts), self.site.on_pages(),
            [asdict(c) for c in self.channels], [asdict(t) for t in self.topics], self.names,
            _files_digest(template_dirs(self.site)))

    # ---- shared pieces -----------------------------------------------------------
    def _href(self, channel) -> str:
        return channel.url if channel.kind == "link" else f"{channel.slug}/index.html"

    def _nav_item(self, channel) -> dict:
        kids = [c for c in self.children.get(channel.id, [])]
        return {"id": channel.id, "name": channel.name, "href": self._href(channel),
                "ids": {channel.id, *(k.id for k in kids)},
                "children": [{"name": k.name, "href": self._href(k)} for k in kids]}

    def crumbs(self, channel_id: str | None) -> list[dict]:
        trail = []
        while channel_id:
            c = self.by_id[channel_id]
            trail.insert(0, {"name": c.name, "href": self._href(c)})
            channel_id = c.parent_id
        return trail

    def _local(self, stored: str) -> datetime:
        return times.from_stored(stored).astimezone(self.tz)

    def _item(self, s: dict) -> dict:
        local = self._local(s["first_published_at"])
        return {"title": s["title"], "path": s["public_path"], "date": f"{local:%Y-%m-%d}",
                "iso": local.isoformat(timespec="seconds")}

    def _chrome(self, context: dict) -> dict:
        """Header and footer, rendered once per (depth, current channel, home or not)."""
        channel = context["current_channel"]
        key = (context["root"], channel.id if channel else None, context["page_kind"] == "home")
        if key not in self._chrome_cache:
            self._chrome_cache[key] = {
                part: Markup(self.env.get_template(f"_{part}.html").render(**context))
                for part in ("header", "footer")}
        return self._chrome_cache[key]

    def _render(self, template: str, path: str, **context) -> bytes:
        context |= {"site": self.site, "nav": self.nav, "root": root_for(path),
                    "page_kind": context.get("page_kind", template.split(".")[0]),
                    "current_channel": context.get("current_channel")}
        context |= self._chrome(context)
        return self.env.get_template(template).render(**context).encode("utf-8")

    def article_html(self, a: Article, body_html: str, meta: dict, path: str) -> bytes:
        """A story's page, as the export writes it and the preview shows it."""
        topics = self.topic_by_id
        corrections = [{"date": f"{self._local(c['at']):%Y-%m-%d}", "note": c["note"]}
                       for c in a.corrections if c.get("at")]
        description = (a.summary or a.subtitle or a.title)[:120]
        body_html = site_relative(body_html, root_for(path))
        return self._render(
            "article.html", path, page_kind="article",
            a=vars(a) | {"body_html": body_html, "description": description},
            meta=meta, crumbs=self.crumbs(a.channel_id), corrections=corrections,
            topics=[{"name": topics[t].name, "href": f"topics/{topics[t].slug}/index.html"}
                    for t in a.topics if t in topics],
            current_channel=self.by_id.get(a.channel_id))

    def withdrawn_html(self, withdrawn_at: str, path: str) -> bytes:
        """What a withdrawn story's page becomes: the notice saying when it was withdrawn."""
        return self._render("withdrawn.html", path,
                            date=f"{self._local(withdrawn_at):%Y-%m-%d}")

    def partial(self, template: str, path: str, **context) -> str:
        """One piece of a page (_headline.html, _byline.html): the preview updates the
        page it loaded once with these."""
        context |= {"site": self.site, "root": root_for(path)}
        return self.env.get_template(template).render(**context)
