"""The story browser's table model: headline, channel, state, date, and why a returned
story came back (退回原因)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newsdesk import times, workflow
from ui.id_model import IdTableModel


def state_label(state: str, stage: str = "") -> str:
    """A story's state as the newsroom says it (草稿, 已送审, 复审中, 已签发, 待发布…):
    in review, which stage."""
    if state == "in_review" and stage:
        return QCoreApplication.translate("states", "At %1").replace("%1", stage)
    return {
        "draft": QCoreApplication.translate("states", "Draft"),
        "submitted": QCoreApplication.translate("states", "Submitted"),
        "in_review": QCoreApplication.translate("states", "In review"),
        "returned": QCoreApplication.translate("states", "Returned"),
        "approved": QCoreApplication.translate("states", "Approved"),
        "scheduled": QCoreApplication.translate("states", "Scheduled"),
        "published": QCoreApplication.translate("states", "Published"),
        "withdrawn": QCoreApplication.translate("states", "Withdrawn"),
    }.get(state, state)


class ArticleTableModel(IdTableModel):
    state_column = 2

    def refresh_lookups(self) -> None:
        super().refresh_lookups()
        self._stages = [s["name"] for s in workflow.stages(self.store)]

    def headers(self) -> list[str]:
        return [self.tr("Headline"), self.tr("Channel"), self.tr("State"), self.tr("Date"),
                self.tr("Return reason")]

    def cell(self, r: dict, column: int) -> str:
        if column == 0:
            return r["title"]
        if column == 1:
            return r["channel_name"]
        if column == 2:
            stage = r.get("review_stage")
            return state_label(r["state"], self._stages[stage - 1] if stage else "")
        if column == 4:
            return r["return_reason"] or ""
        date = r["first_published_at"] or r["publish_at"] or r["updated_at"]
        return times.local_text(date, self._tz)[:16]
