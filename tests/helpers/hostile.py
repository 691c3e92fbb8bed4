"""The hostile-input tests' copies of the project (issue 14): a copy holding
a "last good" site/ that a refused command must leave untouched, and the
real commands run in it; and the markup fragments that the property tests
(test_escape.py, test_hostile_property.py) mix into text."""

from __future__ import annotations

from pathlib import Path

from helpers.editor_project import run  # noqa: F401  (re-exported for the hostile tests)
from helpers.project import copy_project

PAGE = "docs/tuyen-ngon-phuc-vu/gop-y-phan-hoi.md"
MARKER = "last good site"


def project_with_site(tmp_path: Path) -> Path:
    """A copy of the project holding a 'last good' site/ to leave untouched."""
    root = copy_project(tmp_path / "p")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(MARKER, encoding="utf-8")
    return root


# Syntax that some extension of the site reads: HTML, attr_list braces,
# abbreviations, footnotes, snippets, admonitions, tables, links, emphasis,
# definition lists, entities and quotes.
MARKUP_FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{ onclick=alert(1) }",
    "{: #x .y }",
    "*[DN]: doanh nghiệp",
    "*[DN]: bị chèn",
    "[^1]",
    "[^1]: chú thích",
    '--8<-- ".git/config"',
    "!!! note",
    "!!! danger",
    "| a | b |",
    "[x](javascript:1)",
    "[x](javascript:alert(1))",
    "<https://evil.example>",
    "**đậm** _nghiêng_ `mã`",
    "&amp; &lt;",
    "1. mục",
    "- mục",
    "# tiêu đề",
    "> trích",
    "~~~",
    "```",
    "\\",
    "&#60;",
    "]]>",
    "<!--",
    "Đội { onclick=alert(1) }",
    "x\n\ny",
    "term\n:   định nghĩa",
    "A & B \"C\" 'D'",
    "'",
    '"',
    "&",
    "==",
    "~~x~~",
    "^^x^^",
    "<div markdown>",
    "{{ x }}",
]
