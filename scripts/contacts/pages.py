"""Pieces shared by the generated pages: front matter, deadlines, notices."""
from __future__ import annotations

import datetime

import yaml

from scripts import i18n
from scripts.escape import md_text

UNIT_WORDS = {"working-days": "ngày làm việc", "days": "ngày", "working-hours": "giờ làm việc"}
UNIT_WORDS_EN = {"working-days": "working days", "days": "days", "working-hours": "working hours"}

# Where each generated page comes from: its "edit this page" link opens this file.
PAGE_SOURCES = {
    "lien-he/index.md": "data/units.yaml",
    "phan-anh/index.md": "data/escalation.yaml",
    "phan-anh/to-cao-vi-pham.md": "data/escalation.yaml",
    "thuat-ngu.md": "data/glossary.yaml",
}
# The English pages (scripts/i18n.py) come from the same files.
PAGE_SOURCES.update({i18n.translation_path(page, lang): source
                     for page, source in list(PAGE_SOURCES.items()) for lang in i18n.TRANSLATIONS})
CONTACTS_PAGE = "lien-he/index.md"


def tr(item: dict, key: str, lang: str = i18n.DEFAULT, default=None):
    """``item[key]`` in ``lang``: the English text sits beside it as ``key_en``
    (required by the schemas wherever the Vietnamese one is given)."""
    name = key if lang == i18n.DEFAULT else f"{key}_{lang}"
    return item.get(name, default)


def front_matter(meta: dict, source: str, lang: str = i18n.DEFAULT) -> str:
    """YAML front matter for a generated page.

    Title and description stay plain text here, as in a hand-written page:
    overrides/hooks/web_meta.py escapes them once for every page.
    """
    out = {k: v for k, v in meta.items() if k[-3:] != "_en"}
    for key in ("title", "description"):
        if tr(meta, key, lang) is not None:
            out[key] = tr(meta, key, lang)
    for key in ("last_reviewed", "effective_date"):
        if isinstance(out.get(key), str):  # unquoted, as in hand-written pages
            out[key] = datetime.date.fromisoformat(out[key])
    out["generated_from"] = source
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


def amount(deadline: dict, lang: str = i18n.DEFAULT) -> str:
    """'05 ngày làm việc': two digits, as Vietnamese legal texts write them."""
    words = UNIT_WORDS if lang == i18n.DEFAULT else UNIT_WORDS_EN
    return f"{deadline['value']:02d} {words[deadline['unit']]}"


def deadline_line(deadline: dict, lang: str = i18n.DEFAULT) -> str:
    basis = "căn cứ" if lang == i18n.DEFAULT else "legal basis"
    return (f"**{md_text(amount(deadline, lang))}**: {md_text(tr(deadline, 'what', lang))} "
            f"({basis}: {md_text(tr(deadline, 'basis', lang))})")


def bullet_list(items, indent: str = "") -> str:
    return "".join(f"{indent}- {md_text(item)}\n" for item in items)


def admonition(kind: str, title: str, body: str) -> str:
    """A Material admonition; ``body`` is already-escaped Markdown."""
    lines = "".join(f"    {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))
    return f'!!! {kind} "{md_text(title)}"\n\n{lines}\n'


def unit_link(data, unit_id: str, from_page: str, lang: str = i18n.DEFAULT) -> str:
    """Link to a unit's card on the contacts page (of the same language)."""
    prefix = "../" * from_page.count("/")
    contacts = i18n.translation_path(CONTACTS_PAGE, lang)
    target = "" if from_page in (CONTACTS_PAGE, contacts) else f"{prefix}{contacts}"
    return f"[{md_text(tr(data.unit(unit_id), 'name', lang))}]({target}#{unit_id})"
