"""The schema and the connection: sqlite-utils migrations and pragmas. No Qt here."""
from db.connection import DatabaseDamaged, SchemaTooNew, connect

__all__ = ["DatabaseDamaged", "SchemaTooNew", "connect"]
