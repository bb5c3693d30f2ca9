"""The app's side of a newsroom of many seats: where this seat stands, in the status
bar (已同步 / N 项待上传 / 离线 / N 个冲突), 同步 on demand, every few minutes, and soon
after stories change; a sync runs on a thread and connection of its own, and says
nothing when the newsroom's repository cannot be reached — the work waits here."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from newsdesk import times
from newsdesk.errors import NewsdeskError
from newsdesk.store import Store
from newsdesk.sync.seat import Seat, SyncResult
from newsdesk.sync.admission import Refused
from ui import look
from ui.jobs import on_own_connection
from ui.repo_login import RepositoryLoginDialog


class SyncControl(QObject):
    ended = Signal(object)          # a sync's SyncResult, or the error that stopped it
    received = Signal(set)          # ids of stories another seat changed
    conflicts_asked = Signal()      # the status button was clicked with conflicts open
    moved = Signal(object)          # publishing moved here (None), or why it did not

    EVERY_MS = 5 * 60_000           # automatic sync
    SOON_MS = 10_000                # after stories changed here (submit, sign, publish)

    def __init__(self, store: Store, user, parent=None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setObjectName("sync-status")
        self.every = QTimer(self, interval=self.EVERY_MS)
        self.soon = QTimer(self, interval=self.SOON_MS, singleShot=True)
        self.running = False
        self.thread = None
        self.quiet = True
        self.last: SyncResult | None = None
        self.refusal: str | None = None  # what the last sync refused to take in
        self.every.timeout.connect(self.sync_quietly)
        self.soon.timeout.connect(self.sync_quietly)
        self.ended.connect(self._ended)
        self.moved.connect(self._moved)
        self.button.clicked.connect(self._clicked)
        self.show_status()
        if self.is_seat():
            self.every.start()

    def is_seat(self) -> bool:
        return bool(self.store.syncing.mark("remote"))

    def changed_here(self) -> None:
        """Stories changed on this seat: sync soon (at most once every SOON_MS)."""
        if self.is_seat() and not self.soon.isActive():
            self.soon.start()

    def sync_now(self) -> None:
        """同步, asked for: a refusal or an error is said."""
        if not self.is_seat():
            QMessageBox.information(
                self.parent(), self.tr("Sync"),
                self.tr("This database is not part of a newsroom of many PCs. An "
                        "administrator makes it one (Site → Found a newsroom of many "
                        "PCs…); other PCs join it from the sign-in window."))
            return
        self._start(quiet=False)

    def found(self) -> None:
        """建立多机编辑部 (an administrator): this database becomes the newsroom's, and
        syncs from then on."""
        from ui.found_dialog import FoundDialog  # loaded when first asked for
        dialog = FoundDialog(self.store.path, self.user, self.parent())
        accepted = dialog.exec() == QDialog.Accepted
        dialog.wait()
        if not accepted:
            return
        self.every.start()
        self.show_status()
        QMessageBox.information(
            self.parent(), self.tr("Found a newsroom of many PCs"),
            self.tr("The newsroom's repository is %1. Other PCs join it from the sign-in "
                    "window with that address; this PC publishes.").replace(
                        "%1", self.store.syncing.mark("remote")))

    def become_publisher(self) -> None:
        """本机作为发布机: after the person confirms, on a thread of its own."""
        if not self.is_seat():
            self.sync_now()  # says what a newsroom is and how to make one
            return
        asked = QMessageBox.question(
            self.parent(), self.tr("Publish from this seat"),
            self.tr("This PC will number the newsroom's stories and publish the site; the "
                    "seat publishing now stops at its next sync. Go on?"))
        if asked != QMessageBox.Yes or self.running:
            return
        self.running = True  # no automatic sync meanwhile: one thread on the repository
        user_id = self.user.id
        self.thread = on_own_connection(
            self.store.path,
            lambda store: Seat.of(store).become_publisher(store.users.get(user_id)),
            self.moved.emit, "publisher")

    def _moved(self, outcome) -> None:
        self.running = False
        if isinstance(outcome, Exception):
            QMessageBox.warning(self.parent(), self.tr("Publishing did not move"),
                                str(outcome))
        else:
            QMessageBox.information(self.parent(), self.tr("Publish from this seat"),
                                    self.tr("This PC now publishes for the newsroom."))
        self.show_status()

    def sync_quietly(self) -> None:
        if self.is_seat():
            self._start(quiet=True)

    def _start(self, quiet: bool) -> None:
        if self.running:
            return
        self.running, self.quiet = True, quiet
        self.button.setText(self.tr("Syncing…"))
        self.button.setIcon(look.icon("sync"))
        who = self.user.username
        self.thread = on_own_connection(
            self.store.path, lambda store: Seat.of(store).sync(who), self.ended.emit, "sync")

    def stop(self, wait_s: float = 15.0) -> None:
        """Closing: no new sync, and a running one gets a while to finish (one cut off
        is picked up by the next: see Seat.sync)."""
        self.every.stop()
        self.soon.stop()
        if self.thread is not None:
            self.thread.join(wait_s)

    def _ended(self, outcome) -> None:
        """A refusal is said even by a quiet sync (in the status bar): the newsroom
        stays out of step until someone acts on it. Other failures only when asked."""
        self.running = False
        self.refusal = str(outcome) if isinstance(outcome, Refused) else None
        if isinstance(outcome, SyncResult):
            self.last = outcome
            if outcome.stories:
                self.received.emit(set(outcome.stories))
        elif not self.quiet:
            QMessageBox.warning(self.parent(), self.tr("Not synced"), str(outcome))
        self.show_status()
        if isinstance(outcome, SyncResult) and outcome.login_needed and not self.quiet:
            self.ask_login()

    def show_status(self) -> None:
        self.button.setVisible(self.is_seat())
        if not self.is_seat():
            return
        try:
            status = Seat.of(self.store).status()
        except NewsdeskError as e:
            self.button.setText(self.tr("Sync: %1").replace("%1", str(e)))
            return
        offline = self.last is not None and self.last.offline
        if self.refusal:
            text, icon = self.tr("Sync refused"), look.icon("sync-alert", "#c62828")
        elif self.last is not None and self.last.login_needed:
            text, icon = self.tr("Log in to sync"), look.icon("account-key", "#c62828")
        elif status.tampered:
            text = self.tr("Tampering: %1").replace("%1", str(status.tampered))
            icon = look.icon("shield-alert-outline", "#c62828")
        elif status.conflicts:
            text = self.tr("%1 conflicts").replace("%1", str(status.conflicts))
            icon = look.icon("source-merge", "#c62828")
        elif offline:
            text, icon = self.tr("Offline"), look.icon("cloud-off-outline", "#e65100")
        elif status.pending:
            text = self.tr("%1 waiting to go up").replace("%1", str(status.pending))
            icon = look.icon("cloud-sync-outline", "#1565c0")
        else:
            text, icon = self.tr("Synced"), look.icon("cloud-sync-outline", "#2e7d32")
        self.button.setText(text)
        self.button.setIcon(icon)
        when = times.local_text(status.synced_at, self.store.settings().timezone)[:16] \
            if status.synced_at else self.tr("never")
        tip = self.tr("Newsroom: %1\nLast synced: %2").replace("%1", status.remote) \
            .replace("%2", when)
        if status.tampered:  # what changed, by which commit: the conflicts list has each
            tip += "\n" + self.tr("A review event this PC holds was changed in the "
                                  "newsroom's repository by commit %1; this PC's copy is "
                                  "kept and sent back.").replace("%1", status.tampered_by)
        self.button.setToolTip(tip + ("\n" + self.refusal if self.refusal else
                                      "\n" + self.last.offline if offline else ""))

    def ask_login(self) -> None:
        """The repository's server wants this seat's login: given, then synced."""
        dialog = RepositoryLoginDialog(self.store.syncing.mark("remote"), self.last.offline,
                             self.parent())
        if dialog.exec() == QDialog.Accepted:
            self._start(quiet=False)

    def _clicked(self) -> None:
        if self.last is not None and self.last.login_needed:
            self.ask_login()
        elif self.store.syncing.conflict_count():
            self.conflicts_asked.emit()
        else:
            self.sync_now()
