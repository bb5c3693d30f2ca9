"""Story operations the menus offer, each asking what it needs (a reason, a note, a
password) and calling the core, whose rules decide: a refusal is shown as the core
says it. Each returns the ids of the stories it changed (empty when nothing was done)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from newsdesk.review import workflow
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, User
from newsdesk.store import Store



def _ask(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def password_for(parent: QWidget, user: User) -> tuple[bool, str | None]:
    """(go on, password): asked only of users who have one."""
    if not user.password_hash:
        return True, None
    label = QCoreApplication.translate("operations", "Password for %1:")
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("operations",
                                                                       "Password"),
                                    label.replace("%1", user.real_name), QLineEdit.Password)
    return ok, text


def _done(parent: QWidget, title: str, action) -> set[str]:
    try:
        t = action()
    except NewsdeskError as e:
        QMessageBox.warning(parent, title, str(e))
        return set()
    return {t.article.id}


def recall(parent: QWidget, store: Store, user: User, article: Article) -> set[str]:
    """撤回: the author takes a submitted story back to draft."""
    title = QCoreApplication.translate("operations", "Not recalled")
    return _done(parent, title, lambda: workflow.recall(store, article.id, user))


def correct(parent: QWidget, store: Store, user: User, article: Article) -> set[str]:
    """更正: reopen a published story with the note its page will carry, saying first
    what it does: back to draft, through the outlet's review stages again, and the
    page unchanged until the corrected story is signed off and published."""
    stages = QCoreApplication.translate("operations", ", ").join(
        s["name"] for s in workflow.stages(store))
    what = QCoreApplication.translate(
        "operations", "“%1” goes back to draft. Once corrected it must pass %2 again.\n"
        "Until the corrected story is signed off and published, the site keeps showing "
        "it unchanged.\n\nThe correction note the page will carry (更正说明):")
    note = _ask(parent, QCoreApplication.translate("operations", "Correct a published story"),
                what.replace("%1", article.title).replace("%2", stages))
    if note is None:
        return set()
    title = QCoreApplication.translate("operations", "Not reopened for correction")
    return _done(parent, title,
                 lambda: workflow.begin_correction(store, article.id, user, note))


def withdraw(parent: QWidget, store: Store, user: User, article: Article) -> set[str]:
    """撤稿: take a story off the site (admins), with a reason."""
    label = QCoreApplication.translate("operations", "Why is “%1” withdrawn (撤稿原因)?")
    reason = _ask(parent, QCoreApplication.translate("operations", "Withdraw a story"),
                  label.replace("%1", article.title))
    if reason is None:
        return set()
    ok, password = password_for(parent, user)
    if not ok:
        return set()
    title = QCoreApplication.translate("operations", "Not withdrawn")
    changed = _done(parent, title,
                    lambda: workflow.withdraw(store, article.id, user, reason, password))
    if changed and article.live_revision is not None:  # what a reader still sees
        QMessageBox.information(
            parent, QCoreApplication.translate("operations", "Withdrawn"),
            QCoreApplication.translate(
                "operations", "“%1” is withdrawn, but its page stays on the live site until "
                "the site is next published: publishing replaces it with a withdrawal "
                "notice.").replace("%1", article.title))
    return changed
