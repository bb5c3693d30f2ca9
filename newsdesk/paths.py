"""Where things are: bundled resources and the user's default database."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ENV_DB = "NEWSDESK_DB"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def default_db_path() -> Path:
    """NEWSDESK_DB if set, else newsdesk.db in the platform's user data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False)) / "newsdesk.db"
