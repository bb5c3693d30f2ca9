"""Limits a user can hit, offscreen: 10,000 channels, 10,000 users and a 2 MB story.

Builds (or reuses) a database of the demo newsroom plus 10,000 channels and 10,000
users, adds a story with a 2 MB body, then measures:

1. the login dialog, the main window and a review-queue reload (medians);
2. opening the 2 MB story in the editor beside its preview;
3. typing into it as an editor does, in bursts (a character every 100 ms for 3 s,
   then a 1.5 s pause, over and over for 12 s), with autosave, the checks and the
   preview all running: how long each keystroke holds the UI thread, and how late a
   10 ms timer ran (a stall a typist would feel).

    python bench/limits_bench.py --db /tmp/limits.db"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

MANY = 10_000
BODY_BYTES = 2_000_000


def build(path: Path) -> None:
    from bench.checks_bench import article
    from newsdesk.demo import load_demo
    from newsdesk.store import Store

    store = Store.open(path)
    load_demo(store)
    with store.transaction():
        for i in range(MANY):
            store.channels.add(f"c{i:05d}", f"频道{i:05d}",
                              parent=None if i % 10 == 0 else f"c{i - i % 10:05d}")
            store.users.add(f"u{i:05d}", f"用户{i:05d}", ["reporter"])
    rnd, paragraphs, size = random.Random(5), [], 0
    while size < BODY_BYTES:
        piece = article(2_000, rnd).body
        paragraphs.append(piece)
        size += len(piece.encode())
    author = store.users.find("chenlu")
    store.articles.create(author.id, title="两兆字节的长稿", body="\n\n".join(paragraphs),
                         channel_id=store.channels.find("c09999").id, reporters=["陈璐"])
    store.close()


def median_ms(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def typing(window, app, seconds: float) -> tuple[list[float], list[float], int]:
    """Keystroke handling times and event-loop stalls (ms) while typing; autosaves as
    the editor does them. Returns them and how many saves happened."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QInputMethodEvent, QTextCursor

    editor = window.editor
    editor.body.moveCursor(QTextCursor.End)
    keys, stalls, saves = [], [], []
    editor.session.status.connect(lambda text: saves.append(text))
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append((now - last[0]) * 1000 - 10)
        last[0] = now

    def key() -> None:
        if (time.perf_counter() - began) % 4.5 > 3:
            return  # pausing: the checks run, the autosave comes due
        event = QInputMethodEvent()
        event.setCommitString("字")
        started = time.perf_counter()
        app.sendEvent(editor.body, event)
        keys.append((time.perf_counter() - started) * 1000)

    heartbeat, typist = QTimer(interval=10), QTimer(interval=100)
    heartbeat.timeout.connect(tick)
    typist.timeout.connect(key)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    began = time.perf_counter()
    heartbeat.start()
    typist.start()
    loop.exec()
    typist.stop()
    heartbeat.stop()
    return keys, stalls, sum(1 for s in saves if s.startswith(("Saved", "已保存")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--seconds", type=float, default=12)
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db)
        print(f"built {args.db} in {time.perf_counter() - started:.1f} s")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from newsdesk.store import Store
    from ui.login import LoginDialog
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("Newsdesk-limits-bench")  # not the user's window settings
    QSettings().clear()
    store = Store.open(args.db)
    user = store.users.find("chenlu")
    story = store.search.find("两兆字节的长稿", limit=1)[0]
    print(f"{len(store.channels.choices())} channels, {len(store.users.choices())} users, "
          f"story of {len(store.articles.get(story.article_id).body.encode()):,} bytes")

    def login() -> None:
        dialog = LoginDialog(store)
        dialog.show()
        app.processEvents()
        dialog.close()

    print("login dialog: median %.0f ms (max %.0f)" % median_ms(login, 5))
    windows = []

    def open_window() -> None:
        w = MainWindow(store, str(args.db), user)
        w.show()
        app.processEvents()
        windows.append(w)

    print("main window shown: median %.0f ms (max %.0f)" % median_ms(open_window, 5))
    window = windows[-1]
    for w in windows[:-1]:
        w.editor.stop()
        w.close()
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))
    window.queue.mine.setChecked(False)  # the whole queue, not only this user's
    print("review queue reload: median %.1f ms (max %.1f)" % median_ms(window.queue.reload, 20))

    started = time.perf_counter()
    window.open_story(story.article_id)
    app.processEvents()
    opened = (time.perf_counter() - started) * 1000
    loop = QEventLoop()
    window.preview.updated.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    if not window.preview._loaded:
        loop.exec()
    print(f"open the 2 MB story: {opened:.0f} ms on the UI thread; preview shown after "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")

    keys, stalls, saves = typing(window, app, args.seconds)
    keys.sort()
    stalls.sort()
    print(f"typing into it in bursts for {args.seconds:.0f} s ({len(keys)} keystrokes, "
          f"{saves} saves): "
          f"keystroke median {statistics.median(keys):.1f} ms, max {keys[-1]:.1f} ms; "
          f"event-loop stall p99 {stalls[int(0.99 * (len(stalls) - 1))]:.0f} ms, "
          f"max {stalls[-1]:.0f} ms")
    window.editor.stop()
    typed = store.articles.get(story.article_id).body.endswith("字" * len(keys))
    print(f"every typed character saved: {typed}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
