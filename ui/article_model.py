"""The story table's model: holds only ids and fetches rows in pages as the view asks,
so a 100,000-story archive costs one id query, not 100,000 row loads."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from newsdesk import times
from newsdesk.model import Article
from newsdesk.store import Store

PAGE = 200


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.ids: list[str] = []
        self._rows: dict[str, Article] = {}
        self._channels: dict[str, str] = {}
        self._tz = times.DEFAULT_TZ
        self._headers = [self.tr("Headline"), self.tr("Channel"), self.tr("State"),
                         self.tr("Date")]
        self._states = {
            "draft": self.tr("Draft"), "submitted": self.tr("Submitted"),
            "in_review": self.tr("In review"), "returned": self.tr("Returned"),
            "approved": self.tr("Approved"), "scheduled": self.tr("Scheduled"),
            "published": self.tr("Published"), "withdrawn": self.tr("Withdrawn"),
        }

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self._channels = {c.id: c.name for c in self.store.channels()}
        self._tz = self.store.site().get("timezone", times.DEFAULT_TZ)
        self.endResetModel()

    def article_at(self, row: int) -> Article:
        article_id = self.ids[row]
        if article_id not in self._rows:
            start = row - row % PAGE
            for a in self.store.articles(self.ids[start:start + PAGE]):
                self._rows[a.id] = a
        return self._rows[article_id]

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
        a = self.article_at(index.row())
        column = index.column()
        if column == 0:
            return a.title
        if column == 1:
            return self._channels.get(a.channel_id, "")
        if column == 2:
            return self._states.get(a.state, a.state)
        return times.local_text(a.first_published_at or a.publish_at or a.updated_at,
                                self._tz)[:16]
