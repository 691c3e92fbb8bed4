"""Abbreviation data for search, derived from data/glossary.yaml at build time.

The browser never sees the YAML: the build writes the entries returned by
``expansion_entries`` into search/vi_search.json, and the CLI reads the same
file, so both sides expand "DN" ↔ "doanh nghiệp" identically.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from scripts import ROOT, yamlstrict
from scripts.search.normalize import terms, tokens

GLOSSARY = ROOT / "data" / "glossary.yaml"

# A key that reads like a Vietnamese syllable ("co" = có/cơ/cô) is expanded
# only when typed in capitals ("CO") or with its slash ("C/O").
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"[aeiouy]+(ch|ng|nh|[cmnpt])?$"
)


def key_of(abbr: str) -> str:
    """The folded form an abbreviation is matched by: "C/O" → "c/o", "NĐ" → "nd"."""
    toks = tokens(abbr)
    return max((t.term for t in toks), key=len) if toks else ""


def _words(text: str) -> list[str]:
    return [t.term for t in tokens(text) if t.is_word]


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, stamp: tuple[int, int]) -> dict:
    doc = yamlstrict.load(path, ROOT if path.is_relative_to(ROOT) else None)
    return doc.data or {}


def _data(path: Path) -> dict:
    """The glossary file, parsed once per version of it: a build reads it for
    the abbreviations, the other wordings and the English edition's glossary."""
    st = path.stat()
    return _parsed(path, (st.st_mtime_ns, st.st_size))


def expansion_entries(path: Path = GLOSSARY) -> list[dict]:
    """One entry per glossary term: match keys, Vietnamese and English phrases."""
    entries = []
    for item in _data(path).get("terms") or []:
        if not isinstance(item, dict) or not item.get("abbr") or not item.get("term"):
            continue  # the glossary page's own checks report malformed entries
        keys = []
        for form in [item["abbr"], *(item.get("variants") or [])]:
            key = key_of(str(form))
            if key and key not in [k["key"] for k in keys]:
                keys.append({"key": key, "caps_only": bool(_SYLLABLE.match(key))})
        phrases = [_words(part) for part in re.split(r"[,;]", str(item["term"]))]
        english = [_words(part) for part in re.split(r"[,;/]", str(item.get("en") or ""))]
        entries.append(
            {
                "abbr": str(item["abbr"]),
                "label": str(item["term"]),
                "keys": keys,
                "term": [p for p in phrases if p],
                "en": [p for p in english if p],
            }
        )
    return entries


def synonym_entries(path: Path = GLOSSARY) -> list[dict]:
    """``search_synonyms`` of the glossary file, folded for the query analysis:
    the site's wording (``term``) and the other wordings people type (``also``)."""
    out = []
    for item in _data(path).get("search_synonyms") or []:
        if not isinstance(item, dict) or not item.get("term") or not item.get("also"):
            continue  # the schema reports malformed entries
        term = [_words(part) for part in re.split(r"[,;]", str(item["term"]))]
        also = [_words(str(part)) for part in item["also"]]
        out.append(
            {"label": str(item["term"]), "term": [p for p in term if p], "also": [p for p in also if p]}
        )
    return out


__all__ = ["expansion_entries", "key_of", "synonym_entries", "terms"]
