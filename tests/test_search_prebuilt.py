"""The prebuilt index (search/vi_index.json) is lunr's own index, computed faster:
its weights must equal those lunr.py's Builder puts in its field vectors."""

import json
import shutil
import subprocess

import pytest

from scripts import ROOT
from scripts.search import keywords, shards
from scripts.search.engine import RANKING, Engine
from scripts.search.normalize import html_to_text, terms
from scripts.search.prebuilt import build, checksum, fast_terms, weights

VECTORS = json.loads((ROOT / "tests" / "search_vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["tokens"], ids=lambda c: c["input"][:40])
def test_fast_terms_follow_the_spec(case):
    text = html_to_text(case["input"]) if case.get("html") else case["input"]
    assert fast_terms(text) == case["tokens"]


@pytest.fixture(scope="module")
def docs(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_fast_terms_equal_terms_on_every_page(docs):
    for d in docs:
        for field in ("title", "text"):
            text = html_to_text(d.get(field, ""))
            assert fast_terms(text) == terms(text), d["location"]


def _lunr_weights(docs):
    """{(term index, ref): weight} from lunr.py's Builder over the same documents."""
    index = Engine(docs, [], RANKING).index
    out = {}
    for field_ref, vector in index.field_vectors.items():
        field, ref = field_ref.split("/", 1)  # lunr writes "field/ref"
        slot = int(ref) * 2 + ("title", "text").index(field)
        for i in range(0, len(vector.elements), 2):
            out[(vector.elements[i], slot)] = vector.elements[i + 1]
    return index, out


def test_weights_equal_lunr_py_builder(docs):
    index, expected = _lunr_weights(docs)
    pre = build(docs, RANKING["title_boost"])
    assert pre["terms"] == sorted(index.inverted_index, key=lambda t: index.inverted_index[t]["_index"])
    got = {(k, ref): w for k, row in enumerate(weights(pre)) for ref, w in row}
    assert got == expected


def test_browser_derives_the_same_weights(tmp_path, docs):
    node = shutil.which("node")
    assert node, "node is needed to run the browser's engine outside the browser"
    index, expected = _lunr_weights(docs)
    shipped = build(docs, RANKING["title_boost"])
    (tmp_path / "index.json").write_text(json.dumps(shipped), encoding="utf-8")
    script = (
        "const fs = require('fs'); const {weights} = require('./overrides/assets/javascripts/search/engine.js');"
        "const pre = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));"
        "process.stdout.write(JSON.stringify(weights(pre).map(r => Array.from(r))))"
    )
    out = subprocess.run(
        [node, "-e", script, str(tmp_path / "index.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    js = json.loads(out.stdout)
    got = {}
    for k, (postings, row) in enumerate(zip(shipped["postings"], js)):
        ref = 0
        for j in range(0, len(postings), 2):
            ref += postings[j]
            got[(k, ref)] = row[j // 2]
    assert got == expected


def test_site_ships_split_index_of_its_documents(built_site, docs):
    search = built_site / "search"
    meta = json.loads((search / shards.META_NAME).read_text(encoding="utf-8"))
    assert meta["count"] == len(docs) and meta["checksum"] == checksum(docs)
    full = build(docs, RANKING["title_boost"], features=True)
    assert meta["terms"] == full["terms"] and meta["lengths"] == full["lengths"]
    # the documents' boosts, as runs of consecutive documents (engine.js expands them)
    boosts = {str(first + i): boost for first, count, boost in meta["boost_runs"] for i in range(count)}
    assert boosts == full["doc_boosts"] and len(meta["boost_runs"]) < len(boosts)
    folder = search / shards.DIR_NAME / meta["version"]
    buckets = [
        json.loads((folder / f"s{k}.json").read_text(encoding="utf-8")) for k in range(meta["buckets"])
    ]
    for term, postings in zip(full["terms"], full["postings"]):
        assert buckets[shards.bucket_of(term, meta["buckets"])]["postings"][term] == postings
    # every document belongs to exactly one page file, in order
    assert sum(count for _, count in meta["pages"]) == len(docs)
    first = 0
    for n, (path, count) in enumerate(meta["pages"]):
        page_docs = json.loads((folder / f"p{n}.json").read_text(encoding="utf-8"))
        assert page_docs == docs[first : first + count]
        assert all(d["location"].split("#")[0] == path for d in page_docs)
        first += count


def test_lists_of_numbers_are_written_as_json_writes_them():
    value = {"thu": [0, 7, 1, 19119, 0], 'a "b"\\c': [], "hải\n\u2028": [3], "": [12, 12]}
    assert shards.int_lists(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert shards.int_lists({}) == "{}"


def test_index_files_are_byte_for_byte_what_json_writes(built_site):
    """search_index.json and the page files are assembled from each document's
    JSON: the bytes json.dumps gives for the whole."""
    search = built_site / "search"
    material = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert (search / "search_index.json").read_text(encoding="utf-8") == json.dumps(
        material, ensure_ascii=False, separators=(",", ":")
    )
    meta = json.loads((search / shards.META_NAME).read_text(encoding="utf-8"))
    folder = search / shards.DIR_NAME / meta["version"]
    names = (
        [f"p{n}.json" for n in range(len(meta["pages"]))]
        + [f"s{k}.json" for k in range(meta["buckets"])]
        + [f"{kind}{k}.json" for kind in "ab" for k in range(meta["side"])]
    )
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")), name


def test_versioned_files_are_cacheable_for_good(built_site):
    assert shards.HEADERS_RULE in (built_site / "_headers").read_text(encoding="utf-8")


def test_accented_words_equal_the_engines_exact_forms(docs):
    from scripts.search.engine import words_and_terms

    full = build(docs, RANKING["title_boost"], features=True)
    for i, d in enumerate(docs):
        for f, field in enumerate(("title", "text")):
            # a title's words and its page's keywords (scripts/search/keywords.py)
            fields = [d.get(field, "")] + ([d.get(keywords.FIELD, "")] if f == 0 else [])
            exact = {w for w in words_and_terms(*fields)[2] if not w.isascii()}
            got = {w for w, refs in full["accented"].items() if i * 2 + f in refs}
            assert got == exact, d["location"]


def test_browser_puts_terms_pairs_and_words_in_the_same_files():
    node = shutil.which("node")
    assert node, "node is needed to run the browser's engine outside the browser"
    terms = ["thu", "thue", "hải", "38/2015", "2-gio", "c/o", "nghiệp", "a"]
    pairs = [["thu", "tuc"], ["thong", "quan"], ["hai", "quan"], ["2", "gio"]]
    script = (
        "const {bucketOf, pairBucketOf, fnv1a} = require('./overrides/assets/javascripts/search/engine.js');"
        f"const terms = {json.dumps(terms)}, pairs = {json.dumps(pairs)};"
        "process.stdout.write(JSON.stringify([terms.map(t => bucketOf(t, 97)),"
        " pairs.map(([a, b]) => pairBucketOf(a, b, 389)), terms.map(t => fnv1a(t) % 389)]))"
    )
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == [
        [shards.bucket_of(t, 97) for t in terms],
        [shards.pair_bucket_of(a, b, 389) for a, b in pairs],
        [shards.fnv1a(t) % 389 for t in terms],
    ]


def test_cell_and_line_break_boundaries_survive_indexing():
    from scripts.search.boundaries import spaced

    assert spaced("doanh nghiệp<br>02 giờ") == "doanh nghiệp<br> 02 giờ"
    assert spaced("<td>a</td><td>b</td>") == "<td>a</td> <td>b</td>"
    assert spaced("<br/>\n x") == "<br/>\n x"


def test_pairs_and_accented_words_listed_in_order_of_first_appearance(docs):
    """Word pairs and accented words in the order the spec's tokens first give
    them, ref by ref: the files are the same whatever Python's hash seed."""
    from scripts.search.normalize import exact_form, tokens

    full = build(docs, RANKING["title_boost"], features=True)
    pairs: dict[str, None] = {}
    accented: dict[str, None] = {}
    for d in docs:
        # the title, then the page's keywords (ranked as title words), then the text
        for field in ("title", keywords.FIELD, "text"):
            text = html_to_text(d.get(field, ""))
            found = [t for t in tokens(text) if t.is_word]
            words = [t.term for t in found]
            pairs.update(dict.fromkeys(f"{a} {b}" for a, b in zip(words, words[1:])))
            accented.update(dict.fromkeys(w for w in (exact_form(text, t) for t in found) if not w.isascii()))
    assert list(full["bigrams"]) == list(pairs)
    assert list(full["accented"]) == list(accented)
