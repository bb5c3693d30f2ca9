"""The schema and the connection: sqlite-utils migrations and pragmas. No Qt here."""
from db.connection import SchemaTooNew, connect

__all__ = ["SchemaTooNew", "connect"]
