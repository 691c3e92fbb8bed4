"""Find legal-instrument numbers and citations in a line of text.

Two forms are recognised:

- a bare official number as Vietnamese texts write it: ``54/2014/QH13``,
  ``121/2025/TT-BTC``, ``08/2015/NĐ-CP``, ``225/QĐ-TCHQ``;
- the site's citation syntax ``[[121/2025/TT-BTC]]`` or
  ``[[38/2015/TT-BTC, Điều 7]]``, which the build turns into a link to the
  source with the instrument's title and status (see CONTRIBUTING.md).

The article of a bare number is read from "Điều N" written right after it
(", Điều 23") or before it ("Điều 19 Luật … 107/2016/QH13").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The kind suffixes the site meets; ND/QD without the bar are accepted and
# normalised, so "08/2015/ND-CP" is the same text as "08/2015/NĐ-CP".
_SUFFIX = (
    r"(?:UBTVQH\d{1,2}|QH\d{1,2}|N[ĐD]-CP|TTLT-[A-ZĐ]+(?:-[A-ZĐ]+)*|TT-[A-ZĐ]+|"
    r"Q[ĐD]-[A-ZĐ]+(?:-[A-ZĐ]+)?|NQ-[A-ZĐ]+|VBHN-[A-ZĐ]+|CT-[A-ZĐ]+)"
)
NUMBER = re.compile(rf"(?<![\w/])(\d{{1,5}})/(?:(\d{{4}})/)?({_SUFFIX})(?![\w/-])")
CITATION = re.compile(r"\[\[\s*([^\[\]|,]+?)\s*(?:,\s*([^\[\]]*?)\s*)?\]\]")
ARTICLE = re.compile(r"Điều\s+(\d{1,3}[a-z]?)\b")
_ARTICLE_AFTER = re.compile(r"^[\s,;:(]*Điều\s+(\d{1,3}[a-z]?)\b")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def normalize(number: str) -> str:
    """The lookup key of an official number: NFC, Đ restored, no leading zeros."""
    text = unicodedata.normalize("NFC", number.strip())
    m = NUMBER.fullmatch(text)
    if not m:
        return text
    head, year, suffix = m.groups()
    suffix = re.sub(r"^N[D]-", "NĐ-", suffix)
    suffix = re.sub(r"^Q[D]-", "QĐ-", suffix)
    return f"{int(head)}/{year + '/' if year else ''}{suffix}"


@dataclass(frozen=True)
class Ref:
    """One mention of an instrument: where, which, which article, how written."""

    line: int  # 1-based line in the file
    col: int  # 1-based column of the number (or of '[[' for a citation)
    number: str  # as written
    article: str | None
    citation: bool  # written as [[…]]
    end: int = 0  # 0-based end column of the mention (for the citation, after ']]')
    detail: str = ""  # text after the comma in a citation, e.g. "Điều 7 khoản 2"

    @property
    def key(self) -> str:
        return normalize(self.number)


def _blank_code_spans(line: str) -> str:
    """Inline code keeps its length but loses its content: examples are not citations."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def line_refs(line: str, lineno: int) -> list[Ref]:
    """Every instrument mentioned on one line, in order."""
    text = _blank_code_spans(line)
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []
    for m in CITATION.finditer(text):
        detail = (m.group(2) or "").strip()
        art = ARTICLE.search(detail)
        refs.append(
            Ref(
                lineno,
                m.start() + 1,
                m.group(1).strip(),
                art.group(1) if art else None,
                True,
                m.end(),
                detail,
            )
        )
        taken.append(m.span())
    numbers = [m for m in NUMBER.finditer(text) if not any(a <= m.start() < b for a, b in taken)]
    for i, m in enumerate(numbers):
        prev_end = numbers[i - 1].end() if i else 0
        next_start = numbers[i + 1].start() if i + 1 < len(numbers) else len(text)
        after = _ARTICLE_AFTER.match(text[m.end() : next_start])
        article = after.group(1) if after else None
        if article is None:
            before = text[prev_end : m.start()]
            # only within the same clause: stop at the last sentence or list break
            before = re.split(r"[.;]\s", before)[-1]
            found = ARTICLE.findall(before)
            article = found[-1] if found else None
        refs.append(Ref(lineno, m.start() + 1, m.group(0), article, False, m.end()))
    return sorted(refs, key=lambda r: r.col)


def text_refs(text: str) -> list[Ref]:
    """Every instrument mentioned in a Markdown or YAML text, skipping fenced code."""
    refs: list[Ref] = []
    fence = None
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _FENCE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)[0] * len(m.group(1))
            elif m.group(1).startswith(fence):
                fence = None
            continue
        if fence is None:
            refs += line_refs(line, lineno)
    return refs
