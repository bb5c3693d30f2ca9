"""A crash or a kill loses nothing the crash journal had: the app is killed with
SIGKILL while typing and pasting, then the story is opened again. No timing is
asserted here (bench/crash_bench.py measures how much input a kill costs): the test
waits until the journal holds a paste, kills, and checks that what the journal held
comes back, into an editor that is not read-only."""
import os
import signal
import subprocess
import sys

import pytest

from newsdesk.editing import journal
from newsdesk.store import Store
from tests.conftest import ROOT
from tests.ui.typist import PASTE, inputs
from ui.main_window import MainWindow


def typist(path, draft, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path))
    return subprocess.Popen([sys.executable, "-m", "tests.ui.typist", path, draft],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_kill_after_a_paste_loses_nothing_the_journal_had(demo_store, tmp_path, qtbot):
    draft = demo_store.articles.ids(state="draft", author_id=demo_store.users.find("chenlu").id)[0]
    before = demo_store.articles.get(draft).body
    path = demo_store.path
    demo_store.close()
    proc = typist(path, draft, tmp_path)
    try:
        while int(proc.stdout.readline().split()[0]) < 23:  # a paste (the 20th) and more
            pass
        wanted = before + "".join(inputs(20))
        qtbot.waitUntil(lambda: (journal.read(path, draft) or journal.Entry({}, 0, ""))
                        .values.get("body", "").startswith(wanted), timeout=30_000)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    kept = journal.read(path, draft).values["body"]  # what the journal held at the kill
    assert PASTE in kept
    store = Store.open(path)
    window = MainWindow(store, path, store.users.find("chenlu"))
    qtbot.addWidget(window)
    window.show()
    window.open_story(draft)
    editor = window.editor
    assert not editor.body.isReadOnly()  # our own crashed app's lock: taken back silently
    assert editor.body.toPlainText() == kept
    assert "Recovered" in editor.banner.text() and PASTE[:10] in editor.banner.text()
    qtbot.waitUntil(lambda: store.articles.get(draft).body == kept, timeout=30_000)  # saved
    window.close()
    assert journal.read(path, draft) is None  # saved: the journal is done with
    store.close()
