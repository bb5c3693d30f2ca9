"""A screenshots watcher (screenshots.WATCHERS): what a person would find cut off in a
window or dialog on the screen in use. For each window it reports

- the window not fitting the screen, or a visible widget lying (even partly) outside it;
- text elided or clipped: a label, button, check box, combo box, placeholder, tab,
  header or table cell whose text does not fit its width (QFontMetrics, the style's
  own content rectangles), unless the widget or cell has a tooltip holding the text;
- a toolbar with buttons pushed into its overflow (») menu.

watch() prints each problem as it is found and keeps it in PROBLEMS; the script exits 1
if any was found."""
from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QCheckBox, QComboBox, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QStyle, QStyleOptionButton, QStyleOptionComboBox,
    QStyleOptionHeader, QStyleOptionTab, QStyleOptionViewItem, QTabBar, QToolBar,
    QToolButton, QTreeView, QWidget,
)

PROBLEMS: list[str] = []
ROWS = 300  # cells of the first rows of each list are looked at (enough for a window)


def watch(name: str, window: QWidget) -> None:
    for problem in check(window):
        line = f"{name}: {problem}"
        print(line, flush=True)
        PROBLEMS.append(line)


def check(window: QWidget) -> Iterator[str]:
    screen = window.screen().geometry()
    frame = window.frameGeometry()
    if not screen.contains(frame):
        yield f"the window ({_rect(frame)}) does not fit the screen ({_rect(screen)})"
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        seen = _seen(widget)
        if seen.isEmpty():
            continue
        if not screen.contains(seen):
            yield f"{_name(widget)} lies outside the screen ({_rect(seen)})"
        yield from elided(widget)


def elided(widget: QWidget) -> Iterator[str]:
    """The text of one widget (or of its tabs, sections, cells) that does not fit."""
    if isinstance(widget, QLabel):
        yield from _label(widget)
    elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
        yield from _button(widget)
    elif isinstance(widget, QToolButton):
        yield from _tool_button(widget)
    elif isinstance(widget, QComboBox):
        yield from _combo(widget)
    elif isinstance(widget, QLineEdit):
        yield from _placeholder(widget)
    elif isinstance(widget, QTabBar):
        yield from _tabs(widget)
    elif isinstance(widget, QHeaderView):
        yield from _header(widget)
    elif isinstance(widget, QAbstractItemView):
        yield from _cells(widget)
    elif isinstance(widget, QToolBar):
        yield from _toolbar(widget)


def _label(label: QLabel) -> Iterator[str]:
    text = _plain(label.text())
    if not text.strip() or _tipped(label.toolTip(), text):
        return
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(),
                                         -label.margin())
    if label.wordWrap():
        # Half a line short is a line not shown (a pixel or two is rounding).
        short = label.heightForWidth(label.width()) - label.height()
        if short > label.fontMetrics().height() // 2:
            yield f"{_name(label)} “{_short(text)}” is cut: its lines do not fit its height"
        return
    metrics = label.fontMetrics()
    need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if need > room.width():
        yield f"{_name(label)} “{_short(text)}” is cut ({need} px in {room.width()})"


def _button(button: QAbstractButton) -> Iterator[str]:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text or _tipped(button.toolTip(), text):
        return
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SE_PushButtonContents if isinstance(button, QPushButton)
               else QStyle.SE_CheckBoxContents if isinstance(button, QCheckBox)
               else QStyle.SE_RadioButtonContents)
    room = button.style().subElementRect(element, option, button).width()
    need = button.fontMetrics().horizontalAdvance(text)
    if isinstance(button, QPushButton) and not button.icon().isNull():
        need += button.iconSize().width() + 4
    if need > room:
        yield f"{_name(button)} “{text}” is cut ({need} px in {room})"


def _tool_button(button: QToolButton) -> Iterator[str]:
    style = button.toolButtonStyle()
    text = button.text().replace("&", "")
    if style == Qt.ToolButtonIconOnly or not text or _tipped(button.toolTip(), text):
        return
    need = button.fontMetrics().horizontalAdvance(text)
    if style == Qt.ToolButtonTextBesideIcon and not button.icon().isNull():
        need += button.iconSize().width() + 4
    room = button.width() - 6
    if need > room:
        yield f"{_name(button)} “{text}” is cut ({need} px in {room})"


def _combo(combo: QComboBox) -> Iterator[str]:
    text = combo.currentText() or (combo.placeholderText() if combo.currentIndex() < 0 else "")
    if not text or combo.isEditable() or _tipped(combo.toolTip(), text):
        return
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.CC_ComboBox, option,
                                         QStyle.SC_ComboBoxEditField, combo)
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width():
        yield f"{_name(combo)} “{_short(text)}” is cut ({need} px in {field.width()})"


def _placeholder(edit: QLineEdit) -> Iterator[str]:
    text = edit.placeholderText()
    if edit.text() or not text or _tipped(edit.toolTip(), text):
        return
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 8  # the frame
    if edit.isClearButtonEnabled():
        room -= edit.height() // 2 + 6
    need = edit.fontMetrics().horizontalAdvance(text)
    if need > room:
        yield f"{_name(edit)}'s placeholder “{_short(text)}” is cut ({need} px in {room})"


def _tabs(bar: QTabBar) -> Iterator[str]:
    whole = bar.rect()
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = bar.tabText(i).replace("&", "")
        if _tipped(bar.tabToolTip(i), text):
            continue
        option = QStyleOptionTab()
        bar.initStyleOption(option, i)  # the text as the bar will draw it: elided or not
        if not whole.contains(bar.tabRect(i)):
            yield f"tab “{text}” is out of sight (behind the tab bar's scroll buttons)"
        elif option.text.replace("&", "") != text:
            yield f"tab “{text}” is cut (shown as “{option.text}”)"
        else:
            room = bar.style().subElementRect(QStyle.SE_TabBarTabText, option, bar).width()
            if bar.fontMetrics().horizontalAdvance(text) > room:
                yield f"tab “{text}” is cut ({room} px)"


def _header(header: QHeaderView) -> Iterator[str]:
    model = header.model()
    if model is None:
        return
    horizontal = header.orientation() == Qt.Horizontal
    length = header.viewport().width() if horizontal else header.viewport().height()
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        start = header.sectionViewportPosition(logical)
        if start >= length or start + header.sectionSize(logical) <= 0:
            continue  # scrolled out of sight: the view's scroll bar says there is more
        text = str(model.headerData(logical, header.orientation(), Qt.DisplayRole) or "")
        tip = model.headerData(logical, header.orientation(), Qt.ToolTipRole)
        if not text or _tipped(tip, text):
            continue
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        option.section, option.text = logical, text
        option.rect = (QRect(start, 0, header.sectionSize(logical), header.height())
                       if horizontal else QRect(0, start, header.width(),
                                                header.sectionSize(logical)))
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            option.sortIndicator = QStyleOptionHeader.SortDown
        room = header.style().subElementRect(QStyle.SE_HeaderLabel, option, header).width()
        need = header.fontMetrics().horizontalAdvance(text)
        if need > room:
            yield f"column header “{text}” is cut ({need} px in {room})"


def _cells(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    sight = view.viewport().rect()
    for index in _indexes(view, model, QModelIndex()):
        rect = view.visualRect(index)
        if not rect.intersects(sight) or rect.width() <= 0:
            continue
        text = index.data(Qt.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        if _tipped(index.data(Qt.ToolTipRole), text):
            continue
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = rect
        hint = view.itemDelegateForIndex(index).sizeHint(option, index)
        wraps = view.wordWrap() if hasattr(view, "wordWrap") else False
        if hint.width() > rect.width() + 1 and not wraps:
            yield (f"{_name(view)} cell “{_short(text)}” is cut "
                   f"({hint.width()} px in {rect.width()})")
        elif wraps and hint.height() > rect.height() + 1:
            yield f"{_name(view)} cell “{_short(text)}” is cut (its lines do not fit)"


def _indexes(view: QAbstractItemView, model, parent: QModelIndex) -> Iterator[QModelIndex]:
    for row in range(min(model.rowCount(parent), ROWS)):
        if getattr(view, "isRowHidden", None) and _row_hidden(view, row, parent):
            continue
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
        for column in range(columns):
            if getattr(view, "isColumnHidden", None) and view.isColumnHidden(column):
                continue
            yield model.index(row, column, parent)
        first = model.index(row, 0, parent)
        if isinstance(view, QTreeView) and view.isExpanded(first):
            yield from _indexes(view, model, first)


def _row_hidden(view, row: int, parent: QModelIndex) -> bool:
    if isinstance(view, QTreeView):
        return view.isRowHidden(row, parent)
    return view.isRowHidden(row)


def _toolbar(bar: QToolBar) -> Iterator[str]:
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if extension is not None and extension.isVisible():
        yield f"toolbar “{bar.windowTitle()}” has no room for all its buttons (» menu)"


def _seen(widget: QWidget) -> QRect:
    """The part of a widget not hidden by its ancestors (a scroll area's viewport), in
    screen coordinates."""
    part = widget.visibleRegion().boundingRect()
    return part.translated(widget.mapToGlobal(QPoint(0, 0)))


def _tipped(tip, text: str) -> bool:
    """A tooltip holds the text (rich text counts as its words)."""
    return bool(tip) and " ".join(text.split()) in " ".join(_plain(str(tip)).split())


def _plain(text: str) -> str:
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _name(widget: QWidget) -> str:
    kind = type(widget).__name__
    return f"{kind} {widget.objectName()}" if widget.objectName() else kind


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:40] + "…"


def _rect(r: QRect) -> str:
    return f"{r.width()}×{r.height()} at {r.x()},{r.y()}"

