"""What changed in an export folder since it was last marked as uploaded: a list for
the person uploading by hand, and a zip of the files to upload (removals are listed,
not packed; manifest.json always goes in)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from newsdesk.site import MANIFEST
from newsdesk.store import Store


def since_upload(store: Store, out: Path) -> list[tuple[str, str]]:
    """(added | changed | removed, path), sorted by kind then path."""
    current = {p: sha for p, (sha, _) in store.exports.state(str(out)).items()}
    uploaded = store.exports.uploaded_state(str(out))
    rows = [("added", p) for p in sorted(set(current) - set(uploaded))]
    rows += [("changed", p) for p in sorted(set(current) & set(uploaded))
             if current[p] != uploaded[p]]
    rows += [("removed", p) for p in sorted(set(uploaded) - set(current))]
    return rows


def write_list(rows: list[tuple[str, str]], path: str | Path) -> None:
    Path(path).write_text("".join(f"{kind}\t{p}\n" for kind, p in rows), "utf-8")


def pack(out: Path, rows: list[tuple[str, str]], path: str | Path) -> int:
    """Zip the added and changed files and the manifest; returns how many files."""
    files = [p for kind, p in rows if kind != "removed"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for p in files:
            z.write(out / p, p)
        z.write(out / MANIFEST, MANIFEST)
    return len(files)
