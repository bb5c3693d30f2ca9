"""Table models that hold ids and fetch rows on demand (as Anki's do): 100,000 stories
cost one id query; rows come in pages of narrow listing columns as the view asks."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from newsdesk.store import Store

PAGE = 200


class IdTableModel(QAbstractTableModel):
    """Subclasses give headers() and cell(row, column) over Store.listing rows."""

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
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        return self.cell(self.row_at(index.row()), index.column())


def setup_table(table: QTableView, model: IdTableModel, samples: list[str]) -> None:
    """One-row selection, no row numbers, and column widths from sample text: sizing
    to contents would page in the whole archive."""
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectRows)
    table.setSelectionMode(QTableView.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    metrics = table.fontMetrics()
    for column, sample in enumerate(samples):
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
