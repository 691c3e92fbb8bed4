"""The prebuilt index (search/vi_index.json) is lunr's own index, computed faster:
its weights must equal those lunr.py's Builder puts in its field vectors."""
import json
import shutil
import subprocess

import pytest

from scripts.search.engine import RANKING, Engine
from scripts.search.normalize import html_to_text, terms
from scripts.search.prebuilt import build, checksum, fast_terms, weights
from scripts import ROOT


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


def test_browser_derives_the_same_weights(built_site, docs):
    node = shutil.which("node")
    assert node, "node is needed to run the browser's engine outside the browser"
    script = ("const fs = require('fs'); const {weights} = require('./overrides/assets/javascripts/search/engine.js');"
              "const pre = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));"
              "process.stdout.write(JSON.stringify(weights(pre).map(r => Array.from(r))))")
    out = subprocess.run([node, "-e", script, str(built_site / "search" / "vi_index.json")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    js = json.loads(out.stdout)
    _, expected = _lunr_weights(docs)
    shipped = json.loads((built_site / "search" / "vi_index.json").read_text(encoding="utf-8"))
    got = {}
    for k, (postings, row) in enumerate(zip(shipped["postings"], js)):
        ref = 0
        for j in range(0, len(postings), 2):
            ref += postings[j]
            got[(k, ref)] = row[j // 2]
    assert got == expected


def test_site_ships_an_index_that_matches_its_documents(built_site, docs):
    shipped = json.loads((built_site / "search" / "vi_index.json").read_text(encoding="utf-8"))
    assert shipped["count"] == len(docs)
    assert shipped["checksum"] == checksum(docs)
