"""Nothing typed is lost to a crash beyond the last couple of seconds: the app is
killed with SIGKILL while typing, and the database is read afterwards."""
import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.ui.typist import TEXT

TYPING_MS = 50


def test_sigkill_while_typing_loses_at_most_two_seconds(demo_store, tmp_path):
    draft = demo_store.article_ids(state="draft")[0]
    before = demo_store.article(draft).body
    path = demo_store.path
    demo_store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "tests.ui.typist", path, draft], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout.readline(), "the typist did not start"  # typing has started
    started = time.monotonic()
    time.sleep(6)
    os.kill(proc.pid, signal.SIGKILL)
    elapsed = time.monotonic() - started
    proc.wait()
    from newsdesk.store import Store
    store = Store.open(path)
    body = store.article(draft).body
    store.close()
    saved = len(body) - len(before.rstrip("\n"))
    assert body.startswith(before.rstrip("\n")) or body.startswith(before)
    assert TEXT.startswith(body[len(before):]) or TEXT.startswith(body[len(before) - 1:])
    typed = elapsed * 1000 / TYPING_MS
    lost = typed - saved
    print(f"typed {typed:.0f} characters in {elapsed:.1f} s, {saved} saved, lost {lost * TYPING_MS:.0f} ms")
    assert saved > 0
    assert lost * TYPING_MS <= 2000 + 500, (typed, saved)  # ≤ 2 s of typing (+ start-up slack)
