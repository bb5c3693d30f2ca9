"""One story being edited, without widgets (Ghostwriter's document session): the edit
lock and its heartbeat, autosave on the saver's thread, saves that someone else's save
overtook (merge or copy), the crash journal and the emergency file. The editor pane
is the form; it hands the session the form's values and shows what the session says."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk import times
from newsdesk.editing import edit_locks, emergency, journal
from newsdesk.review import workflow
from newsdesk.errors import DatabaseBusy, NewsdeskError, StaleEdit, StorageFailed
from newsdesk.text.merge import merge_story
from newsdesk.model import Article
from newsdesk.store import Store
from ui.editor.saver import Saver

AUTOSAVE_MS = 800    # after a pause in typing
MAX_UNSAVED_MS = 1500  # while typing on without a pause (the journal covers a crash)
JOURNAL_MS = 100       # the crash journal is written this long after a change, at most


class StorySession(QObject):
    status = Signal(str)            # a line for the status bar
    lock_changed = Signal(object)   # edit_locks.LockState: whether the form may be edited
    notice = Signal(str)            # something the person must read (the banner)
    reloaded = Signal(object, bool)  # the form must show this article; True: text the
    #                                  preview has not seen (a merge, a copy, a restore)
    edited = Signal()               # the form's text changed (recovered from a journal)
    stored = Signal(object)         # ids of stories this session wrote (saves, copies…)
    moved = Signal(object)          # the story moved on in review (submitted), as stored

    def __init__(self, store: Store, user, values: Callable[[], dict],
                 ask_conflict: Callable[[Article], str | None], parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.values, self.ask_conflict = values, ask_conflict
        self.article: Article | None = None
        self.base: Article | None = None  # the story as last loaded or saved here
        self.ours = False
        self.instance = edit_locks.new_instance()  # this running editor, for the edit lock
        self.saver = Saver(store.path, self)
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.max_wait = QTimer(self, singleShot=True, interval=MAX_UNSAVED_MS)
        # Not restarted by each keystroke: the journal is at most JOURNAL_MS behind.
        self.journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._journal_writer = ThreadPoolExecutor(1, thread_name_prefix="newsdesk-journal")
        self.heartbeat = QTimer(self, interval=edit_locks.HEARTBEAT_S * 1000)
        self._dirty = False   # typed since the last save began
        self._again = False   # an autosave came due while one was running
        self.said = ""        # the last status line (why a save failed, for the submitter)
        self.status.connect(lambda text: setattr(self, "said", text))
        self.autosave.timeout.connect(self.save_in_background)
        self.max_wait.timeout.connect(self.save_in_background)
        self.saver.finished.connect(self._finished)
        self.journal_timer.timeout.connect(self._write_journal)
        self.heartbeat.timeout.connect(self.beat)

    # ---- opening and letting go ---------------------------------------------------
    def open(self, article: Article, new_text: bool = False) -> None:
        """Edit this story: the form shows it (reloaded), the lock is asked for, and
        text a crash left in its journal comes back."""
        self._settle()
        if self.article is not None and self.article.id != article.id:
            self.release()
        self.article = self.base = article
        self._dirty = False
        self.reloaded.emit(article, new_text)
        self._set_lock(edit_locks.acquire(self.store, article.id, self.user, self.instance))
        if self.ours:
            self._recover()

    def take_over(self) -> None:
        """Take the story from whoever holds it, starting from their latest save."""
        self.article = self.base = self.store.articles.get(self.article.id)
        self.reloaded.emit(self.article, True)
        self._set_lock(edit_locks.acquire(self.store, self.article.id, self.user, self.instance,
                                     take_over=True))

    def beat(self) -> None:
        """The heartbeat: keep the lock, or learn that someone took it over."""
        if self.article is None:
            return
        state = edit_locks.heartbeat(self.store, self.article.id, self.user, self.instance)
        if self.ours and not state.ours:
            self.autosave.stop()
            self.max_wait.stop()
            self._set_lock(state)
            self.notice.emit(self.tr("%1 took this story over. Your text stays here, "
                                     "unsaved: copy what you need.").replace("%1", state.holder))

    def _set_lock(self, state: edit_locks.LockState) -> None:
        self.ours = state.ours
        self.heartbeat.start()
        self.lock_changed.emit(state)

    def close(self) -> None:
        """Let go of the story (deleted elsewhere in the window): nothing more is saved."""
        self._settle()
        self._stop_timers()
        self.release()
        self.article = self.base = None
        self._dirty = False

    def release(self) -> None:
        if self.article is not None and self.ours:
            edit_locks.release(self.store, self.article.id, self.instance)
        self.ours = False

    # ---- the crash journal ----------------------------------------------------------
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
        when = times.local_text(entry.written_at)[11:19]
        if entry.base_edits != self.article.edits:
            # Saved elsewhere since: keep the text aside rather than overwrite theirs.
            kept = emergency.save(self.store.path, self.article.id, entry.values)
            journal.discard(self.store.path, self.article.id)
            self.notice.emit(self.tr("Text typed here before Newsdesk closed unexpectedly "
                                     "(%1) was kept in %2: the story was saved elsewhere "
                                     "since.").replace("%1", when).replace("%2", str(kept)))
            return
        values = {k: v for k, v in entry.values.items() if hasattr(self.article, k)}
        self.reloaded.emit(replace(self.article, **values), False)
        self.edited.emit()  # saved like typing
        self.notice.emit(self.tr("Recovered what was typed before Newsdesk closed "
                                 "unexpectedly (%1): %2").replace("%1", when)
                         .replace("%2", f"“{added}”" if added
                                  else self.tr("changes to the form")))

    # ---- saving -----------------------------------------------------------------------
    def touched(self) -> None:
        """The person changed the form: journal it soon, save it after a pause."""
        self._dirty = True
        if not self.journal_timer.isActive():
            self.journal_timer.start()
        self.autosave.start()
        if not self.max_wait.isActive():
            self.max_wait.start()
        self.status.emit(self.tr("Unsaved changes"))

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
        self.stored.emit({self.article.id})
        if not self._dirty and not self.journal_timer.isActive():
            self._journal_writer.submit(journal.discard, self.store.path, self.article.id)
        self.status.emit(self.tr("Saved at %1").replace("%1", times.local_text(
            self.article.updated_at)[11:19]) + (f" · r{self.article.revision}"
                                                 if checkpoint else ""))
        return True

    def _not_saved(self, e: NewsdeskError) -> bool:
        if isinstance(e, StaleEdit):
            return self._conflict(e.current)
        if isinstance(e, (DatabaseBusy, StorageFailed)):
            return self._not_stored(str(e))
        self._dirty = True
        self.status.emit(self.tr("Not saved: %1").replace("%1", str(e)))
        return False

    def _not_stored(self, why: str) -> bool:
        """The database would not take the text: keep it here and in an emergency file,
        say so, and try again shortly."""
        self._dirty = True
        path = emergency.save(self.store.path, self.article.id, self.values())
        where = (self.tr("a copy is in %1").replace("%1", str(path)) if path else
                 self.tr("no emergency copy could be written either"))
        self.status.emit(self.tr("Not saved: %1; your text stays here, %2")
                         .replace("%1", why).replace("%2", where))
        self.autosave.start()  # retry: the other program may let go, space may free up
        return False

    def _conflict(self, current: Article) -> bool:
        """Someone else's save overtook this one: merge into theirs, save a copy, or
        leave it unsaved, as the person chooses."""
        choice = self.ask_conflict(current)
        mine = self.values()
        if choice == "copy":
            copy = workflow.create(self.store, self.user,
                                   **(mine | {"title": mine["title"] + self.tr(" (copy)")}))
            self.open(copy, new_text=True)
            self.stored.emit({copy.id})
            self.status.emit(self.tr("Saved as a copy"))
            return True
        if choice == "merge":
            merged, conflicts = merge_story(self.base, mine, current)
            self.base = current
            self.article, _ = workflow.edit(self.store, current.id, merged, self.user,
                                            expect_edits=current.edits)
            self.open(self.article, new_text=True)
            self.stored.emit({current.id})
            self.status.emit(self.tr("Merged; %1 place(s) to settle by hand")
                             .replace("%1", str(conflicts)) if conflicts
                             else self.tr("Merged"))
            return True
        self.status.emit(self.tr("Not saved: the story was saved elsewhere meanwhile"))
        return False

    def flush(self) -> bool:
        """Save now if anything waits (focus change, switching stories, closing, signing);
        False when it could not be saved."""
        return self.save() if self._dirty or self.saver.running else True

    # ---- other changes to the story ---------------------------------------------------
    def restore(self, number: int) -> None:
        """Bring back an earlier revision's content (as a new revision: nothing is
        lost). Raises NewsdeskError when the rules refuse."""
        self.flush()
        content = self.store.articles.revision_content(self.article.id, number)
        article, _ = workflow.edit(self.store, self.article.id, content, self.user,
                                   checkpoint=f"restore r{number}")
        self.open(article, new_text=True)
        self.stored.emit({article.id})
        self.status.emit(self.tr("Revision %1 restored").replace("%1", str(number)))

    def submit(self) -> bool:
        """Save, then send for review (False, sending nothing, when what was typed could
        not be saved). Raises NewsdeskError when the rules refuse."""
        if not self.save():
            return False
        t = workflow.submit(self.store, self.article.id, self.user)
        self.article = self.base = t.article
        self.stored.emit({t.article.id})
        self.moved.emit(t.article)
        self.status.emit(self.tr("Submitted for review (revision %1)")
                         .replace("%1", str(t.event.revision)))
        return True

    # ---- the end --------------------------------------------------------------------
    def stop(self) -> None:
        """The window closes: save what waits, let go of the story, stop the threads."""
        self.flush()
        self._stop_timers()
        self.release()
        self.saver.close()
        self._journal_writer.shutdown(wait=True)

    def abandon(self) -> Path | None:
        """The database cannot be used any more: stop saving, keep the text in an
        emergency file (returned) and let go of the story without touching the database."""
        self._stop_timers()
        self.saver.close()
        kept = None
        if self.article is not None and self.ours:
            kept = emergency.save(self.store.path, self.article.id, self.values())
        self.ours = self._dirty = False
        return kept

    def _stop_timers(self) -> None:
        for timer in (self.autosave, self.max_wait, self.heartbeat, self.journal_timer):
            timer.stop()
