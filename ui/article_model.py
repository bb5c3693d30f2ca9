"""The story browser's table model: headline, channel, state, date, and why a returned
story came back (退回原因)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from newsdesk import present, times
from newsdesk.review import workflow
from ui.id_model import IdTableModel


def state_label(state: str, stage: str = "", correction: str | None = None
                ) -> str:
    """A story's state as the newsroom says it (草稿, 已送审, 复审中, 已签发, 待发布…):
    in review, which stage; a published story reopened for 更正 (correction: its
    pending note) is still live, and says so (the core decides which that is)."""
    if present.reopened(state, correction):
        return QCoreApplication.translate("states", "Published · being corrected")
    if present.correcting(state, correction):
        return QCoreApplication.translate("states", "Correction · %1").replace(
            "%1", state_label(state, stage))
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
    """After a search its last column shows where each story matched (the snippet,
    the words marked by look.HighlightDelegate) instead of 退回原因."""
    state_column = 2
    snippet_column = 4

    def __init__(self, store, parent=None):
        self.snippets: dict[str, str] = {}
        self.terms: list[str] = []
        super().__init__(store, parent)

    def refresh_lookups(self) -> None:
        super().refresh_lookups()
        self._stages = [s["name"] for s in workflow.stages(self.store)]

    def headers(self) -> list[str]:
        return [self.tr("Headline"), self.tr("Channel"), self.tr("State"), self.tr("Date"),
                self.tr("Return reason")]

    def set_matches(self, ids: list[str], snippets: dict[str, str], terms: list[str]) -> None:
        """Show search results: the ids, each with its snippet and the words to mark."""
        self.snippets, self.terms = snippets, terms
        self._headers[4] = self.tr("Where it matched") if snippets else self.tr("Return reason")
        self.headerDataChanged.emit(Qt.Horizontal, 4, 4)
        self.set_ids(ids)

    def cell(self, r: dict, column: int) -> str:
        if column == 0:
            return r["title"]
        if column == 1:
            return r["channel_name"]
        if column == 2:
            stage = r.get("review_stage")
            return state_label(r["state"], self._stages[stage - 1] if stage else "",
                               r["correction"])
        if column == 4:
            return self.snippets.get(r["id"]) or r["return_reason"] or ""
        date = r["first_published_at"] or r["publish_at"] or r["updated_at"]
        return times.local_text(date, self._tz)[:16]
