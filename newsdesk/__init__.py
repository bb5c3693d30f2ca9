"""Newsdesk core: model, store, rendering, search, import, CLI. No Qt here."""

__version__ = "0.1.0"
