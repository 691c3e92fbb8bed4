"""Find strings that look like Vietnamese phone numbers in page text.

Contacts are published only from data/ (checked, E.164). A number typed into
a page by hand is either unverified or a duplicate that will go stale, so the
tests scan every built page with ``phone_like`` and accept only numbers that
also appear in data/. ``x`` counts as a masked digit ("0225 3836 xxx") and any
"+84" followed by digits counts, even when cut short ("+84 225 …").

A masked or truncated number inside code (`+842253xxxxxx` in the editors'
guide) illustrates the format and is allowed there: see ``is_masked``.

Not phone numbers: dates (06/07/2018, 2018-07-06), legal document numbers
(38/2015/TT-BTC), procedure codes (1.001193), HS codes (0901.11.00), amounts
(1.000.000) and short counts ("05 ngày").
"""

from __future__ import annotations

import re

_SEP = r"[ \u00a0\u202f.\-]"
_GROUP = r"\(?(?:[0-9]+[xX]*|[xX]{2,})\)?"
_CANDIDATE = re.compile(
    r"(?<![\w/.\-+])"  # not inside a word, number or document number
    r"(?:\+\s?\(?84\)?|\(?00\s?84\)?"  # international prefix
    r"|\(\s?0[0-9]{1,3}\s?\)"  # (0225)
    r"|0[0-9xX]*|1[89]00)"  # 0…, or 1800 / 1900 hotlines
    rf"(?:{_SEP}{{0,2}}{_GROUP})*"
    r"(?![\w])"
)
_HS_CODE = re.compile(r"^[0-9]{4}\.[0-9]{2}(?:\.[0-9]{2}){0,2}$")


def digits(text: str) -> str:
    """Digits of a number, ``x`` kept as a masked digit."""
    return re.sub(r"[^0-9xX]", "", text).lower()


def normalise(number: str) -> str:
    """National form: '+84 225 3836 123' and '0225.3836.123' give '02253836123'."""
    d = digits(number)
    stripped = number.lstrip(" (")
    if stripped.startswith("+") or stripped.startswith("00"):
        d = d[2:] if stripped.startswith("+") else d[4:]
        # 1800 / 1900 service numbers have no leading 0 at home (+8419009299 → 19009299).
        return d if d.startswith(("1800", "1900")) else "0" + d
    return d


def _is_phone(candidate: str) -> bool:
    d = digits(candidate)
    head = candidate.lstrip(" (")
    if head.startswith("+") or re.match(r"00\s?\(?84", head):
        return len(d) > (2 if head.startswith("+") else 4)  # "+84" and at least one more digit
    if _HS_CODE.match(candidate):
        return False
    if head.startswith(("1800", "1900")):
        return 8 <= len(d) <= 10
    return d.startswith("0") and 9 <= len(d) <= 12


def phone_like(text: str) -> list[str]:
    """Every phone-number-like string in ``text``, as written."""
    found = []
    for m in _CANDIDATE.finditer(text):
        candidate = m.group(0).rstrip(" .-\u00a0\u202f")
        tail = text[m.end() : m.end() + 3]
        if candidate.startswith("+") and tail.lstrip().startswith(("…", "...")):
            candidate += " …"
        if _is_phone(candidate):
            found.append(candidate)
    return found


def is_masked(number: str) -> bool:
    """'0225 3xxx xxx' or '+84 225 …': a format example, not a number to call."""
    return "x" in number.lower() or number.rstrip().endswith("…")
