"""What the build does to each page's Markdown (called by the MkDocs hook):
refuse citations the checks reject, turn ``[[…]]`` into links with status
badges, and list the page's instruments in its "Căn cứ pháp lý" section."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from scripts.contacts.pages import PAGE_SOURCES
from scripts.legal import checks
from scripts.legal import refs as refs_mod
from scripts.legal.registry import Registry
from scripts.legal.render import LEGAL_PAGE, resolve, with_basis_section


def _source_name(page, config) -> tuple[str, int]:
    """Repository-relative name of the page's file and the number of front-matter
    lines before the Markdown MkDocs passes to hooks (so lines match the file)."""
    path = page.file.abs_src_path
    if page.file.generated_by or not path:
        return f"docs/{page.file.src_uri}", 0
    root = Path(config.config_file_path).parent
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    offset = 0
    if lines and lines[0] == "---" and "---" in lines[1:]:
        offset = lines.index("---", 1) + 1
        while offset < len(lines) and not lines[offset].strip():
            offset += 1  # MkDocs drops the blank lines after front matter
    try:
        return Path(path).relative_to(root).as_posix(), offset
    except ValueError:
        return Path(path).as_posix(), offset


def problems(markdown: str, page, config, registry: Registry):
    """The checks' problems for this page, with lines counted in its file."""
    if page.file.generated_by:
        return []  # generated from data/, checked there
    name, offset = _source_name(page, config)
    found = checks.text_problems(markdown, name, registry)
    return [dataclasses.replace(p, line=p.line + offset) for p in found]


def render(markdown: str, page, registry: Registry) -> str:
    """Citations resolved and the page's instruments listed with their status.

    Pages that other pages summarise (the procedure catalogue, the change log,
    the editor guide) keep their citations but get no list of their own; pages
    generated from data/ (escalation, contacts) do get one.
    """
    if page.file.src_uri == LEGAL_PAGE:
        return markdown
    if page.file.generated_by and page.file.src_uri not in PAGE_SOURCES:
        return resolve(markdown, registry)
    cited = [(r.number, r.article) for r in refs_mod.text_refs(markdown)]
    basis = (page.meta.get("procedure") or {}).get("legal_basis") if isinstance(page.meta, dict) else None
    if isinstance(basis, list):
        cited += [
            (r.number, r.article) for b in basis if isinstance(b, str) for r in refs_mod.line_refs(b, 1)
        ]
    return with_basis_section(resolve(markdown, registry), registry, cited, page.file.src_uri)
