"""The hostile-input tests' copies of the project (issue 14): a copy holding
a "last good" site/ that a refused command must leave untouched, and the
real commands run in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.project import copy_project

PAGE = "docs/tuyen-ngon-phuc-vu/gop-y-phan-hoi.md"
MARKER = "last good site"


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m ARGS`` in ``root``, with output captured as text."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )


def project_with_site(tmp_path: Path) -> Path:
    """A copy of the project holding a 'last good' site/ to leave untouched."""
    root = copy_project(tmp_path / "p")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(MARKER, encoding="utf-8")
    return root
