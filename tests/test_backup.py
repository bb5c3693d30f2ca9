from datetime import datetime, timedelta, timezone

import pytest

from newsdesk import backup
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store


def test_backup_is_a_checked_consistent_copy(demo_store, tmp_path):
    made = backup.backup(demo_store, tmp_path / "copy.db")
    copy = Store.open(made)
    assert copy.articles.count() == demo_store.articles.count() == 12
    assert [e.hash for e in copy.events.of(copy.articles.ids()[-1])] == \
        [e.hash for e in demo_store.events.of(demo_store.articles.ids()[-1])]
    copy.close()
    with pytest.raises(NewsdeskError, match="cannot overwrite the database"):
        backup.backup(demo_store, demo_store.path)


@pytest.fixture
def clock(monkeypatch):
    """The store's clock and the backups' on one injected time."""
    from newsdesk import times

    class Clock:
        at = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)

        def advance(self, **delta):
            self.at += timedelta(**delta)
            return self.at
    c = Clock()
    monkeypatch.setattr(times, "now", lambda: times.to_stored(c.at))
    monkeypatch.setattr(times, "instant",
                        lambda: c.at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    return c


def test_automatic_backups_of_changes_at_most_daily_while_open_and_rotated(demo_store,
                                                                           clock):
    demo_store.articles.create(None, title="第0天的稿件")  # the store's last change: on the clock
    assert backup.auto_backup(demo_store, now=clock.at, keep=3)  # the first one
    assert backup.auto_backup(demo_store, now=clock.advance(days=1), keep=3) is None
    for day in range(1, 6):  # a change, then a day after the last backup: a backup
        clock.advance(hours=1)
        demo_store.articles.create(None, title=f"第{day}天的稿件")
        assert backup.auto_backup(demo_store, now=clock.advance(hours=23), keep=3)
    clock.advance(hours=1)
    demo_store.articles.create(None, title="当天的稿件")
    later = clock.advance(hours=1)
    assert backup.auto_backup(demo_store, now=later, keep=3) is None  # open: daily
    kept = backup.backups(demo_store.path)
    # Named in the outlet's time (Asia/Shanghai), its offset in the name.
    assert [p.name for p in kept] == ["newsdesk-20261107-160000+0800.db",
                                      "newsdesk-20261106-160000+0800.db",
                                      "newsdesk-20261105-160000+0800.db"]
    assert backup.auto_backup(demo_store, now=later, keep=3, closing=True)  # closing: now


def test_a_day_of_many_closings_keeps_earlier_days(demo_store):
    start = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    for day in range(3):
        backup.backup_now(demo_store, now=start + timedelta(days=day), keep=3)
    for hour in range(1, 6):
        backup.backup_now(demo_store, now=start + timedelta(days=3, hours=hour), keep=3)
    days = {p.name[9:17] for p in backup.backups(demo_store.path)}
    assert days == {"20261102", "20261103", "20261104"}  # the last 3 days with one
    assert len(backup.backups(demo_store.path)) == 5  # 3 newest (all today) + 2 older days


def test_older_utc_names_still_count(demo_store):
    folder = backup.backup_dir(demo_store.path)
    folder.mkdir(parents=True, exist_ok=True)
    old = backup.backup(demo_store, folder / "newsdesk-20261101-080000.db")
    assert backup.made_at(old) == datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    new = backup.backup_now(demo_store, now=datetime(2026, 11, 1, 9, tzinfo=timezone.utc))
    assert backup.backups(demo_store.path) == [new, old]


def test_restore_checks_first_and_keeps_the_current_database(demo_store, tmp_path):
    made = backup.backup(demo_store, tmp_path / "good.db")
    path = demo_store.path
    demo_store.articles.create(None, title="备份之后的新稿件")
    demo_store.close()
    damaged = tmp_path / "damaged.db"
    data = bytearray(made.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    damaged.write_bytes(bytes(data))
    with pytest.raises(NewsdeskError, match="damaged|not a database"):
        backup.restore(path, damaged)
    with pytest.raises(NewsdeskError, match="no such file"):
        backup.restore(path, tmp_path / "missing.db")
    assert Store.open(path).articles.count() == 13  # untouched by the refusals
    aside = backup.restore(path, made)
    assert Store.open(path).articles.count() == 12
    assert Store.open(aside).articles.count() == 13  # nothing lost: kept aside


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
