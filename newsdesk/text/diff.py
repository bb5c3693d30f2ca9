"""Character-level differences, readable for Chinese (which has no spaces to split
words on): runs of equal, inserted and deleted text."""
from __future__ import annotations

from difflib import SequenceMatcher


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in 'equal', 'insert', 'delete'; a replacement is a delete
    followed by an insert. Reading the ops in order rebuilds both texts."""
    out: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            out.append(("delete", old[i1:i2]))
        if j2 > j1:
            out.append(("insert", new[j1:j2]))
    return out
