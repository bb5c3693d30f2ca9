"""Errors a user can cause and fix. The CLI prints them as one line (exit 2); the GUI
shows them in a dialog. Anything else escaping is a bug.

An error is raised with its English message id and named values, and reads in the
current language (newsdesk.i18n); message_id and params stay for tests and logs."""
import getpass
import os

from db import connection
from db.connection import DatabaseUnusable
from newsdesk.i18n import N_, _


class Translated:
    """Mixed into an exception: its message is translated when it is raised."""

    def __init__(self, message_id: str = "", /, **params):
        self.message_id, self.params = message_id, params
        super().__init__(_(message_id, **params))


class NewsdeskError(Translated, Exception):
    """Bad input or a refused action, with a message fit to show a user."""


class NotFound(NewsdeskError):
    pass


class StaleEdit(NewsdeskError):
    """Someone else saved the story since this copy was loaded."""

    def __init__(self, current):
        super().__init__(N_("“{title}” was saved elsewhere meanwhile (by {name})"),
                         title=current.title, name=current.updated_by or _("someone"))
        self.current = current


class DatabaseBusy(NewsdeskError):
    """Another program held the database longer than the busy timeout."""


class StorageFailed(NewsdeskError):
    """The disk is full, the database's folder or file read-only or not this user's: it
    cannot be used (DatabaseUnusable, said by unusable())."""


_UNUSABLE = {
    DatabaseUnusable.READ_ONLY_FOLDER: N_(
        "{path} cannot be used: the folder {where} is read-only, and Newsdesk writes beside "
        "the database even to read it. Make the folder writable, or move the database to "
        "one that is; nothing was written, and the database is not damaged: there is "
        "nothing to restore"),
    DatabaseUnusable.READ_ONLY_FILE: N_(
        "{path} cannot be used: {where} is read-only. Make it writable, then try again; "
        "nothing was written, and the database is not damaged: there is nothing to "
        "restore"),
    DatabaseUnusable.FULL: N_(
        "{path} cannot be used: the disk holding {where} is full. Free some space on it, "
        "then try again; nothing was written, and the database is not damaged: there is "
        "nothing to restore"),
    DatabaseUnusable.PERMISSION: N_(
        "{path} cannot be used: this user ({user}) may not read and write {where}. Give "
        "this user access to it, or work as the user who owns it; nothing was written, "
        "and the database is not damaged: there is nothing to restore"),
}


def unusable(trouble: DatabaseUnusable) -> NewsdeskError:
    """The database cannot be used here and now, said so a person can put it right."""
    if trouble.cause == DatabaseUnusable.BUSY:
        return DatabaseBusy(
            "{path} is busy: another program holds it and did not let go within {seconds} "
            "seconds; nothing was written. Try again once that program has finished, or "
            "close it", path=trouble.path, seconds=connection.BUSY_TIMEOUT_S)
    return StorageFailed(_UNUSABLE[trouble.cause], path=trouble.path, where=trouble.where,
                         user=_user())


def _user() -> str:
    try:
        import pwd  # POSIX: the account that runs us, whatever $USER says
        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):
        return getpass.getuser()
