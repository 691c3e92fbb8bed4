"""Run every source check of scripts/safety over the content files, each
file read once: what ``python -m scripts.safety``, ``make check``, the build
and the serve hook report."""

from __future__ import annotations

from pathlib import Path

from scripts import ROOT
from scripts.safety import hygiene, includes, rawhtml
from scripts.yamlstrict import InvalidInput, Problem, display_name, read_text

# Markdown that reaches the site: pages, snippets, and the guide made from CONTRIBUTING.md.
MARKDOWN_DIRS = ("docs", includes.SNIPPETS_DIR)
MARKDOWN_FILES = ("CONTRIBUTING.md",)
DATA_DIR = "data"


def content_files(root: Path) -> tuple[list[Path], list[Path]]:
    """(Markdown files, data files) whose text can reach a page."""
    markdown = [root / f for f in MARKDOWN_FILES if (root / f).is_file()]
    for folder in MARKDOWN_DIRS:
        if (root / folder).is_dir():
            markdown += sorted(p for p in (root / folder).rglob("*.md") if not p.is_symlink())
    data = sorted((root / DATA_DIR).glob("*.yaml")) if (root / DATA_DIR).is_dir() else []
    return markdown, data


def check(root: Path = ROOT) -> list[Problem]:
    """Every problem, sorted; each file is read once."""
    found = includes.link_problems(root)
    markdown, data = content_files(root)
    for path in markdown + data:
        name = display_name(path, root)
        try:
            text = read_text(path, name)
        except InvalidInput as e:
            found += e.problems  # the data check names unreadable data files as well
            continue
        located = hygiene.problems(text)
        if path in markdown:
            located += rawhtml.problems(text)
            located += [
                (line, col, message)
                for line, col, written in includes.snippet_refs(text)
                if (message := includes.snippet_problem(written, root))
            ]
        found += [Problem(name, line, col, "", message) for line, col, message in located]
    return sorted(set(found))
