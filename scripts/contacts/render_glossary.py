"""The glossary page (/thuat-ngu/) and the abbreviation definitions appended to every page."""

from __future__ import annotations

from scripts import i18n
from scripts.contacts.pages import PAGE_SOURCES, front_matter, tr
from scripts.escape import md_text
from scripts.search import boosts
from scripts.vietnamese import fold, slugify

PAGE = "thuat-ngu.md"


def entries(gloss: dict) -> list[tuple[dict, str]]:
    """The terms in the page's order (by folded abbreviation), each with its
    anchor ("C/O" → "c-o"; made unique should two abbreviations fold alike)."""
    out, used = [], set()
    for t in sorted(gloss["terms"], key=lambda t: fold(t["abbr"]).casefold()):
        base = slugify(t["abbr"], "-") or "muc"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        out.append((t, anchor))
    return out


def heading(term: dict, anchor: str, lang: str = i18n.DEFAULT) -> str:
    """One entry's heading: the abbreviation, with its own anchor, so that each
    entry is its own search result (/thuat-ngu/#c-o) and can be linked to.

    On the English page the table of contents (part of the page's interface)
    lists "NĐ-CP" as English texts write it, "ND-CP"; the heading keeps "NĐ-CP"."""
    label = ""
    if lang != i18n.DEFAULT and fold(term["abbr"]) != term["abbr"]:
        label = f' data-toc-label="{md_text(fold(term["abbr"]))}"'
    return f"## {md_text(term['abbr'])} {{ #{anchor} .kb-term{label} }}\n\n"


def render(data, lang: str = i18n.DEFAULT) -> str:
    if lang != i18n.DEFAULT:
        return render_bilingual(data, lang)
    gloss = data.glossary.data
    meta = boosts.with_boost(gloss.get("page", {}), boosts.GLOSSARY)
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta.get('title', 'Thuật ngữ viết tắt'))}\n\n"
    out += (
        "Di chuột hoặc chạm vào chữ viết tắt có gạch chân chấm ở bất kỳ trang nào để xem "
        "thuật ngữ đầy đủ.\n\n"
    )
    # A heading and a line per entry, not a table: it fits a phone without
    # sideways scrolling, and each entry is its own search result.
    for t, anchor in entries(gloss):
        out += heading(t, anchor) + "Viết tắt của: " + md_text(t["term"])
        if t.get("en"):
            out += f" (tiếng Anh: *{md_text(t['en'])}*)"
        if t.get("variants"):
            out += "; cách viết khác: " + ", ".join(md_text(v) for v in t["variants"])
        out += "\n\n"
    return out


def render_bilingual(data, lang: str) -> str:
    """The English glossary: abbreviation, English term, Vietnamese term, one
    heading per entry as on the Vietnamese page (same anchors)."""
    gloss = data.glossary.data
    meta = boosts.with_boost(gloss.get("page", {}), boosts.GLOSSARY)
    out = front_matter(meta, PAGE_SOURCES[PAGE], lang)
    out += f"# {md_text(tr(meta, 'title', lang, 'Glossary'))}\n\n"
    out += (
        "Vietnamese customs documents and officials use many abbreviations. Each entry gives what "
        "the abbreviation stands for: its meaning in English, then the full Vietnamese term (in "
        "italics) to quote when you write to the customs office.\n\n"
    )
    for t, anchor in entries(gloss):
        out += (
            heading(t, anchor, lang) + f"Stands for: {md_text(t['en'])} "
            f'(Vietnamese: <span lang="vi">*{md_text(t["term"])}*</span>)'
        )
        if t.get("variants"):
            out += "; also written " + ", ".join(md_text(v) for v in t["variants"])
        out += "\n\n"
    return out


def abbreviations(data, lang: str = i18n.DEFAULT) -> str:
    """``*[ABBR]: term`` lines for Python-Markdown's abbr extension.

    The abbreviation is limited by the schema to letters, digits, '/', '.' and
    '-'. The term ends up in a ``title`` attribute that Python-Markdown escapes,
    so it is not entity-encoded here (that would show '&#40;' literally); only
    line breaks are removed, and a leading quote is protected from being read
    as quoting.
    """
    lines = []
    for t in data.glossary.data["terms"]:
        term = " ".join((t["term"] if lang == i18n.DEFAULT else t["en"]).split())
        if term[:1] in "\"'":
            term = " " + term
        for abbr in [t["abbr"], *t.get("variants", [])]:
            lines.append(f"*[{abbr}]: {term}")
    return "\n".join(lines) + "\n"
