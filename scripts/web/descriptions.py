"""A meta description for pages whose front matter has none: the text of the
page's first paragraph, cut at a word boundary.

Search engines show about 160 characters; a page without any paragraph falls
back to its title and the site name, so every built page has a description.
"""

from __future__ import annotations

import html.parser
import re

MAX_CHARS = 160


class _FirstParagraph(html.parser.HTMLParser):
    """Collects the text of the first non-empty <p> of rendered page HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting inside the <p> being read
        self.parts: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if self.text:
            return
        if tag == "p" and self.depth == 0:
            self.depth, self.parts = 1, []
        elif self.depth:
            self.depth += tag not in _VOID

    def handle_endtag(self, tag):
        if self.text or not self.depth:
            return
        # </p> ends the paragraph even when raw HTML inside it left a tag open.
        self.depth = 0 if tag == "p" else self.depth - 1
        if self.depth == 0:
            self.text = " ".join("".join(self.parts).split())

    def handle_data(self, data):
        if self.depth and not self.text:
            self.parts.append(data)


_VOID = {"br", "img", "wbr", "input", "hr"}


def first_paragraph(page_html: str) -> str:
    parser = _FirstParagraph()
    parser.feed(page_html)
    parser.close()
    return parser.text


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return re.sub(r"[\s,;:–-]+$", "", cut) + "…"


def derive(page_html: str, title: str, site_name: str) -> str:
    """The fallback description of a page (plain text, not escaped)."""
    text = first_paragraph(page_html)
    if len(text) < 20:  # a stray word or an empty paragraph says nothing
        text = f"{title} – {site_name}" if title else site_name
    return shorten(text)
