"""Editors' search keywords (scripts/search/keywords.py): validated, put on the
lead section of Vietnamese pages only, ranked as title words that do not
lengthen the title by both engines, and never shown."""

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from scripts import ROOT
from scripts.pages import frontmatter
from scripts.search import keywords
from scripts.search.engine import RANKING, Engine
from scripts.search.prebuilt import build, weights
from scripts.search.site import load_engine


def _docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_keywords_sit_on_the_lead_section_of_vietnamese_pages_only(built_site):
    with_keywords = {d["location"]: d[keywords.FIELD] for d in _docs(built_site) if keywords.FIELD in d}
    assert with_keywords, "no page's keywords reached the index"
    for location in with_keywords:
        assert "#" not in location and not location.startswith("en/"), location
    # from a generated page's YAML (data/escalation.yaml) and a hand-written page's front matter
    misconduct = yaml.safe_load((ROOT / "data" / "escalation.yaml").read_text(encoding="utf-8"))["misconduct"]
    assert with_keywords["phan-anh/to-cao-vi-pham/"] == "; ".join(misconduct["page"]["search"]["keywords"])
    meta = yaml.safe_load(
        frontmatter.split((ROOT / "docs/soan-van-ban/to-cao.md").read_text(encoding="utf-8"))[0]
    )
    assert with_keywords["soan-van-ban/to-cao/"] == "; ".join(meta["search"]["keywords"])
    # the English edition (its own index) carries none
    english = json.loads((built_site / "search" / "en_meta.json").read_text(encoding="utf-8"))
    assert english["pages"] and all(not path.startswith(tuple(with_keywords)) for path, _ in english["pages"])


def test_attach_marks_only_the_pages_own_entry():
    entries = [
        {"location": "a/", "title": "A", "text": ""},
        {"location": "b/", "title": "B", "text": ""},
        {"location": "b/#muc", "title": "Mục", "text": ""},
    ]
    keywords.attach(entries, "b/", ["báo ai", "gửi đâu"])
    keywords.attach(entries, "a/", [])
    assert [e.get(keywords.FIELD) for e in entries] == [None, "báo ai; gửi đâu", None]


DOCS = [
    {"location": "lien-he/", "title": "Liên hệ", "text": "Số điện thoại của chi cục."},
    {"location": "lien-he/#muc", "title": "Cục Hải quan", "text": "Địa chỉ."},
    {"location": "khac/", "title": "Liên hệ khác", "text": "Trang khác."},
]


def test_keywords_find_their_page_as_title_words_without_lengthening_the_title():
    plain = build(DOCS, RANKING["title_boost"])
    marked = [{**DOCS[0], keywords.FIELD: "tổng đài; đường dây nóng"}, *DOCS[1:]]
    index = build(marked, RANKING["title_boost"], features=True)
    # same length, so the title's own words keep their weight
    assert index["lengths"] == plain["lengths"]

    def weight(idx, term, ref):
        return dict(weights(idx)[idx["terms"].index(term)])[ref]

    assert weight(index, "lien", 0) == weight(plain, "lien", 0)
    assert weight(index, "tong", 0) > 0  # a keyword counts in the lead section's title (ref 0)
    assert "tổng" in index["accented"] and "đài" in index["accented"] and "tong dai" in index["bigrams"]
    # the terminal's engine (lunr.py) gives the same weights and finds the page by a keyword only
    engine = Engine(marked, [], RANKING)
    vector = engine.index.field_vectors["title/0"]
    got = dict(zip(vector.elements[::2], vector.elements[1::2]))
    assert got[index["terms"].index("tong")] == weight(index, "tong", 0)
    assert [p.page for p in engine.search("tong dai")] == ["lien-he/"]
    assert Engine(DOCS, [], RANKING).search("tong dai") == []


def test_a_page_is_found_by_a_keyword_its_text_never_uses(built_site):
    text = " ".join(d["title"] + " " + d["text"] for d in _docs(built_site)).lower()
    assert "biên lai" not in text
    pages = [p.page for p in load_engine(built_site).search("bien lai")]
    assert pages[0] == "tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep/"


@pytest.mark.browser
def test_the_box_finds_a_page_by_a_keyword_and_never_shows_it(desktop_page, site_url):
    from helpers.search_box import BOX, settle

    desktop_page.goto(site_url, wait_until="load")
    box = desktop_page.locator(BOX)
    if not box.is_visible():  # a narrow window keeps the box behind its button
        desktop_page.locator("label[for=__search]").first.click()
    box.click()
    box.type("bien lai")
    hrefs = settle(desktop_page)
    assert hrefs and urlsplit(hrefs[0]).path.endswith("/tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep/")
    shown = desktop_page.inner_text(".md-search-result").lower()
    assert "quyền của doanh nghiệp" in shown
    assert "biên lai" not in shown and "bien lai" not in shown


@pytest.mark.parametrize(
    "search, line, field, words",
    [
        ("search:\n  keywords: báo ai\n", 6, "search.keywords", "danh sách"),
        ("search:\n  keywords:\n    - <b>báo ai</b>\n", 7, "search.keywords[0]", "văn bản thuần"),
        # the list's first item: where the duplicate starts
        ("search:\n  keywords:\n    - báo ai\n    - báo ai\n", 7, "search.keywords", "khác nhau"),
        ("search:\n  boots: 2\n", 6, "search.boots", "boost, exclude, keywords"),
    ],
)
def test_bad_keywords_are_named_with_file_line_and_field(search, line, field, words):
    text = (
        "---\nowner: chi-cuc-hq-kv3\nlast_reviewed: 2026-11-28\nreview_in: 6 months\n"
        + search
        + "---\n# Trang\n"
    )
    doc = frontmatter.parse(text, "docs/trang.md")
    messages = [str(p) for p in frontmatter.page_problems(doc, Path("trang.md"), set())]
    assert any(
        m.startswith(f"docs/trang.md:{line}:") and f" {field}: " in m and words in m for m in messages
    ), messages
