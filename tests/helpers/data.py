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
    """A copy of the project to build (helpers.project.copy_project), optionally with other data.

    The project's pages cite real legal instruments, so other data keeps the
    project's register too: its instruments are appended to the other data's
    data/legal.yaml (whose sample instruments the sample data cites).
    """
    project.copy_project(dest)
    if data_from is not None:
        copy_data(data_from, dest)
        real = (ROOT / "data" / "legal.yaml").read_text(encoding="utf-8")
        legal = dest / "data" / "legal.yaml"
        legal.write_text(
            legal.read_text(encoding="utf-8").rstrip("\n") + "\n" + real.split("\ninstruments:\n", 1)[1],
            encoding="utf-8",
        )
    return dest
