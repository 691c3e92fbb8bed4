"""A writable copy of the project, as the tests and the build benchmarks make
it: what a build reads, without environments, output, tests or tools."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts import ROOT

NOT_COPIED = shutil.ignore_patterns(
    ".git",
    "site",
    ".site-build-*",
    ".venv",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    "tests",
    "tools",
    "*.egg-info",
)


def copy_project(dest: Path) -> Path:
    """Copy the project to ``dest``; the installed front-end packages
    (node_modules) are linked, never written to. ``python -m`` run in the copy
    imports the copy's own scripts/."""
    shutil.copytree(ROOT, dest, ignore=NOT_COPIED, dirs_exist_ok=True)
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest
