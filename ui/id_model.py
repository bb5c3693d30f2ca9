"""Table models that hold ids and fetch rows on demand (as Anki's do): 100,000 stories
cost one id query; rows come in pages of narrow listing columns as the view asks."""
from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from newsdesk.store import Store
from ui import look

PAGE = 200
TIP_LINE = 40  # characters a tooltip shows on one line


class IdTableModel(QAbstractTableModel):
    """Subclasses give headers() and cell(row, column) over Store.listing rows; a
    column drawn as a state chip is state_column, one with severity icons
    verdict_column, one with searched words marked snippet_column."""
    state_column: int | None = None
    verdict_column: int | None = None
    snippet_column: int | None = None  # where a search's words are marked

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.ids: list[str] = []
        self._rows: dict[str, dict] = {}
        self._headers = self.headers()

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: dict, column: int) -> str:
        raise NotImplementedError

    def refresh_lookups(self) -> None:
        """Re-read what cells look up; called on every reset. Subclasses add theirs.
        Channel and user names come with the rows (a page at a time), not from here:
        with 10,000 channels a reload must not read them all."""
        self._tz = self.store.settings().timezone

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self.refresh_lookups()
        self.endResetModel()

    def row_at(self, row: int) -> dict:
        article_id = self.ids[row]
        if article_id not in self._rows:
            start = row - row % PAGE
            for r in self.store.articles.listing(self.ids[start:start + PAGE]):
                self._rows[r["id"]] = r
        return self._rows[article_id]

    def refresh(self, article_ids: set[str]) -> None:
        """These stories changed: their rows are read again when next shown."""
        for article_id in article_ids & self._rows.keys():
            del self._rows[article_id]
            row = self.row_of(article_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def row_of(self, article_id: str) -> int:
        return self.ids.index(article_id) if article_id in self.ids else -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.DisplayRole:
            return self.cell(self.row_at(index.row()), column)
        if role == Qt.ToolTipRole:  # a cut headline or 退回原因, whole on hover
            return tooltip(self.cell(self.row_at(index.row()), column))
        if role == look.STATE_ROLE and column == self.state_column:
            return self.row_at(index.row())["state"]
        if role == Qt.DecorationRole and column == self.verdict_column:
            verdict = self.row_at(index.row()).get("verdict")
            return look.severity_icon(verdict) if verdict in look.SEVERITIES else None
        return None


def tooltip(text: str) -> str:
    """A cell's whole text for its tooltip: a long one as rich text, which Qt wraps to
    a readable width instead of one line across the screen."""
    if len(text) <= TIP_LINE:
        return text
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def setup_table(table: QTableView, model: IdTableModel, samples: list[str]) -> None:
    """One-row selection, no row numbers, and column widths from sample text: sizing
    to contents would page in the whole archive."""
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectRows)
    table.setSelectionMode(QTableView.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setTextElideMode(Qt.ElideRight)
    metrics = table.fontMetrics()
    for column, sample in enumerate(samples):
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
    # The headline takes what the other columns leave, so the table fills its pane and
    # the last column is never behind a scrollbar.
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    header.setMinimumSectionSize(40)
    header.setStretchLastSection(False)
    if model.state_column is not None:
        table.setItemDelegateForColumn(model.state_column, look.StateChipDelegate(table))
    if model.snippet_column is not None:
        table.setItemDelegateForColumn(model.snippet_column, look.HighlightDelegate(table))
