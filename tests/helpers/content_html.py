"""Small readers over built HTML for the content tests (no HTML library is
pinned; the standard parser is enough): visible text, text blocks, tables,
headings."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption", "blockquote", "div"}
SKIP = {"script", "style", "svg", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """Collects the text of each innermost block, and tel: links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[str], dict]] = [("root", [], {})]
        self.blocks: list[tuple[str, str, dict]] = []
        self.tel_links: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP:
            self.skipping += 1
            return
        if tag == "a" and (attrs.get("href") or "").startswith("tel:"):
            self.tel_links.append(attrs["href"][4:])
        if tag in ("td", "th"):
            self.stack[-1][1].append(" | ")
        if tag in BLOCKS:
            self.stack.append((tag, [], attrs))

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in BLOCKS and len(self.stack) > 1:
            # Close up to the matching block (tolerates unclosed inner tags).
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i][0] == tag:
                    while len(self.stack) > i:
                        name, parts, attrs = self.stack.pop()
                        text = re.sub(r"\s+", " ", "".join(parts)).strip(" |")
                        if text:
                            self.blocks.append((name, text, attrs))
                    break

    def handle_data(self, data):
        if not self.skipping:
            self.stack[-1][1].append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    while len(reader.stack) > 1:  # unclosed blocks
        reader.handle_endtag(reader.stack[-1][0])
    root = re.sub(r"\s+", " ", "".join(reader.stack[0][1])).strip(" |")
    if root:
        reader.blocks.append(("root", root, {}))
    return reader


def blocks(html: str) -> list[tuple[str, str, dict]]:
    """(tag, text, attrs) of every block, text of nested blocks excluded."""
    return read(html).blocks


def visible_text(html: str) -> str:
    """Text a reader sees, one block per line, plus tel: link targets."""
    reader = read(html)
    return "\n".join([text for _, text, _ in reader.blocks] + reader.tel_links)


def article(html: str) -> str:
    """The page content (Material's <article>), without header, nav and footer."""
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def table_after(html: str, element_id: str) -> list[list[str]]:
    """Rows (lists of cell texts) of the first <table> after the element with that id."""
    start = html.index(f'id="{element_id}"')
    t0 = html.index("<table", start)
    table = html[t0 : html.index("</table>", t0)]
    rows = []
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def headings(html: str, level: int) -> list[tuple[str, str]]:
    """(id, text) of every <hN> in the page, permalink symbol removed."""
    found = []
    for m in re.finditer(rf'<h{level}(?: [^>]*)?\bid="([^"]*)"[^>]*>(.*?)</h{level}>', html, re.S):
        text = re.sub(r"<a [^>]*headerlink[^>]*>.*?</a>", "", m.group(2), flags=re.S)
        found.append((m.group(1), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()))
    return found


def built_page(site: Path, src: str) -> str:
    """HTML of the page built from docs/<src> (directory URLs)."""
    rel = src[:-3]
    rel = rel[: -len("index")] if rel.endswith("index") else rel + "/"
    return (site / rel / "index.html").read_text(encoding="utf-8")
