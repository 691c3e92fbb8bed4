"""Everything generated from the data: pages (Markdown) and static files, by site path."""

from __future__ import annotations

from pathlib import Path

from scripts import ROOT, i18n
from scripts.contacts import (
    builder_data,
    jsonfeed,
    render_contacts,
    render_escalation,
    render_glossary,
    render_legal,
    render_misconduct,
    vcard,
)
from scripts.legal.scan import citing_pages

CONTACTS_SCHEMA = ROOT / "data" / "schemas" / "contacts.schema.json"


def page_url(site_url: str | None) -> str:
    """Absolute URL of the contacts page (vCard UIDs and links need one); relative without site_url."""
    base = (site_url or "").rstrip("/")
    return f"{base}/lien-he/" if base else "/lien-he/"


def generate(data, site_url: str | None = None, docs_dir: Path | None = None) -> dict[str, str]:
    """Site path -> content for every generated page and file.

    ``docs_dir``: the hand-written pages, scanned for the register page's
    "which pages cite it"; without it only the generated pages are scanned.
    """
    url = page_url(site_url)
    files = {
        "lien-he/index.md": render_contacts.render(data),
        "phan-anh/index.md": render_escalation.render(data),
        "phan-anh/to-cao-vi-pham.md": render_misconduct.render(data),
        "thuat-ngu.md": render_glossary.render(data),
        "lien-he/danh-ba.vcf": vcard.all_cards(render_contacts.ordered_units(data), url),
        "lien-he/contacts.json": jsonfeed.dumps(jsonfeed.document(data, url)),
        "lien-he/contacts.schema.json": CONTACTS_SCHEMA.read_text(encoding="utf-8"),
        builder_data.URI: builder_data.dumps(data),
    }
    for lang in i18n.TRANSLATIONS:  # the English pages (/en/…), from the same data and code
        for page, render in (
            (render_contacts.PAGE, render_contacts.render),
            (render_escalation.PAGE, render_escalation.render),
            (render_misconduct.PAGE, render_misconduct.render),
            (render_glossary.PAGE, render_glossary.render),
        ):
            files[i18n.translation_path(page, lang)] = render(data, lang)
    for unit in data.units.data["units"]:
        files[f"lien-he/vcard/{unit['id']}.vcf"] = vcard.card(unit, url)
    files[render_legal.PAGE] = render_legal.render(data, citing_pages(docs_dir, files))
    return files
