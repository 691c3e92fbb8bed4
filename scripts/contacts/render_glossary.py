"""The glossary page (/thuat-ngu/) and the abbreviation definitions appended to every page."""
from __future__ import annotations

from scripts.contacts.escape import md_text
from scripts.contacts.pages import PAGE_SOURCES, front_matter
from scripts.vietnamese import fold

PAGE = "thuat-ngu.md"


def render(data) -> str:
    gloss = data.glossary.data
    meta = gloss.get("page", {})
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta.get('title', 'Thuật ngữ viết tắt'))}\n\n"
    out += ("Di chuột hoặc chạm vào chữ viết tắt có gạch chân chấm ở bất kỳ trang nào để xem "
            "thuật ngữ đầy đủ.\n\n")
    out += "| Viết tắt | Thuật ngữ đầy đủ | Tiếng Anh | Cách viết khác |\n|---|---|---|---|\n"
    for t in sorted(gloss["terms"], key=lambda t: fold(t["abbr"]).casefold()):
        variants = ", ".join(md_text(v) for v in t.get("variants", []))
        out += f"| {md_text(t['abbr'])} | {md_text(t['term'])} | {md_text(t.get('en', ''))} | {variants} |\n"
    return out


def abbreviations(data) -> str:
    """``*[ABBR]: term`` lines for Python-Markdown's abbr extension.

    The abbreviation is limited by the schema to letters, digits, '/', '.' and
    '-'. The term ends up in a ``title`` attribute that Python-Markdown escapes,
    so it is not entity-encoded here (that would show '&#40;' literally); only
    line breaks are removed, and a leading quote is protected from being read
    as quoting.
    """
    lines = []
    for t in data.glossary.data["terms"]:
        term = " ".join(t["term"].split())
        if term[:1] in "\"'":
            term = " " + term
        for abbr in [t["abbr"], *t.get("variants", [])]:
            lines.append(f"*[{abbr}]: {term}")
    return "\n".join(lines) + "\n"
