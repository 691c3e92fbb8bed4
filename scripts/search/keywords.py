"""Editors' search keywords: how businesses put what a page answers.

A page's front matter (or the ``page`` block of the YAML a page is generated
from) may list them under ``search``::

    search:
      keywords: [báo ai, tố cáo ở đâu, tố cáo gửi cho ai]

They are words a business types for the page's purpose that its text does
not use ("báo ai" for the misconduct route). Material's search plugin ignores
the field; the build copies it onto the page's lead section in
search/search_index.json (``attach``), and both engines (prebuilt.py for the
browser, engine.py) index it as words of that section's title that do not
lengthen the title: they count for the page's title like its own words,
without lowering the weight of the words it has. It is never shown: result
titles and previews are the page's own. Vietnamese pages only; the English
edition has its own index (scripts/search/english.py).
"""

from __future__ import annotations

FIELD = "keywords"


def of_page(meta: dict) -> list[str]:
    """The keywords of a page's metadata (validated by page.schema.json)."""
    search = meta.get("search") or {}
    return list(search.get(FIELD) or [])


def attach(entries: list[dict], url: str, words: list[str]) -> None:
    """Put ``words`` on the lead section of page ``url`` among Material's
    index entries (its first entry, whose location is the page itself)."""
    if not words:
        return
    for entry in reversed(entries):  # the page's entries were just appended
        if entry["location"] == url:
            entry[FIELD] = "; ".join(words)
            return
