"""The story's body as the editor shows it: the text as typed, and each picture as a
picture (picture_objects.py draws it). A picture is one character of the document,
U+FFFC, whose format holds the picture's markdown as stored; so it is selected, deleted,
cut, pasted, dragged and undone as one unit, and the markdown is the document's text
with each picture's markdown in its place. `markdown()` and `set_markdown()` are the two
directions of that one mapping, exact both ways; for every caller the body's plain text
is its markdown (toPlainText, setPlainText), so saving, the preview, 机审 and the
journal see markdown as before. Offsets into the markdown (机审's findings) map to
positions in the document through OffsetMap."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QMimeData, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip

from newsdesk import pictures
from newsdesk.text.paste import has_words
from ui.editor import images
from ui.editor.picture_objects import MARKDOWN, PICTURE, PictureObjects, picture_of

OBJECT = "\ufffc"
MIME = "application/x-newsdesk-markdown"  # a selection copied here, its pictures kept
_LINE_BREAKS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


def picture_format(markdown: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(PICTURE)
    fmt.setProperty(MARKDOWN, markdown)
    return fmt


def insert_markdown(cursor: QTextCursor, text: str) -> None:
    """Markdown into the document at the cursor, each picture as one picture character."""
    plain = QTextCharFormat()
    at = 0
    for p in pictures.find(text):
        cursor.insertText(text[at:p.start], plain)
        cursor.insertText(OBJECT, picture_format(text[p.start:p.end]))
        at = p.end
    cursor.insertText(text[at:], plain)


def _has_text(block) -> bool:
    return block.isValid() and bool(block.text().strip(" \t"))


class OffsetMap:
    """Markdown offsets ↔ document positions: each picture is its markdown's length in
    the one and a single character in the other."""

    def __init__(self, spans: list[tuple[int, int, int]]):
        self.spans = spans  # (document position, markdown start, markdown end), in order
        self._starts = [s[1] for s in spans]
        self._positions = [s[0] for s in spans]
        self._shifts = [0]
        for _, start, end in spans:
            self._shifts.append(self._shifts[-1] + end - start - 1)

    def position(self, offset: int, end: bool = False) -> int:
        """The document position of a markdown offset; one inside a picture's markdown
        is the picture's start (or, for the end of a span, the picture's end)."""
        i = bisect_right(self._starts, offset) - 1  # the last picture from here back
        if i < 0:
            return offset
        position, start, stop = self.spans[i]
        if start < offset < stop:
            return position + (1 if end else 0)
        return offset - self._shifts[i + 1 if offset >= stop else i]

    def offset(self, position: int) -> int:
        """The markdown offset of a document position."""
        return position + self._shifts[bisect_left(self._positions, position)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.position(start), self.position(end, end=True)


class BodyEdit(QPlainTextEdit):
    """The markdown body. HTML pasted from Word or a web page goes to the pane (its
    pictures become the story's); a pasted picture or dropped picture files become
    pictures of the story; what is copied here pastes back with its pictures."""
    image_pasted = Signal(object)   # a QImage
    files_dropped = Signal(list)    # paths of picture files
    html_pasted = Signal(str)       # HTML from the clipboard or a drop
    picture_chosen = Signal(int, str)  # a picture's position, and "words" or "replace"

    def __init__(self, picture_data, parent=None):
        """picture_data(asset id) → a stored picture's bytes, or None."""
        super().__init__(parent)
        self.objects = PictureObjects(self, picture_data)
        self.document().documentLayout().registerHandler(PICTURE, self.objects)
        self.selectionChanged.connect(self._repaint_pictures)

    # ---- the mapping -----------------------------------------------------------------
    def _pieces(self, text: str, start: int) -> tuple[list[str], list[tuple[int, str]]]:
        """text (the document's from position start) cut at its object characters, and
        each one's position and markdown (a character that is no picture stays itself)."""
        pieces = text.split(OBJECT)
        cursor, position, found = QTextCursor(self.document()), start, []
        for piece in pieces[:-1]:
            position += len(piece.encode("utf-16-le")) // 2  # Qt counts in UTF-16
            cursor.setPosition(position + 1)
            fmt = cursor.charFormat()  # the format of the character before the cursor
            found.append((position, fmt.property(MARKDOWN) if fmt.objectType() == PICTURE
                          else OBJECT))
            position += 1
        return pieces, found

    def _markdown(self, text: str, start: int) -> str:
        if OBJECT not in text:
            return text
        pieces, found = self._pieces(text, start)
        return "".join(p + m for p, (_, m) in zip(pieces, found + [(0, "")]))

    def markdown(self) -> str:
        """The body as stored: the document's text, each picture as its markdown."""
        return self._markdown(self.document().toPlainText(), 0)

    def set_markdown(self, text: str) -> None:
        """Show a body: its pictures as pictures; nothing to undo."""
        self.objects.forget()
        if not pictures.find(text):
            super().setPlainText(text)
            return
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        super().setPlainText("")
        insert_markdown(QTextCursor(doc), text)
        doc.setUndoRedoEnabled(True)  # an empty undo stack, as setPlainText leaves it
        self.moveCursor(QTextCursor.Start)

    def toPlainText(self) -> str:  # noqa: N802 - Qt's name: the body's text is markdown
        return self.markdown()

    def setPlainText(self, text: str) -> None:  # noqa: N802
        self.set_markdown(text)

    def offsets(self) -> OffsetMap:
        text = self.document().toPlainText()
        if OBJECT not in text:
            return OffsetMap([])
        pieces, found = self._pieces(text, 0)
        spans, offset = [], 0
        for piece, (position, markdown) in zip(pieces, found):
            offset += len(piece)
            spans.append((position, offset, offset + len(markdown)))
            offset += len(markdown)
        return OffsetMap(spans)

    def select_markdown(self, start: int, end: int) -> QTextCursor:
        """A cursor over markdown [start, end): a picture it touches, whole."""
        a, b = self.offsets().span(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.KeepAnchor)
        return cursor

    def replace_markdown(self, start: int, end: int, text: str) -> None:
        """text in place of markdown [start, end), one undo step; a picture the span
        touches is rewritten whole (a fix in a caption)."""
        cursor = self.select_markdown(start, end)
        offsets, markdown = self.offsets(), self.markdown()
        wide_start = offsets.offset(cursor.selectionStart())
        wide_end = offsets.offset(cursor.selectionEnd())
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        insert_markdown(cursor, markdown[wide_start:start] + text + markdown[end:wide_end])
        cursor.endEditBlock()

    def insert_markdown(self, text: str) -> None:
        """Markdown at the cursor (replacing a selection), one undo step; a picture by
        itself stands as a paragraph of its own."""
        found = pictures.find(text)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)):
            self.insert_picture(text)
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        insert_markdown(cursor, text)
        self.setTextCursor(cursor)
        self._keep_pictures_apart()
        cursor.endEditBlock()
        self.ensureCursorVisible()

    # ---- pictures --------------------------------------------------------------------
    def all_pictures(self) -> list[tuple[int, pictures.Picture]]:
        """(position, picture) of each picture in the body, in order."""
        found = ((position, self.picture(position)) for position, _, _ in self.offsets().spans)
        return [(position, p) for position, p in found if p is not None]

    def picture(self, position: int) -> pictures.Picture | None:
        if self.document().characterAt(position) != OBJECT:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(position + 1)
        return picture_of(cursor.charFormat())

    def insert_picture(self, markdown: str) -> None:
        """A picture at the cursor, as a paragraph of its own: one undo step."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        block, at = cursor.block(), cursor.positionInBlock()
        before = "\n\n" if block.text()[:at].strip() else (
            "\n" if at == 0 and block.previous().text().strip() else "")
        after = "\n\n" if block.text()[at:].strip() else (
            "\n" if block.next().isValid() and block.next().text().strip() else "")
        cursor.insertText(before, QTextCharFormat())
        cursor.insertText(OBJECT, picture_format(markdown))
        cursor.insertText(after, QTextCharFormat())
        self.setTextCursor(cursor)
        self._keep_pictures_apart()
        cursor.endEditBlock()
        self.ensureCursorVisible()

    # ---- a picture is a paragraph of its own ------------------------------------------
    def _crowded(self) -> int | None:
        """Where a line break must go for a picture to stand as a paragraph of its own
        in the markdown (alone in its block, an empty block or the document's edge on
        either side); None when every picture does."""
        doc = self.document()
        for position, _ in self.all_pictures():
            block = doc.findBlock(position)
            if position > block.position() or _has_text(block.previous()):
                return position
            if position + 1 < block.position() + block.length() - 1 or _has_text(block.next()):
                return position + 1
        return None

    def _keep_pictures_apart(self) -> None:
        """Line breaks where text typed, pasted or dropped next to a picture would join
        its paragraph; the text stays where the cursor is (after what was typed)."""
        kept = self.textCursor()
        kept.setKeepPositionOnInsert(True)  # a break put at the cursor goes after it
        cursor = QTextCursor(self.document())
        while (at := self._crowded()) is not None:
            cursor.setPosition(at)
            cursor.insertText("\n", QTextCharFormat())
        kept.setKeepPositionOnInsert(False)
        self.setTextCursor(kept)

    def _close_gap(self, spot: QTextCursor) -> None:
        """Where a picture was taken out, the empty lines that stood around it go too:
        one blank line between paragraphs, none at the body's start or end."""
        block = spot.block()
        if block.text():
            return
        first = last = block
        while first.previous().isValid() and not first.previous().text():
            first = first.previous()
        while last.next().isValid() and not last.next().text():
            last = last.next()
        at_edge = not first.previous().isValid() or not last.next().isValid()
        if first == last and not at_edge:
            return
        cursor = QTextCursor(self.document())
        if not last.next().isValid():  # at the end: from the last text's end
            cursor.setPosition(max(0, first.position() - 1))
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.KeepAnchor)
        elif not first.previous().isValid():  # at the start: up to the first text
            cursor.setPosition(0)
            cursor.setPosition(last.next().position(), QTextCursor.KeepAnchor)
        else:  # between paragraphs: one empty block left
            cursor.setPosition(first.position())
            cursor.setPosition(last.position(), QTextCursor.KeepAnchor)
        cursor.removeSelectedText()

    def _near_picture(self) -> bool:
        """Whether an edit at the cursor could touch a picture's paragraph."""
        cursor, doc = self.textCursor(), self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber() - 1
        last = doc.findBlock(cursor.selectionEnd()).blockNumber() + 1
        return any(OBJECT in doc.findBlockByNumber(n).text()
                   for n in range(max(0, first), min(last, doc.blockCount() - 1) + 1))

    def _edit(self, do) -> None:
        """A person's edit (a key, a paste, a drop, a cut) and the line breaks it needs
        around pictures, as one undo step."""
        cursor = self.textCursor()
        spot = None
        if OBJECT in cursor.selectedText():  # a picture goes: where it stood, tidied
            spot = QTextCursor(self.document())
            spot.setPosition(cursor.selectionStart())
        cursor.beginEditBlock()
        do()
        if spot is not None:
            self._close_gap(spot)
        self._keep_pictures_apart()
        cursor.endEditBlock()
        self.ensureCursorVisible()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.isReadOnly() or event.matches(QKeySequence.Undo) \
                or event.matches(QKeySequence.Redo) or not self._near_picture():
            super().keyPressEvent(event)
            return
        self._edit(lambda: super(BodyEdit, self).keyPressEvent(event))

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Chinese typed via an IME
        if self.isReadOnly() or not event.commitString() or not self._near_picture():
            super().inputMethodEvent(event)
            return
        self._edit(lambda: super(BodyEdit, self).inputMethodEvent(event))

    def set_picture(self, position: int, markdown: str | None) -> None:
        """New markdown for the picture at position (None takes it out): one undo step;
        the picture stays selected."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if markdown:
            cursor.insertText(OBJECT, picture_format(markdown))
            cursor.setPosition(position, QTextCursor.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def is_selected(self, position: int) -> bool:
        cursor = self.textCursor()
        return cursor.selectionStart() <= position < cursor.selectionEnd()

    def _repaint_pictures(self) -> None:
        self.viewport().update()  # a picture's frame follows the selection

    def picture_at(self, point) -> int | None:
        """The position of the picture drawn at point in the viewport, if any."""
        cursor = self.cursorForPosition(point)
        for position in (cursor.position(), cursor.position() - 1):
            if position >= 0 and self.picture(position) is not None \
                    and self._picture_rect(position).contains(point):
                return position
        return None

    def _picture_rect(self, position: int) -> QRectF:
        block = self.document().findBlock(position)
        at = position - block.position()
        line = block.layout().lineForTextPosition(at)
        if not line.isValid():
            return QRectF()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        left, right = line.cursorToX(at), line.cursorToX(at + 1)
        left, right = (left[0] if isinstance(left, tuple) else left,
                       right[0] if isinstance(right, tuple) else right)
        return QRectF(top.x() + left, top.y() + line.y(), right - left, line.height())

    def _select_picture(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        """A click on a picture selects it whole (a second press on it may drag it)."""
        at = self.picture_at(event.position().toPoint())
        if event.button() == Qt.LeftButton and at is not None and not self.is_selected(at):
            self._select_picture(at)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        at = self.picture_at(event.position().toPoint())
        if at is None:
            super().mouseDoubleClickEvent(event)
            return
        self._select_picture(at)
        if not self.isReadOnly():
            self.picture_chosen.emit(at, "words")
        event.accept()

    def chosen_picture(self, point=None) -> int | None:
        """The picture under point, else the one the selection is."""
        at = self.picture_at(point) if point is not None else None
        cursor = self.textCursor()
        if at is None and cursor.selectionEnd() - cursor.selectionStart() == 1 \
                and self.picture(cursor.selectionStart()) is not None:
            at = cursor.selectionStart()
        return at

    def picture_menu(self, at: int, menu: QMenu) -> None:
        """The picture's own entries, first in the context menu."""
        first = menu.actions()[0] if menu.actions() else None
        entries = [("words", self.tr("Picture text (alt, caption, credit)…"),
                    lambda: self.picture_chosen.emit(at, "words")),
                   ("replace", self.tr("Replace the picture…"),
                    lambda: self.picture_chosen.emit(at, "replace")),
                   ("remove", self.tr("Remove the picture"), lambda: self.set_picture(at, None))]
        for name, text, slot in entries:
            action = menu.addAction(text)
            action.setObjectName("picture_" + name)
            action.triggered.connect(slot)
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        for name, slot in (("edit-cut", self.cut),
                           ("edit-delete", lambda: self.textCursor().removeSelectedText())):
            for action in menu.findChildren(QAction, name):  # through _edit: no gap left
                action.triggered.disconnect()
                action.triggered.connect(lambda _=False, slot=slot: self._edit(slot))
        at = self.chosen_picture(event.pos())
        if at is not None and not self.isReadOnly():
            self._select_picture(at)
            self.picture_menu(at, menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        """A picture's alternative text on hover."""
        if event.type() == QEvent.ToolTip:
            at = self.picture_at(event.pos())
            if at is not None:
                QToolTip.showText(event.globalPos(), self.picture(at).alt, self.viewport())
                return True
        return super().viewportEvent(event)

    # ---- the clipboard and drops -----------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        cursor = self.textCursor()
        text = self._markdown(cursor.selectedText().translate(_LINE_BREAKS),
                              cursor.selectionStart())
        mime = QMimeData()
        mime.setText(text)
        mime.setData(MIME, text.encode("utf-8"))
        return mime

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802
        return (source.hasFormat(MIME) or source.hasImage() or source.hasHtml()
                or bool(images.image_files(source.urls()))
                or super().canInsertFromMimeData(source))

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        self._edit(lambda: self._insert_mime(source))

    def _insert_mime(self, source) -> None:
        html = source.html() if source.hasHtml() else ""
        if source.hasFormat(MIME):
            self.insert_markdown(bytes(source.data(MIME)).decode("utf-8"))
        elif source.hasImage() and not has_words(html):  # a picture copied by itself
            self.image_pasted.emit(QImage(source.imageData()))
        elif images.image_files(source.urls()):
            self.files_dropped.emit(images.image_files(source.urls()))
        elif html:
            self.html_pasted.emit(html)
        elif pictures.find(source.text()):
            self.insert_markdown(source.text())
        else:
            super().insertFromMimeData(source)
