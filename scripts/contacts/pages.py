"""Pieces shared by the generated pages: front matter, deadlines, notices."""
from __future__ import annotations

import datetime

import yaml

from scripts.escape import md_text

UNIT_WORDS = {"working-days": "ngày làm việc", "days": "ngày", "working-hours": "giờ làm việc"}

# Where each generated page comes from: its "edit this page" link opens this file.
PAGE_SOURCES = {
    "lien-he/index.md": "data/units.yaml",
    "phan-anh/index.md": "data/escalation.yaml",
    "phan-anh/to-cao-vi-pham.md": "data/escalation.yaml",
    "thuat-ngu.md": "data/glossary.yaml",
}
CONTACTS_PAGE = "lien-he/index.md"


def front_matter(meta: dict, source: str) -> str:
    """YAML front matter for a generated page.

    Title and description stay plain text here, as in a hand-written page:
    overrides/hooks/web_meta.py escapes them once for every page.
    """
    out = {k: v for k, v in meta.items()}
    for key in ("last_reviewed", "effective_date"):
        if isinstance(out.get(key), str):  # unquoted, as in hand-written pages
            out[key] = datetime.date.fromisoformat(out[key])
    out["generated_from"] = source
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


def amount(deadline: dict) -> str:
    """'05 ngày làm việc': two digits, as Vietnamese legal texts write them."""
    return f"{deadline['value']:02d} {UNIT_WORDS[deadline['unit']]}"


def deadline_line(deadline: dict) -> str:
    return f"**{md_text(amount(deadline))}**: {md_text(deadline['what'])} (căn cứ: {md_text(deadline['basis'])})"


def bullet_list(items, indent: str = "") -> str:
    return "".join(f"{indent}- {md_text(item)}\n" for item in items)


def admonition(kind: str, title: str, body: str) -> str:
    """A Material admonition; ``body`` is already-escaped Markdown."""
    lines = "".join(f"    {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))
    return f'!!! {kind} "{md_text(title)}"\n\n{lines}\n'


def unit_link(data, unit_id: str, from_page: str) -> str:
    """Link to a unit's card on the contacts page."""
    prefix = "../" * from_page.count("/")
    target = "" if from_page == CONTACTS_PAGE else f"{prefix}{CONTACTS_PAGE}"
    return f"[{md_text(data.unit(unit_id)['name'])}]({target}#{unit_id})"
