"""The tamper-evident hash chain over an article's review events."""
from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64
# The fields a hash covers: everything that says who did what to which revision when.
HASHED = ("id", "article_id", "seq", "kind", "stage", "revision", "actor_id", "at",
          "comment", "detail")


def event_hash(prev_hash: str, event: dict) -> str:
    payload = json.dumps({k: event.get(k) for k in HASHED}, ensure_ascii=False,
                         sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()
