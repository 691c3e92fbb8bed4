"""The glossary page (/thuat-ngu/) and the abbreviation definitions appended to every page."""

from __future__ import annotations

from scripts import i18n
from scripts.contacts.pages import PAGE_SOURCES, front_matter, tr
from scripts.escape import md_text
from scripts.vietnamese import fold

PAGE = "thuat-ngu.md"


def render(data, lang: str = i18n.DEFAULT) -> str:
    if lang != i18n.DEFAULT:
        return render_bilingual(data, lang)
    gloss = data.glossary.data
    meta = gloss.get("page", {})
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta.get('title', 'Thuật ngữ viết tắt'))}\n\n"
    out += (
        "Di chuột hoặc chạm vào chữ viết tắt có gạch chân chấm ở bất kỳ trang nào để xem "
        "thuật ngữ đầy đủ.\n\n"
    )
    # A definition list, not a table: it fits a phone without sideways scrolling.
    for t in sorted(gloss["terms"], key=lambda t: fold(t["abbr"]).casefold()):
        out += f"{md_text(t['abbr'])}\n:   {md_text(t['term'])}"
        if t.get("en"):
            out += f" (tiếng Anh: *{md_text(t['en'])}*)"
        if t.get("variants"):
            out += "; cách viết khác: " + ", ".join(md_text(v) for v in t["variants"])
        out += "\n\n"
    return out


def render_bilingual(data, lang: str) -> str:
    """The English glossary: abbreviation, English term, Vietnamese term, as a
    definition list (fits a phone); the same entries as the Vietnamese page."""
    gloss = data.glossary.data
    meta = gloss.get("page", {})
    out = front_matter(meta, PAGE_SOURCES[PAGE], lang)
    out += f"# {md_text(tr(meta, 'title', lang, 'Glossary'))}\n\n"
    out += (
        "Vietnamese customs documents and officials use many abbreviations. Each entry gives what "
        "the abbreviation stands for: its meaning in English, then the full Vietnamese term (in "
        "italics) to quote when you write to the customs office.\n\n"
    )
    for t in sorted(gloss["terms"], key=lambda t: fold(t["abbr"]).casefold()):
        out += (
            f"{md_text(t['abbr'])}\n:   {md_text(t['en'])} "
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
