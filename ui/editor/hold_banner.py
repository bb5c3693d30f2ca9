"""The bar at the top of the editor: what holds the story (someone editing it, the review
it is in, a return, publication) and, on the bar, the buttons that get it back or move
it on (接手编辑, 撤回, 更正, and for its stage's reviewer 签审通过 and 退回).
What a story in review says is worked out here from the core's rules."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from newsdesk.model import Article, State, User
from newsdesk.review import workflow
from newsdesk.store import Store


class HoldBanner(QFrame):
    """A yellow bar, shown while it has something to say; read and set like a label."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("hold_banner")
        self.setStyleSheet("#hold_banner{background:#fff3cd;border-radius:3px}"
                           "#hold_banner QLabel{color:#7a5200}")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self.hide()

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.hide()
        self._layout.addWidget(button)
        return button

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def in_review(self, store: Store, article: Article, user: User) -> str:
        """Who holds a story in review and how this user gets it back: 撤回 until its
        first stage signs, otherwise its reviewer returns it; its reviewer signs here."""
        stage = workflow.stage_name(store, article.review_stage)
        if workflow.why_not_review(store, article, user) is None:
            return (self.tr("Waiting for your %1: sign it here (Approve or Return). Your "
                            "edits are this stage's revision, shown to the later stages as "
                            "yours (留痕).").replace("%1", stage))
        names = "、".join(u.real_name for u in workflow.signers(store, article)) \
            or self.tr("nobody may sign it now")
        if article.state != State.SUBMITTED:
            text = self.tr("In review at %1 (%2), locked (送审锁定). To change it, ask the "
                           "%1 reviewer to return it.")
        elif workflow.why_not_recall(store, article, user) is None:
            text = self.tr("Submitted, locked (送审锁定): waiting for %1 (%2). Until %1 "
                           "signs, Recall takes it back to change it.")
        else:
            text = self.tr("Submitted, locked (送审锁定): waiting for %1 (%2). To change "
                           "it, its author can recall it until %1 signs, or ask the %1 "
                           "reviewer to return it.")
        return text.replace("%1", stage).replace("%2", names)
