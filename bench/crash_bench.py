"""How much input a crash costs: the app types into a story (a character every 50 ms,
every twentieth input a sentence pasted with Ctrl+V, through Qt events), is killed
with SIGKILL at a random moment, and the story is opened again in the app, which
recovers what its crash journal held. For each kill: the inputs done before it that
did not come back, in characters and in time (from the first lost input to the kill).
Goal: worst ≤ 0.3 s of input, pastes included.

    python bench/crash_bench.py --kills 20"""
from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from PySide6.QtWidgets import QApplication  # noqa: E402

from newsdesk.demo import load_demo  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from tests.ui.typist import PASTE, inputs  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def type_and_kill(db: str, draft: str, after_s: float, home: str) -> tuple[list, float]:
    """Run the typist, kill it after_s seconds into its typing; returns its reports
    (inputs done, characters added, monotonic time) and the moment of the kill."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=home)
    proc = subprocess.Popen([sys.executable, "-m", "tests.ui.typist", db, draft], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    first = proc.stdout.readline()
    time.sleep(after_s)
    killed_at = time.monotonic()
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    reports = [(int(n), int(c), float(t)) for n, c, t in
               (line.split() for line in (first + rest).splitlines())]
    return reports, killed_at


def reopen(app, db: str, draft: str) -> str:
    """Open the story in the app as a user would after the crash; its text, saved."""
    store = Store.open(db)
    window = MainWindow(store, db, store.users.find("chenlu"))
    window.show()
    window.open_story(draft)
    app.processEvents()
    text = window.editor.body.toPlainText()
    window.close()  # saves, so the next round starts from it
    store.close()
    return text


def recovered_inputs(before: str, text: str, done: int) -> int:
    """How many of the first `done` inputs the reopened text holds, in order."""
    got = 0
    while got < done and text.startswith(before + "".join(inputs(got + 1))):
        got += 1
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("Newsdesk-crash-bench")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "newsdesk.db")
        store = Store.open(db)
        load_demo(store)
        draft = store.articles.ids(state="draft", author_id=store.users.find("chenlu").id)[0]
        store.close()
        lost_ms, lost_chars, paste_kills = [], [], 0
        for n in range(args.kills):
            store = Store.open(db)
            before = store.articles.get(draft).body
            store.close()
            reports, killed_at = type_and_kill(db, draft, rng.uniform(0.3, 3.0), tmp)
            done = reports[-1][0]
            text = reopen(app, db, draft)
            got = recovered_inputs(before, text, done)
            chars = reports[-1][1] - (reports[got - 1][1] if got else 0)
            ms = (killed_at - reports[got][2]) * 1000 if got < done else 0.0
            pasted = [t for i, _, t in reports if inputs(i)[-1] == PASTE]
            near_paste = bool(pasted) and killed_at - pasted[-1] < 0.3
            paste_kills += near_paste
            lost_ms.append(ms)
            lost_chars.append(chars)
            print(f"kill {n + 1:2}: {done:3} inputs done, {done - got} lost "
                  f"({chars} characters, {ms:.0f} ms of input)"
                  + (" — killed within 0.3 s of a paste" if near_paste else ""), flush=True)
    print(f"\n{args.kills} kills ({paste_kills} within 0.3 s of a paste): input lost "
          f"median {statistics.median(lost_ms):.0f} ms / {statistics.median(lost_chars):.0f} "
          f"characters, worst {max(lost_ms):.0f} ms / {max(lost_chars)} characters "
          f"(goal: worst ≤ 300 ms)")


if __name__ == "__main__":
    main()
