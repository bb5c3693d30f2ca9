"""Images and video, stored once by content hash."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from newsdesk.errors import NotFound
from newsdesk.store._sql import Repository, stamp


def extension(filename: str) -> str:
    """The extension a stored file keeps on the site (.jpg), none when it is odd."""
    suffix = Path(filename).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""


class Assets(Repository):
    def add(self, data: bytes, filename: str, mime: str, actor_id: str | None = None) -> str:
        """Store an image or video by content hash (the same bytes are stored once);
        returns the site path a body links to: assets/<sha256><ext>."""
        asset_id = hashlib.sha256(data).hexdigest()
        # Only the extension of the name is kept: the path is built from the hash.
        with self.store.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO assets VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [asset_id, Path(filename).name or "asset", mime, len(data), data,
                 *stamp(actor_id).values()])
        return f"assets/{asset_id}{extension(filename)}"

    def all(self) -> list[dict]:
        """Stored images and video: id (content hash), file name, and the extension
        the exported copy gets."""
        rows = self.rows("SELECT id, filename, mime FROM assets ORDER BY id")
        for r in rows:
            r["ext"] = extension(r["filename"])
        return rows

    def data(self, asset_id: str) -> bytes:
        row = self.conn.execute("SELECT data FROM assets WHERE id = ?", [asset_id]).fetchone()
        if not row:
            raise NotFound("no asset {asset_id}", asset_id=asset_id)
        return row[0]
