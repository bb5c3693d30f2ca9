"""The preview: the export's own article page in a QWebEngineView, loaded once per
story and then updated in place (no reload, no flicker, scroll kept). Rendering runs
off the UI thread and coalesces: while one render runs, only the newest text is
rendered next. A render that takes over two seconds leaves the last good preview up,
with a warning. The page's own scripts are off; links open in the system browser."""
from __future__ import annotations

import json
from functools import partial

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from newsdesk.model import Article
from newsdesk.text.render import FALLBACK, Rendered
from newsdesk.site.preview import BASE, Preview
from ui.jobs import Jobs

SLOW_MS = 2000
_UPDATE = ("(function (parts) { for (const [sel, html] of Object.entries(parts)) {"
           " const el = document.querySelector(sel); if (el) el.innerHTML = html; } })(%s);")


class _Page(QWebEnginePage):
    def acceptNavigationRequest(self, url, kind, main_frame) -> bool:
        if kind == QWebEnginePage.NavigationTypeLinkClicked:
            QDesktopServices.openUrl(url)
            return False
        return super().acceptNavigationRequest(url, kind, main_frame)


def _key(article: Article) -> tuple:
    return article.id, article.edits, article.updated_at, article.state


class PreviewPane(QWidget):
    updated = Signal()  # the page shows the newest text
    scrolled = Signal(float)  # the reader scrolled the page: how far down, 0 to 1

    def __init__(self, store, parent=None, look_of: "PreviewPane | None" = None):
        super().__init__(parent)
        self.store = store
        self._preview: Preview | None = None
        self._look_of = look_of  # another pane of the window whose site look this shares
        self._view: QWebEngineView | None = None  # made when first needed: it is heavy
        self.warning = QLabel()
        self.warning.setStyleSheet("background:#fff3cd;color:#7a5200;padding:4px")
        self.warning.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.warning)
        self.jobs = Jobs(self)
        self.slow = QTimer(self, singleShot=True, interval=SLOW_MS)
        self.slow.timeout.connect(self._too_slow)
        self._following = False  # set while the page scrolls to follow the editor
        self.article: Article | None = None
        self._serial = 0
        self._running = False
        self._pending = False
        self._loaded = False
        self._stopped = False
        self._first_html: str | None = None
        self._deferred = False  # a story to load once the pane is shown
        self._page_key: tuple | None = None  # the saved story the page is loaded with

    @property
    def preview(self) -> Preview:
        """The site's look, read when the pane first draws a page (it reads every
        channel: a pane that is never shown never pays for it)."""
        if self._look_of is not None:
            return self._look_of.preview
        if self._preview is None:
            self._preview = Preview(self.store)
        return self._preview

    @property
    def view(self) -> QWebEngineView:
        """The web view, made on first use: a window holds several page panes, and
        most are never shown in a session."""
        if self._view is None:
            self._view = QWebEngineView()
            self._view.setPage(_Page(self._view))
            self._view.settings().setAttribute(QWebEngineSettings.JavascriptEnabled, False)
            self._view.page().scrollPositionChanged.connect(self._on_scroll)
            self._layout.addWidget(self._view)
        return self._view

    def show_article(self, article: Article) -> None:
        """Load the page for a story (once per story; a pane out of sight loads it when
        it is shown). The page is loaded with an empty body and the body is put in
        afterwards, as typing does: setHtml refuses pages over 2 MB, and a long story's
        body alone can be that."""
        if self._showing(article):
            return  # the same saved story is on the page already
        self.article = article
        self._loaded = False
        self._serial += 1
        self._first_html = article.body_html or None  # None: render the editor's text
        self._show_fallback(article.renderer_version == FALLBACK and self._first_html)
        self._deferred = not self.isVisible()
        if not self._deferred:
            self._load()

    def _showing(self, article: Article) -> bool:
        """This saved story is on the page already, or on its way there."""
        return self._page_key is not None and self._page_key == _key(article)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._deferred and self.article is not None:
            self._deferred = False
            self._load()

    def _load(self) -> None:
        self._page_key = _key(self.article) if self._first_html is not None else None
        self.view.loadFinished.connect(self._on_loaded)
        self.view.setHtml(self.preview.page(self.article, ""), QUrl.fromLocalFile(f"{BASE}/"))

    def clear(self) -> None:
        """Show no story."""
        self.article = self._page_key = None
        self._loaded = self._deferred = False
        self._serial += 1
        self._show_fallback(False)
        if self._view is not None:
            self._view.setHtml("")

    def _on_loaded(self, _ok: bool) -> None:
        self.view.loadFinished.disconnect(self._on_loaded)
        if self._stopped:
            return  # the window closed while the page loaded
        if self.article is None:
            return  # cleared while the page loaded: nothing to put in it
        self._loaded = True
        if self._first_html is not None:
            self._show(self._serial, self._first_html)
        elif self._running:
            self._pending = True
        else:
            self._start()

    def update_article(self, article: Article) -> None:
        """Show the editor's newest text: render now, or after the running render."""
        self.article = article
        self._first_html = None
        self._page_key = None  # the page now shows the editor's text
        if self._running:
            self._pending = True
            return
        self._start()

    def _start(self) -> None:
        self._serial += 1
        self._running, self._pending = True, False
        self.slow.start()
        self.jobs.start(self.preview.render_body, self.article.body,
                        then=partial(self._rendered, self._serial))

    def _rendered(self, serial: int, rendered: Rendered) -> None:
        self._running = False
        self.slow.stop()
        self._show_fallback(rendered.fallback)
        if self._loaded:
            # Newer than what is shown, even if newer text has arrived meanwhile.
            self._show(serial, rendered.html)
        if self._pending:
            self._start()

    def _show_fallback(self, fallback: bool) -> None:
        """While the body cannot be formatted in time it shows as plain paragraphs:
        say so, so nobody takes it for the published look."""
        self.warning.setText(self.tr(
            "The markdown of this story could not be formatted in time: it shows as plain "
            "paragraphs until it can be. The export tries again before publishing; "
            "simplify the markup if this stays.") if fallback else "")
        self.warning.setVisible(bool(fallback))

    def _show(self, serial: int, body_html: str) -> None:
        parts = self.preview.parts(self.article, body_html)
        self.view.page().runJavaScript(_UPDATE % json.dumps(parts, ensure_ascii=False),
                                       QWebEngineScript.ApplicationWorld,
                                       lambda _result: self._shown(serial))

    def _shown(self, serial: int) -> None:
        if serial == self._serial and not self._running:
            self.updated.emit()

    def scroll_to(self, fraction: float) -> None:
        """Follow the editor: show the same part of the story."""
        self._following = True
        self.view.page().runJavaScript(
            f"window.scrollTo(0, {fraction:.4f} * (document.documentElement.scrollHeight"
            " - window.innerHeight));", QWebEngineScript.ApplicationWorld)

    def _on_scroll(self, position) -> None:
        if self._following:  # our own scroll_to, not the reader
            self._following = False
            return
        page = self.view.page()
        room = page.contentsSize().height() - self.view.height()
        if room > 0:
            self.scrolled.emit(max(0.0, min(1.0, position.y() / room)))

    def stop(self) -> None:
        """The window closes: a render still running is dropped when it finishes."""
        self._loaded = self._pending = False
        self._stopped = True
        self.slow.stop()

    def _too_slow(self) -> None:
        self.warning.setText(self.tr("Rendering is taking more than two seconds; the preview "
                                     "shows the last version that rendered."))
        self.warning.show()

    def page_text(self, callback) -> None:
        """The visible text of the page (for tests and checks)."""
        self.view.page().runJavaScript("document.body.innerText",
                                       QWebEngineScript.ApplicationWorld, callback)
