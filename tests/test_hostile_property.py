"""Property (issue 14): random hostile strings (Markdown syntax, attr_list
braces, snippet markers, abbreviation definitions, HTML) written into every
shown text field of data/*.yaml and into front matter reach the built pages
as exactly that text, and never as markup.

Each example is one real build of a copy of the project in which every field
gets its own string, so a handful of examples covers all fields many times.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from helpers.examples import examples
from helpers.hostile import MARKUP_FRAGMENTS
from helpers.project import copy_project

DATA = ("units", "organization", "escalation", "glossary")
PAGE = "docs/tuyen-ngon-phuc-vu/gop-y-phan-hoi.md"
PROCEDURE = "docs/thu-tuc/huy-to-khai.md"
PLAIN_KEYS = {"title", "description"}  # plain text only (page.schema.json)
# Constrained values with a space in them, not prose.
# search_synonyms and a page's search keywords: search data only, shown on no
# page (scripts/search/glossary.py, keywords.py; tests/test_search_keywords.py).
NOT_TEXT = {"review_in", "short_name", "search_synonyms", "keywords"}
TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
HOSTILE = st.lists(
    st.one_of(st.sampled_from(MARKUP_FRAGMENTS), st.text(TEXT_CHARS, min_size=1, max_size=6)),
    min_size=1,
    max_size=3,
).map(" ".join)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def read_site(site: Path) -> tuple[str, list[tuple[str, dict]]]:
    """All visible text of the site (whitespace collapsed) and all elements."""
    texts, elements = [], []
    for page in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        texts.append(" ".join("".join(parser.parts).split()))
        elements += parser.elements
    return "\n".join(texts), elements


def text_fields(data, path=()):
    """Paths of shown prose in a data file: strings with a space, not addresses."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from text_fields(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_fields(value, path + (i,))
    elif (
        isinstance(data, str)
        and " " in data.strip()
        and not re.match(r"^(https?:|mailto:|tel:|\+)", data)
        and not NOT_TEXT & set(map(str, path))
    ):
        yield path


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def fields(built_site):
    """(file, path) of every data field whose value the built site shows as text."""
    from helpers.project import ROOT

    shown, _ = read_site(built_site)
    out = []
    for stem in DATA:
        data = yaml.safe_load((ROOT / "data" / f"{stem}.yaml").read_text(encoding="utf-8"))
        out += [(stem, path) for path in text_fields(data) if _nfc(str(_get(data, path))) in shown]
    assert len(out) > 30, out  # the walk found the prose
    return out


def _plain(value: str) -> str:
    return re.sub(r"[<>]", "", value) or "x"


# No shrinking: every example is a full build; the failure lists the values.
# Four examples in `make test`, one in `make test-fast` (helpers/examples.py).
@settings(
    max_examples=examples(4),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_hostile_text_in_every_field_is_shown_as_text(tmp_path_factory, fields, data):
    root = copy_project(tmp_path_factory.mktemp("prop") / "p")
    expected: list[str] = []
    for stem in DATA:
        path = root / "data" / f"{stem}.yaml"
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for file, field in fields:
            if file != stem:
                continue
            hostile = data.draw(HOSTILE)
            if field[-1] in PLAIN_KEYS:
                hostile = _plain(hostile)
            value = _nfc(f"{str(_get(doc, field))[:40]} {hostile}")
            _set(doc, field, value)
            expected.append(value)
        path.write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )
    for page, keys in (
        (PAGE, {"title": True, "description": True}),
        (PROCEDURE, {"title": True, "time_limit": False, "fee": False}),
    ):
        text = (root / page).read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        meta = yaml.safe_load(text[4:end])
        for key, plain in keys.items():
            hostile = data.draw(HOSTILE)
            hostile = _plain(hostile) if plain else hostile
            target = meta if key in meta else meta["procedure"]
            value = _nfc(f"{str(target[key])[:40]} {hostile}")
            target[key] = value
            if key != "description":  # the description is in a meta tag, not in the text
                expected.append(value)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        (root / page).write_text(f"---\n{front}{text[end + 1 :]}", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shown, elements = read_site(root / "site")
    missing = [value for value in expected if value not in shown]
    assert not missing, missing
    for tag, attrs in elements:
        assert tag not in ("iframe", "object", "embed", "base"), (tag, attrs)  # Material has a <form>
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not (attrs.get("href") or "").startswith("javascript:alert"), attrs
        assert not (tag == "img" and attrs.get("src") == "x"), attrs
        assert not (tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh"), attrs
    assert not re.search(
        r"<script>alert", "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
    )
    assert html.unescape("&#60;") == "<"  # the decoding the checks above rely on
