"""The search normalisation spec (tests/search_vectors.json), run against the
Python implementation here and against the JavaScript port with `node --test`."""

import json
import shutil
import subprocess

import pytest

from scripts import ROOT
from scripts.search.normalize import html_to_text, terms
from scripts.search.query import INTENTS, NOT_QUESTION_PHRASES, QUESTION_PHRASES, analyze

SPEC = json.loads((ROOT / "tests" / "search_vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SPEC["tokens"], ids=lambda c: c["input"][:40])
def test_python_tokens(case):
    text = html_to_text(case["input"]) if case.get("html") else case["input"]
    assert terms(text) == case["tokens"]


@pytest.mark.parametrize("case", SPEC["queries"], ids=lambda c: c["input"])
def test_python_query_plan(case):
    plan = analyze(case["input"], SPEC["glossary"], SPEC["synonyms"], SPEC["intents"])
    assert plan.as_dict() == case["plan"]


def test_spec_question_phrases_are_the_code_s():
    assert SPEC["questions"] == QUESTION_PHRASES
    assert SPEC["not_questions"] == NOT_QUESTION_PHRASES
    assert SPEC["intents"] == INTENTS


def test_javascript_port_passes_the_same_vectors():
    node = shutil.which("node")
    assert node, "node (Node.js 20) is needed for the JavaScript half of the search spec"
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js" / "search_vectors.test.js")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    expected = len(SPEC["tokens"]) + len(SPEC["queries"])
    assert f"# pass {expected}" in result.stdout, result.stdout[-1500:]
