"""Errors a user can cause and fix. The CLI prints them as one line (exit 2); the GUI
shows them in a dialog. Anything else escaping is a bug.

An error is raised with its English message id and named values, and reads in the
current language (newsdesk.i18n); message_id and params stay for tests and logs."""
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
    """The disk is full or read-only: a write could not happen."""
