"""The story browser's table model: headline, channel, state, date, and why a returned
story came back (退回原因)."""
from __future__ import annotations

from newsdesk import times
from ui.id_model import IdTableModel


class ArticleTableModel(IdTableModel):
    def headers(self) -> list[str]:
        self._states = {
            "draft": self.tr("Draft"), "submitted": self.tr("Submitted"),
            "in_review": self.tr("In review"), "returned": self.tr("Returned"),
            "approved": self.tr("Approved"), "scheduled": self.tr("Scheduled"),
            "published": self.tr("Published"), "withdrawn": self.tr("Withdrawn"),
        }
        return [self.tr("Headline"), self.tr("Channel"), self.tr("State"), self.tr("Date"),
                self.tr("Return reason")]

    def cell(self, r: dict, column: int) -> str:
        if column == 0:
            return r["title"]
        if column == 1:
            return r["channel_name"]
        if column == 2:
            return self._states.get(r["state"], r["state"])
        if column == 4:
            return r["return_reason"] or ""
        date = r["first_published_at"] or r["publish_at"] or r["updated_at"]
        return times.local_text(date, self._tz)[:16]
