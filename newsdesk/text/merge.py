"""Three-way merge of a story's text, paragraph by paragraph: what two people changed
from the same starting text. Changes to different paragraphs combine; where both
changed the same paragraphs, both versions are kept, marked, for the editor to settle."""
from __future__ import annotations

from difflib import SequenceMatcher

MINE, THEIRS = "【我的版本】", "【对方版本】"


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """(start, end, replacement) in base paragraphs."""
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in
            SequenceMatcher(None, base, other, autojunk=False).get_opcodes() if tag != "equal"]


def places(base: str, mine: str, theirs: str) -> list:
    """The merged paragraphs in order: a paragraph one side changed (or both alike)
    as text, a place both changed differently as (mine, theirs), each a list."""
    split = lambda text: text.split("\n\n")  # noqa: E731
    b, m, t = split(base), split(mine), split(theirs)
    edits = sorted([(s, e, r, "mine") for s, e, r in _changes(b, m)]
                   + [(s, e, r, "theirs") for s, e, r in _changes(b, t)],
                   key=lambda x: (x[0], x[1]))
    out: list = []
    pos, i = 0, 0
    while i < len(edits):
        start, end = edits[i][0], edits[i][1]
        group = [edits[i]]
        # Gather every edit overlapping this one (touching insertions count).
        while i + 1 < len(edits) and edits[i + 1][0] < max(end, start + 1):
            i += 1
            group.append(edits[i])
            end = max(end, edits[i][1])
        out += b[pos:start]
        same = all((g[0], g[1], g[2]) == (start, group[0][1], group[0][2]) for g in group)
        if len(group) == 1 or same:  # one side changed it, or both alike
            out += group[0][2]
        else:
            out.append(([p for g in group if g[3] == "mine" for p in g[2]],
                        [p for g in group if g[3] == "theirs" for p in g[2]]))
        pos = max(pos, end)
        i += 1
    out += b[pos:]
    return out


def merge(base: str, mine: str, theirs: str) -> tuple[str, int]:
    """(merged text, number of conflicting places): both versions of a place kept,
    marked, for the editor to settle."""
    out, conflicts = [], 0
    for place in places(base, mine, theirs):
        if isinstance(place, tuple):
            conflicts += 1
            out += [MINE, *place[0], THEIRS, *place[1]]
        else:
            out.append(place)
    return "\n\n".join(out), conflicts


def merge_story(base, mine: dict, theirs) -> tuple[dict, int]:
    """Fields of a story saved from a stale copy, merged with the version saved
    meanwhile: a field only one side changed takes that side; the body is merged by
    paragraph. Returns the fields and the number of conflicting places."""
    merged = {name: value if value != getattr(base, name) else getattr(theirs, name)
              for name, value in mine.items()}
    merged["body"], conflicts = merge(base.body, mine["body"], theirs.body)
    return merged, conflicts
