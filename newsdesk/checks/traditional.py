"""繁简混用: traditional characters in simplified copy, found by converting with
OpenCC (traditional → simplified, phrase-aware, so 乾隆 keeps its 乾) and naming each
run of characters the conversion changed, with the simplified form as the fix. Words
the outlet keeps in traditional characters (a Hong Kong company's name) are skipped."""
from __future__ import annotations

from functools import lru_cache

from newsdesk.checks.findings import WARN, Finding
from newsdesk.i18n import both


@lru_cache(maxsize=1)
def _converter():
    import opencc
    return opencc.OpenCC("t2s")


def _kept(text: str, allowed: list[str]) -> set[int]:
    """Positions inside the outlet's traditional-character words."""
    out = set()
    for word in allowed:
        at = text.find(word)
        while at >= 0:
            out.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    return out


def check(field: str, text: str, allowed: list[str]) -> list[Finding]:
    if not text:
        return []
    simplified = _converter().convert(text)
    if simplified == text or len(simplified) != len(text):
        return []   # OpenCC's t2s keeps lengths; a change of length is no mixed copy
    kept = _kept(text, allowed) if allowed else set()
    out = []
    for start, end in _changed(text, simplified):
        runs = [i for i in range(start, end) if i not in kept]
        for s, e in _runs(runs):
            out.append(Finding("traditional.mixed", WARN, field, s, e, text[s:e], *both(
                "traditional “{seen}” in simplified copy; write “{fix}”",
                seen=text[s:e], fix=simplified[s:e]),
                suggestion=simplified[s:e], category="繁简混用"))
    return out


def _changed(text: str, simplified: str):
    """(start, end) of each run of characters the conversion changed, comparing line
    by line first: a long body with one traditional character costs one line's walk."""
    at = 0
    for old, new in zip(text.split("\n"), simplified.split("\n")):
        if old != new:
            differs = [at + i for i, (a, b) in enumerate(zip(old, new)) if a != b]
            yield from _runs(differs)
        at += len(old) + 1


def _runs(positions: list[int]):
    """Consecutive positions as (start, end) spans."""
    start = prev = None
    for i in positions:
        if start is None:
            start = prev = i
        elif i == prev + 1:
            prev = i
        else:
            yield start, prev + 1
            start = prev = i
    if start is not None:
        yield start, prev + 1
