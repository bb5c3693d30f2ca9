"""The schema and the connection: sqlite-utils migrations and pragmas. No Qt here."""
from db.connection import DatabaseDamaged, SchemaTooNew, as_damage, connect

__all__ = ["DatabaseDamaged", "SchemaTooNew", "as_damage", "connect"]
