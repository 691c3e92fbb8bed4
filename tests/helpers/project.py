"""The project as tests use it: a real ``mkdocs build``, a writable copy of
the repository to break, the built site served on loopback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import ROOT
from scripts.config import site_config
from tools.testing import static_server

__all__ = ["ROOT", "copy_project", "mkdocs_build", "mkdocs_config", "serve_directory"]


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True):
    """Run a real ``mkdocs build`` and return the CompletedProcess."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", str(site_dir)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=config.parent, capture_output=True, text=True, env=env)


def mkdocs_config() -> dict:
    """The repository's mkdocs.yml as data (nav, validation, theme)."""
    return site_config(ROOT)


# What a build reads, without environments, output, tests or benchmark tools.
_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    "site",
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
    """A writable copy of the project for a test to break and build; the
    installed front-end packages (node_modules) are linked, never written to.
    ``python -m`` run in the copy imports the copy's own scripts/."""
    shutil.copytree(ROOT, dest, ignore=_NOT_COPIED, dirs_exist_ok=True)
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def serve_directory(root: Path):
    """Serve ``root`` at ``/`` on an ephemeral loopback port (context manager
    yielding the base URL): the project's static server, without gzip or the
    ``_headers`` file, which only the hosting tests and benchmarks want."""
    return static_server.serve(root, gzip_text=False, send_headers_file=False)
