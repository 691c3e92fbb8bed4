"""Front matter of the Markdown pages: parse strictly, validate, report.

Every content page carries ``owner``, ``last_reviewed`` and ``review_in``;
procedure pages (``docs/thu-tuc/*.md`` other than the catalogue) add their
structured ``procedure`` metadata. Schemas live in ``data/schemas/`` so
editors' tools can use them too.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from scripts import ROOT
from scripts.yamlstrict import Document, InvalidInput, Problem, loads, schema_problems

SCHEMA_DIR = ROOT / "data" / "schemas"


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def is_procedure(rel: Path) -> bool:
    """docs-relative path of a procedure page (the catalogue index is not one)."""
    return rel.parts[0] == "thu-tuc" and len(rel.parts) == 2 and rel.name != "index.md"


def parse(text: str, file: str) -> Document:
    """The front matter of a page as a Document (empty mapping when absent)."""
    if not text.startswith("---\n"):
        return Document(file, {}, {(): (1, 1)})
    end = text.find("\n---", 3)
    if end < 0:
        raise InvalidInput([Problem(file, 1, 1, "", "front matter opened with '---' is never closed")])
    doc = loads(text[4:end + 1], file, line_offset=1)
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise InvalidInput([doc.problem((), "front matter must be 'key: value' lines")])
    return doc


def page_problems(doc: Document, rel: Path, unit_ids: set[str]) -> list[Problem]:
    problems = schema_problems(doc, schema("page.schema.json"))
    if is_procedure(rel):
        problems += schema_problems(doc, schema("procedure.schema.json"))
    owner = doc.data.get("owner")
    if isinstance(owner, str) and unit_ids and owner not in unit_ids:
        problems.append(doc.problem(("owner",), f"unknown unit id '{owner}'; "
                                    f"known ids are in data/units.yaml: {', '.join(sorted(unit_ids))}"))
    return problems


def check_docs(docs_dir: Path, unit_ids: set[str], root: Path = ROOT) -> list[Problem]:
    """Validate every Markdown page under ``docs_dir``; names are relative to ``root``."""
    problems: list[Problem] = []
    for md in sorted(docs_dir.rglob("*.md")):
        rel = md.relative_to(docs_dir)
        name = str(md.relative_to(root)) if md.is_relative_to(root) else str(md)
        try:
            doc = parse(md.read_text(encoding="utf-8"), name)
        except InvalidInput as e:
            problems += e.problems
            continue
        problems += page_problems(doc, rel, unit_ids)
    return problems
