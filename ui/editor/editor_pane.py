"""The draft editor: the metadata form and the markdown body, the live character count
and the machine checks' findings (underlined in the text, listed beside it). Saving,
submitting and the checks themselves are the core's; this pane shows and asks."""
from __future__ import annotations

import mimetypes
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog, QComboBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTextEdit,
    QVBoxLayout, QWidget,
)

from newsdesk import checks, emergency, journal, locks, times, workflow
from newsdesk.errors import DatabaseBusy, NewsdeskError, StaleEdit, StorageFailed
from newsdesk.merge import merge_story
from newsdesk.importers.story import split_list, split_names
from newsdesk.model import Article, field_names
from newsdesk.paste import html_to_markdown
from newsdesk.store import Store
from ui.choices import ChoiceModel, choice_box, select_id
from ui.editor.find_bar import FindBar
from ui.editor.highlighter import MarkdownHighlighter
from ui.editor.revisions import RevisionsDialog
from ui.editor.saver import Saver
from ui.jobs import Jobs

AUTOSAVE_MS = 800    # after a pause in typing
MAX_UNSAVED_MS = 1500  # while typing on without a pause (the journal covers a crash)
JOURNAL_MS = 100       # the crash journal is written this long after a change, at most
CHECK_MS = 400
MAX_SHOWN = 300  # findings listed and underlined at once
_LINE_FIELDS = field_names(kind="line")
_UNDERLINE = {"block": QColor("#d00000"), "warn": QColor("#d98c00")}


class BodyEdit(QPlainTextEdit):
    """The markdown body. HTML pasted from Word or a web page arrives as clean markdown."""

    def insertFromMimeData(self, source) -> None:
        if source.hasHtml():
            self.insertPlainText(html_to_markdown(source.html()))
        else:
            super().insertFromMimeData(source)


class EditorPane(QWidget):
    changed = Signal(object)          # the editor's article as it now stands
    saved = Signal(str)               # a message for the status bar
    counted = Signal(int)             # 字数

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.article: Article | None = None
        self.fields = {name: QLineEdit() for name in _LINE_FIELDS}
        self.fields["title"].setPlaceholderText(self.tr("Headline"))
        self.reporters, self.tags, self.topics = QLineEdit(), QLineEdit(), QLineEdit()
        self.topic_ids = {t.name: t.id for t in store.channels.topics()}
        self.topics.setPlaceholderText("、".join(self.topic_ids) or self.tr("no topics yet"))
        self.cover_button = QPushButton(self.tr("Cover image…"))
        self.reporters.setPlaceholderText("李昌禹、张远晴")
        self.publish_at = QLineEdit()
        self.publish_at.setPlaceholderText("2026-12-01 09:00")
        self.channel = choice_box(ChoiceModel(store.channels.choices(), store.channels.names))
        self.origin = QComboBox()
        self.origin.addItem(self.tr("Original"), "original")
        self.origin.addItem(self.tr("Reprint"), "reprint")
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(48)
        self.body = BodyEdit()
        self.highlighter = MarkdownHighlighter(self.body.document())
        self.instance = locks.new_instance()  # this running editor, for the edit lock
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd;color:#7a5200;padding:6px")
        self.take_over_button = QPushButton(self.tr("Take over"))
        self.find_bar = FindBar(self.body)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.fix_button = QPushButton(self.tr("Apply fix"))
        self.accept_button = QPushButton(self.tr("Accept…"))
        self.submit_button = QPushButton(self.tr("Submit for review"))
        form = QFormLayout()
        form.addRow(self.tr("Kicker"), self.fields["kicker"])
        form.addRow(self.tr("Headline"), self.fields["title"])
        form.addRow(self.tr("Subtitle"), self.fields["subtitle"])
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Origin"), self.origin)
        self.reprint_rows = []
        for name, label in (("source", self.tr("Source (来源)")),
                            ("original_title", self.tr("Original title")),
                            ("original_author", self.tr("Original author"))):
            form.addRow(label, self.fields[name])
            self.reprint_rows.append(self.fields[name])
        form.addRow(self.tr("Reporters"), self.reporters)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Topics (专题)"), self.topics)
        form.addRow(self.tr("Cover"), self.cover_button)
        form.addRow(self.tr("Publish at"), self.publish_at)
        self.form = form
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Machine checks")))
        side_layout.addWidget(self.findings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.accept_button)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.submit_button)
        body_column = QWidget()
        column = QVBoxLayout(body_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.find_bar)
        column.addWidget(self.body)
        tools = QHBoxLayout()
        self.image_button = QPushButton(self.tr("Insert image…"))
        self.history_button = QPushButton(self.tr("Revisions…"))
        tools.addWidget(self.image_button)
        tools.addWidget(self.history_button)
        tools.addStretch(1)
        column.addLayout(tools)
        split = QSplitter()
        split.addWidget(body_column)
        split.addWidget(side)
        split.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        notice = QHBoxLayout()
        notice.addWidget(self.banner, 1)
        notice.addWidget(self.take_over_button)
        layout.addLayout(notice)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.max_wait = QTimer(self, singleShot=True, interval=MAX_UNSAVED_MS)
        self.recheck = QTimer(self, singleShot=True, interval=CHECK_MS)
        # Not restarted by each keystroke: the journal is at most JOURNAL_MS behind.
        self.journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._journal_writer = ThreadPoolExecutor(1, thread_name_prefix="newsdesk-journal")
        self.heartbeat = QTimer(self, interval=locks.HEARTBEAT_S * 1000)
        self.base: Article | None = None  # the story as last loaded or saved here
        self.ours = False
        self.jobs = Jobs(self)  # the checks, off the UI thread (the database stays here)
        self.report: checks.Report | None = None
        self.shown_findings: list = []
        self._check_serial = 0
        self._loading = False
        self.saver = Saver(store.path, self)
        self.cover_asset_id: str | None = None
        self._dirty = False   # typed since the last save began
        self._again = False   # an autosave came due while one was running
        self._wire()
        self.setEnabled(False)

    def _wire(self) -> None:
        for w in list(self.fields.values()) + [self.reporters, self.tags, self.publish_at,
                                                self.topics]:
            w.textEdited.connect(self._on_edit)
        # clicked(bool) would arrive as the path: ask the file dialog instead.
        self.cover_button.clicked.connect(lambda: self.choose_cover())
        for w in (self.summary, self.body):
            w.textChanged.connect(self._on_edit)
        for w in (self.channel, self.origin):
            w.currentIndexChanged.connect(self._on_edit)
        self.origin.currentIndexChanged.connect(self._show_reprint_rows)
        self.autosave.timeout.connect(self.save_in_background)
        self.max_wait.timeout.connect(self.save_in_background)
        self.saver.finished.connect(self._finished)
        self.recheck.timeout.connect(self._start_checks)
        self.journal_timer.timeout.connect(self._write_journal)
        self.findings.itemActivated.connect(self._jump)
        self.findings.itemClicked.connect(self._jump)
        self.fix_button.clicked.connect(self.apply_fix)
        self.accept_button.clicked.connect(self.accept_finding)
        self.submit_button.clicked.connect(self.submit)
        self.heartbeat.timeout.connect(self._beat)
        self.take_over_button.clicked.connect(self.take_over)
        self.image_button.clicked.connect(lambda: self.insert_image())
        self.history_button.clicked.connect(self.show_revisions)
        QShortcut(QKeySequence.Save, self, lambda: self.save(checkpoint="save"))
        QShortcut(QKeySequence.Find, self, lambda: self.find_bar.open(replacing=False))
        QShortcut(QKeySequence.Replace, self, lambda: self.find_bar.open(replacing=True))
        QShortcut(QKeySequence("Ctrl+H"), self, lambda: self.find_bar.open(replacing=True))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

    # ---- loading and reading the form -----------------------------------------------
    def load(self, article: Article) -> None:
        self._settle()
        if self.article is not None and self.article.id != article.id:
            self.release()
        self.article = self.base = article
        self._dirty = False
        self._fill(article)
        self.setEnabled(True)
        self._start_checks()
        self._set_lock(locks.acquire(self.store, article.id, self.user, self.instance))
        if self.ours:
            self._recover()

    def _fill(self, article: Article) -> None:
        """Put a story's fields into the form (no edit, no save)."""
        self._loading = True
        self.cover_asset_id = article.cover_asset_id
        for name, w in self.fields.items():
            w.setText(getattr(article, name))
        self.reporters.setText("、".join(article.reporters))
        self.tags.setText("，".join(article.tags))
        names = {v: k for k, v in self.topic_ids.items()}
        self.topics.setText("、".join(names[t] for t in article.topics if t in names))
        self.cover_button.setText(self.tr("Cover image…") if not article.cover_asset_id
                                  else self.tr("Cover: %1").replace("%1",
                                                                    article.cover_asset_id[:8]))
        self.publish_at.setText(times.local_text(article.publish_at)[:16])
        select_id(self.channel, article.channel_id)
        self.origin.setCurrentIndex(self.origin.findData(article.origin))
        self.summary.setPlainText(article.summary)
        self.body.setPlainText(article.body)
        self._loading = False
        self._show_reprint_rows()

    # ---- the crash journal --------------------------------------------------------------
    def _write_journal(self) -> None:
        if self.article is None or not self.ours:
            return
        self._journal_writer.submit(journal.write, self.store.path, self.article.id,
                                    self.values(), self.base.edits)

    def _recover(self) -> None:
        """The app stopped (crashed, killed) with text the database never got: bring
        it back from the story's journal, say so and what it was, and save it."""
        entry = journal.read(self.store.path, self.article.id)
        if entry is None:
            return
        if not journal.unsaved(entry, self.article):
            journal.discard(self.store.path, self.article.id)
            return
        added = journal.added_text(entry, self.article)
        if entry.base_edits != self.article.edits:
            # Saved elsewhere since: keep the text aside rather than overwrite theirs.
            kept = emergency.save(self.store.path, self.article.id, entry.values)
            journal.discard(self.store.path, self.article.id)
            self._notice(self.tr("Text typed here before Newsdesk closed unexpectedly (%1) "
                                 "was kept in %2: the story was saved elsewhere since.")
                         .replace("%1", times.local_text(entry.written_at)[11:19])
                         .replace("%2", str(kept)))
            return
        values = {k: v for k, v in entry.values.items() if hasattr(self.article, k)}
        self._fill(replace(self.article, **values))
        self._on_edit()  # saved like typing
        self._notice(self.tr("Recovered what was typed before Newsdesk closed unexpectedly "
                             "(%1): %2").replace("%1", times.local_text(entry.written_at)[11:19])
                     .replace("%2", f"“{added}”" if added else self.tr("changes to the form")))

    def _notice(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    # ---- one editor per story ---------------------------------------------------------
    def _set_lock(self, state: locks.LockState) -> None:
        self.ours = state.ours
        self.heartbeat.start()
        for w in list(self.fields.values()) + [self.reporters, self.tags, self.publish_at,
                                                self.topics]:
            w.setReadOnly(not state.ours)
        self.summary.setReadOnly(not state.ours)
        self.body.setReadOnly(not state.ours)
        for w in (self.channel, self.origin, self.submit_button, self.fix_button,
                  self.accept_button, self.image_button, self.cover_button):
            w.setEnabled(state.ours)
        self.take_over_button.setVisible(not state.ours)
        if state.ours and state.taken_from:
            self.banner.setText(self.tr("You took this story over from %1; they have been "
                                        "told.").replace("%1", state.taken_from))
        elif state.ours:
            self.banner.clear()
        else:
            self.banner.setText(self.tr("%1 is editing this story (last seen %2). It is read-"
                                        "only here until you take it over.")
                                .replace("%1", state.holder)
                                .replace("%2", times.local_text(state.since)[11:19]))
        self.banner.setVisible(bool(self.banner.text()))

    def take_over(self) -> None:
        self.article = self.base = self.store.articles.get(self.article.id)
        self.load(self.article)  # their latest saved text
        self._set_lock(locks.acquire(self.store, self.article.id, self.user, self.instance,
                                     take_over=True))

    def _beat(self) -> None:
        if self.article is None:
            return
        state = locks.heartbeat(self.store, self.article.id, self.user, self.instance)
        if self.ours and not state.ours:
            self.autosave.stop()
            self.max_wait.stop()
            self._set_lock(state)
            self.banner.setText(self.tr("%1 took this story over. Your text stays here, "
                                        "unsaved: copy what you need.")
                                .replace("%1", state.holder))

    def release(self) -> None:
        if self.article is not None and self.ours:
            locks.release(self.store, self.article.id, self.instance)
        self.ours = False

    def values(self) -> dict:
        """The form as article fields (what autosave writes)."""
        values = {name: w.text().strip() for name, w in self.fields.items()}
        values |= {"reporters": split_names(self.reporters.text()),
                   "tags": split_list(self.tags.text()),
                   "channel_id": self.channel.currentData(),
                   "origin": self.origin.currentData(),
                   "summary": self.summary.toPlainText().strip(),
                   "cover_asset_id": self.cover_asset_id,
                   "body": self.body.toPlainText()}
        wanted = split_list(self.topics.text())
        unknown = [t for t in wanted if t not in self.topic_ids]
        self.topics.setStyleSheet("border:1px solid #d00" if unknown else "")
        values["topics"] = [self.topic_ids[t] for t in wanted if t in self.topic_ids]
        text = self.publish_at.text().strip()
        try:
            values["publish_at"] = times.parse_local(text) if text else None
            self.publish_at.setStyleSheet("")
        except ValueError:
            self.publish_at.setStyleSheet("border:1px solid #d00")  # not saved until valid
        return values

    def current(self) -> Article:
        """The story as the editor shows it now (saved or not)."""
        a = Article(**vars(self.article))
        for k, v in self.values().items():
            setattr(a, k, v)
        return a

    def _show_reprint_rows(self) -> None:
        reprint = self.origin.currentData() == "reprint"
        for w in self.reprint_rows:
            w.setVisible(reprint)
            self.form.labelForField(w).setVisible(reprint)

    # ---- typing: count, preview, checks, autosave -------------------------------------
    def _on_edit(self, *_args) -> None:
        if self._loading or self.article is None:
            return
        self._dirty = True
        self.changed.emit(self.current())
        if not self.journal_timer.isActive():
            self.journal_timer.start()
        self.autosave.start()
        if not self.max_wait.isActive():
            self.max_wait.start()
        self.recheck.start()
        self.saved.emit(self.tr("Unsaved changes"))

    def save_in_background(self) -> None:
        """Autosave: the form as it stands, written on the saver's thread."""
        self.autosave.stop()
        self.max_wait.stop()
        if self.article is None or not self.ours:
            return
        if self.saver.running:
            self._again = True  # after the running one, from what it returns
            return
        self._dirty = False
        self.saver.start(self.article.id, self.values(), self.user, self.base.edits)

    def _finished(self, future) -> None:
        if future is not self.saver.running:
            return  # save() waited for it and took it in already
        self._take(future)
        if self._again:
            self._again = False
            self.save_in_background()

    def _settle(self) -> bool:
        """Wait for a background save still running and take in its outcome."""
        future = self.saver.wait()
        return future is None or self._take(future)

    def _take(self, future) -> bool:
        self.saver.running = None
        try:
            result = future.result()
        except NewsdeskError as e:
            return self._not_saved(e)
        return self._saved(result, None)

    def save(self, checkpoint: str | None = None) -> bool:
        """Write the working copy now, on this thread (a revision too when checkpoint
        names why): for Ctrl+S, submitting, switching stories and closing."""
        self.autosave.stop()
        self.max_wait.stop()
        self._again = False
        if not self._settle():
            return False
        if self.article is None or not self.ours:
            return self.article is None
        self._dirty = False
        try:
            result = workflow.edit(self.store, self.article.id, self.values(), self.user,
                                   checkpoint=checkpoint, expect_edits=self.base.edits)
        except NewsdeskError as e:
            return self._not_saved(e)
        return self._saved(result, checkpoint)

    def _saved(self, result: tuple[Article, list[str]], checkpoint: str | None) -> bool:
        self.article = self.base = result[0]
        if not self._dirty and not self.journal_timer.isActive():
            self._journal_writer.submit(journal.discard, self.store.path, self.article.id)
        self.saved.emit(self.tr("Saved at %1").replace("%1", times.local_text(
            self.article.updated_at)[11:19]) + (f" · r{self.article.revision}"
                                                 if checkpoint else ""))
        return True

    def _not_saved(self, e: NewsdeskError) -> bool:
        if isinstance(e, StaleEdit):
            return self._conflict(e.current)
        if isinstance(e, (DatabaseBusy, StorageFailed)):
            return self._not_stored(str(e))
        self._dirty = True
        self.saved.emit(self.tr("Not saved: %1").replace("%1", str(e)))
        return False

    def _not_stored(self, why: str) -> bool:
        """The database would not take the text: keep it here and in an emergency file,
        say so, and try again shortly."""
        self._dirty = True
        path = emergency.save(self.store.path, self.article.id, self.values())
        where = (self.tr("a copy is in %1").replace("%1", str(path)) if path else
                 self.tr("no emergency copy could be written either"))
        self.saved.emit(self.tr("Not saved: %1; your text stays here, %2")
                        .replace("%1", why).replace("%2", where))
        self.autosave.start()  # retry: the other program may let go, space may free up
        return False

    def ask_conflict(self, current: Article) -> str | None:
        """'merge', 'copy' or None (cancel): what to do with a save that someone else's
        save overtook."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Saved elsewhere meanwhile"),
                          self.tr("“%1” was saved elsewhere after you opened it. Merge your "
                                  "changes into theirs, or save yours as a copy?")
                          .replace("%1", current.title), parent=self)
        merge_button = box.addButton(self.tr("Merge"), QMessageBox.AcceptRole)
        copy_button = box.addButton(self.tr("Save as a copy"), QMessageBox.ActionRole)
        box.addButton(QMessageBox.Cancel)
        box.exec()
        return {merge_button: "merge", copy_button: "copy"}.get(box.clickedButton())

    def _conflict(self, current: Article) -> bool:
        choice = self.ask_conflict(current)
        mine = self.values()
        if choice == "copy":
            copy = self.store.articles.create(
                self.user.id, **(mine | {"title": mine["title"] + self.tr(" (copy)")}))
            self.load(copy)
            self.changed.emit(copy)
            self.saved.emit(self.tr("Saved as a copy"))
            return True
        if choice == "merge":
            merged, conflicts = merge_story(self.base, mine, current)
            self.base = current
            self.article, _ = workflow.edit(self.store, current.id, merged, self.user,
                                            expect_edits=current.edits)
            self.base = self.article
            self.load(self.article)
            self.changed.emit(self.article)
            self.saved.emit(self.tr("Merged; %1 place(s) to settle by hand")
                            .replace("%1", str(conflicts)) if conflicts
                            else self.tr("Merged"))
            return True
        self.saved.emit(self.tr("Not saved: the story was saved elsewhere meanwhile"))
        return False

    def flush(self) -> None:
        """Save now if anything waits (focus change, switching stories, closing)."""
        if self._dirty or self.saver.running:
            self.save()

    def stop(self) -> None:
        """The window closes: save what waits, check nothing more (a check still running
        finishes stale and is dropped)."""
        self.flush()
        self._stop_timers()
        self.release()
        self.saver.close()
        self._journal_writer.shutdown(wait=True)
        self._check_serial += 1

    def _stop_timers(self) -> None:
        for timer in (self.autosave, self.max_wait, self.recheck, self.heartbeat,
                      self.journal_timer):
            timer.stop()

    def abandon(self) -> Path | None:
        """The database cannot be used any more: stop saving, keep the text in an
        emergency file (returned) and let go of the story without touching the database."""
        self._stop_timers()
        self.saver.close()
        kept = None
        if self.article is not None and self.ours:
            kept = emergency.save(self.store.path, self.article.id, self.values())
        self.ours = self._dirty = False
        self._check_serial += 1
        self.setEnabled(False)
        return kept

    def _start_checks(self) -> None:
        if self.article is None:
            return
        self._check_serial += 1
        self.jobs.start(checks.check_article, self.current(), checks.matcher_for(self.store),
                        self.store.settings(),
                        then=partial(self._checked, self._check_serial))

    def _checked(self, serial: int, report) -> None:
        if serial != self._check_serial:
            return  # a newer check is on its way
        self.report = checks.finish(report, self.store.checks.acceptances(self.article.id))
        # 字数 comes with the checks (off the UI thread, after a pause in typing): on a
        # 2 MB body, counting at every keystroke would make typing lag.
        self.counted.emit(report.char_count)
        # Blocking findings first. A long, messy body can have thousands of findings:
        # listing and underlining them all takes the UI thread a quarter of a second
        # at every pause, so the first MAX_SHOWN are shown and the rest counted.
        ordered = sorted(report.findings, key=lambda f: f.severity != "block")
        self.shown_findings = ordered[:MAX_SHOWN]
        self.findings.clear()
        for f in self.shown_findings:
            mark = "✓ " if f.accepted else ("⛔ " if f.severity == "block" else "⚠ ")
            item = QListWidgetItem(f"{mark}{f.message}")
            item.setToolTip(f.message_en)
            self.findings.addItem(item)
        if len(ordered) > MAX_SHOWN:
            more = QListWidgetItem(self.tr("… and %1 more: fix these first")
                                   .replace("%1", str(len(ordered) - MAX_SHOWN)))
            more.setFlags(Qt.NoItemFlags)
            self.findings.addItem(more)
        self._underline(self.shown_findings)

    def _underline(self, findings) -> None:
        selections = []
        for f in findings:
            if f.field != "body" or f.end <= f.start or f.accepted:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            fmt.setUnderlineColor(_UNDERLINE.get(f.severity, QColor("#888")))
            sel.format = fmt
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.body.setExtraSelections(selections)

    def underlined(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.body.extraSelections()]

    def _selected_finding(self):
        row = self.findings.currentRow()
        return self.shown_findings[row] if 0 <= row < len(self.shown_findings) else None

    def _jump(self, _item=None) -> None:
        f = self._selected_finding()
        if f is None:
            return
        if f.field == "body":
            cursor = self.body.textCursor()
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.KeepAnchor)
            self.body.setTextCursor(cursor)
            self.body.setFocus()
        elif f.field in self.fields:
            self.fields[f.field].setFocus()
            self.fields[f.field].setSelection(f.start, f.end - f.start)

    def apply_fix(self) -> None:
        f = self._selected_finding()
        if f is None or f.suggestion is None:
            return
        if f.field == "body":
            cursor = self.body.textCursor()
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.KeepAnchor)
            cursor.insertText(f.suggestion)  # one undo step
        elif f.field in self.fields:
            w = self.fields[f.field]
            text = w.text()
            w.setText(text[:f.start] + f.suggestion + text[f.end:])
            self._on_edit()

    def accept_finding(self) -> None:
        f = self._selected_finding()
        if f is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Accept finding"),
                                        self.tr("Why is this right here?"))
        if not ok:
            return
        try:
            checks.accept(self.store, self.article.id, f, note, self.user.id)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not accepted"), str(e))
            return
        self._start_checks()

    def _store_image(self, title: str, path: str | None) -> tuple[str, str] | None:
        """Ask for an image (unless path is given) and copy it into the store by content
        hash; returns its site path (assets/<sha256>.<ext>) and its file's name."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, title, "", self.tr("Images (*.jpg *.jpeg *.png *.gif *.webp)"))
            if not path:
                return None
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            QMessageBox.warning(self, title, str(e))
            return None
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return self.store.assets.add(data, Path(path).name, mime, self.user.id), Path(path).stem

    def insert_image(self, path: str | None = None) -> None:
        """Link an image at the cursor (its file name as the alternative text)."""
        stored = self._store_image(self.tr("Insert image"), path)
        if stored:
            link, name = stored
            self.body.insertPlainText(f"\n\n![{name}]({link})\n\n")

    def choose_cover(self, path: str | None = None) -> None:
        """The story's cover image, stored like body images."""
        stored = self._store_image(self.tr("Cover image"), path)
        if not stored:
            return
        asset_id = Path(stored[0]).stem  # assets/<sha256>.<ext>
        self.cover_asset_id = asset_id
        self.cover_button.setText(self.tr("Cover: %1").replace("%1", asset_id[:8]))
        self._on_edit()

    def show_revisions(self) -> None:
        dialog = RevisionsDialog(self.store, self.article, self)
        if dialog.exec() == RevisionsDialog.Accepted and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def restore(self, number: int) -> None:
        """Bring back an earlier revision's content (as a new revision: nothing is lost)."""
        self.flush()
        content = self.store.articles.revision_content(self.article.id, number)
        try:
            article, _ = workflow.edit(self.store, self.article.id, content, self.user,
                                       checkpoint=f"restore r{number}")
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not restored"), str(e))
            return
        self.load(article)
        self.changed.emit(article)
        self.saved.emit(self.tr("Revision %1 restored").replace("%1", str(number)))

    def submit(self) -> None:
        if not self.save():
            return
        try:
            t = workflow.submit(self.store, self.article.id, self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not submitted"), str(e))
            return
        self.article = self.base = t.article
        self.saved.emit(self.tr("Submitted for review (revision %1)")
                        .replace("%1", str(t.event.revision)))
