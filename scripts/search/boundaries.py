"""Word boundaries that Material's search indexer would otherwise lose.

Material's indexer (material/plugins/search/plugin.py, 9.8.1) keeps the text
of table cells and drops void tags such as ``<br>`` without leaving a space,
so "doanh nghiệp<br>02 giờ" was indexed as one word "nghiệp02" and table
cells ran together in result snippets. Before the indexer reads a page
(hooks' ``on_page_content`` runs before its ``on_page_context``) a plain
space is put after each ``<br>`` and between adjacent cells. HTML collapses
that whitespace, so the page looks exactly the same.
"""

from __future__ import annotations

import re

_BR = re.compile(r"(<br\s*/?>)(?=\S)", re.I)
_CELLS = re.compile(r"(</t[dh]>)(?=<t[dh][\s>])", re.I)


def spaced(html: str) -> str:
    """``html`` with a space after each ``<br>`` and between adjacent cells."""
    return _CELLS.sub(r"\1 ", _BR.sub(r"\1 ", html))
