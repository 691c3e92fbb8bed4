"""A card of key time limits at the top of a page, built from the page's own
table, so it never disagrees with it.

The page lists the services in its front matter::

    key_limits:
      - Kiểm tra hồ sơ hải quan
      - Trả lời vướng mắc của doanh nghiệp

Each name is the first cell of a row of a table on the page. At build time
the row gets an anchor (``han-<slug>``) and the card shows the name and the
row's time limit (the "Thời hạn" column), linking to the row. When a row is
renamed or removed the build stops with the file, line and what to do.

English pages (``lang="en"``, the English charter) name rows of their own
English table and read its "Time limit" and "Legal basis" columns; the card
is labelled in English.
"""

from __future__ import annotations

import html
import unicodedata

from scripts.vietnamese import slugify
from scripts.web import html_tables
from scripts.yamlstrict import Problem

FIELD = "key_limits"
LIMIT_HEADER = "Thời hạn"
# Every time limit on the site cites its legal basis, in the card too.
BASIS_HEADER = "Căn cứ pháp lý"
TITLE = "Thời hạn chính"
# Per language: time-limit column, basis column, card title, basis label.
LABELS = {
    "vi": (LIMIT_HEADER, BASIS_HEADER, TITLE, "Căn cứ"),
    "en": ("Time limit", "Legal basis", "Key time limits", "Basis"),
}


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _line_of(source: str, name: str) -> int:
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith("-") and _key(line.lstrip()[1:].strip(" \"'")) == _key(name):
            return number
    return 1


def _names(meta: dict) -> list[str]:
    value = meta.get(FIELD)
    return [str(v) for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def apply(page_html: str, meta: dict, file: str, source: str, lang: str = "vi") -> tuple[str, list[Problem]]:
    """Insert the card and the row anchors; problems name the front-matter line."""
    limit_header, basis_header, title, basis_label = LABELS.get(lang, LABELS["vi"])
    names = _names(meta)
    if not names:
        return page_html, []
    tables = html_tables.read(page_html)
    rows = {}
    for table in tables:
        headers = [_key(h) for h in table.headers]
        column = headers.index(_key(limit_header)) if _key(limit_header) in headers else 1
        basis = headers.index(_key(basis_header)) if _key(basis_header) in headers else None
        for row in table.body_rows:
            texts = row.texts
            if texts and _key(texts[0]) not in rows and len(texts) > column:
                cited = texts[basis] if basis is not None and len(texts) > basis else ""
                rows[_key(texts[0])] = (row, texts[column], cited)
    problems, items, inserts = [], [], []
    for name in names:
        found = rows.get(_key(name))
        if found is None:
            problems.append(
                Problem(
                    file,
                    _line_of(source, name),
                    1,
                    FIELD,
                    (
                        f"không có hàng nào của bảng trên trang bắt đầu bằng «{name}»; "
                        "ghi đúng nội dung ô đầu tiên của hàng đó, hoặc xóa dòng này"
                    ),
                )
            )
            continue
        row, limit, cited = found
        anchor = "han-" + slugify(name)
        if not any(offset == row.tag_end for offset, _ in inserts):
            inserts.append((row.tag_end, html_tables.attr("id", anchor)))
        basis = (
            f'<span class="kb-key-limits__basis">{basis_label}: {html.escape(cited)}</span>' if cited else ""
        )
        items.append(
            f'<li><a href="#{html.escape(anchor, quote=True)}">{html.escape(name)}'
            f'<span class="kb-key-limits__limit">{html.escape(limit)}</span></a>{basis}</li>'
        )
    if problems or not items:
        return page_html, problems
    card = (
        f'<nav class="kb-key-limits" aria-labelledby="kb-key-limits-title">'
        f'<p class="kb-key-limits__title" id="kb-key-limits-title">{title}</p>'
        f"<ul>{''.join(items)}</ul></nav>"
    )
    inserts.append((_card_offset(page_html), card))
    return html_tables.insert(page_html, inserts), []


def _card_offset(page_html: str) -> int:
    """After the motto paragraph when there is one, else after the H1, else first."""
    motto = page_html.find('<p class="motto">')
    if motto >= 0:
        end = page_html.find("</p>", motto)
        if end >= 0:
            return end + len("</p>")
    h1 = page_html.find("</h1>")
    return h1 + len("</h1>") if h1 >= 0 else 0
