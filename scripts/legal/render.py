"""Markdown for citations: the link a ``[[…]]`` citation becomes, a status
badge, and the "Căn cứ pháp lý" list of a page's instruments.

Every string from data/legal.yaml goes through scripts.escape, and
badges use attr_list on an emphasis (no raw HTML).
"""

from __future__ import annotations

import re

from scripts.escape import md_text, url
from scripts.legal import refs as refs_mod
from scripts.legal.refs import Ref, normalize
from scripts.legal.registry import STATUS_LABELS, STATUS_LABELS_EN, Registry, vn_date

LEGAL_PAGE = "van-ban-phap-luat.md"
SECTION_TITLE = "Căn cứ pháp lý"
_HEADING = re.compile(r"^##\s+Căn cứ pháp lý\b.*$", re.M)
_NEXT_H2 = re.compile(r"^##\s", re.M)


def anchor(number: str) -> str:
    """'121/2025/TT-BTC' -> 'vb-121-2025-tt-btc' (the entry on the register page)."""
    key = normalize(number).lower().replace("đ", "d")
    return "vb-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-")


def badge(status: str, lang: str = "vi") -> str:
    labels = STATUS_LABELS if lang == "vi" else STATUS_LABELS_EN
    return f"*{md_text(labels[status])}*{{: .kb-law-status .kb-law-status--{status} }}"


def _title_attr(text: str) -> str:
    """A link title: one line, no quote or backslash that could end it."""
    return " ".join(re.sub(r'["\\]', "'", text).split())


def link(registry: Registry, number: str, detail: str = "") -> str:
    """[short title, detail](source "full title – status"){: .kb-law }"""
    item = registry.get(number)
    text = item["short_title"] + (f", {detail}" if detail else "")
    title = _title_attr(f"{item['title']} – {STATUS_LABELS[item['status']]}")
    return f'[{md_text(text)}]({url(registry.url(item))} "{md_text(title)}"){{: .kb-law }}'


def _segment(text: str) -> str:
    """Escaped text that keeps the spaces at its ends (md_text trims them)."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + md_text(text) + (" " if text[-1].isspace() else "")


def inline(registry: Registry, text: str, lang: str = "vi") -> str:
    """One line of data text (e.g. a deadline's basis) with every registered
    number linked to its source, title and status, followed by its badge; the
    rest escaped."""
    out, last = [], 0
    for m in refs_mod.NUMBER.finditer(text):
        item = registry.get(m.group(0))
        if item is None:
            continue
        title = _title_attr(f"{item['title']} – {STATUS_LABELS[item['status']]}")
        # On English pages the link (number, official title) is marked as Vietnamese text;
        # the badge after it gives the status in English.
        attrs = ".kb-law" if lang == "vi" else ".kb-law lang=vi"
        out += [
            _segment(text[last : m.start()]),
            f'[{md_text(m.group(0))}]({url(registry.url(item))} "{md_text(title)}"){{: {attrs} }} '
            f"{badge(item['status'], lang)}",
        ]
        last = m.end()
    out.append(_segment(text[last:]))
    return "".join(out)


def citation(registry: Registry, ref: Ref) -> str:
    """What ``[[number, detail]]`` becomes: the link and the status badge."""
    return f"{link(registry, ref.number, ref.detail)} {badge(registry.status(ref.number, ref.article))}"


def resolve(markdown: str, registry: Registry) -> str:
    """Replace every ``[[…]]`` citation (outside code) by its link and badge.

    Citations of unregistered numbers are left as written: the checks report
    them before a build gets here.
    """
    lines = markdown.split("\n")
    for ref in sorted(
        (r for r in refs_mod.text_refs(markdown) if r.citation), key=lambda r: (r.line, -r.col)
    ):
        if registry.get(ref.number) is None:
            continue
        line = lines[ref.line - 1]
        lines[ref.line - 1] = line[: ref.col - 1] + citation(registry, ref) + line[ref.end :]
    return "\n".join(lines)


def _changes(registry: Registry, item: dict) -> str:
    parts = []
    if item.get("amended_by"):
        parts.append(
            "sửa đổi bởi "
            + ", ".join(
                f"{md_text(registry.name(c['number']))} (từ {vn_date(c['date'])})" for c in item["amended_by"]
            )
        )
    if item.get("replaced_by"):
        c = item["replaced_by"]
        parts.append(f"thay thế bởi {md_text(registry.name(c['number']))} (từ {vn_date(c['date'])})")
    if item.get("expired_on"):
        parts.append(f"hết hiệu lực từ {vn_date(item['expired_on'])}")
    return "; ".join(parts)


def _articles(registry: Registry, number: str, articles: list[str]) -> str:
    """'Điều 23; Điều 29 (số điều chưa đối chiếu)': the articles a page cites,
    marked unless the register confirms them."""
    parts = []
    for art in sorted(set(articles), key=lambda a: (len(a), a)):
        entry = registry.article(number, art)
        mark = "" if entry is not None and entry["verified"] else " (số điều chưa đối chiếu với văn bản gốc)"
        parts.append(f"Điều {md_text(art)}{mark}")
    return "; ".join(parts)


def basis_list(registry: Registry, cited: list[tuple[str, str | None]], page_uri: str) -> str:
    """The instruments a page cites (``(number, article)`` pairs), each with its
    status badge, what changed it and the articles cited."""
    prefix = "../" * page_uri.count("/")
    by_key: dict[str, list[str]] = {}
    order: list[str] = []
    for number, article in cited:
        if registry.get(number) is None:
            continue
        key = normalize(number)
        if key not in by_key:
            by_key[key] = []
            order.append(key)
        if article:
            by_key[key].append(article)
    out = ""
    for key in order:
        item = registry.get(key)
        line = f"- {link(registry, item['number'])} {badge(item['status'])}"
        changes = _changes(registry, item)
        if changes:
            line += f": {changes}"
        if by_key[key]:
            line += f". Điều được dẫn: {_articles(registry, key, by_key[key])}"
        if not item["verified"]:
            line += ". *Chưa đối chiếu với văn bản gốc.*"
        line += f" [Chi tiết]({prefix}{LEGAL_PAGE}#{anchor(item['number'])})"
        out += line + "\n"
    return out


def with_basis_section(
    markdown: str, registry: Registry, cited: list[tuple[str, str | None]], page_uri: str
) -> str:
    """The page with the status of its instruments at the end of its "Căn cứ pháp lý"
    section (added at the end of the page when it has none)."""
    listing = basis_list(registry, cited, page_uri)
    if not listing:
        return markdown
    block = f"\n**Tình trạng các văn bản trên trang này:**\n{{: .kb-law-basis }}\n\n{listing}\n"
    heading = _HEADING.search(markdown)
    if heading is None:
        return markdown.rstrip("\n") + f"\n\n## {SECTION_TITLE}\n" + block
    nxt = _NEXT_H2.search(markdown, heading.end())
    at = nxt.start() if nxt else len(markdown)
    return markdown[:at].rstrip("\n") + "\n" + block + ("\n" + markdown[at:] if nxt else "")
