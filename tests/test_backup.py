from datetime import datetime, timedelta, timezone

import pytest

from newsdesk import backup
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store


def test_backup_is_a_checked_consistent_copy(demo_store, tmp_path):
    made = backup.backup(demo_store, tmp_path / "copy.db")
    copy = Store.open(made)
    assert copy.count_articles() == demo_store.count_articles() == 12
    assert [e.hash for e in copy.events(copy.article_ids()[-1])] == \
        [e.hash for e in demo_store.events(demo_store.article_ids()[-1])]
    copy.close()
    with pytest.raises(NewsdeskError, match="cannot overwrite the database"):
        backup.backup(demo_store, demo_store.path)


def test_automatic_backups_at_most_daily_and_rotated(demo_store):
    start = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    assert backup.auto_backup(demo_store, now=start, keep=3)
    assert backup.auto_backup(demo_store, now=start + timedelta(hours=5), keep=3) is None
    for day in range(1, 6):
        assert backup.auto_backup(demo_store, now=start + timedelta(days=day), keep=3)
    kept = backup.backups(demo_store.path)
    assert [p.name for p in kept] == ["newsdesk-20261106-080000.db",
                                      "newsdesk-20261105-080000.db",
                                      "newsdesk-20261104-080000.db"]


def test_restore_checks_first_and_keeps_the_current_database(demo_store, tmp_path):
    made = backup.backup(demo_store, tmp_path / "good.db")
    path = demo_store.path
    demo_store.create_article(None, title="备份之后的新稿件")
    demo_store.close()
    damaged = tmp_path / "damaged.db"
    data = bytearray(made.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    damaged.write_bytes(bytes(data))
    with pytest.raises(NewsdeskError, match="damaged|not a database"):
        backup.restore(path, damaged)
    with pytest.raises(NewsdeskError, match="no such file"):
        backup.restore(path, tmp_path / "missing.db")
    assert Store.open(path).count_articles() == 13  # untouched by the refusals
    aside = backup.restore(path, made)
    assert Store.open(path).count_articles() == 12
    assert Store.open(aside).count_articles() == 13  # nothing lost: kept aside


def test_backup_and_restore_cli(db_path, cli, tmp_path):
    assert cli("init", "--db", db_path, "--demo").code == 0
    r = cli("backup", "--db", db_path, "--to", tmp_path / "b.db")
    assert r.code == 0 and "checked" in r.out
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 100)
    r = cli("restore", junk, "--db", db_path)
    assert r.code == 2 and "not a database" in r.err
    r = cli("restore", tmp_path / "b.db", "--db", db_path)
    assert r.code == 0 and "kept at" in r.out
