"""Errors a user can cause and fix. The CLI prints them as one line (exit 2); the GUI
shows them in a dialog. Anything else escaping is a bug."""


class NewsdeskError(Exception):
    """Bad input or a refused action, with a message fit to show a user."""


class NotFound(NewsdeskError):
    pass


class StaleEdit(NewsdeskError):
    """Someone else saved the story since this copy was loaded."""

    def __init__(self, current):
        super().__init__(f"“{current.title}” was saved elsewhere meanwhile "
                         f"(by {current.updated_by or 'someone'})")
        self.current = current


class DatabaseBusy(NewsdeskError):
    """Another program held the database longer than the busy timeout."""


class StorageFailed(NewsdeskError):
    """The disk is full or read-only: a write could not happen."""
