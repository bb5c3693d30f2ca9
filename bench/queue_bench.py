"""Review queue on a big archive: time from opening the queue to its first rows on
screen, and how long each step of scrolling through it takes (a stall is a step over
50 ms). Offscreen; prints medians.

    python bench/make_archive.py 100000 --db /tmp/archive.db
    QT_QPA_PLATFORM=offscreen python bench/queue_bench.py --db /tmp/archive.db"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:  # the window holds a web view
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from PySide6.QtWidgets import QApplication  # noqa: E402

from newsdesk.store import Store  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.queue.queue_widget import ReviewQueue  # noqa: E402


def open_queue(app, store, user) -> tuple[float, ReviewQueue]:
    started = time.perf_counter()
    queue = ReviewQueue(store, user)
    queue.resize(1400, 860)
    queue.show()
    queue.table.viewport().repaint()  # the first rows painted
    app.processEvents()
    return (time.perf_counter() - started) * 1000, queue


def scroll_steps(app, table, steps: int) -> list[float]:
    bar = table.verticalScrollBar()
    timings = []
    for i in range(1, steps + 1):
        started = time.perf_counter()
        bar.setValue(bar.maximum() * i // steps)
        table.viewport().repaint()
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    store = Store.open(args.db)
    user = store.users.find("liqiang")
    waiting = store.articles.count("submitted") + store.articles.count("in_review")
    print(f"{store.articles.count()} stories, {waiting} waiting for review")
    opens = []
    for _ in range(args.runs):
        ms, queue = open_queue(app, store, user)
        opens.append(ms)
        queue.close()
        queue.deleteLater()
    print(f"queue open to first rows: median {statistics.median(opens):.0f} ms "
          f"(min {min(opens):.0f}, max {max(opens):.0f}, {args.runs} runs)")
    _, queue = open_queue(app, store, user)
    steps = scroll_steps(app, queue.table, 200)
    print(f"scrolling the queue in 200 steps: median {statistics.median(steps):.1f} ms, "
          f"max {max(steps):.1f} ms, steps over 50 ms: {sum(s > 50 for s in steps)}")
    window = MainWindow(store, args.db, user)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    steps = scroll_steps(app, window.table, 200)
    print(f"scrolling all {window.model.rowCount()} stories in 200 steps: median "
          f"{statistics.median(steps):.1f} ms, max {max(steps):.1f} ms, "
          f"steps over 50 ms: {sum(s > 50 for s in steps)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
