"""The draft editor: the metadata form and the markdown body, the live character count
and the machine checks' findings (underlined in the text, listed beside it). Saving,
submitting and the checks themselves are the core's; this pane shows and asks."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QInputDialog, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget,
)

from newsdesk import checks, pasted, pictures, present, times
from newsdesk.editing import edit_locks
from newsdesk.review import rules, workflow
from newsdesk.errors import NewsdeskError, NotFound
from newsdesk.importers.story import split_list, split_names
from newsdesk.model import Article, State, field_names
from newsdesk.store import Store
from ui import look
from ui.article_model import state_label
from ui.choices import ChoiceModel, choice_box, select_id
from ui.editor import conflict, images
from ui.editor.body_edit import BodyEdit
from ui.editor.find_bar import FindBar
from ui.editor.findings import COLOURS, FindingsPanel
from ui.editor.highlighter import MarkdownHighlighter
from ui.editor.hold_banner import HoldBanner
from ui.editor.media_dialog import MediaDialog
from ui.editor.meta_form import CoverButton, MetaForm
from ui.editor.revisions import RevisionsDialog
from ui.editor.story_session import StorySession
from ui.jobs import Jobs

CHECK_MS = 400
_LINE_FIELDS = field_names(kind="line")


class EditorPane(QWidget):
    changed = Signal(object)          # the editor's article as it now stands
    counted = Signal(int)             # 字数

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store = store
        self.session = StorySession(store, user, self.values,
                                    lambda current: conflict.ask(self, current), self)
        self.fields = {name: QLineEdit() for name in _LINE_FIELDS}
        self.fields["title"].setPlaceholderText(self.tr("Headline"))
        self.reporters, self.tags, self.topics = QLineEdit(), QLineEdit(), QLineEdit()
        self.topic_ids = {t.name: t.id for t in store.channels.topics()}
        self.topics.setPlaceholderText("、".join(self.topic_ids) or self.tr("no topics yet"))
        self.cover_button = CoverButton()
        self.reporters.setPlaceholderText("李昌禹、张远晴")
        self.publish_at = QLineEdit()
        # Grey words, not a grey date that reads as one already set.
        self.publish_at.setPlaceholderText(self.tr("Empty: filled in when published"))
        self.publish_at.setToolTip(self.tr(
            "Year-month-day hour:minute (年-月-日 时:分). Empty: the time it is published; "
            "a time still to come holds it until then."))
        self.channel = choice_box(ChoiceModel(store.channels.choices(), store.channels.names))
        self.origin = QComboBox()
        self.origin.addItem(self.tr("Original"), "original")
        self.origin.addItem(self.tr("Reprint"), "reprint")
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(48)
        self.body = BodyEdit(self._picture_data)
        self.highlighter = MarkdownHighlighter(self.body.document())
        self.banner = HoldBanner()  # who holds the story, and its buttons
        self.take_over_button = self.banner.add_button(self.tr("Take over"))
        self.recall_button = self.banner.add_button(self.tr("Recall (撤回)"))
        self.correct_button = self.banner.add_button(self.tr("Correct (更正)…"))
        self.approve_button = self.banner.add_button(self.tr("Approve…"))
        self.return_button = self.banner.add_button(self.tr("Return…"))
        self.find_bar = FindBar(self.body)
        self.findings = FindingsPanel()
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.fields["kicker"].setPlaceholderText(self.tr("Kicker"))
        self.fields["subtitle"].setPlaceholderText(self.tr("Subtitle"))
        self.meta = MetaForm(self.fields["title"], self.channel, [
            (self.tr("Kicker"), self.fields["kicker"], False),
            (self.tr("Subtitle"), self.fields["subtitle"], False),
            (self.tr("Origin"), self.origin, False),
            (self.tr("Reporters"), self.reporters, False),
            (self.tr("Tags"), self.tags, False),
            (self.tr("Topics (专题)"), self.topics, False),
            (self.tr("Cover"), self.cover_button, False),
            (self.tr("Publish at"), self.publish_at, False),
            (self.tr("Source (来源)"), self.fields["source"], False),  # every page prints one
            (self.tr("Original title"), self.fields["original_title"], True),
            (self.tr("Original author"), self.fields["original_author"], True),
        ], self.summary)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.findings)
        side_layout.addWidget(self.submit_button)
        body_column = QWidget()
        column = QVBoxLayout(body_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.find_bar)
        column.addWidget(self.body)
        tools = QHBoxLayout()
        self.image_button = QPushButton(self.tr("Insert image…"))
        self.history_button = QPushButton(self.tr("Revisions…"))
        self.pictures_button = QPushButton(self.tr("Pictures…"))
        tools.addWidget(self.image_button)
        tools.addWidget(self.pictures_button)
        tools.addWidget(self.history_button)
        tools.addStretch(1)
        column.addLayout(tools)
        split = QSplitter()
        split.addWidget(body_column)
        split.addWidget(side)
        split.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.meta)
        layout.addWidget(split, 1)
        self.recheck = QTimer(self, singleShot=True, interval=CHECK_MS)
        self.jobs = Jobs(self)  # the checks, off the UI thread (the database stays here)
        self.report: checks.Report | None = None
        self._check_serial = 0
        self._loading = False
        self._lock: edit_locks.LockState | None = None
        self._refusal: str | None = None  # why the rules keep this user from editing
        self.cover_asset_id: str | None = None
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
        self.recheck.timeout.connect(self._start_checks)
        self.findings.activated.connect(self._jump)
        self.findings.fix_requested.connect(self.apply_fix)
        self.findings.accept_requested.connect(self.accept_finding)
        self.submit_button.clicked.connect(self.submit)
        self.take_over_button.clicked.connect(self.session.take_over)
        self.image_button.clicked.connect(lambda: self.insert_image())
        self.history_button.clicked.connect(self.show_revisions)
        self.pictures_button.clicked.connect(lambda: MediaDialog(self).exec())
        self.body.image_pasted.connect(self._paste_image)
        self.body.files_dropped.connect(lambda paths: [self.insert_image(p) for p in paths])
        self.body.html_pasted.connect(self._paste_html)
        self.body.picture_chosen.connect(self._picture_chosen)
        self.session.reloaded.connect(self._show)
        self.session.edited.connect(self._on_edit)
        self.session.lock_changed.connect(self._show_lock)
        self.session.notice.connect(self._notice)
        self.session.moved.connect(self._moved)
        QShortcut(QKeySequence.Save, self, lambda: self.session.save(checkpoint="save"))
        QShortcut(QKeySequence.Find, self, lambda: self.find_bar.open(replacing=False))
        QShortcut(QKeySequence.Replace, self, lambda: self.find_bar.open(replacing=True))
        QShortcut(QKeySequence("Ctrl+H"), self, lambda: self.find_bar.open(replacing=True))

    @property
    def article(self) -> Article | None:
        """The story as last loaded or saved here."""
        return self.session.article

    @property
    def user(self):
        return self.session.user

    @user.setter
    def user(self, user) -> None:
        self.session.user = user

    # ---- loading and reading the form -----------------------------------------------
    def load(self, article: Article) -> None:
        self.session.open(article)

    def _show(self, article: Article, new_text: bool) -> None:
        """The session's story, into the form; its checks start again."""
        self._fill(article)
        self.setEnabled(True)
        self._refusal = workflow.why_not_edit(self.store, article, self.user)
        self._apply_access()
        self._start_checks()
        if new_text:
            self.changed.emit(article)

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
        self.cover_button.show_cover(self._picture_data(article.cover_asset_id))
        self.publish_at.setText(times.local_text(article.publish_at)[:16])
        select_id(self.channel, article.channel_id)
        self.origin.setCurrentIndex(self.origin.findData(article.origin))
        self.summary.setPlainText(article.summary)
        self.body.set_markdown(article.body)
        self._loading = False
        self._show_reprint_rows()

    def _moved(self, article: Article) -> None:
        """The story moved on in review (送审): the rules say anew what this user may do
        with it, and the preview shows it as stored."""
        self._refusal = workflow.why_not_edit(self.store, article, self.user)
        self._apply_access()
        self.changed.emit(article)

    def _notice(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _show_lock(self, state: edit_locks.LockState) -> None:
        self._lock = state
        self._apply_access()

    def _apply_access(self) -> None:
        """Editable when the story is ours and the rules let this user change it;
        otherwise read-only, and the banner says why (who has it, or which rule)."""
        state, a = self._lock, self.article
        if state is None or a is None:
            return
        editable = state.ours and self._refusal is None
        self.meta.set_state(a.state, state_label(
            a.state, workflow.stage_name(self.store, a.review_stage) if a.review_stage else "",
            present.pending_correction(a)))
        for w in list(self.fields.values()) + [self.reporters, self.tags, self.publish_at,
                                                self.topics, self.summary, self.body]:
            w.setReadOnly(not editable)
            look.show_read_only(w, not editable)
        for w in (self.channel, self.origin, self.image_button, self.cover_button,
                  self.pictures_button):
            w.setEnabled(editable)
        self.findings.set_editable(editable)
        # The story's actions are the core's to allow: each button asks the rulebook
        # and, when refused, its tooltip gives the rule as the CLI would.
        refusal = workflow.why_not_submit(self.store, a, self.user) or self._refusal
        self.submit_button.setEnabled(editable and refusal is None)
        self.submit_button.setToolTip(refusal or "")
        self.take_over_button.setVisible(not state.ours)
        for button, kind, why_not in (
                (self.recall_button, "recall", workflow.why_not_recall),
                (self.correct_button, "correction", workflow.why_not_correct)):
            refusal = why_not(self.store, a, self.user) if rules.leaves(kind, a.state) \
                else None
            button.setVisible(rules.leaves(kind, a.state))
            button.setEnabled(refusal is None)
            button.setToolTip(refusal or "")
        # Its stage's reviewer signs here as in the queue (the main window's actions).
        reviewing = a.state in workflow.IN_REVIEW and \
            workflow.why_not_review(self.store, a, self.user) is None
        unsigned = workflow.why_not_sign(self.store, a, self.user) if reviewing else None
        self.approve_button.setVisible(reviewing)
        self.approve_button.setEnabled(unsigned is None)
        self.approve_button.setToolTip(unsigned or "")
        self.return_button.setVisible(reviewing)
        if reviewing:
            self.recall_button.hide()  # 撤回 is the author's; the reviewer returns it
        if state.ours and state.taken_from:
            text = self.tr("You took this story over from %1; they have been "
                           "told.").replace("%1", state.taken_from)
        elif not state.ours:
            text = (self.tr("%1 is editing this story (last seen %2). It is read-"
                            "only here until you take it over.")
                    .replace("%1", state.holder)
                    .replace("%2", times.local_text(state.since)[11:19]))
        else:
            text = self._rule_banner(a)
        self.banner.setText(text)
        self.banner.setToolTip(self._refusal or "")  # the rule, as the CLI says it
        self.banner.setVisible(bool(text))

    def _rule_banner(self, a: Article) -> str:
        """What the workflow says about this story to this user, or nothing."""
        if a.state == State.RETURNED:
            r = present.last_return(self.store, a.id)
            if r:
                return (self.tr("Returned at %1 by %2 (%3): %4").replace("%1", r["stage_name"])
                        .replace("%2", r["actor"]).replace("%3", r["at"][:16])
                        .replace("%4", r["comment"]))
        if a.state == State.PUBLISHED:
            return self.tr("Published: read-only. To change it, start a correction (更正).")
        if a.state in workflow.IN_REVIEW:
            return self.banner.in_review(self.store, a, self.user)
        return self.tr("%1: read-only.").replace("%1", self._refusal) if self._refusal else ""

    def values(self) -> dict:
        """The form as article fields (what autosave writes)."""
        values = {name: w.text().strip() for name, w in self.fields.items()}
        values |= {"reporters": split_names(self.reporters.text()),
                   "tags": split_list(self.tags.text()),
                   "channel_id": self.channel.currentData(),
                   "origin": self.origin.currentData(),
                   "summary": self.summary.toPlainText().strip(),
                   "cover_asset_id": self.cover_asset_id,
                   "body": self.body.markdown()}
        wanted = split_list(self.topics.text())
        unknown = [t for t in wanted if t not in self.topic_ids]
        self.topics.setStyleSheet("border:1px solid #d00" if unknown else "")
        self.topics.setToolTip(self.tr("Not a topic, so not saved: %1 (topics: %2)")
                               .replace("%1", "、".join(unknown))
                               .replace("%2", "、".join(self.topic_ids)) if unknown else "")
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
        self.meta.show_reprint(reprint)
        # Left empty, an original's page prints the outlet as its 来源 (review/meta.py).
        outlet = self.store.settings().name
        self.fields["source"].setPlaceholderText(
            self.tr("Required for a reprint") if reprint
            else self.tr("%1 (default)").replace("%1", outlet))
        self.fields["source"].setToolTip("" if reprint else self.tr(
            "Empty: the page prints %1 as 来源").replace("%1", outlet))

    # ---- typing: count, preview, checks, autosave -------------------------------------
    def _on_edit(self, *_args) -> None:
        if self._loading or self.article is None:
            return
        self.changed.emit(self.current())
        self.recheck.start()
        self.session.touched()

    def close_story(self) -> None:
        """Show no story (the one shown was deleted)."""
        self.session.close()
        self.recheck.stop()
        self._check_serial += 1
        self.setEnabled(False)

    def flush(self) -> bool:
        """Save now if anything waits (focus change, switching stories, closing, signing);
        False when it could not be saved."""
        return self.session.flush()

    def stop(self) -> None:
        """The window closes: save what waits, check nothing more (a check still running
        finishes stale and is dropped)."""
        self.recheck.stop()
        self.session.stop()
        self._check_serial += 1

    def abandon(self) -> Path | None:
        """The database cannot be used any more: keep the text in an emergency file
        (returned) and stop, without touching the database."""
        self.recheck.stop()
        kept = self.session.abandon()
        self._check_serial += 1
        self.setEnabled(False)
        return kept

    # ---- 机审 ---------------------------------------------------------------------------
    def _start_checks(self) -> None:
        if self.article is None:
            return
        self._check_serial += 1
        self.jobs.start(checks.check_article, self.current(), checks.knowledge_for(self.store),
                        self.store.settings(),
                        then=partial(self._checked, self._check_serial))

    def _checked(self, serial: int, report) -> None:
        if serial != self._check_serial:
            return  # a newer check is on its way
        self.report = checks.finish(report, self.store.checks.acceptances(self.article.id))
        # 字数 comes with the checks (off the UI thread, after a pause in typing): on a
        # 2 MB body, counting at every keystroke would make typing lag.
        self.counted.emit(report.char_count)
        self.findings.show_findings(report.findings)  # blocking ones first
        self._underline(self.findings.model.shown)

    def _underline(self, findings) -> None:
        selections, offsets = [], self.body.offsets()  # 机审 counts in the markdown
        for f in findings:
            if f.field != "body" or f.end <= f.start or f.accepted:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            fmt.setUnderlineColor(QColor(COLOURS.get(f.severity, COLOURS["info"])))
            sel.format = fmt
            start, end = offsets.span(f.start, f.end)
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.body.setExtraSelections(selections)

    def underlined(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.body.extraSelections()]

    def _jump(self, f) -> None:
        """Show a finding where it is: select its text."""
        if f.field == "body":
            self.body.setTextCursor(self.body.select_markdown(f.start, f.end))
            self.body.setFocus()
        elif f.field in self.fields:
            self.fields[f.field].setFocus()
            self.fields[f.field].setSelection(f.start, f.end - f.start)

    def apply_fix(self, f) -> None:
        if f.suggestion is None:
            return
        if f.field == "body":
            self.body.replace_markdown(f.start, f.end, f.suggestion)  # one undo step
        elif f.field in self.fields:
            w = self.fields[f.field]
            text = w.text()
            w.setText(text[:f.start] + f.suggestion + text[f.end:])
            self._on_edit()

    def accept_finding(self, f) -> None:
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

    def insert_image(self, path: str | None = None) -> None:
        """A picture at the cursor, with the alt text and caption asked for."""
        stored = images.store_file(self, self.store, self.user, self.tr("Insert image"),
                                   path)
        if stored:
            self._insert_picture(stored[0])

    def _insert_picture(self, link: str) -> None:
        text = images.ask_text(self, "")  # described by a person, never by its file's name
        if text:
            self.body.insert_picture(pictures.markdown(link, *text))

    def _paste_image(self, image) -> None:
        link = pictures.store_picture(self.store, images.png_bytes(image), "pasted.png",
                                      self.user)
        self._insert_picture(link)

    def choose_cover(self, path: str | None = None) -> None:
        """The story's cover image, stored like body images."""
        stored = images.store_file(self, self.store, self.user, self.tr("Cover image"),
                                   path)
        if not stored:
            return
        asset_id = Path(stored[0]).stem  # assets/<sha256>.<ext>
        self.cover_asset_id = asset_id
        self.cover_button.show_cover(self._picture_data(asset_id))
        self._on_edit()

    def _picture_data(self, asset_id: str | None) -> bytes | None:
        """A stored picture's bytes, for a thumbnail; None when there is none."""
        try:
            return self.store.assets.data(asset_id) if asset_id else None
        except NotFound:
            return None

    def _paste_html(self, html: str) -> None:
        """Word's, WPS's or a web page's HTML: paragraphs kept, its pictures stored as
        the story's; those that could not be come in as a notice, not as text."""
        result = pasted.paste_html(self.store, html, self.user)
        self.body.insert_markdown(result.markdown)
        if result.left_out:
            self._notice(self.tr("Pictures not pasted: %1").replace(
                "%1", "；".join(result.left_out)))

    def _picture_chosen(self, position: int, what: str) -> None:
        """A picture in the body double-clicked or chosen from its menu: its words
        (alt text, caption, credit) or its file, through the pictures' own dialogs."""
        p = self.body.picture(position)
        if p is None:
            return
        if what == "words":
            text = images.ask_text(self, p.alt, p.caption)
            if text:
                self.body.set_picture(position, pictures.markdown(p.link, *text))
            return
        stored = images.store_file(self, self.store, self.user,
                                   self.tr("Replace the picture"), None)
        if stored:
            self.body.set_picture(position, pictures.markdown(stored[0], p.alt, p.caption))

    def show_revisions(self) -> None:
        dialog = RevisionsDialog(self.store, self.article, self)
        if dialog.exec() == RevisionsDialog.Accepted and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def restore(self, number: int) -> None:
        try:
            self.session.restore(number)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not restored"), str(e))

    def submit(self) -> None:
        """送审: what was typed is saved first; if it cannot be, nothing is sent."""
        if "publish_at" not in self.values():  # the form would drop the typed time
            QMessageBox.warning(self, self.tr("Not submitted"), self.tr(
                "The publish time is not a date and time (like 2026-12-01 09:00): correct "
                "or clear it, then submit."))
            return
        try:
            sent = self.session.submit()
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not submitted"), str(e))
            return
        if not sent:
            QMessageBox.warning(self, self.tr("Not submitted"), self.tr(
                "Your changes could not be saved, so the story was not sent for review; "
                "they are still here. %1").replace("%1", self.session.said))
