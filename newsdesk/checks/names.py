"""Protected names (重要人名): the leaders an outlet must never misname. A name typed
with a homophone (the input method offered 王建果 for wang jian guo) or, next to one of
its titles, one character off, blocks; a protected name under a title that is not
theirs, or leaders named out of the list's order in one sentence, warns.

Homophones are found in one pass: every Chinese character is mapped to a stand-in for
its toneless reading, so 王建国 and 汪剑果 read the same string and one Aho-Corasick
automaton over the names' readings finds every sound-alike at once."""
from __future__ import annotations

import importlib.util
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from newsdesk.checks.findings import BLOCK, WARN, Finding
from newsdesk.i18n import both
from newsdesk.model import ListEntry

_SENTENCE = re.compile(r"[^。！？；\n]+")
_ADDRESS = ("同志",)          # what follows a name where only a name can stand
_READINGS_PER_NAME = 16      # polyphonic names: this many readings at most


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading)
                   if not unicodedata.combining(c))


def _pinyin_dict() -> dict[int, str]:
    """pypinyin's table of every character's readings, read on its own: importing the
    package builds its phrase dictionary and segmenter first (0.25 s, not needed here;
    the table alone takes 0.03 s)."""
    spec = importlib.util.find_spec("pypinyin")
    path = Path(spec.origin).with_name("pinyin_dict.py")
    table = importlib.util.spec_from_file_location("newsdesk_pinyin_table", path)
    module = importlib.util.module_from_spec(table)
    table.loader.exec_module(module)
    return module.pinyin_dict


@lru_cache(maxsize=1)
def _readings() -> tuple[dict[int, str], dict[int, list[str]]]:
    """(character → stand-in of its first reading, character → stand-ins of all its
    readings). A stand-in is a private-use character, one per syllable."""
    syllables: dict[str, str] = {}

    def stand_in(reading: str) -> str:
        return syllables.setdefault(_toneless(reading), chr(0xF0000 + len(syllables)))
    first, every = {}, {}
    for code, readings in _pinyin_dict().items():
        ins = list(dict.fromkeys(stand_in(r) for r in readings.split(",")))
        first[code], every[code] = ins[0], ins
    return first, every


@dataclass(frozen=True)
class Protected:
    name: str
    titles: tuple[str, ...]
    rank: int


class NameMatcher:
    def __init__(self, entries: list[ListEntry]):
        self.people = {e.key: Protected(e.key, tuple(t for t in e.value.split("、") if t), n)
                       for n, e in enumerate(entries)}
        self.empty = not self.people
        if self.empty:
            return
        self.first, every = _readings()
        self.sounds = ahocorasick.Automaton()
        for person in self.people.values():
            options = [every.get(ord(c), [c]) for c in person.name]
            for reading in itertools.islice(itertools.product(*options), _READINGS_PER_NAME):
                key = "".join(reading)
                found = self.sounds.get(key, ())
                self.sounds.add_word(key, (*found, person))
        self.sounds.make_automaton()
        self.by_title: dict[str, list[Protected]] = {}
        for person in self.people.values():
            for title in person.titles:
                self.by_title.setdefault(title, []).append(person)
        self.titles = ahocorasick.Automaton()
        for title in {t for p in self.people.values() for t in p.titles} | set(_ADDRESS):
            self.titles.add_word(title, title)
        self.titles.make_automaton()

    def find(self, field: str, text: str) -> list[Finding]:
        if self.empty or not text:
            return []
        ending: dict[int, str] = {}     # position → the longest title that ends there
        starting: dict[int, str] = {}   # position → a title or 同志 that starts there
        for end, title in self.titles.iter(text):
            if len(title) > len(ending.get(end + 1, "")):
                ending[end + 1] = title
            starting.setdefault(end + 1 - len(title), title)
        exact, found = [], []
        for end, people in self.sounds.iter(text.translate(self.first)):
            start = end + 1 - len(people[0].name)
            seen = text[start:end + 1]
            if seen in self.people:
                exact.append((start, self.people[seen]))
                continue
            person = next((p for p in people if _shares(p.name, seen)), None)
            anchored = start in ending or end + 1 in starting
            if person and (len(person.name) > 2 or anchored):
                found.append(_misspelt(field, start, seen, person, both(
                    "“{seen}” sounds like the protected name “{name}”: check the name",
                    seen=seen, name=person.name)))
        found += self._one_off(field, text, ending, starting,
                              {s for s, _ in exact} | {f.start for f in found})
        found += self._titles(field, text, exact, ending)
        found += self._order(field, text, exact)
        return found

    def _one_off(self, field, text, ending, starting, taken) -> list[Finding]:
        """Next to a title of theirs, a name with one character wrong (王建国 → 王建图)."""
        spots = [(at, p) for at, title in ending.items() for p in self.by_title.get(title, ())]
        for at, title in starting.items():
            if title in _ADDRESS:  # 同志 follows any of them
                spots += [(at - len(p.name), p) for p in self.people.values()]
        out = []
        for at, person in spots:
            seen = text[at:at + len(person.name)] if at >= 0 else ""
            if len(seen) == len(person.name) and at not in taken and seen not in self.people \
                    and sum(a != b for a, b in zip(seen, person.name)) == 1:
                out.append(_misspelt(field, at, seen, person, both(
                    "“{seen}” is one character off the protected name “{name}”",
                    seen=seen, name=person.name)))
                taken.add(at)
        return out

    def _titles(self, field, text, exact, ending) -> list[Finding]:
        out = []
        for start, person in exact:
            title = ending.get(start)
            if title and title not in _ADDRESS and title not in person.titles:
                out.append(Finding(
                    "names.title", WARN, field, start - len(title), start + len(person.name),
                    text[start - len(title):start + len(person.name)], *both(
                        "“{name}” is listed as {titles}, not {title}", name=person.name,
                        titles="、".join(person.titles) or "—", title=title)))
        return out

    def _order(self, field, text, exact) -> list[Finding]:
        """Leaders named in one sentence come in the list's order."""
        out = []
        for sentence in _SENTENCE.finditer(text):
            named = [(s, p) for s, p in exact if sentence.start() <= s < sentence.end()]
            for (s1, p1), (s2, p2) in zip(named, named[1:]):
                if p2.rank < p1.rank:
                    out.append(Finding(
                        "names.order", WARN, field, s1, s2 + len(p2.name), text[s1:s2 + len(p2.name)],
                        *both("“{later}” is named before “{first}”; the list puts “{first}” first",
                              later=p1.name, first=p2.name)))
                    break
        return out


def _shares(name: str, seen: str) -> bool:
    """A slip keeps most of a name: at least one character in its place."""
    return any(a == b for a, b in zip(name, seen))


def _misspelt(field, start, seen, person: Protected, said) -> Finding:
    return Finding("names.misspelt", BLOCK, field, start, start + len(seen), seen, *said,
                   suggestion=person.name)
