"""How a picture in the body looks: its thumbnail, scaled to the editor's width and at
most MAX_HEIGHT high, with its caption beneath; framed when selected. A picture is one
character of the document whose format holds its markdown (see body_edit.py); this is
the handler Qt asks for that character's size and to draw it."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFontMetricsF, QImageReader, QPalette, QPen, QPixmap, QPyTextObject, QTextFormat,
)

from newsdesk import pictures

PICTURE = QTextFormat.UserObject + 1        # the object type of a picture character
MARKDOWN = QTextFormat.UserProperty + 1     # its property: the picture's markdown
MAX_HEIGHT = 320
PAD = 6                                     # above the picture and below its words
PLACEHOLDER = QSize(240, 90)                # a picture not among the story's files
CAPTION_INK, WARNING_INK = "#555555", "#b00020"


@lru_cache(maxsize=512)
def parse(markdown: str) -> pictures.Picture | None:
    found = pictures.find(markdown)
    return found[0] if found else None


def picture_of(fmt) -> pictures.Picture | None:
    return parse(fmt.property(MARKDOWN) or "") if fmt.objectType() == PICTURE else None


def _reader(data: bytes) -> QImageReader:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's picture, the right way up
    reader.buffer = buffer  # the reader reads from it: keep it alive as long
    return reader


class PictureObjects(QPyTextObject):
    def __init__(self, edit, picture_data):
        """edit: the body; picture_data(asset id) → the stored file's bytes or None."""
        super().__init__(edit)
        self.edit = edit
        self.picture_data = picture_data
        self._sizes: dict[str, QSize] = {}      # asset id → the picture's own size
        self._thumbnails: dict[tuple, QPixmap] = {}
        self._layouts: dict[tuple, tuple] = {}

    # ---- sizes -----------------------------------------------------------------------
    def width(self) -> float:
        """The room a picture has: the body's width inside its margins."""
        margin = self.edit.document().documentMargin()
        return max(120.0, self.edit.viewport().width() - 2 * margin - 8)

    def _natural(self, asset_id: str | None) -> QSize:
        if asset_id not in self._sizes:
            data = self.picture_data(asset_id) if asset_id else None
            size = _reader(data).size() if data else QSize()
            self._sizes[asset_id] = size if size.isValid() and not size.isEmpty() else QSize()
        return self._sizes[asset_id]

    def image_size(self, p: pictures.Picture, width: float) -> QSizeF:
        natural = self._natural(p.asset_id)
        if natural.isEmpty():
            return QSizeF(min(PLACEHOLDER.width(), width), PLACEHOLDER.height())
        scale = min(1.0, width / natural.width(), MAX_HEIGHT / natural.height())
        return QSizeF(max(1.0, natural.width() * scale), max(1.0, natural.height() * scale))

    def _words(self, p: pictures.Picture) -> list[tuple[str, str]]:
        """(text, colour) lines under the picture: its caption, and a warning when it
        has no alternative text yet."""
        lines = [(p.caption, CAPTION_INK)] if p.caption else []
        if not p.alt.strip():
            lines.append((QCoreApplication.translate(
                "pictures", "No alt text yet: double-click to describe the picture"),
                WARNING_INK))
        return lines

    def _word_rects(self, p: pictures.Picture, width: float) -> list[QRectF]:
        metrics = QFontMetricsF(self.edit.font())
        return [metrics.boundingRect(QRectF(0, 0, width, 10_000),
                                     Qt.TextWordWrap | Qt.AlignHCenter, text)
                for text, _ in self._words(p)]

    def _layout(self, p: pictures.Picture, width: float) -> tuple[QSizeF, list[QRectF]]:
        """The thumbnail's size and its words' rectangles, measured once per picture
        and width: Qt asks at every keystroke in the paragraph around."""
        key = (p, width)
        if key not in self._layouts:
            if len(self._layouts) > 256:
                self._layouts.clear()
            self._layouts[key] = (self.image_size(p, width), self._word_rects(p, width))
        return self._layouts[key]

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:
        p = picture_of(fmt)
        if p is None:
            return QSizeF(0, 0)
        width = self.width()
        size, words = self._layout(p, width)
        return QSizeF(width, PAD + size.height() + PAD + sum(r.height() + 2 for r in words))

    # ---- drawing ---------------------------------------------------------------------
    def _thumbnail(self, asset_id: str, size: QSize) -> QPixmap | None:
        key = (asset_id, size.width(), size.height())
        if key not in self._thumbnails:
            data = self.picture_data(asset_id)
            if not data:
                return None
            reader = _reader(data)
            reader.setScaledSize(size)  # decoded at thumbnail size: fast, and small
            image = reader.read()
            if image.isNull():
                return None
            if len(self._thumbnails) > 64:  # the pictures of a story or two
                self._thumbnails.clear()
            self._thumbnails[key] = QPixmap.fromImage(image)
        return self._thumbnails[key]

    def drawObject(self, painter, rect, doc, pos, fmt) -> None:
        p = picture_of(fmt)
        if p is None:
            return
        painter.save()
        size, words = self._layout(p, rect.width())
        image = QRectF(rect.x() + (rect.width() - size.width()) / 2, rect.y() + PAD,
                       size.width(), size.height())
        thumbnail = self._thumbnail(p.asset_id, size.toSize()) if p.asset_id else None
        if thumbnail is not None:
            painter.drawPixmap(image.toRect(), thumbnail)
        else:
            painter.fillRect(image, QColor("#eeeeee"))
            painter.setPen(QColor(CAPTION_INK))
            painter.drawText(image.adjusted(8, 8, -8, -8), Qt.TextWordWrap | Qt.AlignCenter,
                             QCoreApplication.translate("pictures",
                                                        "Picture not stored with the story: %1")
                             .replace("%1", p.link))
        top = image.bottom() + 2
        for (text, ink), r in zip(self._words(p), words):
            painter.setPen(QColor(ink))
            painter.drawText(QRectF(rect.x(), top, rect.width(), r.height()),
                             Qt.TextWordWrap | Qt.AlignHCenter, text)
            top += r.height() + 2
        if self.edit.is_selected(pos):  # Qt shades it; a frame shows it is one picture
            painter.setPen(QPen(self.edit.palette().color(QPalette.Highlight), 2))
            painter.drawRect(image.adjusted(-1, -1, 1, 1))
        painter.restore()

    def forget(self) -> None:
        """Another story: its pictures are other files."""
        self._sizes.clear()
        self._thumbnails.clear()
        self._layouts.clear()
