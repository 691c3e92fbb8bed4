"""Shared helpers for the tests of data/*.yaml and scripts/contacts."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import project
from scripts import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "contacts"
GOLDEN = FIXTURE / "golden"
FIXTURE_SITE_URL = "https://example.test/"


def copy_data(src_root: Path, dest_root: Path) -> Path:
    """A writable copy of ``src_root``'s data/*.yaml under ``dest_root``/data."""
    (dest_root / "data").mkdir(parents=True, exist_ok=True)
    for yml in (src_root / "data").glob("*.yaml"):
        shutil.copy(yml, dest_root / "data" / yml.name)
    return dest_root


def copy_project(dest: Path, data_from: Path | None = None) -> Path:
    """A copy of the project to build (helpers.project.copy_project), optionally with other data."""
    project.copy_project(dest)
    if data_from is not None:
        copy_data(data_from, dest)
    return dest
