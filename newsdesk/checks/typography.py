"""Chinese typography. autocorrect-py (configured to the outlet's house style) finds
half-width punctuation between Chinese characters and CJK/Latin spacing; the rules it
does not cover are here: punctuation next to Chinese after a digit or a quote, leading
full-width spaces, doubled punctuation, unbalanced quotes and brackets."""
from __future__ import annotations

import json
import re

import autocorrect_py

from newsdesk.checks.findings import WARN, Finding
from newsdesk.text.cjk import HAN
from newsdesk.i18n import both

CJK = HAN
_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
# Half-width punctuation with Chinese (or a Chinese quote/bracket) on either side.
_HALF = re.compile(rf"(?<=[{CJK}“”‘’（）])[,;:!?]|[,;:!?](?=[{CJK}“‘（])")
_FULLWIDTH_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f\u2026\u2014]")
_PARENS = re.compile(rf"\(([^()\n]*[{CJK}][^()\n]*)\)")
_LEADING = re.compile(r"^[\u3000\u00a0 ]+(?=\S)", re.M)
_DOUBLED = re.compile(r"([，。、；：！？,.;:!?])\1+|[！？!?]{2,}")
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "「": "」"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_SPACE_BETWEEN = re.compile(rf"(?<=[{CJK}]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[{CJK}])")

_configured: str | None = None


def _configure(house_space: str) -> None:
    """autocorrect-py holds one global configuration: set it when the style changes."""
    global _configured
    if _configured != house_space:
        autocorrect_py.load_config(json.dumps({"rules": {
            "space-word": 1 if house_space == "space" else 0,
            "space-punctuation": 0, "space-bracket": 0, "space-backticks": 0,
            "space-dash": 0, "fullwidth": 1, "no-space-fullwidth": 1,
            "halfwidth-word": 1, "halfwidth-punctuation": 0, "spellcheck": 0}}))
        _configured = house_space


def _finding(rule, field, start, end, text, said: tuple[str, str], fix=None) -> Finding:
    return Finding(f"typography.{rule}", WARN, field, start, end, text, *said, fix)


def _halfwidth(field: str, at: int, wrong: str, right: str) -> Finding:
    return _finding("halfwidth-punctuation", field, at, at + 1, wrong,
                    both("use the full-width “{right}” for “{wrong}” in Chinese text",
                         right=right, wrong=wrong), right)


def _edits(old: str, new: str):
    """(kind, position in old, removed, added) for what autocorrect changed: it only
    adds or drops spaces and swaps single characters, so a walk in step finds them in
    linear time (a general diff is quadratic on long, repetitive paragraphs). An
    ideographic space it makes an ASCII one is a swap, not a space added."""
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            i, j = i + 1, j + 1
        elif new[j] == " " and (i == len(old) or old[i] not in " \u3000"):
            yield "add", i, "", " "
            j += 1
        elif old[i] == " ":
            yield "drop", i, " ", ""
            i += 1
        else:
            yield "swap", i, old[i], new[j]
            i, j = i + 1, j + 1
    if j < len(new) and new[j:].strip() == "":
        yield "add", i, "", new[j:]


def _autocorrect(field: str, text: str) -> list[Finding]:
    out = []
    for line in re.finditer(r"[^\n]+", text):
        old = line.group()
        new = autocorrect_py.format(old)
        if new == old:
            continue
        base = line.start()
        for kind, i, removed, added in _edits(old, new):
            if kind == "add":
                s, e = max(i - 1, 0), min(i + 1, len(old))
                out.append(_finding("spacing", field, base + s, base + e, old[s:e],
                                    both("add a space between Chinese and Latin text"),
                                    old[s:i] + added + old[i:e]))
            elif kind == "drop":
                out.append(_finding("spacing", field, base + i, base + i + 1, removed,
                                    both("remove this space"), ""))
            elif not _FULLWIDTH_PUNCTUATION.match(removed):  # never undo the input method
                out.append(_halfwidth(field, base + i, removed, added))
    return out


def _unbalanced(field: str, text: str) -> list[Finding]:
    out = []
    for paragraph in re.finditer(r"[^\n]+", text):
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(paragraph.group(), paragraph.start()):
            if ch in _PAIRS:
                stack.append((ch, i))
            elif ch in _CLOSERS:
                if stack and stack[-1][0] == _CLOSERS[ch]:
                    stack.pop()
                else:
                    out.append(_finding("unbalanced", field, i, i + 1, ch, both(
                        "“{mark}” has no opening “{pair}”", mark=ch, pair=_CLOSERS[ch])))
        out += [_finding("unbalanced", field, i, i + 1, ch, both(
            "“{mark}” is never closed by “{pair}”", mark=ch, pair=_PAIRS[ch]))
            for ch, i in stack]
    return out


def check(field: str, text: str, house_space: str = "none") -> list[Finding]:
    """Typography findings in one field. house_space: 'space' (a space between Chinese
    and Latin/digits), 'none' (no space) or 'ignore'."""
    if not text:
        return []
    _configure(house_space)
    found = _autocorrect(field, text)
    for m in _HALF.finditer(text):
        found.append(_halfwidth(field, m.start(), m.group(), _FULLWIDTH[m.group()]))
    for m in _PARENS.finditer(text):
        found.append(_finding("halfwidth-brackets", field, m.start(), m.end(), m.group(),
                              both("use full-width brackets around Chinese"),
                              f"（{m.group(1)}）"))
    for m in _LEADING.finditer(text):
        found.append(_finding("leading-space", field, m.start(), m.end(), m.group(),
                              both("no leading spaces: indentation is the page's job"), ""))
    for m in _DOUBLED.finditer(text):
        found.append(_finding("doubled-punctuation", field, m.start(), m.end(), m.group(),
                              both("doubled punctuation “{marks}”", marks=m.group()),
                              m.group()[0]))
    if house_space == "none":
        for m in _SPACE_BETWEEN.finditer(text):
            found.append(_finding("spacing", field, m.start(), m.end(), m.group(),
                                  both("house style: no space between Chinese and Latin text"),
                                  ""))
    found += _unbalanced(field, text)
    # The library and a rule of ours can see the same thing: keep one per span.
    unique: dict[tuple[int, int], Finding] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        unique.setdefault((f.start, f.end), f)
    return list(unique.values())
