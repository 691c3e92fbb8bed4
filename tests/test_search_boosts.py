"""Section weights (scripts/search/boosts.py): a lowered page's lead section
weighs at least LEAD_FLOOR (the register's and the glossary's: LEAD_BOOSTS), its other sections
keep the page's weight, and both engines see the same weight."""

import json

import pytest

from scripts.search import prebuilt
from scripts.search.boosts import LEAD_BOOSTS, LEAD_FLOOR, boost_of
from scripts.search.site import load_engine


def test_lowered_pages_lead_sections_have_the_floor_or_their_own_weight(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    lowered = {d["location"] for d in docs if (d.get("boost") or 1) < 1 and "#" not in d["location"]}
    # The register, the glossary, the catalogue, the news index, editors' pages, letters.
    assert {"van-ban-phap-luat/", "thuat-ngu/", "thu-tuc/", "tin-tuc/", "soan-van-ban/to-cao/"} <= lowered
    # An entry naming no lowered page's lead section (a renamed page) would do nothing.
    assert set(LEAD_BOOSTS) <= lowered, set(LEAD_BOOSTS) - lowered
    doc_boosts = prebuilt.build(docs, 5)["doc_boosts"]
    for i, d in enumerate(docs):
        if (d.get("boost") or 1) < 1:
            lead = d["location"] in lowered
            want = LEAD_BOOSTS.get(d["location"], max(d["boost"], LEAD_FLOOR)) if lead else d["boost"]
            assert boost_of(d) == want, d["location"]
            assert doc_boosts.get(str(i), 1) == want, d["location"]


def test_the_register_is_lowered_but_not_its_lead_section(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    register = [d for d in docs if d["location"].startswith("van-ban-phap-luat/")]
    assert boost_of(register[0]) == 1
    assert all(boost_of(d) < 1 for d in register[1:])
    # The browser's weights (prebuilt, shipped as boost_runs) use the same rule.
    doc_boosts = prebuilt.build(docs, 5)["doc_boosts"]
    first = docs.index(register[0])
    assert str(first) not in doc_boosts and doc_boosts[str(first + 1)] < 1


@pytest.mark.parametrize(
    "query, page",
    [
        ("văn bản pháp luật còn hiệu lực", "van-ban-phap-luat/"),
        # Lowered pages, found by their title and keywords (issue 13i).
        ("mau don to cao can bo hai quan", "soan-van-ban/to-cao/"),
        ("xem hết các thủ tục hải quan kèm thời hạn giải quyết ở đâu", "thu-tuc/"),
    ],
)
def test_a_lowered_page_is_found_by_what_it_is(built_site, query, page):
    assert load_engine(built_site).search(query)[0].page == page
