"""All Vietnamese content is NFC: search, slugs and string comparisons treat a
decomposed "ế" (e + two combining marks) as a different word."""

import json
import unicodedata

import pytest

from helpers.project import ROOT

SOURCES = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "data").rglob("*.yaml"), ROOT / "mkdocs.yml"])


def first_non_nfc_line(text: str):
    for number, line in enumerate(text.splitlines(), 1):
        if not unicodedata.is_normalized("NFC", line):
            return number, line
    return None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_source_is_nfc(path):
    bad = first_non_nfc_line(path.read_text(encoding="utf-8"))
    assert bad is None, f"{path.relative_to(ROOT)}:{bad[0]}: not NFC (retype or normalise): {bad[1]!r}"


def test_every_built_page_and_search_index_is_nfc(built_site):
    """Generated pages included (their text comes from data/ and scripts/), and
    the whole page: titles, descriptions and nav too."""
    pages = sorted([*built_site.rglob("*.html"), *built_site.rglob("search_index.json")])
    assert len(pages) > 10
    bad = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page.suffix == ".json":  # \uXXXX-escaped: check the decoded strings
            text = "\n".join(
                f"{d.get('title', '')}\n{d.get('text', '')}" for d in json.loads(text).get("docs", [])
            )
        found = first_non_nfc_line(text)
        if found:
            bad.append(f"{page.relative_to(built_site)} line {found[0]}: {found[1].strip()[:80]!r}")
    assert bad == [], "\n".join(bad)


def test_the_check_catches_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Tuyên ngôn phục vụ")
    assert first_non_nfc_line("dòng đầu\n" + decomposed) == (2, decomposed)
