"""Stable text ids for every synced row (no autoincrement identity for content)."""
import uuid


def new_id() -> str:
    return uuid.uuid4().hex
