"""Tables in a page's HTML, read once: header texts, rows, cell texts and
where each tag starts, so that attributes can be added without re-serialising
(and so without changing) the rest of the page.

Used at build time (overrides/hooks/page_layout.py) to label every cell with
its column's header (``data-label``: on phones each row becomes a card,
phone.css) and to find the charter's commitment rows (scripts/web/key_limits.py).
Every text that goes back into the HTML is escaped here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

_CELL = ("td", "th")


@dataclass
class Row:
    start: int  # offset of "<tr"
    tag_end: int  # offset just after "<tr"
    cells: list = field(default_factory=list)  # (offset after "<td"/"<th", text)
    in_head: bool = False

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.cells]


@dataclass
class Table:
    start: int
    tag_end: int  # offset just after "<table"
    rows: list = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        head = [r for r in self.rows if r.in_head]
        return head[0].texts if head else []

    @property
    def body_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.in_head]


class _Reader(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self.tables: list[Table] = []
        self._stack: list[Table] = []
        self._in_head = False
        self._cell: list[str] | None = None
        self._depth = 0  # nested tables are left alone
        self._footnote = False  # inside a footnote reference (<sup id="fnref:…">): not cell text

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                start = self._offset()
                table = Table(start, start + len("<table"))
                self.tables.append(table)
                self._stack.append(table)
            return
        if self._depth != 1 or not self._stack:
            return
        table = self._stack[-1]
        if tag == "thead":
            self._in_head = True
        elif tag == "tbody":
            self._in_head = False
        elif tag == "tr":
            start = self._offset()
            table.rows.append(Row(start, start + len("<tr"), in_head=self._in_head))
        elif tag in _CELL and table.rows:
            self._cell = []
            table.rows[-1].cells.append([self._offset() + 1 + len(tag), ""])
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag == "sup" and (dict(attrs).get("id") or "").startswith("fnref"):
            self._footnote = True

    def handle_endtag(self, tag):
        if tag == "table":
            if self._depth == 1 and self._stack:
                self._stack.pop()
            self._depth = max(0, self._depth - 1)
        elif tag == "thead":
            self._in_head = False
        elif tag == "sup":
            self._footnote = False
        elif tag in _CELL and self._cell is not None and self._depth == 1:
            row = self._stack[-1].rows[-1]
            row.cells[-1][1] = " ".join("".join(self._cell).split())
            row.cells[-1] = tuple(row.cells[-1])
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None and not self._footnote:
            self._cell.append(data)


def read(page_html: str) -> list[Table]:
    """The page's top-level tables (a table inside a table cell is not read)."""
    reader = _Reader(page_html)
    reader.feed(page_html)
    reader.close()
    return reader.tables


def insert(page_html: str, inserts: list[tuple[int, str]]) -> str:
    """Insert each text at its offset (offsets in the original string)."""
    out, last = [], 0
    for offset, text in sorted(inserts, key=lambda item: item[0]):
        out += [page_html[last:offset], text]
        last = offset
    out.append(page_html[last:])
    return "".join(out)


def attr(name: str, value: str) -> str:
    return f' {name}="{html.escape(value, quote=True)}"'


def label_cells(page_html: str, tables: list[Table] | None = None) -> str:
    """Give every body cell of a table with a header row its column's header
    as ``data-label`` and mark the table ``data-kb-cards`` (phone.css)."""
    tables = read(page_html) if tables is None else tables
    inserts = []
    for table in tables:
        headers = table.headers
        if not headers or not any(headers):
            continue
        inserts.append((table.tag_end, " data-kb-cards"))
        for row in table.body_rows:
            for index, (offset, _) in enumerate(row.cells):
                if index < len(headers) and headers[index]:
                    inserts.append((offset, attr("data-label", headers[index])))
    return insert(page_html, inserts)
