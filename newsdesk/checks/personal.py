"""Personal information a story must not publish: 18-digit ID numbers that pass the
GB 11643-1999 checksum (with a real birth date), mainland mobile numbers and bank card
numbers that pass the Luhn check. Each is a block the editor may accept with a reason
(a hotline printed on purpose, say); masked forms (110101********1234, 138****1234)
do not match at all. An ID-shaped number with a real birth date and a wrong check
character (a slip in copying one, or a made-up one) warns: it may still be a person's."""
from __future__ import annotations

import re
from datetime import date

from newsdesk.checks.findings import BLOCK, WARN, Finding
from newsdesk.i18n import both

_ID = re.compile(r"(?<![\dA-Za-z])(\d{6})(\d{4})(\d{2})(\d{2})\d{3}[\dXx](?![\dA-Za-z])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_MOBILE = re.compile(r"(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?![\d])")
_CARD = re.compile(r"(?<![\d])(\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?)(?![\d])")


def _born(number: str) -> bool:
    """Whether an ID number's digits 7-14 are a real birth date."""
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= date.today().year


def id_number_valid(number: str) -> bool:
    """GB 11643: a real birth date and the check character the weights give."""
    if not _born(number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17].upper()


def luhn_valid(digits: str) -> bool:
    total = 0
    for n, d in enumerate(reversed(digits)):
        value = int(d) * (2 if n % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _finding(rule: str, field: str, m: re.Match, said: tuple[str, str],
             severity: str = BLOCK) -> Finding:
    return Finding(f"personal.{rule}", severity, field, m.start(), m.end(), m.group(), *said)


def check(field: str, text: str) -> list[Finding]:
    """The personal information in one field."""
    if not text:
        return []
    found, taken, near = [], [], []
    for m in _ID.finditer(text):
        if id_number_valid(m.group()):
            found.append(_finding("id-number", field, m, both(
                "an ID card number (身份证号) in the text: personal information")))
            taken.append(range(m.start(), m.end()))
        elif _born(m.group()):
            near.append(m)
    for m in _MOBILE.finditer(text):
        if not any(m.start() in r for r in taken):
            found.append(_finding("mobile", field, m, both(
                "a mobile phone number in the text: personal information")))
            taken.append(range(m.start(), m.end()))
    for m in _CARD.finditer(text):
        digits = re.sub(r"[ -]", "", m.group(1))
        if 16 <= len(digits) <= 19 and not any(m.start() in r for r in taken) \
                and luhn_valid(digits):
            found.append(_finding("bank-card", field, m, both(
                "a bank card number in the text: personal information")))
            taken.append(range(m.start(), m.end()))
    found += [_finding("id-like", field, m, both(
        "a number that looks like an ID card number (身份证号; its check character is "
        "wrong): it may still be personal information"), WARN)
        for m in near if not any(m.start() in r for r in taken)]
    return found
