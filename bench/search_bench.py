"""Search latency on an archive: median and p95 over one- and two-character Chinese
queries (the cases FTS5's trigram tokenizer cannot serve), first page of 20 results.

    python bench/make_archive.py 100000 --db /tmp/archive.db
    python bench/search_bench.py --db /tmp/archive.db"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    timings, rows = [], []
    for q in QUERIES:
        t = time.perf_counter()
        hits = store.search.find(q, limit=args.limit)
        timings.append((time.perf_counter() - t) * 1000)
        rows.append((q, len(hits), timings[-1]))
    for q, n, ms in rows:
        print(f"  {q:<4} {n:>3} hits  {ms:7.1f} ms")
    for label, part in (("all 50", timings), ("two-char", timings[:25]),
                        ("one-char", timings[25:])):
        print(f"{label:9} median {statistics.median(part):7.1f} ms   "
              f"p95 {percentile(part, 95):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
