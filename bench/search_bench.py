"""Search latency on an archive: median and p95 over one- and two-character Chinese
queries (the cases FTS5's trigram tokenizer cannot serve), first page of 20 results,
newest first: with no filter, then narrowed to a channel (with its sub-channels) and
the last year; and the count shown beside the results ("1,000+" past 1,000).

    python bench/make_archive.py 100000 --db /tmp/archive.db
    python bench/search_bench.py --db /tmp/archive.db"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from datetime import timedelta  # noqa: E402

from newsdesk import times  # noqa: E402
from newsdesk.model import StoryFilter  # noqa: E402
from newsdesk.store import Store  # noqa: E402

# 25 two-character and 25 one-character queries, common and rare.
QUERIES = ("社区 疫情 防汛 志愿 老人 急救 民宿 医保 义诊 体检 非遗 越剧 招商 垃圾 河道 "
           "消防 反诈 就业 养老 科技 生态 教育 粮食 航线 减负 "
           "社 疫 茶 溪 村 镇 县 医 水 电 路 桃 老 民 园 街 乡 文 商 网 药 河 剧 展 雪").split()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    store = Store.open(args.db)
    print(f"{store.articles.count()} stories in {args.db}")
    store.search.find("预热")  # warm the page cache once, as an open app would be
    newest = store.articles.ids(limit=1)[0]
    until = store.articles.get(newest).first_published_at or store.articles.get(newest).updated_at
    year_before = times.to_stored(times.from_stored(until) - timedelta(days=365))
    town = max(store.channels.all(), key=lambda c: len(store.articles.ids(channel_id=c.id)))
    narrowed = StoryFilter(channel_id=town.parent_id or town.id, since=year_before)
    print(f"narrowed: channel {store.channels.get(narrowed.channel_id).name} and below, "
          f"since {year_before[:10]}")
    for label, f in (("no filter", StoryFilter()), ("narrowed", narrowed)):
        timings, counting, rows = [], [], []
        for q in QUERIES:
            t = time.perf_counter()
            hits = store.search.find(q, f, limit=args.limit)
            timings.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            n, exact = store.search.count(q, f)
            counting.append((time.perf_counter() - t) * 1000)
            rows.append((q, len(hits), timings[-1], f"{n}{'' if exact else '+'}"))
        print(f"== {label}")
        print("  " + "  ".join(f"{q} {ms:.0f}ms/{n}" for q, _hits, ms, n in rows))
        for name, part, counts in (("two-char", timings[:25], counting[:25]),
                                   ("one-char", timings[25:], counting[25:])):
            print(f"{name:9} page median {statistics.median(part):6.1f} ms   "
                  f"p95 {percentile(part, 95):6.1f} ms    count median "
                  f"{statistics.median(counts):6.1f} ms   p95 {percentile(counts, 95):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
