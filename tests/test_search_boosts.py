"""Section weights (scripts/search/boosts.py): the lead sections kept at full
weight exist, and both engines see the same weight."""

import json

from scripts.search import prebuilt
from scripts.search.boosts import LEAD_BOOSTS, boost_of
from scripts.search.site import load_engine


def test_every_lead_boost_names_a_section_of_a_lowered_page(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for location, boost in LEAD_BOOSTS.items():
        assert location in by_location, f"{location} is not a section of the built site"
        page_boost = by_location[location].get("boost") or 1
        assert page_boost < boost, f"{location}: its page is not lowered, the entry does nothing"


def test_the_register_is_lowered_but_not_its_lead_section(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    register = [d for d in docs if d["location"].startswith("van-ban-phap-luat/")]
    assert boost_of(register[0]) == 1
    assert all(boost_of(d) < 1 for d in register[1:])
    # The browser's weights (prebuilt, shipped as boost_runs) use the same rule.
    doc_boosts = prebuilt.build(docs, 5)["doc_boosts"]
    first = docs.index(register[0])
    assert str(first) not in doc_boosts and doc_boosts[str(first + 1)] < 1


def test_the_register_is_found_by_what_it_is(built_site):
    top = load_engine(built_site).search("văn bản pháp luật còn hiệu lực")[0]
    assert top.page == "van-ban-phap-luat/"
