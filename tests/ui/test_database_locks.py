"""Nothing in the app's process opens the database's files but SQLite, whatever a person
browses or drops. SQLite's locks are POSIX locks, held per process: one foreign close
of the database file in the app's process releases them, and another process then
deletes the write-ahead log the app still writes to (see ui/file_dialogs.py)."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox

from newsdesk.demo import load_demo
from newsdesk.store import Store
from tests.ui.test_editor import open_draft, type_chinese
from ui import file_dialogs
from ui.editor import images
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(),
                                reason="reads the locks as Linux shows them")


def holders(path: Path) -> list[int]:
    """The processes that have the file open (their descriptors, as /proc shows them)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in fds):
                found.append(int(pid))
        except OSError:  # gone meanwhile, or not ours to look at
            continue
    return found


def locks_held(pid: int, path: Path) -> list[str]:
    inode = os.stat(path).st_ino
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        at = 5 if fields[1] == "->" else 4  # a waiting lock is marked with ->
        if int(fields[at]) == pid and int(fields[at + 1].rsplit(":", 1)[1]) == inode:
            held.append(line)
    return held


def another_process_writes(db: Path, value: str) -> None:
    """A second program (a script, cron's publish, the CLI) writes, commits and exits."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('CREATE TABLE IF NOT EXISTS probe (v TEXT)'); "
            "c.execute('INSERT INTO probe VALUES (?)', (sys.argv[2],)); c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db), value], check=True, timeout=60)


@pytest.fixture
def app_window(qtbot, tmp_path):
    db = tmp_path / "newsdesk.db"
    store = Store.open(db)
    load_demo(store)
    w = MainWindow(store, str(db), store.users.find("chenlu"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w, db
    if w.isVisible():  # a test that closed the window itself has closed its store too
        w.close()
    store.close()


def browse_in_insert_picture(window, qtbot, folder: Path) -> list[str]:
    """插入图片… as a person uses it: the app's own dialog, moved to the database's
    folder, every file listed with its type and icon; then cancelled."""
    listed = []

    def browse():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QFileDialog) and w.isVisible())
        try:
            dialog.setDirectory(str(folder))
            dialog.selectNameFilter(dialog.nameFilters()[-1])  # 所有文件 (*)
            model = dialog.findChild(QFileSystemModel)
            root = lambda: model.index(str(folder))  # noqa: E731
            qtbot.waitUntil(lambda: model.rowCount(root()) >= 3, timeout=10_000)
            for row in range(model.rowCount(root())):
                index = model.index(row, 0, root())
                listed.append((model.fileName(index), model.type(index)))
                model.fileIcon(index)
            qtbot.wait(500)  # the model's file-info thread answers what was asked
        finally:
            dialog.reject()

    QTimer.singleShot(0, browse)
    qtbot.mouseClick(window.editor.image_button, Qt.LeftButton)
    return [name for name, _type in listed]


def browse_in_a_file_model(qtbot, folder: Path) -> list[str]:
    """Any file list the app shows uses the app's icon provider: every type and icon."""
    model = QFileSystemModel()
    model.setIconProvider(file_dialogs.icons())
    model.setRootPath(str(folder))
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 3, timeout=10_000)
    root = model.index(str(folder))
    names = []
    for row in range(model.rowCount(root)):
        index = model.index(row, 0, root)
        names.append(model.fileName(index))
        model.type(index), model.fileIcon(index), model.data(index, Qt.DecorationRole)
    qtbot.wait(500)
    return names


def preview_names_the_database(window, qtbot, db: Path) -> list[str]:
    """A body whose picture path leads from the preview's base to the database (typed,
    pasted or arriving by sync): the preview draws it without reading the file."""
    from newsdesk.site.preview import BASE
    up = os.path.relpath(db, BASE)
    type_chinese(window.editor.body, f"\n\n![库]({up})\n\n![日志]({up}-wal)\n\n路径结束。")
    seen = []

    def drawn() -> bool:
        window.preview.page_text(seen.append)
        return bool(seen) and "路径结束" in seen[-1]
    qtbot.waitUntil(drawn, timeout=10_000)
    qtbot.wait(500)  # the pictures' requests answered (or refused)
    return [up]


def drop_folder(window, qtbot, monkeypatch, folder: Path) -> list[str]:
    """The folder dragged from the file manager and dropped on the window: the import
    reads what is in it (a dry run: nothing written) and the person closes it."""
    seen = []

    def run(dialog):
        qtbot.waitUntil(lambda: dialog._thread is None and dialog.table.topLevelItemCount(),
                        timeout=30_000)
        seen.extend(dialog.table.topLevelItem(i).text(0)
                    for i in range(dialog.table.topLevelItemCount()))
        return 0
    monkeypatch.setattr(ImportDialog, "exec", run)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    where = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(where.toPoint(), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(where, Qt.CopyAction, data, Qt.LeftButton,
                                              Qt.NoModifier))
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    return seen


@pytest.mark.parametrize("how", ["insert picture", "file model", "drop", "preview"])
def test_browsing_the_database_folder_keeps_its_locks(app_window, qtbot, monkeypatch, how):
    window, db = app_window
    folder = db.parent
    # A saved page beside the database whose picture names the database itself.
    (folder / "旧稿.html").write_text(
        "<html><head><title>旧稿</title></head><body><h1>旧稿</h1><p>发布时间：2020-03-09 "
        "09:39</p><p>" + "正文内容。" * 60 + "</p><img src='newsdesk.db'></body></html>",
        "utf-8")
    draft = open_draft(window, qtbot)
    assert locks_held(os.getpid(), db), "the app holds its database's lock to begin with"

    if how == "insert picture":
        listed = browse_in_insert_picture(window, qtbot, folder)
    elif how == "file model":
        listed = browse_in_a_file_model(qtbot, folder)
    elif how == "preview":
        listed = preview_names_the_database(window, qtbot, db)
    else:
        listed = drop_folder(window, qtbot, monkeypatch, folder)
        assert listed == ["旧稿.html"]   # the import read the page, not the database
    if how in ("insert picture", "file model"):
        assert {"newsdesk.db", "newsdesk.db-wal", "newsdesk.db-shm"} <= set(listed)

    for pid in holders(db):
        assert locks_held(pid, db), f"process {pid} has the database open without a lock"
    another_process_writes(db, "from the terminal")
    assert Path(f"{db}-wal").exists(), "the other process thought it was alone"

    type_chinese(window.editor.body, "锁仍在。")
    window.editor.flush()
    window.close()
    window.store.close()
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT v FROM probe").fetchall() == [("from the terminal",)]
        body = check.execute("SELECT body FROM articles WHERE id = ?", (draft,)).fetchone()[0]
        assert body.endswith("锁仍在。")
    finally:
        check.close()


def test_a_picture_never_reads_the_database_file(app_window, qtbot, monkeypatch):
    """Named outright (a picture dropped, or chosen with 所有文件), the database's
    files are refused with a message, not read."""
    window, db = app_window
    open_draft(window, qtbot)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    assert images.store_file(window, window.store, window.user, "插入图片",
                             f"{db}-wal") is None
    assert said and "newsroom's database" in said[0]
    assert locks_held(os.getpid(), db)
