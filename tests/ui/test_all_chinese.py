"""In zh_CN a person meets no English: every window and dialog the screenshots script
opens (bench/screenshots.py, at the office laptop's size), with everything visible in
it — labels, buttons, group titles, tabs, table and list headers and cells, combo
items, placeholders, tooltips, menus, the status bar — reads Chinese by the project's
detector (tests/chinese.py), and so do Qt's own file dialog and message box."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLibraryInfo, QModelIndex, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QFileDialog,
    QGroupBox, QHeaderView, QLabel, QLineEdit, QListView, QMenu, QMenuBar, QMessageBox, QPlainTextEdit,
    QProgressBar, QStatusBar, QTabBar, QTableView, QTextEdit, QToolBar, QTreeView,
    QWidget,
)

from newsdesk.paths import resource
from tests.chinese import english_words
from ui import i18n

BENCH = Path(__file__).resolve().parents[2] / "bench"
# Chinese software writes these as they are: keys as printed on the keyboard (Ctrl+S),
# units and the names of protocols a host offers.
TERMS = ("Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "KB", "SFTP", "FTPS", "FTP")
ROWS = 60  # of each list: enough to see every kind of row a window shows


def user_data() -> tuple[str, ...]:
    """The demo newsroom's own words, typed by its admin: account names and the
    channels' and topics' short names (in pinyin, as in their web addresses)."""
    demo = tomllib.loads(resource("demo", "site.toml").read_text("utf-8"))
    return tuple([u["username"] for u in demo["users"]]
                 + [c["slug"] for c in demo["channels"] + demo["topics"]])


def allowed(words: tuple[str, ...]) -> re.Pattern:
    """Web and e-mail addresses, file names the detector does not know (.htaccess,
    *.png) and the words given, as they are."""
    return re.compile(r"\w+://\S+|\S+@\S+|(?<![\w.])[*\w-]*\.\w[\w.*-]*|\b(?:%s)\b"
                      % "|".join(map(re.escape, words)))


def plain(text: str) -> str:
    """What a person reads of a label or tooltip: rich text as text, no & mnemonics."""
    if re.search(r"<[a-zA-Z/][^>]*>|&\w+;", text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(?=\S)", "", text)


def item_texts(view: QAbstractItemView):
    """Headers and cells (shown text and tooltip) of a list, table or tree."""
    model = view.model()
    if model is None:
        return
    hidden = getattr(view, "isColumnHidden", lambda c: False)
    header = view.horizontalHeader() if isinstance(view, QTableView) else \
        view.header() if isinstance(view, QTreeView) else None
    if isinstance(view, QListView):  # one column of the model is what it shows
        columns = [view.modelColumn()]
    else:
        columns = [c for c in range(model.columnCount(QModelIndex())) if not hidden(c)]
    if header is not None and header.isVisible():
        for c in columns:
            yield model.headerData(c, Qt.Horizontal, Qt.DisplayRole)
            yield model.headerData(c, Qt.Horizontal, Qt.ToolTipRole)
    parents = [view.rootIndex()]
    while parents:
        parent = parents.pop()
        for r in range(min(model.rowCount(parent), ROWS)):
            for c in columns:
                index = model.index(r, c, parent)
                yield index.data(Qt.DisplayRole)
                yield index.data(Qt.ToolTipRole)
            first = model.index(r, 0, parent)
            if isinstance(view, QTreeView) and model.hasChildren(first):
                parents.append(first)


def action_texts(actions):
    for action in actions:
        if action.isVisible() and not action.isSeparator():
            yield action.text()
            yield action.toolTip()
            if action.menu():
                yield from action_texts(action.menu().actions())


def widget_texts(w: QWidget):
    """Every text one visible widget shows a person."""
    yield w.toolTip()
    if w.isWindow():
        yield w.windowTitle()
    if isinstance(w, QLabel):
        yield w.text()
    elif isinstance(w, QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i)
        if w.isEditable():
            yield w.lineEdit().placeholderText()
    elif isinstance(w, QLineEdit):
        yield w.placeholderText()
    elif isinstance(w, (QPlainTextEdit, QTextEdit)):
        yield w.placeholderText()
        if w.isReadOnly():  # the app's own words (results, reports), not a person's text
            yield w.toPlainText()
    elif isinstance(w, QAbstractSpinBox):
        yield w.specialValueText()
        yield getattr(w, "suffix", str)()
        yield getattr(w, "prefix", str)()
    elif isinstance(w, QProgressBar):
        yield w.text()
    elif isinstance(w, QStatusBar):
        yield w.currentMessage()
    elif isinstance(w, (QMenuBar, QToolBar, QMenu)):
        yield from action_texts(w.actions())
    if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) \
            and not isinstance(w.parent(), QComboBox):  # a header shows its view's model
        yield from item_texts(w)


def english_in(window: QWidget, known: re.Pattern) -> list[tuple[str, str, list[str]]]:
    """(widget class, text, its English words) of everything visible in window; known:
    the words allowed."""
    found = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() and not isinstance(w, QMenuBar):
            continue
        for text in widget_texts(w):
            if not isinstance(text, str) or not text.strip():
                continue
            words = english_words(known.sub(" ", plain(text)))
            if words:
                found.append((type(w).__name__, text, words))
    return found


def test_no_window_or_dialog_speaks_english(qapp, chinese, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import screenshots
    seen: dict[str, list] = {}
    known = allowed(TERMS + user_data())
    monkeypatch.setattr(screenshots, "WATCHERS", [
        *screenshots.WATCHERS,
        lambda name, widget: seen.setdefault(name, english_in(widget, known))])
    screenshots.shots(qapp, tmp_path, "zh_CN-1366", screenshots.SIZES[0], site_pages=False)
    assert len(seen) >= 25, "the screenshots opened fewer windows than they should"
    english = [f"{name}: {kind} {text!r} ({', '.join(words)})"
               for name, found in seen.items() for kind, text, words in found]
    assert not english, "English in zh_CN:\n" + "\n".join(dict.fromkeys(english))


@pytest.fixture(params=["all", "essentials"])
def qt_catalogues(request, tmp_path, monkeypatch):
    """Qt's translations as PySide6 installs them, or as PySide6-Essentials alone does:
    there qt_zh_CN.qm names qtmultimedia_zh_CN.qm, which only the Addons bring."""
    if request.param == "essentials":
        shipped = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
        for name in ("qt_zh_CN.qm", "qtbase_zh_CN.qm"):
            shutil.copy(shipped / name, tmp_path / name)
        monkeypatch.setattr(i18n, "QLibraryInfo", SimpleNamespace(
            TranslationsPath=QLibraryInfo.TranslationsPath, path=lambda _where: str(tmp_path)))


def test_qts_own_dialogs_speak_chinese(qapp, qt_catalogues, chinese, qtbot, tmp_path):
    folder = tmp_path / "稿件"  # what it lists are file names: a person's own words
    folder.mkdir()
    files = QFileDialog(None, "打开", str(folder), "图片 (*.png *.jpg)")
    files.setOption(QFileDialog.DontUseNativeDialog)
    files.setSidebarUrls([QUrl.fromLocalFile(str(folder))])
    qtbot.addWidget(files)
    files.show()
    labels = {label.objectName(): plain(label.text()) for label in files.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("查找范围"), labels["lookInLabel"]
    assert labels["fileTypeLabel"].startswith("文件类型"), labels["fileTypeLabel"]
    assert not english_in(files, allowed(TERMS))
    asked = QMessageBox(QMessageBox.Question, "发布", "现在发布吗？",
                        QMessageBox.Ok | QMessageBox.Cancel)
    qtbot.addWidget(asked)
    asked.show()
    assert [asked.button(b).text() for b in (QMessageBox.Ok, QMessageBox.Cancel)] == \
        ["确定", "取消"]


def test_what_qtbase_lacks_is_compiled(tmp_path):
    ts = resource("translations", "qtbase_more_zh_CN.ts")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "fresh.qm")],
                   check=True)
    assert (tmp_path / "fresh.qm").read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "the committed .qm is stale: run pyside6-lrelease on the .ts"
