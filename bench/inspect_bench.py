"""网站自查 speed on an archive: the whole inspection offline (channels, footer, every
live story through 机审's knowledge — word lists, spam, protected names, personal
information, misspellings, traditional characters — and the meta lines), without link
checking, --runs times; median and the stories per second (target: ≤ 60 s at 100,000
stories). The story check alone is measured too, to show where the time goes.

    python bench/make_archive.py 100000 --db /tmp/archive.db
    python bench/inspect_bench.py --db /tmp/archive.db"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk.checks import TEXT_FIELDS, content_findings, knowledge_for  # noqa: E402
from newsdesk.site.inspect import inspect_site  # noqa: E402
from newsdesk.store import Store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    store = Store.open(args.db)
    live = len(store.exports.live_ids())
    timings, report = [], None
    for _ in range(args.runs):
        started = time.perf_counter()
        report = inspect_site(store, links=False, external=False)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"{live} live stories, {report.channels} channels: inspect (offline, no links) "
          f"median {median:.1f} s over {args.runs} runs ({live / median:,.0f} stories/s; "
          f"target ≤ 60 s); {report.count('block')} to fix, {report.count('warn')} warnings")
    # Where the time goes: the knowledge alone over the first 5,000 stories.
    know = knowledge_for(store)
    sample = store.articles.many(store.exports.live_ids()[:5000])
    started = time.perf_counter()
    for a in sample:
        for name in TEXT_FIELDS:
            content_findings(name, getattr(a, name) or "", know)
    spent = time.perf_counter() - started
    print(f"机审 knowledge alone: {spent / len(sample) * 1000:.2f} ms a story "
          f"({len(sample)} stories)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
