"""The preview pane's pages: the export's own article template, drawn for a story as
it stands in the editor (saved or not). The pane loads the page once, then replaces
its parts in place as the editor types."""
from __future__ import annotations

import base64
import mimetypes
import re
from collections import OrderedDict
from dataclasses import replace

from newsdesk.errors import NotFound
from newsdesk.review.meta import meta_line
from newsdesk.model import Article, State
from newsdesk.paths import RESOURCES
from newsdesk.text.render import Rendered, render_safely
from newsdesk.site.sitelook import SiteLook
from newsdesk.store import Store

# The page is drawn as if it lived at the site root, and the pane loads it with the
# resources folder as its base, so its stylesheet link (static/site.css) resolves.
PATH = "preview.html"
_ASSET = re.compile(r'(src|poster)="assets/([0-9a-f]{64})(\.[a-z0-9]{1,5})?"')
# What else a body names to load, it names on the web; a path is never read from disk.
# The pane's page lives in the resources folder, so `![](../../newsdesk.db)` would have
# QtWebEngine open the database in the app's own process (dropping SQLite's locks: see
# db/own_files.py), and `//server/x.jpg` a file share on Windows.
_LOCAL = re.compile(r'\b(src|poster)="(?!data:|https?://)[^"]*"', re.I)
BASE = RESOURCES


INLINED = 64  # pictures kept ready as data: URLs (an asset's name is its content's hash)


class Preview:
    def __init__(self, store: Store):
        self.store = store
        self.look = SiteLook(store)
        # Each keystroke redraws the body; base64 of 20 pictures took ~30 ms of the UI
        # thread each time. A picture's bytes never change under its name.
        self.inlined: OrderedDict[str, str] = OrderedDict()

    def render_body(self, markdown: str) -> Rendered:
        """The slow part (markdown2, then nh3): what runs off the UI thread."""
        return render_safely(markdown, self.look.video_hosts)

    def _meta(self, article: Article) -> dict:
        if article.id:
            return meta_line(self.store, article, self.look.site)
        return {"published_at": "", "source": article.source or self.look.site.name,
                "editor": "", "reviewer": ""}

    def _inline_assets(self, body_html: str) -> str:
        """The preview is not in the exported folder: stored images come inline, and
        no other path is read."""
        def data_url(m: re.Match) -> str:
            url = self._data_url(m.group(2), m.group(3))
            return f'{m.group(1)}="{url}"' if url else m.group(0)
        return _LOCAL.sub(r'data-unread-\1=""', _ASSET.sub(data_url, body_html))

    def _data_url(self, asset_id: str, ext: str | None) -> str | None:
        """A stored picture as a data: URL (None when it is not stored), the last
        INLINED kept."""
        key = asset_id + (ext or "")
        if key in self.inlined:
            self.inlined.move_to_end(key)
            return self.inlined[key]
        try:
            data = self.store.assets.data(asset_id)
        except NotFound:
            return None
        mime = mimetypes.guess_type(f"x{ext}")[0] or "application/octet-stream"
        self.inlined[key] = f"data:{mime};base64,{base64.b64encode(data).decode()}"
        if len(self.inlined) > INLINED:
            self.inlined.popitem(last=False)
        return self.inlined[key]

    def page(self, article: Article, body_html: str) -> str:
        """The whole page, for the first load; a withdrawn story's is the notice its
        page becomes at the next publication."""
        if article.state == State.WITHDRAWN:
            return self.look.withdrawn_html(article.updated_at, PATH).decode("utf-8")
        return self.look.article_html(article, self._inline_assets(body_html),
                                      self._meta(article), PATH).decode("utf-8")

    def parts(self, article: Article, body_html: str) -> dict[str, str]:
        """CSS selector → inner HTML, for updating the loaded page in place."""
        context = {"a": vars(replace(article)), "meta": self._meta(article)}
        return {".crumbs": self.look.partial("_crumbs.html", PATH,
                                             crumbs=self.look.crumbs(article.channel_id)),
                ".headline": self.look.partial("_headline.html", PATH, **context),
                ".body": self._inline_assets(body_html),
                ".byline": self.look.partial("_byline.html", PATH, **context)}
