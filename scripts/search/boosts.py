"""The weight of a section in search.

A section weighs what its page's ``search.boost`` says (Material's front
matter; search_index.json repeats it on every section of the page), except
the lead sections named in ``LEAD_BOOSTS``: a page lowered because its body
repeats what other pages explain can keep its own title and introduction at
full weight, so it is still found by what it is.

The legal register (scripts/contacts/render_legal.py) carries every
instrument number and is lowered to 0.1, or a bare reference ("NĐ 08/2015")
would open it rather than the procedure that explains the text; its lead
section answers "văn bản pháp luật còn hiệu lực" (issue 13g).
"""

from __future__ import annotations

# Section location (as in search_index.json) → boost.
LEAD_BOOSTS = {"van-ban-phap-luat/": 1.0}


def boost_of(doc: dict) -> float:
    """The section's lunr document boost (1: none)."""
    return LEAD_BOOSTS.get(doc.get("location", ""), doc.get("boost") or 1)
