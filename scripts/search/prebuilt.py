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
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import chain, islice

from scripts.search import keywords
from scripts.search.boosts import boost_of
from scripts.search.normalize import (
    ARTICLES,
    TERM_RUN,
    TERM_SEP,
    UNITS,
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

FIELDS = ("title", "text")
K1, B = 1.2, 0.75
FORMAT = 2


class _FoldTable(dict):
    """str.translate table that folds each character on first sight."""

    def __missing__(self, code):
        self[code] = value = fold_char(chr(code))
        return value


FOLD_TABLE = _FoldTable()


class _Chunks(dict):
    """What each chunk of text between two spaces (a syllable, mostly) gives
    the index, computed on first sight (one table per build): its folded form,
    its terms and words (quantities aside: "02 giờ" spans two chunks) and,
    for texts that take ``accented_words``' fast path, its accented words.

    A run of letters and digits never contains a space, which folds to itself,
    so the terms of a text are its chunks' terms in order, then its quantities;
    its words are its chunks' words. A 2,000-page site has 1.6 million chunks
    and 5,400 distinct ones."""

    def __missing__(self, chunk: str) -> tuple[str, list[str], list[str], list[str]]:
        folded = chunk.translate(FOLD_TABLE)
        terms, words = _run_terms(folded)
        accented = [w for w in _WORD.findall(chunk.lower()) if not w.isascii()]
        self[chunk] = value = (folded, terms, words, accented)
        return value


_FOLDED, _TERMS, _WORDS, _ACCENTED = (operator.itemgetter(k) for k in range(4))
# Every quantity ("02 gio", "dieu 37") has a digit and one of these in it; most
# texts have none, and three simple searches are faster than ``quantities``'.
_DIGIT = re.compile(r"[0-9]")
_NUMBER_UNIT = re.compile(r"[0-9][ \t\n]*(?:" + "|".join(UNITS) + ")")
_ARTICLE_NUMBER = re.compile("(?:" + "|".join(ARTICLES) + r")[ \t\n]*[0-9]")


def _analyse(text: str, chunks: _Chunks) -> tuple[list[tuple], str, list[str], list[str]]:
    """What ``chunks`` holds for each chunk of ``text``, its folded form, all
    its terms and its words."""
    parts = list(map(chunks.__getitem__, text.split(" ")))
    folded = " ".join(map(_FOLDED, parts))
    terms = list(chain.from_iterable(map(_TERMS, parts)))
    # A chunk's terms are its words but for runs joined by "/" or "-"
    # (``_run_terms``): without one, the text's words are its terms so far.
    if "-" in folded or "/" in folded:
        words = list(chain.from_iterable(map(_WORDS, parts)))
    else:
        words = terms
    if _DIGIT.search(folded) and (_NUMBER_UNIT.search(folded) or _ARTICLE_NUMBER.search(folded)):
        if words is terms:
            words = terms[:]
        terms.extend(term for term, _, _ in quantities(folded))
    return parts, folded, terms, words


def fast_terms(text: str) -> list[str]:
    """Same result as ``normalize.terms`` (checked by the tests), without offsets."""
    return _analyse(text, _Chunks())[2]


def _run_terms(folded: str) -> tuple[list[str], list[str]]:
    """The terms of folded text but its quantities, and its words alone (what adjacency reads)."""
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
    return out, words


def checksum(docs: list[dict]) -> int:
    """FNV-1a (32 bit) over the documents' locations; search/engine.js computes the same."""
    h = 0x811C9DC5
    for d in docs:
        for byte in (d["location"] + "\n").encode("utf-8"):
            h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def accented_words(text: str, folded: str, parts: list[tuple] | None = None) -> list[str]:
    """Accented words of ``text`` as typed, lower-case NFC ("hải"), each once,
    in order of first appearance: the set ``normalize.exact_form`` gives for
    its accented word tokens. ``parts``: what the build's table of chunks
    holds for each chunk of the text, in order (``_analyse``)."""
    if folded.isascii() and len(folded) == len(text):
        # Every character folded to one ASCII character, so the words of the
        # text are exactly the runs of letters and digits the folded text has.
        low = text.lower()
        if len(low) == len(text) and unicodedata.is_normalized("NFC", low):
            # Whitespace never belongs to a word, and lower-casing a chunk
            # does not depend on the next one, so the words of the text are
            # those of its chunks, found once per build: chained over every
            # chunk, most of which have none, rather than looked up again
            # for each distinct one.
            if parts is None:
                parts = list(map(_Chunks().__getitem__, text.split(" ")))
            return list(dict.fromkeys(chain.from_iterable(map(_ACCENTED, parts))))
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
    chunks = _Chunks()
    for i, d in enumerate(docs):
        for f, field in enumerate(FIELDS):
            text = html_to_text(d.get(field, ""))
            parts, folded, terms, words = _analyse(text, chunks)
            ref = i * 2 + f
            lengths.append(len(terms))
            extra = html_to_text(d[keywords.FIELD]) if f == 0 and d.get(keywords.FIELD) else ""
            if extra:
                # The editors' keywords are title words that do not lengthen
                # the title (scripts/search/keywords.py).
                k_parts, k_folded, k_terms, k_words = _analyse(extra, chunks)
                terms = terms + k_terms
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
                pairs = dict.fromkeys(zip(words, islice(words, 1, None)))
                found = accented_words(text, folded, parts)
                if extra:  # the keywords' own pairs: none across the title's end
                    pairs.update(dict.fromkeys(zip(k_words, islice(k_words, 1, None))))
                    found = list(dict.fromkeys(found + accented_words(extra, k_folded, k_parts)))
                for pair in pairs:
                    bigrams[pair].append(ref)
                for word in found:
                    accented[word].append(ref)
    doc_boosts = {str(i): b for i, d in enumerate(docs) if (b := boost_of(d)) != 1}
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
