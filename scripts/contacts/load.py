"""Read the editor-written data files strictly and validate them as a whole.

Every file is parsed with scripts.yamlstrict (positions, duplicate keys), checked
against its JSON Schema in data/schemas/, and the files are then checked
against each other (scripts.contacts.checks). All problems of all files are
raised together in one InvalidInput, so an editor fixes them in one pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scripts import ROOT
from scripts.contacts import checks
from scripts.yamlstrict import Document, InvalidInput, Problem, load, schema_problems

# data file stem -> its schema; the order is the order problems are reported in.
DATA_FILES = ("units", "organization", "escalation", "glossary", "channels", "holidays", "legal")


@dataclass
class Data:
    """The validated data files as yamlstrict Documents (data + positions)."""

    units: Document
    organization: Document
    escalation: Document
    glossary: Document
    channels: Document
    holidays: Document
    legal: Document

    @property
    def registry(self):
        """data/legal.yaml with its lookups (scripts.legal.registry)."""
        from scripts.legal.registry import Registry

        if "_registry" not in self.__dict__:
            self.__dict__["_registry"] = Registry(self.legal)
        return self.__dict__["_registry"]

    def unit(self, unit_id: str) -> dict:
        return next(u for u in self.units.data["units"] if u["id"] == unit_id)

    def channel(self, channel_id: str) -> dict:
        return next(c for c in self.channels.data["channels"] if c["id"] == channel_id)


def schema_registry(schema_dir: Path):
    """Every schema in ``schema_dir`` by file name, so ``$ref: page.schema.json`` resolves."""
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))))
    return Registry().with_resources(resources)


SCHEMA_DIR = ROOT / "data" / "schemas"


def load_data(root: Path = ROOT) -> Data:
    """Load and validate data/*.yaml under ``root``; raise InvalidInput listing every problem.

    The schemas are always the project's (data/schemas/): they are the contract,
    whichever data set (the site's or a test fixture) is checked against them.
    """
    data_dir = root / "data"
    schema_dir = SCHEMA_DIR
    registry = schema_registry(schema_dir)
    docs: dict[str, Document] = {}
    problems: list[Problem] = []
    schema_ok: dict[str, bool] = {}
    for stem in DATA_FILES:
        path = data_dir / f"{stem}.yaml"
        try:
            doc = load(path, root)
        except InvalidInput as e:
            problems += e.problems
            schema_ok[stem] = False
            continue
        schema = json.loads((schema_dir / f"{stem}.schema.json").read_text(encoding="utf-8"))
        found = schema_problems(doc, schema, registry)
        problems += found
        schema_ok[stem] = not found
        docs[stem] = doc
    # Cross-file checks assume each file has its schema's shape: run those that can.
    problems += checks.cross_problems(docs, schema_ok)
    if problems:
        raise InvalidInput(problems)
    return Data(**docs)
