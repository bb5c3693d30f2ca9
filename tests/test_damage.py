"""A database damaged by the test itself: refused at open with the newest good backup
named, found by the whole-file check, and put right by restoring."""
import pytest

from db import DatabaseDamaged, connect
from newsdesk import backup
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
