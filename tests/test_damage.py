"""A database damaged by the test itself: refused at open with the newest good backup
named, found by the whole-file check, and put right by restoring. A sound database that
cannot be used here (a read-only folder, a full disk, another user's file, another
program's lock) is said as that, and no backup is offered."""
import os
import random
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import DatabaseDamaged, connect
from newsdesk import backup
from newsdesk.demo import load_demo
from newsdesk.store import Store


def damage_header(path):
    data = bytearray(path.read_bytes())
    data[0:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))


def damage_page(path, page=3, page_size=4096):
    data = bytearray(path.read_bytes())
    data[page * page_size:(page + 1) * page_size] = b"\x5a" * page_size
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(demo_store, tmp_path):
    from pathlib import Path
    path = Path(demo_store.path)
    good = backup.auto_backup(demo_store)
    demo_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    demo_store.close()
    damage_header(path)
    return path, good


def test_refused_at_open_naming_the_newest_good_backup(damaged, cli):
    path, good = damaged
    with pytest.raises(DatabaseDamaged):
        connect(path)
    r = cli("list", "--db", path)
    assert r.code == 2 and "damaged" in r.err and str(good) in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    r = cli("restore", good, "--db", path)
    assert r.code == 0
    assert Store.open(path).articles.count() == 12


def test_whole_file_check_finds_a_damaged_page(demo_store, tmp_path):
    copy = backup.backup(demo_store, tmp_path / "copy.db")
    assert backup.full_check(copy) is None
    damage_page(copy, page=5)
    assert backup.full_check(copy)  # says what is wrong
    assert backup.newest_good_backup(demo_store.path) is None  # no automatic ones yet


def test_the_app_offers_the_backup_and_restores_it(damaged, qapp, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import app as app_module
    path, good = damaged
    shown = []

    def click_restore():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                shown.append(w.text() + " " + w.informativeText())
                [button] = [b for b in w.buttons() if "Restore" in b.text()]
                button.click()
    QTimer.singleShot(100, click_restore)
    store = app_module.offer_restore(path, DatabaseDamaged(path, "file is not a database"))
    assert "damaged" in shown[0] and str(good) in shown[0]
    assert store.articles.count() == 12
    store.close()


def damage_index(path, index="articles_newest"):
    """Garbage over one index's root page: the file opens and its small tables check
    out, and the first query that reads that index fails."""
    import sqlite3
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                        [index]).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    damage_page(path, page - 1, size)


@pytest.fixture
def damaged_inside(demo_store):
    from pathlib import Path
    path = Path(demo_store.path)
    good = backup.auto_backup(demo_store)
    demo_store.close()
    damage_index(path)
    connect(path).conn.close()  # opens: the damage is not where the open check looks
    return path, good


@pytest.mark.parametrize("command", [["list"], ["list", "--json"],
                                     ["submit", "PREFIX", "--as", "chenlu"]])
def test_damage_met_after_open_is_the_same_one_line_message(damaged_inside, cli, command):
    path, good = damaged_inside
    if "PREFIX" in command:  # a write command that reads the damaged index first
        import sqlite3
        conn = sqlite3.connect(path)
        draft = conn.execute("SELECT id FROM articles WHERE state = 'draft'").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM review_events").fetchone()[0]
        conn.close()
        command = [draft if c == "PREFIX" else c for c in command]
    r = cli(*command, "--db", path)
    assert r.code == 2, r.err
    assert "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1
    assert "damaged" in r.err and f"newsdesk restore {good}" in r.err
    if command[0] == "submit":
        import sqlite3
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT count(*) FROM review_events").fetchone()[0] == events
        assert conn.execute("SELECT state FROM articles WHERE id = ?",
                            [draft]).fetchone()[0] == "draft"
        conn.close()


def test_damage_after_open_in_a_real_process(damaged_inside):
    from tests.conftest import run_main
    path, good = damaged_inside
    r = run_main("list", "--db", path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert str(good) in r.stderr and len(r.stderr.strip().splitlines()) == 1


# ---- what it is: damaged, or sound but not usable here -----------------------------
# The tests run as root, whom a folder's permissions do not stop: a read-only folder and
# a full disk are a small tmpfs of the test's own, remounted read-only or filled up.
@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip("these tests mount a small tmpfs, which needs root with CAP_SYS_ADMIN "
                    f"(mount said: {mounted.stderr.strip()})")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


NOBODY = 65534  # the unprivileged user and group of Debian and most Linux systems


def demo_on(folder):
    """The demo newsroom at folder/newsdesk.db, with an automatic backup beside it."""
    path = folder / "newsdesk.db"
    store = Store.open(path)
    load_demo(store)
    backup.auto_backup(store)
    store.close()
    return path


def fill_up(folder):
    with open(folder / "filler", "ab") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass


def assert_no_restore_offered(err):
    assert "is damaged" not in err and "newsdesk restore" not in err and "backups" not in err
    assert "the database is not damaged: there is nothing to restore" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_read_only_folder_is_said_not_damage(small_disk, cli):
    path = demo_on(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    r = cli("list", "--db", path)
    assert r.code == 2, r.out
    assert f"the folder {small_disk} is read-only" in r.err
    assert "Make the folder writable" in r.err
    assert_no_restore_offered(r.err)


def test_a_full_disk_is_said_not_damage(small_disk, cli):
    from newsdesk.errors import NotFound, StorageFailed
    path = demo_on(small_disk)
    open_before = Store.open(path)  # the app, open when the disk filled up
    fill_up(small_disk)
    try:
        with pytest.raises(StorageFailed) as raised:
            open_before.channels.add("wenhua", "文化" * 20000)
        assert f"the disk holding {small_disk} is full" in str(raised.value)
        with pytest.raises(NotFound):  # nothing was written
            open_before.channels.find("wenhua")
    finally:
        open_before.close()  # its write-ahead log goes, and frees some space
    fill_up(small_disk)
    r = cli("list", "--db", path)
    assert r.code == 2, r.out
    assert f"the disk holding {small_disk} is full" in r.err and "Free some space" in r.err
    assert_no_restore_offered(r.err)


@pytest.mark.parametrize("case", ["another user's folder", "a read-only file"])
def test_a_file_this_user_may_not_write_is_said_not_damage(case):
    """Root passes any permission check: the command runs as nobody (setpriv)."""
    from tests.conftest import ROOT
    if not shutil.which("setpriv") or os.geteuid() != 0:
        pytest.skip("runs the command as another user: needs root and setpriv")
    folder = Path(tempfile.mkdtemp())  # not under pytest's folder, which nobody may enter
    try:
        folder.chmod(0o755)
        path = demo_on(folder)
        if case == "a read-only file":  # nobody's own folder and file, the file read-only
            for file in (folder, path):
                os.chown(file, NOBODY, NOBODY)
            path.chmod(0o444)
        r = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
                            "--clear-groups", sys.executable, str(ROOT / "main.py"),
                            "users", "add", "sunyue", "--name", "孙悦", "--db", str(path)],
                           capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(folder)
    assert r.returncode == 2, r.stdout
    if case == "a read-only file":
        assert f"{path} cannot be used: {path} is read-only. Make it writable" in r.stderr
    else:
        assert f"this user (nobody) may not read and write {folder}" in r.stderr
    assert_no_restore_offered(r.stderr)


@contextmanager
def held_exclusively(path):
    """Another program holding the database: an exclusive lock, until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(path)!r})\n"
        "c.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "c.execute('UPDATE site SET value = value')\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.communicate("")


@pytest.fixture
def short_wait(monkeypatch):
    import db.connection
    monkeypatch.setattr(db.connection, "BUSY_TIMEOUT_S", 0.3)


def test_a_database_another_program_holds_is_said_busy(demo_store, cli, short_wait):
    path = demo_store.path
    demo_store.close()
    with held_exclusively(path):
        r = cli("list", "--db", path)
    assert r.code == 2, r.out
    assert f"{path} is busy: another program holds it" in r.err
    assert "Try again once that program has finished" in r.err
    assert "is damaged" not in r.err and "restore" not in r.err
    assert cli("list", "--db", path).code == 0  # once it has let go


def test_a_whole_file_check_that_cannot_run_is_no_damage(demo_store, short_wait):
    """The check cannot read a file another program holds: it says so (the app shows it
    in the status bar), and it is not taken for damage with a backup offered."""
    from newsdesk.errors import DatabaseBusy
    path = demo_store.path
    demo_store.close()
    with held_exclusively(path):
        found = backup.full_check(path)
    assert isinstance(found, DatabaseBusy) and "another program holds it" in str(found)


def test_a_body_that_is_not_utf8_names_the_story(demo_store, cli):
    import sqlite3
    path = demo_store.path
    good = backup.auto_backup(demo_store)
    meeting = next(a for a in demo_store.articles.many(demo_store.articles.ids())
                   if a.title.startswith("越溪县召开经济工作会议"))
    demo_store.close()
    conn = sqlite3.connect(path)  # flipped bytes in the middle of the body's text
    body = bytearray(meeting.body.encode())
    body[10:16] = b"\xff\xfe\x80\xc3\x28\xa0"
    conn.execute("UPDATE articles SET body = CAST(? AS TEXT) WHERE id = ?",
                 [bytes(body), meeting.id])
    conn.commit()
    conn.close()
    for command in (["list"], ["show", meeting.id]):
        r = cli(*command, "--db", path)
        assert r.code == 2, r.out
        assert (f"story {meeting.id[:8]} “{meeting.title}”: its body is damaged (not valid "
                "UTF-8 text)") in r.err
        assert f"newsdesk restore {good}" in r.err
        assert "\ufffd" not in r.err and "decode" not in r.err and "with text" not in r.err
        assert len(r.err.strip().splitlines()) == 1


def test_its_story_is_named_in_chinese(demo_store):
    """“稿件 3f2a… 的正文已损坏”: the field as the newsroom calls it."""
    from newsdesk import i18n
    i18n.use("zh_CN")
    draft = demo_store.articles.get(demo_store.articles.ids(state="draft")[0])
    demo_store.conn.execute("UPDATE articles SET body = CAST(x'e6ada3ff' AS TEXT) "
                            "WHERE id = ?", [draft.id])
    demo_store.conn.commit()
    said = backup.what_is_damaged(DatabaseDamaged(demo_store.path, "", column="body"))
    chinese = f"稿件 {draft.id[:8]}“{draft.title}”的正文已损坏（不是有效的 UTF-8 文本）"
    assert said == chinese


# Four bits flipped at places drawn from this seed change an indexed value in a story's
# row: the row is missing from its index, which integrity_check finds and quick_check
# and every plain query do not (a search over 60 seeds found it; it held over four
# differently made demo databases).
FLIP_SEED, FLIPS = 4, 4


def flip_bits(path, seed=FLIP_SEED, flips=FLIPS):
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(flips):
        at = rng.randrange(100, len(data))  # past the 100-byte file header
        data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_index_rows(demo_store):
    import sqlite3
    path = Path(demo_store.path)
    good = backup.auto_backup(demo_store)
    demo_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    demo_store.close()
    flip_bits(path)
    conn = sqlite3.connect(path)
    verdicts = [conn.execute(f"PRAGMA {p}").fetchone()[0]
                for p in ("integrity_check", "quick_check")]
    conn.close()
    assert verdicts[0].startswith("row ") and verdicts[1] == "ok", (
        f"seed {FLIP_SEED} no longer damages only an index here: {verdicts}; find "
        "another with a small search")
    return path, good


def test_the_whole_file_check_finds_what_integrity_check_finds(damaged_index_rows, cli):
    from db import DatabaseDamaged
    path, good = damaged_index_rows
    assert cli("list", "--db", path).code == 0  # no plain query meets it
    found = backup.full_check(path)
    assert isinstance(found, DatabaseDamaged) and "missing from index" in found.detail
    r = cli("backup", "--db", path)
    assert r.code == 2, r.out
    assert f"{path} is damaged or not a database (row " in r.err
    assert f"newsdesk restore {good}" in r.err
    assert ".tmp" not in r.err and len(backup.backups(path)) == 1


def test_backup_blames_the_database_not_its_copy(damaged_inside, cli):
    path, good = damaged_inside
    r = cli("backup", "--to", path.parent / "copy.db", "--db", path)
    assert r.code == 2, r.out
    assert r.err.startswith(f"newsdesk: error: {path} is damaged or not a database (")
    assert ".tmp" not in r.err and f"newsdesk restore {good}" in r.err
    assert not list(path.parent.glob("*copy.db*"))
