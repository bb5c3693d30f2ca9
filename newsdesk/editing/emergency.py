"""When a save fails (disk full, read-only place, database busy), the editor's text
goes to an emergency file next to the database, as markdown with front matter, so
nothing typed is lost and `newsdesk import` can bring it back."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import yaml

from newsdesk.model import field_names


def emergency_dir(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / "emergency"


def save(db_path: str | Path, article_id: str, values: dict) -> Path | None:
    """Write the text; returns the file, or None when even that was impossible."""
    meta = {k: values.get(k) for k in field_names(imported=True)
            if k != "body" and values.get(k)}
    meta |= {"draft": True, "newsdesk_id": article_id}
    text = ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
            + values.get("body", "") + "\n")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    path = emergency_dir(db_path) / f"{article_id[:8]}-{stamp}.md"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    except OSError:
        return None
    return path
