"""Temporary copies of the project for the editor-workflow tests.

Each test breaks its own copy (a link, a date, an owner) and runs the real
commands in it: ``python -m scripts.editor.check``, ``python -m scripts.build``,
``python -m scripts.pages.review``. ``python -m`` puts the copy first on sys.path,
so the copy's own scripts/ and data/ are the ones checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from helpers.project import copy_project  # noqa: F401  (re-exported for the editor tests)


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m ARGS`` in ``root``, with output captured as text."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def append_line(path: Path, text: str) -> int:
    """Append ``text`` as a paragraph of its own; return its line number."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = content.count("\n") + 1
    path.write_text(content + text + "\n", encoding="utf-8")
    return line


def set_front_matter(path: Path, key: str, value: str | None) -> int:
    """Set (or with None, delete) a top-level front-matter key; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---", f"{path} has no front matter"
    end = lines.index("---", 1)
    pattern = re.compile(rf"^{re.escape(key)}:")
    for i in range(1, end):
        if pattern.match(lines[i]):
            if value is None:
                del lines[i]
            else:
                lines[i] = f"{key}: {value}"
            break
    else:
        assert value is not None
        i = end
        lines.insert(end, f"{key}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1
