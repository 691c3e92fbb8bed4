"""Where the site cites each instrument: pages under docs/ and the data files
that generated pages come from, with file and line (``make legal-impact``)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from scripts import i18n
from scripts.legal import refs as refs_mod
from scripts.legal.refs import Ref

_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)
_H1 = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Mention:
    file: str  # repository-relative
    ref: Ref
    text: str  # the line, stripped


def page_title(text: str, fallback: str) -> str:
    """A page's title: front matter 'title', else its first heading."""
    if text.startswith("---\n"):
        end = text.find("\n---", 3)
        m = _TITLE.search(text[:end] if end > 0 else "")
        if m:
            return html.unescape(m.group(1).strip("'\""))
    m = _H1.search(text)
    return html.unescape(m.group(1)) if m else fallback


def file_mentions(path: Path, name: str) -> list[Mention]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    return [Mention(name, r, lines[r.line - 1].strip()) for r in refs_mod.text_refs(text)]


def mentions(root: Path, docs_dir: Path | None = None) -> list[Mention]:
    """Every mention in docs/**/*.md and data/*.yaml (the register itself excluded)."""
    docs_dir = docs_dir or root / "docs"
    out: list[Mention] = []
    for md in sorted(docs_dir.rglob("*.md")):
        out += file_mentions(
            md, md.relative_to(root).as_posix() if md.is_relative_to(root) else md.as_posix()
        )
    for yml in sorted((root / "data").glob("*.yaml")):
        if yml.name != "legal.yaml":
            out += file_mentions(yml, yml.relative_to(root).as_posix())
    return out


def citing_pages(docs_dir: Path | None, generated: dict[str, str]) -> dict[str, dict[str, str]]:
    """instrument key -> {docs-relative page: title} for hand-written and generated pages."""
    texts = (
        {
            md.relative_to(docs_dir).as_posix(): md.read_text(encoding="utf-8")
            for md in sorted(docs_dir.rglob("*.md"))
        }
        if docs_dir
        else {}
    )
    texts.update({uri: text for uri, text in generated.items() if uri.endswith(".md")})
    out: dict[str, dict[str, str]] = {}
    for uri in sorted(texts):
        if i18n.is_translation(uri):  # the register lists the Vietnamese pages, not their translations
            continue
        text = texts[uri]
        for ref in refs_mod.text_refs(text):
            out.setdefault(ref.key, {})[uri] = page_title(text, uri)
    return out
