"""Output piped into a reader that has gone (`newsdesk list | head`): stop quietly, as
Unix tools do, for every command; never a BrokenPipeError traceback."""
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_into_closed_pipe(*args):
    """The command with its stdout a pipe nobody reads any more."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                           stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    return r


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("pipes") / "demo.db"
    from newsdesk.cli import main
    assert main(["init", "--db", str(path), "--demo"]) == 0
    from newsdesk.store import Store
    store = Store.open(path)
    story = store.articles.ids(state="published")[0]
    store.close()
    return path, story


COMMANDS = [
    ["list"], ["list", "--json"], ["search", "社区", "--json"], ["show", "STORY"],
    ["show", "STORY", "--json"], ["history", "STORY"], ["check", "STORY", "--json"],
    ["check", "STORY"], ["users", "--json"], ["channels"], ["audit"],
    ["words", "export", "/dev/stdout"], ["words", "--json"], ["--help"], ["list", "--help"],
]


@pytest.mark.skipif(os.name != "posix", reason="a closed pipe is a POSIX notion here")
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_quietly(demo, command):
    path, story = demo
    args = [story if a == "STORY" else a for a in command]
    if "--help" not in args:
        args += ["--db", path]
    r = run_into_closed_pipe(*args)
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert r.stderr == "" and r.returncode in (0, 141)
