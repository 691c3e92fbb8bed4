"""contacts.json: the units as machine-readable data, valid against
data/schemas/contacts.schema.json. '<', '>' and '&' are written as \\u escapes
so the file stays inert even if someone embeds it in HTML."""

from __future__ import annotations

import json

FIELDS = (
    "id",
    "name",
    "short_name",
    "kind",
    "parent",
    "address",
    "former_address",
    "map_url",
    "hours",
    "phones",
    "hotline",
    "email",
    "website",
    "handles",
    "notes",
    "verified_on",
    "sources",
)


def document(data, page_url: str) -> dict:
    units = []
    for unit in data.units.data["units"]:
        out = {k: _without_translations(unit[k]) for k in FIELDS if k in unit}
        out["verified"] = "verified_on" in unit
        out["page_url"] = f"{page_url}#{unit['id']}"
        out["vcard"] = f"vcard/{unit['id']}.vcf"
        units.append(out)
    org = data.organization.data["organization"]
    return {
        "$schema": "contacts.schema.json",
        "source": "data/units.yaml",
        "organization": {"unit": org["unit"], "since": org["since"], "legal_basis": org["legal_basis"]},
        "units": units,
    }


def _without_translations(value):
    """The Vietnamese fields only: English ones (``*_en``) are for the English pages."""
    if isinstance(value, dict):
        return {k: _without_translations(v) for k, v in value.items() if not k.endswith("_en")}
    if isinstance(value, list):
        return [_without_translations(v) for v in value]
    return value


def dumps(doc: dict) -> str:
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
