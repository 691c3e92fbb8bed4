"""Search normalisation: the one spec that Python (CLI, index) and the browser
(overrides/assets/javascripts/search/normalize.js) both follow.

Test vectors in tests/search_vectors.json pin the behaviour; a pytest and a
``node --test`` test run the same file, so the two ports cannot drift.

Rules:
* fold each character with ``scripts.vietnamese.fold`` (NFD, drop marks, đ→d),
  then lower-case: "Thủ tục" → "thu tuc";
* a token is a run of ``[a-z0-9]``; punctuation never sticks ("khẩu." → "khau");
* numbers lose leading zeros ("02 giờ" → "2 gio");
* runs joined by "/" or "-" (legal references, "C/O", "TT-BTC") keep their
  parts as words *and* add the joined form as an extra term, plus the first
  two "/" segments of a longer reference ("38/2015/TT-BTC" → "38/2015") and
  every hyphenated segment ("tt-btc"). Extra terms contain "/" or "-"; words
  never do, which is how ranking tells them apart;
* a number followed by a unit ("02 giờ", "30 phút", "10.000 USD") adds one
  more extra term, number and unit joined by "-" ("2-gio", "10000-usd"), after
  all other terms of the text, so "2 giờ" is found as a quantity, not as two
  common words ("8 tiếng" is "8 giờ": "8-gio"); so does an article of law and its number ("Điều 37" →
  "dieu-37", also "khoản", "chương", "mục", "điểm").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from scripts.vietnamese import fold

TERM_RUN = re.compile(r"[a-z0-9]+(?:[/-][a-z0-9]+)*")
TERM_SEP = re.compile(r"[/-]")
_TAG = re.compile(r"<[^>]*>")
UNITS = (
    "gio",
    "phut",
    "giay",
    "ngay",
    "tuan",
    "thang",
    "nam",
    "lan",
    "usd",
    "vnd",
    "dong",
    "trieu",
    "ty",
    "kg",
    "tan",
    "mat",
    "tieng",
)
# Units written two ways: "8 tiếng" is "8 giờ" ("8-gio").
UNIT_ALIASES = {"tieng": "gio"}
ARTICLES = ("dieu", "khoan", "chuong", "muc", "diem")
_QUANTITY = re.compile(
    r"(?<![a-z0-9./-])(?:([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)[ \t\n]*("
    + "|".join(UNITS)
    + r")|("
    + "|".join(ARTICLES)
    + r")[ \t\n]*([0-9]+))(?![a-z0-9])"
)
# Material's index escapes only &, < and > (html.escape(quote=False)); the
# JavaScript port undoes exactly these, so Python must not do more.
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&amp;": "&"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))


@dataclass(frozen=True)
class Token:
    """A search term and the span of the original text it came from."""

    term: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return "/" not in self.term and "-" not in self.term


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    return fold(ch).lower()


def fold_lower(text: str) -> tuple[str, list[int]]:
    """Folded lower-case text and, per folded character, its index in ``text``.

    Folding character by character keeps offsets exact for highlighting.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        out.append(folded)
        offsets.extend([i] * len(folded))
    return "".join(out), offsets


def _number(part: str) -> str:
    return (part.lstrip("0") or "0") if part.isdigit() else part


def tokens(text: str) -> list[Token]:
    """All search tokens of ``text`` (words first, then a run's extra terms)."""
    folded, offsets = fold_lower(text)
    out: list[Token] = []
    for m in TERM_RUN.finditer(folded):
        run = m.group()
        start = offsets[m.start()]
        end = offsets[m.end() - 1] + 1
        pos = m.start()
        parts = TERM_SEP.split(run)
        normed = [_number(p) for p in parts]
        for raw, part in zip(parts, normed):
            out.append(Token(part, offsets[pos], offsets[pos + len(raw) - 1] + 1))
            pos += len(raw) + 1
        if len(parts) == 1:
            continue
        for term in compound_terms(normed, TERM_SEP.findall(run)):
            out.append(Token(term, start, end))
    for term, a, b in quantities(folded):
        out.append(Token(term, offsets[a], offsets[b - 1] + 1))
    return out


def quantities(folded: str) -> list[tuple[str, int, int]]:
    """Number-and-unit terms of folded text with their spans: "02 gio" → "2-gio"."""
    return [
        (
            f"{_number(m.group(1).replace('.', ''))}-{UNIT_ALIASES.get(m.group(2), m.group(2))}"
            if m.group(1)
            else f"{m.group(3)}-{_number(m.group(4))}",
            m.start(),
            m.end(),
        )
        for m in _QUANTITY.finditer(folded)
    ]


def compound_terms(parts: list[str], seps: list[str]) -> list[str]:
    """Extra terms of a run joined by "/" or "-" (its parts already normalised):
    the joined form, the first two "/" segments of a longer reference and every
    hyphenated segment, without repeats."""
    joined = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:]))
    extras = [joined]
    slash = joined.split("/")
    if len(slash) >= 3:
        extras.append("/".join(slash[:2]))
    if len(slash) >= 2:
        extras.extend(seg for seg in slash if "-" in seg)
    return list(dict.fromkeys(extras))


def terms(text: str) -> list[str]:
    """The terms of ``text`` in order: what the index stores and the vectors pin."""
    return [t.term for t in tokens(text)]


def html_to_text(value: str) -> str:
    """Text of an indexed HTML fragment (Material's search_index.json fields)."""
    return _ENTITY.sub(lambda m: _ENTITIES[m.group()], _TAG.sub(" ", value or ""))


def exact_form(text: str, token: Token) -> str:
    """The token as typed, lower-cased NFC with its accents ("hải")."""
    return unicodedata.normalize("NFC", text[token.start : token.end]).lower()
