"""签审通过 and 退回 as a reviewer does them, in the review queue or in the editor: the
same questions (opinion, reason, password), the same core operations and the same
words for a refusal and for where the story went."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from newsdesk import times
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, State, User
from newsdesk.review import workflow
from newsdesk.store import Store
from ui import operations
from ui.queue.review_panel import ReturnDialog


def _refused(parent: QWidget, why: str | None) -> bool:
    """Say the rule that refuses, as the core words it (True: refused)."""
    if why:
        QMessageBox.warning(parent, QCoreApplication.translate("signing", "Refused"), why)
    return bool(why)


def _done(parent: QWidget, action) -> workflow.Transition | None:
    try:
        return action()
    except NewsdeskError as e:
        _refused(parent, str(e))
        return None


def approve(parent: QWidget, store: Store, user: User,
            article: Article) -> workflow.Transition | None:
    """Sign the story's current stage off, with an opinion if the reviewer gives one.
    A refusal is said before anything is asked."""
    if _refused(parent, workflow.why_not_sign(store, article, user)):
        return None
    label = QCoreApplication.translate("signing", "Sign %1 of “%2”. Opinion (optional):")
    opinion, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("signing", "Sign off"),
        label.replace("%1", workflow.stage_name(store, article.review_stage))
        .replace("%2", article.title))
    if not ok:
        return None
    ok, password = operations.password_for(parent, user)
    if not ok:
        return None
    return _done(parent, lambda: workflow.approve(store, article.id, user, password,
                                                  comment=opinion.strip()))


def send_back(parent: QWidget, store: Store, user: User,
              article: Article) -> workflow.Transition | None:
    """Return the story to its author, with the reason the dialog insists on."""
    if _refused(parent, workflow.why_not_review(store, article, user)):
        return None
    dialog = ReturnDialog(article.title, parent)
    if dialog.exec() != ReturnDialog.Accepted:
        return None
    ok, password = operations.password_for(parent, user)
    if not ok:
        return None
    return _done(parent, lambda: workflow.return_story(store, article.id, user,
                                                       dialog.text(), password))


def outcome(store: Store, a: Article) -> str:
    """Where the story went: the next stage, back to its author, or out when."""
    if a.state == State.RETURNED:
        text = QCoreApplication.translate("signing", "“%1” went back to its author.")
    elif a.state == State.SCHEDULED:
        text = QCoreApplication.translate("signing", "“%1” is signed off: it is published "
                                          "at %2.").replace("%2", times.local_text(
                                              a.publish_at, store.settings().timezone)[:16])
    elif a.state == State.APPROVED:
        text = QCoreApplication.translate("signing", "“%1” is signed off: it is published "
                                          "with the next publication of the site.")
    else:
        text = QCoreApplication.translate("signing", "“%1” waits for %2.").replace(
            "%2", workflow.stage_name(store, a.review_stage))
    return text.replace("%1", a.title)
