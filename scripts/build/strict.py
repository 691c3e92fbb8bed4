"""Run ``mkdocs build --strict`` in a subprocess and sort what it said.

The build validates all editor input itself (scripts/build/plugin.py stops
with every data, front-matter and procedure problem), so ``make build`` and
``make check`` run it once and read its log, rather than repeating its
checks first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scripts.build import buildlog

EXIT_OK, EXIT_TOOL, EXIT_EDITOR = 0, 1, 2


def _die_with_parent() -> None:
    """Linux: the mkdocs child is killed when the build that started it dies,
    even by SIGKILL, so it never writes into a directory the next build
    removes as stale (prctl PR_SET_PDEATHSIG = 1)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def environment() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}


def strict_build(root: Path, site_dir: Path) -> tuple[int, list[str], list[str], str]:
    """Run ``mkdocs build --strict``: (exit status, editor problems, other messages, raw log)."""
    config = root / "mkdocs.yml"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(),
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    log = result.stdout + result.stderr
    if result.returncode == 0:
        return 0, [], [], log
    return (result.returncode, *buildlog.translate(log, root / "docs", config), log)


def is_editor_failure(problems: list[str], others: list[str], log: str) -> bool:
    """A failed build caused by editor input only (exit 2), not by a tool or a crash (exit 1)."""
    return bool(problems) and not others and "Traceback" not in log
