"""`make check` on a copy of the project with one 1 MB page, next to the same
check on the unchanged project, in the same run (issue 14 asks for ≤ 30 s).
Also times the Markdown style lint alone on 25, 100 and 200 KB of text,
whole and in the pieces scripts/editor/linters.py cuts it into.
Numbers are printed, not asserted.

    python -m tools.bench.check_large_page
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import ROOT
from tools.testing.project_copy import copy_project

PAGE = "docs/tuyen-ngon-phuc-vu/gop-y-phan-hoi.md"


def paragraphs(size: int) -> str:
    text, i = [], 0
    while sum(map(len, text)) < size:
        text.append(
            f"\nĐoạn văn thử số {i}: doanh nghiệp gửi vướng mắc về thủ tục hải quan và được "
            "trả lời đúng hạn theo quy chế phối hợp.\n"
        )
        i += 1
    return "".join(text)


def timed_check(root: Path) -> tuple[float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "scripts.editor.check"], cwd=root, env=env, capture_output=True, text=True
    )
    return time.perf_counter() - start, result.returncode


def main() -> int:
    from pymarkdown.api import PyMarkdownApi

    from scripts.editor import linters

    api = PyMarkdownApi().configuration_file_path(str(ROOT / ".pymarkdown.json"))
    print("Markdown style lint (pymarkdown), seconds: whole text / in pieces")
    for size in (25_000, 100_000, 200_000):
        text = paragraphs(size)
        start = time.perf_counter()
        if size <= 100_000:
            api.scan_string(text)
            whole = f"{time.perf_counter() - start:6.1f}"
        else:
            whole = "  (skipped: ~4x the 100 KB time)"
        start = time.perf_counter()
        for _, chunk in linters.markdown_chunks(text):
            api.scan_string(chunk)
        print(f"  {size // 1000:4d} KB: {whole} / {time.perf_counter() - start:6.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        plain = copy_project(Path(tmp) / "plain")
        big = copy_project(Path(tmp) / "big")
        with (big / PAGE).open("a", encoding="utf-8") as f:
            f.write(paragraphs(1_000_000))
        base, base_status = timed_check(plain)
        large, large_status = timed_check(big)
    print(f"make check, unchanged project: {base:6.1f} s (exit {base_status})")
    print(
        f"make check, one 1 MB page:     {large:6.1f} s (exit {large_status}); "
        f"ratio {large / base:.2f}; budget 30 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
