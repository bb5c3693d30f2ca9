"""HTML for showing a story read-only inside the app (headline block, meta line, body,
byline), until the export's own template serves the preview."""
from __future__ import annotations

from html import escape

from newsdesk.meta import meta_line
from newsdesk.model import Article
from newsdesk.store import Store

_META = (("发布时间", "published_at"), ("来源", "source"), ("编辑", "editor"),
         ("审核", "reviewer"))


def story_html(store: Store, article: Article) -> str:
    meta = meta_line(store, article)
    parts = [f"<p style='color:#a33'>{escape(article.kicker)}</p>" if article.kicker else "",
             f"<h2>{escape(article.title)}</h2>",
             f"<p><b>{escape(article.subtitle)}</b></p>" if article.subtitle else "",
             "<p style='color:#666'>" + "&nbsp;&nbsp;".join(
                 f"{label}:{escape(meta[key])}" for label, key in _META) + "</p><hr>",
             article.body_html or "",
             f"<p>（记者{escape('、'.join(article.reporters))}）</p>"
             if article.reporters else ""]
    return "".join(parts)
