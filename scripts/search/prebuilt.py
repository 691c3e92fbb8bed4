"""The prebuilt index shipped to the browser: search/vi_index.json.

Building lunr's index in the browser took 19.8 s for a 2,000-page synthetic
site (Node, busy machine; scripts/search/README.md), and lunr.py's own
builder is far slower still, so the build computes lunr's term weights here
with plain counting and ships them compactly:

* ``terms``: every index term, in lunr's term-index order (first appearance,
  document by document, title before text);
* ``postings``: per term, a flat list ``[ref delta, weight×1000, …]`` where
  ``ref = document × 2 + field`` (0 title, 1 text) and the weight is exactly
  the one lunr's Builder stores in its field vectors (BM25, k1 1.2, b 0.75,
  field and document boosts, rounded to 3 decimals);
* ``count`` and ``checksum`` of Material's documents, so the worker can tell
  the index belongs to the search_index.json it was given.

tests/test_search_prebuilt.py checks the weights against lunr.py's Builder.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from scripts.search.normalize import _RUN, _SEP, _fold_char, html_to_text

FIELDS = ("title", "text")
K1, B = 1.2, 0.75
FORMAT = 1


class _FoldTable(dict):
    """str.translate table that folds each character on first sight."""

    def __missing__(self, code):
        self[code] = value = _fold_char(chr(code))
        return value


_TABLE = _FoldTable()


def fast_terms(text: str) -> list[str]:
    """Same result as ``normalize.terms`` (checked by the tests), without offsets."""
    out: list[str] = []
    for run in _RUN.findall(text.translate(_TABLE)):
        parts = _SEP.split(run)
        normed = [(p.lstrip("0") or "0") if p.isdigit() else p for p in parts]
        out.extend(normed)
        if len(parts) == 1:
            continue
        seps = _SEP.findall(run)
        joined = normed[0] + "".join(s + p for s, p in zip(seps, normed[1:]))
        extras = [joined]
        slash = joined.split("/")
        if len(slash) >= 3:
            extras.append("/".join(slash[:2]))
        if len(slash) >= 2:
            extras.extend(seg for seg in slash if "-" in seg)
        out.extend(dict.fromkeys(extras))
    return out


def checksum(docs: list[dict]) -> int:
    """FNV-1a (32 bit) over the documents' locations; search/engine.js computes the same."""
    h = 0x811C9DC5
    for d in docs:
        for byte in (d["location"] + "\n").encode("utf-8"):
            h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def build(docs: list[dict], title_boost: float) -> dict:
    """The compact index of Material's documents (see module docstring)."""
    boosts = {"title": title_boost, "text": 1}
    term_index: dict[str, int] = {}
    freqs: list[tuple[int, int, Counter, int]] = []  # (doc, field, term counts, length)
    docs_with: Counter = Counter()
    total_length = {f: 0 for f in FIELDS}
    for i, d in enumerate(docs):
        for f, field in enumerate(FIELDS):
            terms = fast_terms(html_to_text(d.get(field, "")))
            for t in terms:
                if t not in term_index:
                    term_index[t] = len(term_index)
            counts = Counter(terms)
            docs_with.update(counts.keys())
            freqs.append((i, f, counts, len(terms)))
            total_length[field] += len(terms)
    n = len(docs)
    avg = {f: (total_length[f] / n if n else 0) for f in FIELDS}
    idf = {t: math.log(1 + abs((n - c + 0.5) / (c + 0.5))) for t, c in docs_with.items()}
    postings: list[list[int]] = [[] for _ in term_index]
    last_ref = [0] * len(term_index)
    for i, f, counts, length in freqs:
        field = FIELDS[f]
        doc_boost = docs[i].get("boost") or 1
        norm = K1 * (1 - B + B * (length / avg[field])) if avg[field] else K1
        ref = i * 2 + f
        for t, tf in counts.items():
            score = idf[t] * ((K1 + 1) * tf) / (norm + tf) * boosts[field] * doc_boost
            k = term_index[t]
            postings[k].append(ref - last_ref[k])
            postings[k].append(round(round(score, 3) * 1000))
            last_ref[k] = ref
    return {"format": FORMAT, "count": n, "checksum": checksum(docs),
            "fields": list(FIELDS), "terms": list(term_index), "postings": postings}
