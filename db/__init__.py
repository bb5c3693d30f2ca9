"""The schema and the connection: sqlite-utils migrations and pragmas. No Qt here."""
from db.connection import (DatabaseDamaged, DatabaseUnusable, SchemaTooNew, as_trouble,
                           connect)

__all__ = ["DatabaseDamaged", "DatabaseUnusable", "SchemaTooNew", "as_trouble", "connect"]
