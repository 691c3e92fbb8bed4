"""Link addresses for paper: each link in a page's content gets the full
address it leads to in ``data-print-url``, which print.css writes after the
link text. On screen nothing changes.

Internal links are resolved against the page's canonical address (site_url),
so a printed page names the public address, not the one it was printed from.
Links within the page, the heading permalinks, footnote marks, legal
citations (named by their number) and links whose text already is the
address are left alone.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urljoin

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S | re.I)
_HREF = re.compile(r'\bhref="([^"]*)"', re.I)
_CLASS = re.compile(r'\bclass="([^"]*)"', re.I)
_TAG = re.compile(r"<[^>]+>")
# Legal citations (scripts/legal, class kb-law) name the document by its
# number, which is how a reader finds it on paper; their long source
# addresses would double a page's length.
_SKIP_CLASSES = {"headerlink", "footnote-ref", "footnote-backref", "md-content__button", "kb-law"}


def address(href: str, base: str) -> str | None:
    """What the reader of the paper copy should type or scan, or None."""
    href = html.unescape(href).strip()
    if not href or href.startswith(("#", "javascript:")):
        return None
    if href.startswith("mailto:"):
        return unquote(href[len("mailto:") :].split("?", 1)[0])
    if href.startswith("tel:"):
        return None  # the number is the link text
    return urljoin(base, href) if base else href


def _plain(text: str) -> str:
    return "".join(html.unescape(_TAG.sub("", text)).split())


def annotate(page_html: str, base: str) -> str:
    """Add ``data-print-url`` to every link of ``page_html`` that needs it."""

    def one(match: re.Match) -> str:
        attrs, text = match.group(1), match.group(2)
        href = _HREF.search(attrs)
        classes = set((_CLASS.search(attrs).group(1) if _CLASS.search(attrs) else "").split())
        if not href or classes & _SKIP_CLASSES or "data-print-url" in attrs:
            return match.group(0)
        url = address(href.group(1), base)
        if url is None:
            return match.group(0)
        shown = _plain(text)
        bare = re.sub(r"^[a-z]+://", "", url).rstrip("/")
        if shown and (shown in ("".join(url.split()), "".join(bare.split())) or shown == url):
            return match.group(0)
        return f'<a{attrs} data-print-url="{html.escape(url, quote=True)}">{text}</a>'

    return _LINK.sub(one, page_html)
