"""Read everything the site is made of, then plan its pages (as Pelican does: read
everything, then write). A page is a path, what produced it, a digest of its inputs
(so an incremental export skips pages whose inputs did not change) and a deferred
render. Nothing here writes a file."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from functools import cached_property, partial
from itertools import islice
from typing import Callable
from xml.sax.saxutils import escape as xml_escape

from newsdesk import times
from newsdesk.review.clearance import Judge
from newsdesk.review.meta import meta_lines
from newsdesk.model import Article
from newsdesk.paths import resource
from newsdesk.text.render import (
    FALLBACK, lead_text, render_body, render_safely, renderer_version,
)
from newsdesk.site.sitelook import SiteLook, digest
from newsdesk.store import Store

# Stories per sitemap file (the protocol allows 50,000): one story's change rewrites one
# shard, so this bounds what a correction costs the sitemap at any archive size.
SITEMAP_SHARD = 10_000
PHOTO_ROW = 4  # 图片新闻 on the home page
HEADLINES = 6  # titles beside the 头条


@dataclass(slots=True)
class Page:
    path: str
    source: str                      # what produced it: named in duplicate-path errors
    key: str                         # digest of its inputs
    render: Callable[[], bytes]
    article_id: str | None = None    # article pages: loaded in batches before rendering
    list_key: str | None = None      # article pages: what lists show of the story


def shown(s: dict) -> str:
    """What a list shows of a live story: list pages' keys are made of these."""
    return f"{s['public_path']}\1{s['title']}\1{s['first_published_at']}"


def list_key(s: dict) -> str:
    """Where the site's order puts a live story (its position, oldest first) and what
    the lists show of it and where they file it: a change that leaves this alone
    rewrites no list page (site.delta)."""
    text = f'{shown(s)}\1{s["channel_id"]}\1{",".join(sorted(s["topics"]))}'
    return f'{s["position"]}:{hashlib.sha256(text.encode()).hexdigest()[:32]}'


class SitePlan(SiteLook):
    """Every page of the site, planned (see the module docstring)."""

    def __init__(self, store: Store, now: str | None = None):
        super().__init__(store, now)
        self.withdrawn = store.exports.withdrawn_pages()
        self.judge = judge = Judge(store)
        stories = store.exports.live_stories()
        held = judge.withheld([s["id"] for s in stories])
        # Not cleared: not on the site (no page, in no list, feed or sitemap).
        self.held = {s["id"]: (s["title"], s["public_path"], held[s["id"]])
                     for s in stories if s["id"] in held}
        self._file([s for s in stories if s["id"] not in held])
        store.clearances.forget_other_contexts(judge.context)

    def _file(self, stories: list[dict]) -> None:
        """Take the live stories (newest first): one pass files each under its channel
        and every ancestor (a parent's list shows its sub-channels' stories) and under
        its topics, newest first."""
        self.stories = stories
        self._lead: dict[str, str] = {}  # first paragraphs, for feeds
        self._articles: dict[str, Article] = {}
        self._metas: dict[str, dict] = {}
        self.in_channel: dict[str, list[dict]] = {c.id: [] for c in self.channels}
        self.in_topic: dict[str, list[dict]] = {t.id: [] for t in self.topics}
        for n, s in enumerate(self.stories):
            s["shown"] = shown(s)
            s.setdefault("position", len(self.stories) - 1 - n)
            channel_id = s["channel_id"]
            while channel_id in self.by_id:
                self.in_channel[channel_id].append(s)
                channel_id = self.by_id[channel_id].parent_id
            for t in s["topics"]:
                self.in_topic.setdefault(t, []).append(s)
        self.static_dirs = [resource("static")] + (
            [Path(self.site.static_dir)] if self.site.static_dir else [])

    # ---- the pages ----------------------------------------------------------------
    def pages(self) -> list[Page]:
        """Every page but the live stories' own (see article_page): a few thousand."""
        pages = self._withdrawn_pages() + self._list_pages() + self._topic_pages()
        pages += self._singletons() + self._feeds() + self._sitemaps()
        return pages + self._static_pages() + self._asset_pages()

    @property
    def article_key_prefix(self) -> str:
        """An article page's key is this, then ':updated_at:live_revision:revision:
        renderer_version' of
        its story (a correction always makes a new live revision). Exports.changed_articles
        builds the same key in SQL, so an export need not load 100,000 keys; the
        renderer version is in it, so a body rendered again after a fallback is
        written again. Other
        pages' keys are hex digests: no ':' (Exports.keys relies on it)."""
        return self.global_key[:16]

    def article_page(self, s: dict) -> Page:
        key = (f"{self.article_key_prefix}:{s['updated_at']}:{s['live_revision']}:"
               f"{s['revision']}:{s['renderer_version']}")
        return Page(s["public_path"], f"article {s['id'][:8]}", key,
                    partial(self._article_html, s), article_id=s["id"], list_key=list_key(s))

    def prepare(self, article_ids: list[str]) -> None:
        """Load the articles (and their meta lines) that are about to be rendered."""
        for chunk in range(0, len(article_ids), 500):
            articles = self.store.articles.many(article_ids[chunk:chunk + 500], with_body=False)
            self._articles.update((a.id, a) for a in articles)
            self._metas.update(meta_lines(self.store, articles, self.site, self.names))

    def _article_html(self, s: dict) -> bytes:
        if s["id"] not in self._articles:
            self.prepare([s["id"]])
        a = self._articles.pop(s["id"])
        meta = self._metas.pop(s["id"])
        body_html = a.body_html
        if a.live_revision != a.revision:  # under correction: the page keeps the live text
            live = self.store.articles.revision_content(a.id, a.live_revision)
            a = replace(a, **{k: v for k, v in live.items() if hasattr(a, k)})
            body_html = render_safely(a.body, self.video_hosts).html
        elif a.renderer_version not in (renderer_version(self.video_hosts), FALLBACK):
            # (A fallback was tried again before planning: see export's retry_fallbacks.)
            body_html = render_safely(self.store.articles.get(a.id).body, self.video_hosts).html
        return self.article_html(a, body_html, meta, s["public_path"])

    def _withdrawn_pages(self) -> list[Page]:
        return [Page(w["public_path"], f"withdrawn article {w['id'][:8]}",
                     digest(self.global_key, "withdrawn", w["id"], w["updated_at"]),
                     lambda w=w: self.withdrawn_html(w["updated_at"], w["public_path"]))
                for w in self.withdrawn]

    def _paginated(self, base: str, source: str, stories: list[dict], template: str,
                   **context) -> list[Page]:
        size = self.site.page_size
        count = max(1, -(-len(stories) // size))
        name = lambda n: f"{base}/index.html" if n == 1 else f"{base}/index_{n}.html"  # noqa
        pages = []
        for n in range(1, count + 1):
            chunk = stories[(n - 1) * size:n * size]
            info = {"number": n, "count": count, "prev": name(n - 1) if n > 1 else None,
                    "next": name(n + 1) if n < count else None}
            # What a list shows of each story, not when it changed: timestamps have
            # one-second resolution.
            key = digest(self.global_key, source, f"{n}/{count}",
                         "\0".join([s["shown"] for s in chunk]))
            pages.append(Page(name(n), f"{source} page {n}", key,
                              lambda n=n, chunk=chunk, info=info: self._render(
                                  template, name(n), stories=[self._item(s) for s in chunk],
                                  pages=info, **context)))
        return pages

    def _list_pages(self) -> list[Page]:
        pages = []
        for c in self.channels:
            if c.kind != "list":
                continue
            stories = self.in_channel[c.id]
            kids = [{"name": k.name, "href": self._href(k)} for k in self.children.get(c.id, [])]
            pages += self._paginated(c.slug, f"channel {c.slug}", stories, "list.html",
                                     heading=c.name, description="", children=kids,
                                     crumbs=self.crumbs(c.id), current_channel=c,
                                     page_kind="list")
        return pages

    def _topic_pages(self) -> list[Page]:
        pages = []
        for t in self.topics:
            stories = self.in_topic[t.id]
            pages += self._paginated(f"topics/{t.slug}", f"topic {t.slug}", stories,
                                     "list.html", heading=t.name, description=t.description,
                                     children=[], crumbs=[{"name": "专题",
                                                           "href": "topics/index.html"}],
                                     page_kind="topic")
        listing = [{"name": t.name, "description": t.description,
                    "href": f"topics/{t.slug}/index.html"} for t in self.topics]
        pages.append(Page("topics/index.html", "topics index",
                          digest(self.global_key, "topics"),
                          lambda: self._render("topics.html", "topics/index.html",
                                               topics=listing)))
        return pages

    def _singletons(self) -> list[Page]:
        home_key, home = self._home()
        ranking_key, boards = self._ranking()
        robots = "User-agent: *\nAllow: /\n" + (
            f"Sitemap: {self._absolute('sitemap.xml')}\n"
            if self.site.base_url else "")
        return [
            Page("index.html", "home page", home_key,
                 lambda: self._render("home.html", "index.html", page_kind="home", **home)),
            Page("ranking.html", "ranking page", ranking_key,
                 lambda: self._render("ranking.html", "ranking.html", boards=boards)),
            Page("sitemap.html", "site map", digest(self.global_key, "sitemap.html"),
                 lambda: self._render("sitemap.html", "sitemap.html")),
            Page("404.html", "not-found page", digest(self.global_key, "404"),
                 lambda: self._render("404.html", "404.html")),
            Page("robots.txt", "robots.txt", digest(robots), lambda: robots.encode()),
        ] + [Page(p["path"], f"site page {p['title']}", digest(self.global_key, "page", p),
                  lambda p=p: self._render("page.html", p["path"], title=p["title"],
                                           body_html=render_body(p.get("body", ""))))
             for p in self.site.pages]

    def _home(self) -> tuple[str, dict]:
        """头条 (the first pinned story, else the newest with a cover picture) with its
        picture and lead beside the other pinned headlines and the newest stories (要闻
        to HEADLINES), a row of 图片新闻 (the newest other stories with covers), then each
        channel that has stories."""
        pinned = sorted((s for s in self.stories if s["pinned"]),
                        key=lambda s: (-s["weight"], s["first_published_at"]),
                        )[:4]
        with_cover = [s for s in self.stories if s["cover"]]
        lead = pinned[0] if pinned else (with_cover[0] if with_cover else None)
        photos = [s for s in with_cover if s is not lead][:PHOTO_ROW]
        blocks = []
        for c in self.children.get(None, []):
            latest = self.in_channel[c.id][:self.site.home_items] if c.kind == "list" else []
            if latest:
                blocks.append({"name": c.name, "href": self._href(c),
                               "stories": [self._item(s) for s in latest]})
        context = {
            "lead": lead and self._item(lead) | {"cover": lead["cover"],
                                                 "summary": self._leads([lead])[lead["id"]]},
            "headlines": [self._item(s) for s in (pinned[1:] + list(islice(
                (s for s in self.stories if s is not lead and not s["pinned"]),
                HEADLINES)))[:HEADLINES]],
            "photos": [self._item(s) | {"cover": s["cover"]} for s in photos],
            "blocks": blocks}
        return digest(self.global_key, "home", context), context

    @cached_property
    def most_viewed(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The ranking page's boards: (name, [(story id, views)…])."""
        today = times.from_stored(self.now).astimezone(self.tz).date()
        return [(name, self.store.pageviews.most_viewed(
                    (today - timedelta(days=days - 1)).isoformat(), self.site.ranking_items))
                for name, days in (("近7天", 7), ("近30天", 30))]

    def _ranking(self) -> tuple[str, list]:
        titles = {s["id"]: s for s in self.stories}
        boards = [{"name": name, "stories": [self._item(titles[i]) | {"views": n}
                                             for i, n in top if i in titles]}
                  for name, top in self.most_viewed]
        return digest(self.global_key, "ranking", boards), boards

    # ---- feeds, sitemaps, files ------------------------------------------------------
    def _absolute(self, path: str) -> str:
        return self.base_url + path

    def _leads(self, stories: list[dict]) -> dict[str, str]:
        """What a feed item says of a story: its summary, else its first paragraph."""
        missing = [s["id"] for s in stories if not s["summary"] and s["id"] not in self._lead]
        for a in self.store.articles.many(missing, with_body=False):
            self._lead[a.id] = lead_text(a.body_html)
        return {s["id"]: s["summary"] or self._lead.get(s["id"], "") for s in stories}

    def _feed(self, path: str, title: str, link: str, stories: list[dict]) -> Page:
        stories = stories[:self.site.rss_items]
        leads = self._leads(stories)
        items = [{"title": s["title"], "abs": self._absolute(s["public_path"]),
                  "summary": leads[s["id"]],
                  "rfc822": format_datetime(times.from_stored(s["first_published_at"]))}
                 for s in stories]
        return Page(path, f"feed {path}", digest(self.global_key, path, items),
                    lambda: _xml(self.env.get_template("rss.xml").render(
                        title=title, link=self._absolute(link),
                        self_link=self._absolute(path), stories=items)))

    def _feeds(self) -> list[Page]:
        if not self.site.base_url:
            return []  # feeds need absolute links
        feeds = [self._feed("rss.xml", self.site.name, "index.html", self.stories)]
        for c in self.channels:
            if c.kind == "list":
                feeds.append(self._feed(f"{c.slug}/rss.xml", f"{self.site.name} · {c.name}",
                                        f"{c.slug}/index.html", self.in_channel[c.id]))
        return feeds

    def _sitemaps(self) -> list[Page]:
        """Home, lists and topics (lastmod: the newest change among what a first page
        shows), then every story oldest first (lastmod: its last change); past
        SITEMAP_SHARD entries, an index, the lists in sitemap-0.xml and the stories in
        shards of SITEMAP_SHARD, which a new story never shifts."""
        if not self.site.base_url:
            return []
        size = self.site.page_size

        def newest(stories: list[dict]) -> str | None:
            return max((s["updated_at"] for s in stories[:size]), default=None)

        lists = [(self._absolute(f"{c.slug}/index.html"), newest(self.in_channel[c.id]))
                 for c in self.channels if c.kind == "list"]
        lists += [(self._absolute(f"topics/{t.slug}/index.html"),
                   newest(self.in_topic.get(t.id, []))) for t in self.topics]
        home = max([m for _, m in lists if m] + [newest(self.stories) or ""]) or None
        # An empty list changes with the site around it.
        head = [(self._absolute("index.html"), home)] + [(u, m or home) for u, m in lists]
        count = self.story_count()
        if len(head) + count <= SITEMAP_SHARD:
            entries = head + self._story_entries(0, count)
            return [Page("sitemap.xml", "sitemap.xml", digest(entries),
                         lambda: _urlset(entries))]
        pages = [Page("sitemap-0.xml", "sitemap of the lists", digest(head),
                      lambda: _urlset(head))]
        for n in self._shards(-(-count // SITEMAP_SHARD)):
            entries = self._story_entries(n * SITEMAP_SHARD, SITEMAP_SHARD)
            pages.append(Page(f"sitemap-{n + 1}.xml", f"sitemap shard {n + 1}",
                              digest(entries), lambda entries=entries: _urlset(entries)))
        index = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        index += [f"<sitemap><loc>{xml_escape(self._absolute(f'sitemap-{n}.xml'))}</loc>"
                  "</sitemap>" for n in range(-(-count // SITEMAP_SHARD) + 1)]
        body = _xml("\n".join(index + ["</sitemapindex>"]) + "\n")
        return pages + [Page("sitemap.xml", "sitemap index", digest(body), lambda: body)]

    def story_count(self) -> int:
        """Live stories on the site."""
        return len(self.stories)

    # What the sitemap reads of the stories, and which pictures are planned; the
    # delta plan (site.delta), which holds only some of them, reads these from the
    # database.

    def _story_entries(self, offset: int, limit: int) -> list[tuple[str, str]]:
        end = len(self.stories) - offset
        oldest = self.stories[max(0, end - limit):max(0, end)][::-1]
        return [(self._absolute(s["public_path"]), s["updated_at"]) for s in oldest]

    def _shards(self, count: int) -> list[int]:
        return list(range(count))

    def _static_pages(self) -> list[Page]:
        files: dict[str, Path] = {}
        for d in self.static_dirs:  # the outlet's folder last: its files win
            for f in d.rglob("*"):
                if f.is_file():
                    files[f"static/{f.relative_to(d).as_posix()}"] = f
        return [Page(path, f"static file {f}", digest(f.read_bytes()),
                     lambda f=f: f.read_bytes()) for path, f in sorted(files.items())]

    def _assets(self) -> list[dict]:
        return self.store.assets.all()

    def _asset_pages(self) -> list[Page]:
        return [Page(f"assets/{a['id']}{a['ext']}", f"asset {a['filename']}", a["id"],
                     lambda a=a: self.store.assets.data(a["id"]))
                for a in self._assets()]


def _urlset(entries: list[tuple[str, str | None]]) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{xml_escape(u)}</loc>" + (f"<lastmod>{m}</lastmod>" if m else "")
              + "</url>" for u, m in entries]
    return _xml("\n".join(lines + ["</urlset>"]) + "\n")


# What XML 1.0 forbids in a document: the C0 controls but tab and line ends, and
# U+FFFE/U+FFFF. The app refuses them, but an older database may hold some, and one
# would make a whole feed unreadable.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> bytes:
    return _NOT_XML.sub("", text).encode("utf-8")
