"""The index the browser loads, split so that a query pays only for its words.

Written at build time under ``site/search/`` (tests/test_search_shards.py):

* ``vi_meta.json`` (fetched when the search box gets focus, revalidated on
  each visit): lunr's parameters, every term in lunr's term-index order, the
  terms per ref (``lengths``), the pages (``[path, documents]``: Material lists a
  page's sections right after it, so a page's first document is the sum of the
  counts before it), the documents' boosts as runs (``boost_runs``: ``[first
  document, documents, boost]`` for each run of consecutive documents with the
  same boost; a page's boost is its sections' too, so a page of boosted
  sections is one run, not one entry per document as prebuilt.py's
  ``doc_boosts``), the number of buckets and the ``version`` directory of
  everything below;
* ``vi/<version>/s<k>.json``: for the terms of bucket ``k``, their postings
  (as in prebuilt.py) and each folded word's usual accented form (``forms``: "thue" → "thuế", when
  that form is in at least half the refs of the word), with which the result
  panel says how an accentless query was read;
* ``vi/<version>/b<k>.json``: word pairs ("thu tuc" → refs), so re-ranking
  knows adjacency without the texts; file ``pair_bucket_of(first, second)``,
  fetched only for the pairs a query has;
* ``vi/<version>/a<k>.json``: accented words ("hải" → refs), file FNV-1a of
  the word modulo ``side``: loaded only for words typed with accents;
* ``vi/<version>/p<n>.json``: Material's documents of page ``n``, loaded only
  for the pages a result list shows.

A term's bucket is FNV-1a of its first three characters modulo the number of
buckets, so a word still being typed ("thue" of "thu…") finds its completions
in one file. ``version`` hashes Material's index: the files under it never
change and may be cached for good (the ``_headers`` rule below).
search/engine.js reads this format (``bucketOf`` is the same function).
"""

from __future__ import annotations

import hashlib
import json
import operator
from pathlib import Path

from scripts.search import prebuilt

FORMAT = 5
META_NAME = "vi_meta.json"
DIR_NAME = "vi"
DOCS_PER_BUCKET = 64
MAX_BUCKETS = 512
SIDE_FILES = 2  # files of word pairs and of accented words per bucket
HEADERS_RULE = "/search/vi/*\n  Cache-Control: public, max-age=31536000, immutable\n"


def fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


_PREFIX_HASH: dict[str, int] = {}


def _prefix_hash(term: str) -> int:
    key = term[:3]
    h = _PREFIX_HASH.get(key)
    if h is None:
        h = _PREFIX_HASH[key] = fnv1a(key)
    return h


def bucket_of(term: str, buckets: int) -> int:
    return _prefix_hash(term) % buckets


def pair_bucket_of(first: str, second: str, buckets: int) -> int:
    """Word pairs: by both words' first three letters, so the completions of a
    word being typed ("thông qu…") share a file with each word before them."""
    return ((_prefix_hash(first) * 31 + _prefix_hash(second)) & 0xFFFFFFFF) % buckets


def _deltas(refs: list[int]) -> list[int]:
    return list(map(operator.sub, refs, [0, *refs]))


def boost_runs(doc_boosts: dict[str, float]) -> list[list]:
    """prebuilt.py's ``doc_boosts`` ({"document": boost}) as ``[first, count, boost]``
    runs of consecutive documents with the same boost (search/engine.js expands them)."""
    runs: list[list] = []
    for doc, boost in sorted((int(k), v) for k, v in doc_boosts.items()):
        last = runs[-1] if runs else None
        if last and last[0] + last[1] == doc and last[2] == boost:
            last[1] += 1
        else:
            runs.append([doc, 1, boost])
    return runs


def pages_of(docs: list[dict]) -> list[list]:
    """``[path, first, count]`` per page; Material lists a page's sections right after it."""
    pages: list[list] = []
    for i, d in enumerate(docs):
        path = d["location"].split("#")[0]
        if pages and pages[-1][0] == path and pages[-1][1] + pages[-1][2] == i:
            pages[-1][2] += 1
        else:
            pages.append([path, i, 1])
    return pages


# json.dumps(value, ensure_ascii=False, separators=(",", ":")), without a new encoder per
# file; site.py writes search_index.json with it too
to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_STRING = json.encoder.encode_basestring  # a str as that encoder writes it


class _Numbers(dict):
    """The decimal form of each int, made on first sight (ints only: True
    would be written "1")."""

    def __missing__(self, n: int) -> str:
        self[n] = text = str(n)
        return text


_NUMBER = _Numbers().__getitem__


def int_lists(value: dict[str, list[int]]) -> str:
    """``to_json(value)`` for a dict of lists of ints (postings, refs), in
    half the time: json's encoder makes a new string for every number,
    these files repeat the same few thousand numbers."""
    return "{" + ",".join([f"{_STRING(k)}:[{','.join(map(_NUMBER, v))}]" for k, v in value.items()]) + "}"


def _write(path: Path | str, data: str) -> int:
    with open(path, "wb") as f:  # 2,800 files at 2,000 pages: no text layer
        f.write(data.encode("utf-8"))
    return len(data)


def _dump(path: Path | str, value) -> int:
    return _write(path, to_json(value))


def write(
    search_dir: Path,
    docs: list[dict],
    title_boost: float,
    source: bytes,
    name: str = DIR_NAME,
    shown: list[dict] | None = None,
    encoded: list[str] | None = None,
) -> dict:
    """Write the meta file, buckets and page files; returns the meta.

    ``name`` prefixes the files (``en_meta.json``, ``en/``: the English
    edition's index, scripts/search/english.py); ``shown`` are the documents
    the result list shows when ``docs`` are what is indexed of them;
    ``encoded``: the JSON of each of those, if already made."""
    index = prebuilt.build(docs, title_boost, features=True)
    n_buckets = max(1, min(MAX_BUCKETS, -(-len(docs) // DOCS_PER_BUCKET)))
    version = hashlib.sha1(source).hexdigest()[:12]
    out = Path(search_dir) / name / version
    out.mkdir(parents=True, exist_ok=True)
    n_side = n_buckets * SIDE_FILES
    buckets = [{"postings": {}} for _ in range(n_buckets)]
    pairs: list[dict] = [{} for _ in range(n_side)]
    accented: list[dict] = [{} for _ in range(n_side)]
    for term, postings in zip(index["terms"], index["postings"]):
        buckets[bucket_of(term, n_buckets)]["postings"][term] = postings
    for pair, refs in index["bigrams"].items():
        first, second = pair.split(" ", 1)
        pairs[pair_bucket_of(first, second, n_side)][pair] = _deltas(refs)
    forms: dict[str, tuple[int, str]] = {}
    for word, refs in index["accented"].items():
        folded = word.translate(prebuilt.FOLD_TABLE)
        accented[fnv1a(word) % n_side][word] = _deltas(refs)
        if (len(refs), word) > forms.get(folded, (0, "")):
            forms[folded] = (len(refs), word)
    refs_of = {t: len(p) // 2 for t, p in zip(index["terms"], index["postings"])}
    for folded, (count, word) in forms.items():
        # only where the accented form is the usual one ("thue" → "thuế", not "tra" → "trả")
        if count * 2 >= refs_of.get(folded, 0):
            buckets[bucket_of(folded, n_buckets)].setdefault("forms", {})[folded] = word
    folder = str(out)
    for k, bucket in enumerate(buckets):
        fields = (f'"{key}":{int_lists(v) if key == "postings" else to_json(v)}' for key, v in bucket.items())
        _write(f"{folder}/s{k}.json", "{" + ",".join(fields) + "}")
    for k in range(n_side):
        _write(f"{folder}/b{k}.json", int_lists(pairs[k]))
        _write(f"{folder}/a{k}.json", int_lists(accented[k]))
    pages = pages_of(docs)
    if encoded is None:
        encoded = list(map(to_json, shown or docs))
    for n, (_, first, count) in enumerate(pages):
        # a list's JSON is its items' JSON, comma-separated, in brackets
        _write(f"{folder}/p{n}.json", "[" + ",".join(encoded[first : first + count]) + "]")
    # the first document of each page follows from the counts before it
    pages = [[path, count] for path, _, count in pages]
    meta = {key: index[key] for key in ("count", "checksum", "boosts", "k1", "b")}
    meta["boost_runs"] = boost_runs(index["doc_boosts"])
    meta.update({key: index[key] for key in ("lengths", "terms")})
    meta.update({"format": FORMAT, "version": version, "buckets": n_buckets, "side": n_side, "pages": pages})
    _dump(Path(search_dir) / f"{name}_meta.json", meta)
    return meta


def add_cache_rule(site_dir: Path) -> None:
    """Let static hosts keep the versioned files for good (Netlify-style ``_headers``)."""
    headers = Path(site_dir) / "_headers"
    if headers.exists():
        text = headers.read_text(encoding="utf-8")
        if HEADERS_RULE not in text:
            headers.write_text(text.rstrip("\n") + "\n" + HEADERS_RULE, encoding="utf-8")
