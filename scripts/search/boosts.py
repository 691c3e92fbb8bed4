"""The weight of pages and sections in search, in one place.

Material's ``search.boost`` front matter lowers a page; search_index.json
repeats it on every section of the page, and both engines (lunr.py and the
browser's, through prebuilt.py's ``doc_boosts``) read it per section with
``boost_of``. The generated pages take their weight from the constants below
(each generator writes it into its page's front matter); hand-written pages
set it in their own front matter (docs/index.md, docs/tin-tuc/index.md,
docs/bien-tap/index.md, docs/soan-van-ban/*.md).

A lowered page's lead section (its title, introduction and the editors'
keywords) weighs at least ``LEAD_FLOOR``, or what ``LEAD_BOOSTS`` gives it:
a page lowered because its body repeats what other pages explain is still
found by what it is ("mẫu đơn tố cáo", "xem hết các thủ tục").
"""

from __future__ import annotations

# The legal register (scripts/contacts/render_legal.py) carries every
# instrument number: a bare reference ("NĐ 08/2015") should open the
# procedure that explains the text, not the register.
REGISTER = 0.1
# The glossary (scripts/contacts/render_glossary.py): each entry is its own
# result; a page defining words ranks below the pages using them ("KTSTQ"
# finds the post-clearance audit first).
GLOSSARY = 0.5
# Editors' pages (scripts/pages/editor_guide.py, review.py) quote every kind
# of page text in their examples; readers should meet the pages they are about.
EDITORS = 0.5
# The procedure catalogue (scripts/pages/procedures.py, /thu-tuc/) lists every
# procedure: it ranks below the procedures themselves.
CATALOGUE = 0.5

# Section location (as in search_index.json) → boost. The register's lead
# section answers "văn bản pháp luật còn hiệu lực" (issue 13g).
# The glossary's lead keeps the page's weight (issue 13i): its entries answer
# "HQ viết tắt của gì", and its lead, which names no term, must not come first.
LEAD_BOOSTS = {"van-ban-phap-luat/": 1.0, "thuat-ngu/": GLOSSARY}
# Every other lowered page's lead section (issue 13i: the letter builders,
# the catalogue, the news and editors' pages). Full weight put the letter
# builders first for the English "tố cáo" and "raise a difficulty"; 0.75–0.85
# scored the same on both suites.
LEAD_FLOOR = 0.8


def boost_of(doc: dict) -> float:
    """The section's lunr document boost (1: none)."""
    location = doc.get("location", "")
    boost = doc.get("boost") or 1
    if location in LEAD_BOOSTS:
        return LEAD_BOOSTS[location]
    return max(boost, LEAD_FLOOR) if "#" not in location else boost


def with_boost(meta: dict, boost: float) -> dict:
    """A generated page's front matter with its weight, keeping the rest of
    its ``search`` block (the editors' keywords, scripts/search/keywords.py)."""
    return {**meta, "search": {**(meta.get("search") or {}), "boost": boost}}
