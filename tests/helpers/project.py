"""The project as tests use it: a real ``mkdocs build``, a writable copy of
the repository to break, the built site served on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scripts import ROOT
from scripts.config import site_config
from tools.testing import static_server
from tools.testing.project_copy import copy_project

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


def serve_directory(root: Path):
    """Serve ``root`` at ``/`` on an ephemeral loopback port (context manager
    yielding the base URL): the project's static server, without gzip or the
    ``_headers`` file, which only the hosting tests and benchmarks want."""
    return static_server.serve(root, gzip_text=False, send_headers_file=False)
