"""The plan of an incremental export after a few stories changed only in their own
pages (a correction, a new picture, a fixed byline): planned from what changed since
the last export (article_changes, migration m011) and the few stories the home page,
the feeds, the ranking and the first list pages show, never from every live story, so
it costs the same in a 10,000- and a 100,000-story archive. Anything else — a story new
to the site, withdrawn or moved, a title changed, settings, channels, topics, users or
templates changed — is planned whole (SitePlan), which this must equal page for page."""
from __future__ import annotations

from newsdesk.review.clearance import Judge, say
from newsdesk.site import plan
from newsdesk.site.sitelook import SiteLook
from newsdesk.site.plan import HEADLINES, PHOTO_ROW, Page, SitePlan, list_key
from newsdesk.store import Store

LIMIT = 500   # changed stories past which the whole site is planned


class DeltaPlan(SitePlan):
    """SitePlan over the stories the changed pages need (see the module docstring)."""

    def __init__(self, store: Store, now: str, out_key: str, mark: tuple[str, int, int, int]):
        SiteLook.__init__(self, store, now)
        self.out_key = out_key
        self.count, self.files = mark[2], mark[3]   # no story came or went since
        self.judge = Judge(store)
        self.changed = self._changed(mark)
        if self.changed is not None:
            self._file(self._needed())
            # Held back before and unchanged since: still off the site, still said.
            held = store.clearances.withheld(self.judge.context)
            titles = store.articles.lookup("articles", "title", list(held))
            paths = store.articles.lookup("articles", "public_path", list(held))
            self.held = {i: (titles.get(i, i), paths.get(i), say(r)) for i, r in held.items()}

    @classmethod
    def attempt(cls, store: Store, now: str, out_key: str) -> DeltaPlan | None:
        """The delta plan, or None where the site must be planned whole."""
        mark = store.exports.mark(out_key)
        if mark is None:
            return None
        plan = cls(store, now, out_key, mark)
        return plan if plan.changed is not None else None

    def _changed(self, mark: tuple) -> list[dict] | None:
        """The live stories changed since the mark, if each changed only in its own
        page; None otherwise."""
        if self.global_key != mark[0] or \
                self.store.clearances.exported_with(self.out_key) != self.judge.context:
            return None   # (reviewers' roles or keys changed: every story judged again)
        ids = self.store.exports.changed_since(mark[1], LIMIT)
        if ids is None:
            return None
        paths = self.store.exports.lookup("articles", "public_path", ids)
        if len(paths) < len(ids):
            return None   # deleted: it may have had a page
        live = {s["id"]: s for s in self.store.exports.live_of(ids)}
        records = self.store.exports.records(self.out_key, [p for p in paths.values() if p])
        for article_id, path in paths.items():
            record, s = records.get(path), live.get(article_id)
            if s is None and record is not None:
                return None   # withdrawn, or taken off the site
            if s is None:
                continue
            if record is None or record[1] is None:
                return None   # new on the site (or exported before list keys)
            s["position"] = int(record[1].split(":")[0])
            if record[1] != list_key(s):
                return None   # its lists change
        if self.judge.withheld(list(live)):
            return None   # held back now: its page goes and its lists change
        return list(live.values())

    def _needed(self) -> list[dict]:
        """The changed stories and every story the home page, the feeds, the ranking
        and the first page of each list or topic could show, newest first."""
        site, exports = self.site, self.store.exports
        depth = max(site.page_size, site.rss_items, site.home_items, HEADLINES + 1)
        pinned = exports.newest_live(0, pinned=True)
        rows = self.changed + pinned + exports.newest_live(depth + len(pinned))
        rows += exports.newest_live(PHOTO_ROW + 1, with_cover=True)
        for c in self.channels:
            if c.kind == "list":
                rows += exports.newest_live(depth, channel_id=c.id)
        for t in self.topics:
            rows += exports.newest_live(depth, topic_id=t.id)
        rows += exports.live_of(list({i for _, top in self.most_viewed for i, _ in top}))
        unique = {s["id"]: s for s in rows}
        for article_id in self.judge.withheld(list(unique)):
            del unique[article_id]
        return sorted(sorted(unique.values(), key=lambda s: s["id"]),
                      key=lambda s: s["first_published_at"], reverse=True)

    def pages(self) -> list[Page]:
        """The pages a page-only change can reach: the home page, the ranking, the
        feeds, the sitemap's shards holding the changed stories, static files and
        new pictures (list and topic pages are unchanged: the lists show nothing that
        changed)."""
        return self._singletons() + self._feeds() + self._sitemaps() + \
            self._static_pages() + self._asset_pages()

    def story_count(self) -> int:
        return self.count

    def _assets(self) -> list[dict]:
        return self.store.exports.new_assets(self.out_key)

    def _story_entries(self, offset: int, limit: int) -> list[tuple[str, str]]:
        """A shard's entries, found from a changed story in it (else, in a sitemap of
        one file, read from the start)."""
        anchor = next((s for s in self.changed if offset <= s["position"] < offset + limit),
                      None)
        exports = self.store.exports
        entries = exports.sitemap_around(anchor, anchor["position"] - offset, limit) \
            if anchor else exports.sitemap_entries(offset, limit)
        return [(self._absolute(path), updated) for path, updated in entries]

    def _shards(self, count: int) -> list[int]:
        return sorted({s["position"] // plan.SITEMAP_SHARD for s in self.changed})
