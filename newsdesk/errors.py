"""Errors a user can cause and fix. The CLI prints them as one line (exit 2); the GUI
shows them in a dialog. Anything else escaping is a bug."""


class NewsdeskError(Exception):
    """Bad input or a refused action, with a message fit to show a user."""


class NotFound(NewsdeskError):
    pass
