"""The prebuilt index shipped to the browser: search/vi_index.json.

Building lunr's index in the browser took 19.8 s for a 2,000-page synthetic
site (Node, busy machine; scripts/search/README.md), and lunr.py's own
builder is far slower still, so the build does lunr's counting here and ships
it compactly; the worker derives lunr's weights from it in milliseconds:

* ``terms``: every index term, in lunr's term-index order (first appearance,
  document by document, title before text);
* ``postings``: per term, a flat list ``[ref delta, term frequency, …]`` where
  ``ref = document × 2 + field`` (0 title, 1 text);
* ``lengths``: terms per ``ref``; ``boosts``, ``k1``, ``b``: lunr's parameters;
* ``count`` and ``checksum`` of Material's documents, so the worker can tell
  the index belongs to the search_index.json it was given.

``weights`` turns that into exactly the weights lunr's Builder stores in its
field vectors (BM25, rounded to 3 decimals); search/engine.js does the same
sum in the same order. tests/test_search_prebuilt.py checks both against
lunr.py's Builder. Term frequencies compress far better than weights.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict

from scripts.search.normalize import (
    TERM_RUN,
    TERM_SEP,
    compound_terms,
    exact_form,
    fold_char,
    html_to_text,
    quantities,
    tokens,
)

_PART = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")
_DIGITS = frozenset("0123456789")
# A run of folded text that starts with "0" (a number that may lose zeros)
_ZERO_RUN = re.compile(r"(?<![a-z0-9])0")

FIELDS = ("title", "text")
K1, B = 1.2, 0.75
FORMAT = 2


class _FoldTable(dict):
    """str.translate table that folds each character on first sight."""

    def __missing__(self, code):
        self[code] = value = fold_char(chr(code))
        return value


FOLD_TABLE = _FoldTable()


def fast_terms(text: str) -> list[str]:
    """Same result as ``normalize.terms`` (checked by the tests), without offsets."""
    return _terms_and_words(text.translate(FOLD_TABLE))[0]


def _terms_and_words(folded: str) -> tuple[list[str], list[str]]:
    """All terms of folded text, and its words alone (what adjacency reads)."""
    if "/" not in folded and "-" not in folded and not _ZERO_RUN.search(folded):
        # No joined runs and no number to strip: the words are the runs, as found.
        words = _PART.findall(folded)
        return words + [term for term, _, _ in quantities(folded)], words
    out: list[str] = []
    words: list[str] = []
    for run in TERM_RUN.findall(folded):
        if "/" not in run and "-" not in run:
            if run[0] in _DIGITS and run.isdigit():
                run = run.lstrip("0") or "0"
            out.append(run)
            words.append(run)
            continue
        parts = TERM_SEP.split(run)
        normed = [(p.lstrip("0") or "0") if p.isdigit() else p for p in parts]
        out.extend(normed)
        words.extend(normed)
        out.extend(compound_terms(normed, TERM_SEP.findall(run)))
    out.extend(term for term, _, _ in quantities(folded))
    return out, words


def checksum(docs: list[dict]) -> int:
    """FNV-1a (32 bit) over the documents' locations; search/engine.js computes the same."""
    h = 0x811C9DC5
    for d in docs:
        for byte in (d["location"] + "\n").encode("utf-8"):
            h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def accented_words(text: str, folded: str, chunks: dict[str, list[str]] | None = None) -> list[str]:
    """Accented words of ``text`` as typed, lower-case NFC ("hải"), each once,
    in order of first appearance: the set ``normalize.exact_form`` gives for
    its accented word tokens. ``chunks`` remembers the accented words of each
    whitespace-separated chunk seen so far (one dict per build)."""
    if folded.isascii() and len(folded) == len(text):
        # Every character folded to one ASCII character, so the words of the
        # text are exactly the runs of letters and digits the folded text has.
        low = text.lower()
        if len(low) == len(text) and unicodedata.is_normalized("NFC", low):
            # Whitespace never belongs to a word, so the words of the text are
            # those of its distinct chunks; a chunk's are looked up once per build.
            chunks = {} if chunks is None else chunks
            out = {}
            for chunk in dict.fromkeys(low.split()):
                if not chunk.isascii():
                    found = chunks.get(chunk)
                    if found is None:
                        found = chunks[chunk] = [w for w in _WORD.findall(chunk) if not w.isascii()]
                    out.update(dict.fromkeys(found))
            return list(out)
    if len(folded) != len(text):  # a character folded to several: take the slow path
        words = (exact_form(text, t) for t in tokens(text) if t.is_word)
        return list(dict.fromkeys(w for w in words if not w.isascii()))
    out = {}
    for m in _PART.finditer(folded):
        word = text[m.start() : m.end()]
        if not word.isascii():
            out[unicodedata.normalize("NFC", word.lower())] = None
    return list(out)


def build(docs: list[dict], title_boost: float, features: bool = False) -> dict:
    """The compact index of Material's documents (see module docstring).

    With ``features`` it also records, per ref, the adjacent word pairs
    (``bigrams``: "thu tuc" → refs) and the accented words (``accented``:
    "hải" → refs) that re-ranking needs, so the browser can re-rank from
    postings alone (scripts/search/shards.py)."""
    term_index: dict[str, int] = {}
    postings: list[list[int]] = []
    last_ref: list[int] = []
    lengths: list[int] = []
    bigrams: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    accented: defaultdict[str, list[int]] = defaultdict(list)
    chunks: dict[str, list[str]] = {}
    for i, d in enumerate(docs):
        for f, field in enumerate(FIELDS):
            text = html_to_text(d.get(field, ""))
            folded = text.translate(FOLD_TABLE)
            terms, words = _terms_and_words(folded)
            ref = i * 2 + f
            lengths.append(len(terms))
            # Counter keeps first appearance order: new terms are numbered as lunr does
            for t, tf in Counter(terms).items():
                k = term_index.get(t)
                if k is None:
                    k = term_index[t] = len(postings)
                    postings.append([ref, tf])
                    last_ref.append(ref)
                    continue
                postings[k] += (ref - last_ref[k], tf)
                last_ref[k] = ref
            if features:
                # first appearance order (not a set's): the same files from every build
                for pair in dict.fromkeys(zip(words, words[1:])):
                    bigrams[pair].append(ref)
                for word in accented_words(text, folded, chunks):
                    accented[word].append(ref)
    doc_boosts = {str(i): d["boost"] for i, d in enumerate(docs) if d.get("boost")}
    out = {
        "format": FORMAT,
        "count": len(docs),
        "checksum": checksum(docs),
        "fields": list(FIELDS),
        "boosts": [title_boost, 1],
        "k1": K1,
        "b": B,
        "doc_boosts": doc_boosts,
        "lengths": lengths,
        "terms": list(term_index),
        "postings": postings,
    }
    if features:
        out["bigrams"] = {" ".join(pair): refs for pair, refs in bigrams.items()}
        out["accented"] = dict(accented)
    return out


def weights(index: dict) -> list[list[tuple[int, float]]]:
    """Per term, ``(ref, weight)`` exactly as lunr's Builder computes them
    (engine.js ``loadPrebuilt`` is the same arithmetic in the same order)."""
    n = index["count"]
    k1, b = index["k1"], index["b"]
    lengths = index["lengths"]
    avg = [sum(lengths[f::2]) / n if n else 0 for f in (0, 1)]
    out = []
    for postings in index["postings"]:
        df = len(postings) // 2
        idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
        ref, row = 0, []
        for j in range(0, len(postings), 2):
            ref += postings[j]
            tf = postings[j + 1]
            f = ref & 1
            norm = k1 * (1 - b + b * (lengths[ref] / avg[f]))
            score = (
                idf
                * ((k1 + 1) * tf)
                / (norm + tf)
                * index["boosts"][f]
                * index["doc_boosts"].get(str(ref >> 1), 1)
            )
            row.append((ref, round(score, 3)))
        out.append(row)
    return out
