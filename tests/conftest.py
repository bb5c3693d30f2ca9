import os
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import pygit2
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:  # QtWebEngine's sandbox refuses root
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# The suite reads English whatever this machine's locale (subprocesses inherit it); a
# test of the Chinese messages asks for them.
os.environ["NEWSDESK_LANG"] = "en"

from newsdesk.cli import main as cli_main  # noqa: E402
from newsdesk.demo import load_demo  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from tests.hosts import GitHttps, certificate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def patient_renderer(monkeypatch):
    """No test's outcome may hang on how fast this machine renders markdown: ordinary
    bodies get all the time they need, and a test of the time limit sets its own
    (bench/ measures the real one)."""
    from newsdesk.text import render
    monkeypatch.setattr(render, "BASE_LIMIT_S", 300.0)


@pytest.fixture(autouse=True)
def english():
    """The core speaks English in every test but those that switch it."""
    from newsdesk import i18n
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "newsdesk.db"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def demo_store(db_path):
    s = Store.open(db_path)
    load_demo(s)
    yield s
    s.close()


@pytest.fixture
def newsroom(db_path):
    """The demo newsroom without its stories."""
    s = Store.open(db_path)
    load_demo(s, stories=False)
    yield s
    s.close()


PASSWORD = "越溪2026"


def real_newsroom(store: Store) -> Store:
    """The demo newsroom made real, as a newsroom of many seats needs it: not a demo,
    every account with a password (so a key pair), each vouched for by the admin."""
    from newsdesk.review import accounts
    load_demo(store)
    admin = store.users.find("admin")
    store.set_settings({"demo": False}, admin.id)
    accounts.set_password(store, admin, PASSWORD, admin.id)
    for user in store.users.all():
        if user.id != admin.id:
            accounts.set_password(store, user, PASSWORD, admin.id)
    # The demo's sign-offs were made before anyone had a key: each signed now by its
    # reviewer (every key is unlocked in this process), as a real newsroom's are, or
    # its story would be held back from the site.
    from newsdesk.review import signing
    signatures = [(signing.sign_event(vars(e)), e.id) for e in list(store.events.every())]
    with store.transaction():
        store.conn.executemany("UPDATE review_events SET signature = ? WHERE id = ?",
                               signatures)
    return store


class CliResult:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys):
    def run(*args):
        code = cli_main([str(a) for a in args])
        out, err = capsys.readouterr()
        return CliResult(code, out, err)
    return run


def run_main(*args, env=None):
    """python main.py ARGS in a subprocess, as a user would type it."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self):
        self.kept = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch):
    """A keyring that forgets at the test's end (never the machine's own)."""
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    monkeypatch.setattr(keyring, "get_password", memory.get_password)
    monkeypatch.setattr(keyring, "set_password", memory.set_password)
    return memory


TOKEN = "a1b2c3-令牌"  # the newsroom's git server's access token in the tests


@pytest.fixture(scope="session")
def https_certificate(tmp_path_factory):
    """One for the run: libgit2 reads the certificates it is told to trust once."""
    return certificate(tmp_path_factory.mktemp("https"))


@pytest.fixture
def https(tmp_path, monkeypatch, memory_keyring, https_certificate):
    """The newsroom on an office git server over HTTPS that wants a login (a Gitea's
    user name and access token); this PC told to trust its certificate."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    (tmp_path / "served").mkdir()
    server = GitHttps(tmp_path / "served", https_certificate, "newsroom", TOKEN)
    monkeypatch.setenv("GIT_SSL_CAINFO", str(server.ca))
    pygit2.settings.set_ssl_cert_locations(str(server.ca), None)
    monkeypatch.delenv("NEWSDESK_GIT_USER", raising=False)
    monkeypatch.delenv("NEWSDESK_GIT_PASSWORD", raising=False)
    yield server
    server.stop()

