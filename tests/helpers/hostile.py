"""The hostile-input tests' copies of the project (issue 14): a copy holding
a "last good" site/ that a refused command must leave untouched, and the
real commands run in it."""

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
