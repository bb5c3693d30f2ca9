"""The main window: navigator, story table, read-only story view. All signal wiring
is in _wire()."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox, QSplitter,
    QStackedWidget, QTableView, QToolBar, QTreeWidget, QTreeWidgetItem,
)

from db import DatabaseDamaged
from newsdesk import backup, filtering
from newsdesk.review import accounts, bin_rules, rules, workflow
from newsdesk.errors import NewsdeskError
from newsdesk.model import SavedSearch, State
from newsdesk.store import Store
from ui import look, operations, searching, window_fit
from ui.admin.admin_dialog import AdminDialog
from ui.article_model import ArticleTableModel, state_label
from ui.bin_dialog import BinDialog
from ui.damage import ask_restore
from ui.editor.editor_pane import EditorPane
from ui.id_model import setup_table
from ui.jobs import Jobs
from ui.login import LoginDialog
from ui.preview.preview_pane import PreviewPane
from ui.publish.publish_dialog import PublishDialog
from ui.publish.on_time import OnTime
from ui.publish.patrol_control import PatrolControl
from ui.publish.verify_dialog import VerifyDialog
from ui.queue import signing
from ui.queue.queue_widget import ReviewQueue
from ui.search_bar import FilterBar
from ui.sync_control import SyncControl
from ui.word_lists import WordListDialog

FILTER = Qt.UserRole + 1
QUEUE, DUE = "queue", "due"


# Actions the menus carry but the toolbars have no room for (an English toolbar fills
# 1366 px already).
MENU_ONLY = {"action_targets", "action_import", "action_sync", "action_conflicts",
             "action_publisher", "action_found", "action_patrol"}


class MainWindow(QMainWindow):
    def __init__(self, store: Store, db_path: str, user):
        super().__init__()
        self.store = store
        self.user = user
        self.damaged: DatabaseDamaged | None = None  # met while open: the window closes
        self.restore_from = None  # the backup the user chose to put in its place
        self.site_name = store.settings().name or db_path
        self.navigator = QTreeWidget()
        self.navigator.setHeaderHidden(True)
        self.model = ArticleTableModel(store, self)
        self.table = QTableView()
        widest_state = state_label("draft", correction="…")  # 已发布·更正中
        setup_table(self.table, self.model, ["社" * 24, "桃源街道", widest_state,
                                             "2026-11-28 23:50", "参与人数需核实"])
        self.view = PreviewPane(store)  # the selected story as its page will look
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search headlines, text, names…"))
        self.search.setClearButtonEnabled(True)
        self.toolbar = QToolBar(self.tr("Story"))
        self.toolbar.setObjectName("story-toolbar")
        self.addToolBar(self.toolbar)
        browser = QSplitter()
        browser.addWidget(self.table)
        browser.addWidget(self.view)
        browser.setSizes([640, 560])
        # The window's page panes share one reading of the site's look.
        self.queue = ReviewQueue(store, user, look_of=self.view)
        self.editor = EditorPane(store, user)
        self.preview = PreviewPane(store, look_of=self.view)
        self.writing = QSplitter()
        self.writing.addWidget(self.editor)
        self.writing.addWidget(self.preview)
        self.writing.setSizes([700, 600])
        self.stack = QStackedWidget()
        self.stack.addWidget(browser)
        self.stack.addWidget(self.queue)
        self.stack.addWidget(self.writing)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setSizes([180, 1200])
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)  # pages and folders dropped here are imported
        self.save_label, self.count_label, self.user_label = QLabel(), QLabel(), QLabel()
        for label in (self.save_label, self.count_label, self.user_label):
            self.statusBar().addPermanentWidget(label)
        self.sync = SyncControl(store, user, self)
        self.statusBar().addPermanentWidget(self.sync.button)
        self.patrol = PatrolControl(self)   # 巡检: the last check of the live site
        self.statusBar().addPermanentWidget(self.patrol.label)
        self._scrolling = False
        self._menus()
        self.addToolBarBreak()  # the search box gets a row of its own
        search_bar = QToolBar(self.tr("Search"))
        search_bar.setObjectName("search-toolbar")
        search_bar.addWidget(self.search)
        self.addToolBar(search_bar)
        self.addToolBarBreak()
        self.filters = FilterBar(store)
        filter_bar = QToolBar(self.tr("Filters"))
        filter_bar.setObjectName("filter-toolbar")
        filter_bar.addWidget(self.filters)
        self.addToolBar(filter_bar)
        # Ctrl+F in the story list: the search box (in the editor it finds in the text).
        find = QShortcut(QKeySequence.Find, browser, context=Qt.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self._show_user()
        self._admin_actions()
        # Automatic backups of what changed: when closing, and while open at most daily
        # (checked hourly).
        self.backup_timer = QTimer(self, interval=3_600_000)
        # On the publisher seat, scheduled stories go out at their time.
        self.on_time = OnTime(self)
        self.on_time.said.connect(self.statusBar().showMessage)
        self.on_time.stories_changed.connect(self.stories_changed)
        self.jobs = Jobs(self)
        bin_rules.empty_bin(store, None)  # drafts deleted over BIN_DAYS ago go for good
        self._fill_navigator()
        self._show_counts()
        self._wire()
        self.navigator.setCurrentItem(self.navigator.topLevelItem(3).child(0))
        self._restore()

    def _menus(self) -> None:
        """Every action once, named (objectName: tests and automation find them so),
        in a menu and in that menu's toolbar."""
        bar = self.menuBar()
        story, review = bar.addMenu(self.tr("&Story")), bar.addMenu(self.tr("&Review"))
        site, admin = bar.addMenu(self.tr("S&ite")), bar.addMenu(self.tr("&Admin"))
        tools = {story: self.toolbar}
        for menu, name in ((review, "review-toolbar"), (site, "site-toolbar"),
                           (admin, "admin-toolbar")):
            tools[menu] = self.addToolBar(menu.title().replace("&", ""))
            tools[menu].setObjectName(name)

        for toolbar in tools.values():
            toolbar.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
            toolbar.setIconSize(QSize(20, 20))

        def act(name, text, menu, slot, shortcut=None) -> QAction:
            action = QAction(look.icon(look.ACTION_ICONS[name]), text, self)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)
            if name not in MENU_ONLY:
                tools[menu].addAction(action)
            if name in short:  # a toolbar has room for a word, a menu for a sentence
                action.setIconText(short[name])
            return action
        short = {"action_submit": self.tr("Submit"), "action_recall": self.tr("Recall"),
                 "action_correct": self.tr("Correct"), "action_withdraw": self.tr("Withdraw"),
                 "action_delete": self.tr("Delete"), "action_bin": self.tr("Bin"),
                 "action_publish": self.tr("Publish"), "action_verify": self.tr("Verify"),
                 "action_inspect": self.tr("Inspect"),
                 "action_word_lists": self.tr("机审 lists"),
                 "action_switch_user": self.tr("Switch user")}
        act("action_new_story", self.tr("New story"), story, self.new_story,
            QKeySequence.New)
        act("action_insert_image", self.tr("Insert image…"), story,
            lambda: self._in_editor(self.editor.insert_image))
        act("action_cover_image", self.tr("Cover image…"), story,
            lambda: self._in_editor(self.editor.choose_cover))
        act("action_submit", self.tr("Submit for review"), story,
            lambda: self._in_editor(self.editor.submit), "Ctrl+Return")
        act("action_recall", self.tr("Recall (撤回)"), story,
            lambda: self._operate(operations.recall))
        story.addSeparator()
        act("action_correct", self.tr("Correct (更正)…"), story,
            lambda: self._operate(operations.correct))
        act("action_withdraw", self.tr("Withdraw (撤稿)…"), story,
            lambda: self._operate(operations.withdraw))
        story.addSeparator()
        delete = act("action_delete", self.tr("Delete draft…"), story, self.delete_story,
                     QKeySequence.Delete)
        delete.setShortcutContext(Qt.WidgetShortcut)  # in the story list, not in text
        self.table.addAction(delete)  # its context menu, and Delete there
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        act("action_bin", self.tr("Recycle bin…"), story, self.open_bin)
        act("action_import", self.tr("Import an old site's pages…"), story, self.import_pages)
        story.addSeparator()
        act("action_preview", self.tr("Preview"), story, self.toggle_preview, "Ctrl+Shift+P")
        act("action_approve", self.tr("Approve…"), review,
            lambda: self._sign(self.queue.approve_current, signing.approve)).setToolTip(
            self.tr("Sign off the story selected in the queue or open in the editor "
                    "(Ctrl+Shift+A in the queue)"))
        act("action_return", self.tr("Return…"), review,
            lambda: self._sign(self.queue.return_current, signing.send_back)).setToolTip(
            self.tr("Send the story selected in the queue or open in the editor back to "
                    "its author (Ctrl+Shift+R in the queue)"))
        act("action_publish", self.tr("Publish the site…"), site, self.publish)
        act("action_verify", self.tr("Verify the live site…"), site,
            lambda: VerifyDialog(self.store, self).exec())
        act("action_inspect", self.tr("Site self-inspection (网站自查)…"), site, self.inspect)
        act("action_patrol", self.tr("Check the live site (巡检网站)"), site, self.patrol.run)
        site.addSeparator()
        act("action_sync", self.tr("Sync with the newsroom"), site, self.sync.sync_now,
            "F9")
        act("action_conflicts", self.tr("Sync conflicts…"), site, self.show_conflicts)
        act("action_publisher", self.tr("Publish from this seat…"), site,
            self.sync.become_publisher)
        act("action_found", self.tr("Found a newsroom of many PCs…"), site, self.sync.found)
        for n, (name, text) in enumerate((("action_users", self.tr("Users…")),
                                          ("action_channels", self.tr("Channels…")),
                                          ("action_topics", self.tr("Topics…")),
                                          ("action_settings", self.tr("Site settings…")),
                                          ("action_targets", self.tr("Publish targets…")))):
            act(name, text, admin, lambda tab=n: self.administer(tab))
        act("action_word_lists", self.tr("机审 lists…"), admin,
            lambda: WordListDialog(self.store, self.user, self).exec())
        act("action_switch_user", self.tr("Switch user…"), admin, self.switch_user)

    def toggle_preview(self) -> None:
        """Show or hide the page preview beside what is on screen: the editor, the story
        list or the review queue."""
        current = self.stack.currentWidget()
        pane = (self.preview if current is self.writing
                else self.queue.panel.preview if current is self.queue else self.view)
        pane.setVisible(not pane.isVisible())

    def _current_story(self):
        """The story the person is looking at: in the editor, the queue or the list."""
        if self.stack.currentWidget() is self.writing:
            return self.editor.article
        if self.stack.currentWidget() is self.queue:
            return self.queue.panel.article
        row = self.table.currentIndex().row()
        return self.store.articles.get(self.model.ids[row]) if row >= 0 else None

    def _operate(self, operation) -> None:
        article = self._current_story()
        if article is None:
            self.statusBar().showMessage(self.tr("Select a story first"))
            return
        self.editor.flush()
        changed = operation(self, self.store, self.user, article)
        if changed:
            self.stories_changed(changed)
            if self.stack.currentWidget() is self.writing:
                self.editor.load(self.store.articles.get(article.id))
            elif self.stack.currentWidget() is self.queue:
                self.queue.reload()

    def _in_editor(self, slot) -> None:
        if self.stack.currentWidget() is self.writing and self.editor.article:
            slot()
        else:
            self.statusBar().showMessage(self.tr("Open a story in the editor first"))

    def _sign(self, in_queue, act) -> None:
        """签审通过 or 退回: the story selected in the queue, or the one open in the editor
        (act: ui.queue.signing's, as the queue does it)."""
        if self.stack.currentWidget() is self.queue:
            in_queue()
        elif self.stack.currentWidget() is self.writing and self.editor.article:
            self._sign_in_editor(act)
        else:
            self.statusBar().showMessage(self.tr("Open the review queue or a story first"))

    def _sign_in_editor(self, act) -> None:
        """The reviewer's edits are saved first: a sign-off names the revision it saw."""
        if not self.editor.flush():
            QMessageBox.warning(self, self.tr("Not signed"), self.tr(
                "Your edits could not be saved, so nothing was signed; they are still "
                "here. %1").replace("%1", self.editor.session.said))
            return
        transition = act(self, self.store, self.user,
                         self.store.articles.get(self.editor.article.id))
        if transition:
            self.stories_changed({transition.article.id})
            self.editor.load(transition.article)
            self.statusBar().showMessage(signing.outcome(self.store, transition.article))

    def delete_story(self) -> None:
        """A draft never submitted, from the story list to the recycle bin."""
        row = self.table.currentIndex().row()
        if self.stack.currentIndex() != 0 or row < 0:
            self.statusBar().showMessage(self.tr("Select a draft in the story list first"))
            return
        article = self.store.articles.get(self.model.ids[row])
        if QMessageBox.question(self, self.tr("Delete draft"), self.tr(
                "Move “%1” to the recycle bin? It can be restored for %2 days.")
                .replace("%1", article.title).replace("%2", str(bin_rules.BIN_DAYS))
                ) != QMessageBox.Yes:
            return
        try:
            bin_rules.delete_draft(self.store, article.id, self.user)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Not deleted"), str(e))
            return
        if self.editor.article is not None and self.editor.article.id == article.id:
            self.editor.close_story()  # it was left open behind the list
        self._on_navigate(self.navigator.currentItem())
        self._show_counts()

    def open_bin(self) -> None:
        dialog = BinDialog(self.store, self.user, self)
        dialog.restored.connect(self.stories_changed)
        dialog.exec()
        if self.stack.currentIndex() == 0:
            self._on_navigate(self.navigator.currentItem())

    def administer(self, tab: int) -> None:
        """系统管理 (read only for all but admins); the channel tree follows its changes."""
        AdminDialog(self.store, self.user, tab, self).exec()
        channels = self.navigator.topLevelItem(4)
        channels.takeChildren()
        self._fill_channels(channels)
        channels.setExpanded(True)

    def publish(self) -> None:
        """发布, for admins: the export into the outlet's output folder."""
        try:
            accounts.require_admin(self.user, "publish the site")
        except NewsdeskError as e:
            QMessageBox.information(self, self.tr("Publish the site"), str(e))
            return
        self.editor.flush()
        dialog = PublishDialog(self.store, self.user, self)
        dialog.stories_changed.connect(self.stories_changed)
        dialog.exec()
        dialog.wait()

    def _show_user(self) -> None:
        site = self.site_name
        if accounts.is_demo(self.store):  # password-free users: not for real work
            site = self.tr("%1 (demo: anyone can sign as anyone)").replace("%1", site)
        self.setWindowTitle(self.tr("Newsdesk — %1 — %2").replace("%1", site)
                            .replace("%2", self.user.real_name))
        self.user_label.setText(self.tr("Signed in: %1").replace("%1", self.user.real_name))

    def switch_user(self) -> None:
        dialog = LoginDialog(self.store, self)
        if dialog.exec() == LoginDialog.Accepted:
            self.switch_user_to(dialog.user)

    def switch_user_to(self, user) -> None:
        self.editor.flush()
        self.save_label.clear()
        self.user = self.queue.user = self.queue.panel.user = self.editor.user = user
        self.sync.user = user
        self._own_filters()
        self._show_user()
        self._admin_actions()
        self._show_counts()
        self.queue.reload()

    def _admin_actions(self) -> None:
        """What only admins do is offered to admins: for anyone else the action is off,
        its tooltip the core's refusal (saying who may)."""
        refusals = {
            "action_publish": accounts.why_not_admin(self.user, "publish the site"),
            "action_patrol": accounts.why_not_admin(self.user, "check the live site"),
            "action_found": accounts.why_not_admin(self.user, "found a newsroom"),
            "action_publisher": accounts.why_not_admin(self.user, "choose who publishes"),
            # The withdrawal rule asked of a story that is out: only the role can refuse.
            "action_withdraw": rules.why_not_withdraw(State.PUBLISHED, True, self.user)}
        for name, refusal in refusals.items():
            action = self.findChild(QAction, name)
            action.setEnabled(refusal is None)
            action.setToolTip(refusal or action.text().replace("&", "").rstrip("…"))

    def _show_counts(self) -> None:
        """What waits for this user: stories to sign, and stories returned to them."""
        waiting = len(workflow.waiting_for(self.store, self.user))
        returned = self.store.articles.count(state="returned", author_id=self.user.id)
        self.review.setText(0, self.tr("Review queue (%1)").replace("%1", str(waiting))
                            if waiting else self.tr("Review queue"))
        self.returned.setText(0, self.tr("Returned to me (%1)").replace("%1", str(returned))
                              if returned else self.tr("Returned to me"))

    def _own_filters(self) -> None:
        self.mine.setData(0, FILTER, {"state": "draft", "author_id": self.user.id})
        self.returned.setData(0, FILTER, {"state": "returned", "author_id": self.user.id})

    def _fill_navigator(self) -> None:
        self.review = QTreeWidgetItem([self.tr("Review queue")])
        self.review.setData(0, FILTER, QUEUE)
        self.review.setIcon(0, look.icon("inbox-arrow-down", look.BRAND))
        self.navigator.addTopLevelItem(self.review)
        self.mine = QTreeWidgetItem([self.tr("My drafts")])
        self.mine.setIcon(0, look.icon("pencil-outline"))
        self.returned = QTreeWidgetItem([self.tr("Returned to me")])
        self.returned.setIcon(0, look.state_icon("returned"))
        self._own_filters()
        self.navigator.addTopLevelItems([self.mine, self.returned])
        stories = QTreeWidgetItem([self.tr("Stories")])
        stories.setIcon(0, look.icon("newspaper-variant-outline"))
        for label, state in ((self.tr("All"), None), (self.tr("Drafts"), "draft"),
                             (self.tr("Returned"), "returned"),
                             (self.tr("Submitted"), "submitted"),
                             (self.tr("In review"), "in_review"),
                             (self.tr("Approved"), "approved"),
                             (self.tr("Scheduled"), "scheduled"),
                             (self.tr("Published"), "published")):
            item = QTreeWidgetItem([label])
            item.setData(0, FILTER, {"state": state})
            item.setIcon(0, look.state_icon(state) if state else look.icon(
                "file-document-multiple-outline"))
            stories.addChild(item)
        # Nothing publishes while the app is closed: say what the next export will publish.
        due = QTreeWidgetItem([self.tr("Due at next export")])
        due.setData(0, FILTER, DUE)
        due.setIcon(0, look.icon("clock-fast", look.STATES["scheduled"][1]))
        stories.addChild(due)
        channels = QTreeWidgetItem([self.tr("Channels")])
        channels.setIcon(0, look.icon("file-tree-outline"))
        self._fill_channels(channels)
        self.saved_searches = QTreeWidgetItem([self.tr("Saved searches")])
        self.saved_searches.setIcon(0, look.icon("magnify"))
        self.show_saved_searches()
        self.navigator.addTopLevelItems([stories, channels, self.saved_searches])
        # A saved search's right-click menu (and Delete there): 删除此搜索.
        forget = QAction(self.tr("Delete this saved search"), self.navigator)
        forget.setObjectName("action_forget_search")
        forget.setShortcut(QKeySequence.Delete)
        forget.setShortcutContext(Qt.WidgetShortcut)
        forget.triggered.connect(lambda _checked=False: self.forget_search())
        self.navigator.addAction(forget)
        self.navigator.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.navigator.expandAll()

    def _fill_channels(self, top: QTreeWidgetItem) -> None:
        """The channel tree: ids and names only (10,000 channels cost ~10 ms, not the
        whole channel rows)."""
        choices = self.store.channels.choices()
        names = self.store.channels.names(c for c, _ in choices)
        parents = [top]
        for channel_id, depth in choices:
            item = QTreeWidgetItem([names[channel_id]])
            item.setData(0, FILTER, {"channel_id": channel_id})
            del parents[depth + 1:]
            parents[-1].addChild(item)
            parents.append(item)

    def _wire(self) -> None:
        self.navigator.currentItemChanged.connect(self._on_navigate)
        # Clicking the list already chosen, from the editor, goes back to it.
        self.navigator.itemClicked.connect(
            lambda item: self._on_navigate(item)
            if self.stack.currentWidget() is self.writing else None)
        self.search.returnPressed.connect(self._on_search)
        self.filters.changed.connect(self._on_search)
        self.filters.save_requested.connect(self.save_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.doubleClicked.connect(lambda index: self.open_story(
            self.model.ids[index.row()]))
        # What a core operation changed reaches every pane through one place.
        self.queue.stories_changed.connect(self.stories_changed)
        self.queue.open_story.connect(self.open_story)
        for button, name in ((self.editor.approve_button, "action_approve"),
                             (self.editor.return_button, "action_return")):
            button.clicked.connect(self.findChild(QAction, name).trigger)
        self.editor.recall_button.clicked.connect(
            self.findChild(QAction, "action_recall").trigger)
        self.editor.correct_button.clicked.connect(
            self.findChild(QAction, "action_correct").trigger)
        self.editor.session.stored.connect(self.stories_changed)
        self.editor.changed.connect(self.preview.update_article)
        self.editor.session.status.connect(self.save_label.setText)
        self.editor.counted.connect(
            lambda n: self.count_label.setText(self.tr("%1 characters").replace("%1", str(n))))
        # Editor and preview scroll together, either way round.
        bar = self.editor.body.verticalScrollBar()
        bar.valueChanged.connect(lambda v: self.preview.scroll_to(v / bar.maximum())
                                 if bar.maximum() and not self._scrolling else None)
        self.preview.scrolled.connect(self._follow_preview)
        self.backup_timer.timeout.connect(self.auto_backup)
        self.backup_timer.start()
        self.sync.received.connect(self.show_changes)
        self.sync.conflicts_asked.connect(self.show_conflicts)

    def stories_changed(self, article_ids: set[str]) -> None:
        """Stories changed here (saved, submitted, signed, returned…): shown again, and
        the newsroom hears of it soon."""
        self.show_changes(article_ids)
        self.sync.changed_here()

    def show_changes(self, article_ids: set[str]) -> None:
        """The panes showing these stories read them again; the one that made the
        change has already, and a pane out of sight reads everything afresh when it
        is shown."""
        self.model.refresh(article_ids)
        if set(article_ids) - set(self.model.ids):
            self._relist()  # one made here or come in: the list and its count grow
        self._show_counts()
        shown = self.view.article
        if self.stack.currentIndex() == 0 and shown is not None and shown.id in article_ids:
            self.view.show_article(self.store.articles.get(shown.id))

    def _follow_preview(self, fraction: float) -> None:
        bar = self.editor.body.verticalScrollBar()
        self._scrolling = True
        bar.setValue(round(fraction * bar.maximum()))
        self._scrolling = False

    def import_pages(self, paths: list[str] | None = None) -> None:
        """导入旧网站: saved pages of the old site (the files or folders dropped on the
        window, or chosen in the dialog), previewed before anything is written."""
        from ui.import_dialog import ImportDialog  # loaded when first asked for
        self.editor.flush()
        dialog = ImportDialog(self.store, self.user, self)
        dialog.stories_changed.connect(self.stories_changed)
        dialog.open_story.connect(self.open_story)
        if paths:
            dialog.choose(paths)
        dialog.exec()
        dialog.wait()

    def show_conflicts(self) -> None:
        """同步冲突: what two seats changed at once, to settle."""
        from ui.conflicts_dialog import ConflictsDialog  # loaded when first asked for
        self.editor.flush()
        dialog = ConflictsDialog(self.store, self.user, self)
        dialog.stories_changed.connect(self.stories_changed)
        dialog.open_story.connect(self.open_story)
        dialog.exec()
        self.sync.show_status()

    def inspect(self) -> None:
        """网站自查: the published site as an inspection sees it."""
        from ui.publish.inspect_dialog import InspectDialog  # loaded when first asked for
        dialog = InspectDialog(self.store, self)
        dialog.open_story.connect(self.open_story)
        dialog.exec()
        dialog.wait()

    def open_story(self, article_id: str) -> None:
        """Open a story in the editor beside its preview."""
        self.editor.flush()
        self.save_label.clear()  # what the status bar said was about another story
        article = self.store.articles.get(article_id)
        self.editor.load(article)
        self.preview.show_article(article)
        self.stack.setCurrentWidget(self.writing)

    def new_story(self) -> None:
        self.editor.flush()
        article = workflow.create(self.store, self.user, title=self.tr("Untitled story"))
        self.stories_changed({article.id})
        self.open_story(article.id)
        self.editor.fields["title"].selectAll()
        self.editor.fields["title"].setFocus()

    def _on_navigate(self, item, _previous=None) -> None:
        filters = item.data(0, FILTER) if item else None
        if filters is None:
            return
        self.editor.flush()
        if filters == QUEUE:
            self.stack.setCurrentWidget(self.queue)
            self.queue.reload()
            self.statusBar().clearMessage()
            return
        if isinstance(filters, dict) and "saved" in filters:  # a saved search: its words and filters, run again
            saved = filters["saved"]
            self.search.setText(saved.query)
            self.filters.clear()
            self.filters.show_filter(saved.filter)
            self._on_search()
            return
        self.stack.setCurrentIndex(0)
        self.search.clear()
        self.filters.clear()
        self.model.set_matches(workflow.due(self.store) if filters == DUE
                               else self.store.articles.ids(**filters), {}, [])
        self._widen_snippets(False)
        self._after_reload()

    def _on_search(self) -> None:
        """The words and the filter bar's choices, through the core's search."""
        query = self.search.text().strip()
        choices = self.filters.choices()
        if not query and not any(v is not None for v in choices.values()):
            self.filters.show_count(None)
            self.filters.show_facets(None)
            self._on_navigate(self.navigator.currentItem())
            return
        try:
            results = searching.run_choices(self.store, query, choices, self.filters.order())
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Search"), str(e))
            return
        self.stack.setCurrentIndex(0)
        self.model.set_matches(results.ids, results.snippets, results.terms)
        self._widen_snippets(bool(results.snippets))
        self.filters.show_count(results.total, results.exact)
        self.filters.show_facets(results.facets)
        self._after_reload()

    def _widen_snippets(self, matched: bool) -> None:
        """Search results: the last column shows where each story matched, wide enough
        to read; otherwise 退回原因 at its own width."""
        sample = "社" * 14 if matched else "参与人数需核实"
        self.table.setColumnWidth(4, self.table.fontMetrics().horizontalAdvance(sample) + 24)

    def save_search(self) -> None:
        """保存搜索: the words and filters under a name, in the navigator with a count."""
        name, ok = QInputDialog.getText(self, self.tr("Save search"), self.tr("Name:"))
        if not ok:
            return
        try:
            f = filtering.build(self.store, **self.filters.choices())
            filtering.save_search(self.store, self.user, name, self.search.text(), f)
        except NewsdeskError as e:
            QMessageBox.warning(self, self.tr("Save search"), str(e))
            return
        self.show_saved_searches()

    def show_saved_searches(self) -> None:
        self.saved_searches.takeChildren()
        for saved in self.store.saved.of(self.user.id):
            item = QTreeWidgetItem([searching.counted(self.store, saved)])
            item.setData(0, FILTER, {"saved": saved})
            self.saved_searches.addChild(item)
        self.saved_searches.setExpanded(True)

    def forget_search(self) -> None:
        """The saved search chosen in the navigator, deleted (other entries: nothing)."""
        item = self.navigator.currentItem()
        filters = item.data(0, FILTER) if item else None
        if isinstance(filters, dict) and isinstance(filters.get("saved"), SavedSearch):
            filtering.forget_search(self.store, self.user, filters["saved"].id)
            self.show_saved_searches()

    def _relist(self) -> None:
        """The navigator's list read again where it stands (not a search's results),
        the story chosen in it kept; the editor stays in front if it is."""
        item = self.navigator.currentItem()
        filters = item.data(0, FILTER) if item else None
        searched = self.search.text().strip() or any(
            v is not None for v in self.filters.choices().values())
        listed = filters == DUE or (isinstance(filters, dict) and "saved" not in filters)
        if searched or not listed:
            return
        ids = workflow.due(self.store) if filters == DUE else self.store.articles.ids(**filters)
        if ids == self.model.ids:
            return
        current = self.table.currentIndex()
        chosen = self.model.ids[current.row()] if current.isValid() else None
        self.model.set_ids(ids)
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        self._show_total()

    def _show_total(self) -> None:
        self.statusBar().showMessage(self.tr("Stories: %1").replace("%1", str(len(self.model.ids))))

    def _after_reload(self) -> None:
        self._show_total()
        if self.model.ids:
            self.table.selectRow(0)
        else:
            self.view.clear()

    def _on_row(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        self.view.show_article(self.store.articles.get(self.model.ids[current.row()]))

    def _restore(self) -> None:
        settings = QSettings()
        window_fit.place(self, "main", QSize(1400, 860))  # as left on this screen, if it fits
        if settings.value("main/splitter"):
            self.splitter.restoreState(settings.value("main/splitter"))
            if settings.value("main/writing"):
                self.writing.restoreState(settings.value("main/writing"))
        story = settings.value("main/story")
        if story:
            try:
                self.open_story(story)
            except NewsdeskError:
                pass  # gone since: start in the story list

    def check_whole_file(self) -> None:
        """Check every page and index of the database off the UI thread (about four
        seconds per gigabyte); say so at once if it is damaged."""
        self.jobs.start(backup.full_check, self.store.path, then=self._checked_file)

    def _checked_file(self, found: DatabaseDamaged | NewsdeskError | None) -> None:
        if isinstance(found, DatabaseDamaged):
            self.database_damaged(found)
        elif found is not None:  # the check could not run (busy, full disk): no damage
            self.statusBar().showMessage(str(found))

    def database_damaged(self, damaged: DatabaseDamaged) -> None:
        """The database turned out damaged while open: keep the editor's text in an
        emergency file, say so with the newest good backup, and close without writing
        anything more to it (no save, no lock release, no backup of a damaged file)."""
        if self.damaged is not None:
            return
        self.damaged = damaged
        kept = self.editor.abandon()
        self._stop_pages()
        self.backup_timer.stop()
        self.restore_from = ask_restore(self, damaged, kept)
        self.close()

    def _stop_pages(self) -> None:
        for pane in (self.preview, self.view, self.queue.panel.preview):
            pane.stop()

    def auto_backup(self, closing: bool = False) -> None:
        try:
            made = backup.auto_backup(self.store, closing=closing)
        except DatabaseDamaged as e:  # found in the copy: the database's own damage
            self.database_damaged(e)
            return
        except (NewsdeskError, OSError, sqlite3.Error) as e:
            self.statusBar().showMessage(self.tr("Backup failed: %1").replace("%1", str(e)))
            return
        if made:
            self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(made)))

    def dragEnterEvent(self, event) -> None:
        # Pages and folders dropped beside the editor are imported; pictures dropped on
        # the body go into the story (the body takes those itself).
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls()]
        event.acceptProposedAction()
        # After the drop returns: the dialog's own event loop must not run inside it.
        QTimer.singleShot(0, lambda: self.import_pages(paths))

    def closeEvent(self, event) -> None:
        self.on_time.timer.stop()
        self.on_time.wait()
        self.sync.stop()
        if self.damaged is None:
            self.editor.stop()
            self._stop_pages()
            self.backup_timer.stop()
            self.auto_backup(closing=True)
        settings = QSettings()
        window_fit.remember(self, "main")
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/writing", self.writing.saveState())
        writing = self.stack.currentWidget() is self.writing and self.editor.article
        settings.setValue("main/story", self.editor.article.id if writing else "")
        super().closeEvent(event)
