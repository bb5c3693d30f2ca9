"""The PySide6 GUI: thin widgets and Qt item models over the newsdesk core."""
