"""The review queue's table model: headline (a correction marked, its note on hover),
channel, author, stage, submitted, waiting."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt

from newsdesk import times
from newsdesk.review import workflow
from ui.id_model import IdTableModel


def waiting(since: str | None, now: datetime) -> tuple[str, int] | None:
    """How long a story has waited, as (unit, count): minutes, hours, then days."""
    if not since:
        return None
    minutes = int((now - times.from_stored(since)).total_seconds() // 60)
    if minutes < 60:
        return "min", max(minutes, 0)
    if minutes < 48 * 60:
        return "h", minutes // 60
    return "d", minutes // 1440


class QueueModel(IdTableModel):
    verdict_column = 6
    def headers(self) -> list[str]:
        self._verdicts = {"pass": self.tr("Pass"), "warn": self.tr("Warnings"),
                          "block": self.tr("Blocked")}
        self._units = {"min": self.tr("%1 min"), "h": self.tr("%1 h"), "d": self.tr("%1 d")}
        return [self.tr("Headline"), self.tr("Channel"), self.tr("Author"), self.tr("Stage"),
                self.tr("Submitted"), self.tr("Waiting"), self.tr("Checks")]

    def refresh_lookups(self) -> None:
        super().refresh_lookups()
        self._stages = [s["name"] for s in workflow.stages(self.store)]
        self._now = datetime.now(timezone.utc)

    def cell(self, r: dict, column: int) -> str:
        if column == 0 and r["correction"]:  # a published story coming back corrected
            return self.tr("[Correction] %1").replace("%1", r["title"])
        if column == 0:
            return r["title"]
        if column == 1:
            return r["channel_name"]
        if column == 2:
            return r["author_name"]
        if column == 3:
            return self._stages[r["review_stage"] - 1] if r["review_stage"] else ""
        if column == 4:
            return times.local_text(r["submitted_at"], self._tz)[:16]
        if column == 5:
            waited = waiting(r["submitted_at"], self._now)
            return self._units[waited[0]].replace("%1", str(waited[1])) if waited else ""
        return self._verdicts.get(r["verdict"], "")

    def data(self, index, role=Qt.DisplayRole):
        """A correction's headline says on hover what the correction note says."""
        if role == Qt.ToolTipRole and index.isValid() and index.column() == 0:
            r = self.row_at(index.row())
            if r["correction"]:
                return self.tr("%1\nCorrection note: %2").replace("%1", r["title"]).replace(
                    "%2", r["correction"])
        return super().data(index, role)
