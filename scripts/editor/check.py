"""``make check``: every check an editor's change must pass, in plain words.

    python -m scripts.editor.check   # all checks; exit 0 ok, 2 problems to fix, 1 a tool failed

Runs, in order: the strict build, which validates the data files, every
page's front matter, the procedure template, raw HTML, snippets and
invisible characters before it checks links and anchors
(scripts/build/plugin.py); the Markdown linter (pages over 200 KB: a warning
instead), the YAML linter, the GitHub workflow schema, ruff and ESLint. Every
problem is printed as ``file:line: message``; CONTRIBUTING.md explains each
message.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from scripts import ROOT
from scripts.build.strict import EXIT_EDITOR, EXIT_OK, EXIT_TOOL, is_editor_failure, strict_build
from scripts.editor import linters

BUILD_CHECK = (
    "dựng thử nghiêm ngặt (dữ liệu, phần đầu trang, mẫu thủ tục, trích dẫn pháp luật, liên kết, neo, menu)"
)


class Report:
    """Collects problems per check and prints a summary line for each."""

    def __init__(self, out=sys.stdout, summary: bool = True):
        self.out, self.summary = out, summary
        self.problems: list[str] = []
        self.tool_errors: list[str] = []

    def section(self, title: str, problems: list[str], tool_error: str | None = None, skipped: str = ""):
        # Once per run: data/units.yaml problems reach both the data and the
        # front-matter checks, and a mistake the data check names (say a
        # duplicate key) is found again by the YAML linter on the same line.
        seen = {_location(p) for p in self.problems}
        problems = [p for p in dict.fromkeys(problems) if p not in self.problems and _location(p) not in seen]
        for line in problems:
            print(line, file=self.out)
        if tool_error:
            print(f"lỗi công cụ: {title}: {tool_error}", file=self.out)
            self.tool_errors.append(tool_error)
        state = (
            "không chạy được"
            if tool_error
            else f"{len(problems)} lỗi"
            if problems
            else f"bỏ qua ({skipped})"
            if skipped
            else "đạt"
        )
        if self.summary:
            print(f"-- {title}: {state}", file=self.out)
        self.problems += problems

    @property
    def status(self) -> int:
        if self.tool_errors:
            return EXIT_TOOL
        return EXIT_EDITOR if self.problems else EXIT_OK


def _location(problem: str) -> str:
    """``file:line`` of a ``file:line[:col]: message`` problem (the whole line otherwise)."""
    parts = problem.split(":", 2)
    return ":".join(parts[:2]) if len(parts) == 3 and parts[1].isdigit() else problem


def check_build(root: Path, report: Report) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="check-site-"))
    try:
        status, problems, others, log = strict_build(root, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tool_error = None
    if status != 0 and not is_editor_failure(problems, others, log):
        # Not (only) an editor mistake: show what mkdocs said.
        tool_error = "mkdocs build failed:\n" + "\n".join(others or [log.strip()[-3000:]])
    report.section(BUILD_CHECK, problems, tool_error)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run every editor check; print file:line: message.")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file() else ROOT,
        help="repository to check (default: the current one)",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = Report()
    check_build(root, report)
    for title, runner in (
        ("cách viết Markdown (pymarkdown, .pymarkdown.json)", linters.lint_markdown),
        ("cách viết YAML (yamllint, .yamllint.yml)", linters.lint_yaml),
        ("quy trình GitHub Actions (.github/workflows)", linters.lint_workflows),
        ("mã Python (ruff, pyproject.toml)", linters.lint_python),
        ("mã JavaScript (ESLint, eslint.config.mjs)", linters.lint_javascript),
    ):
        problems, tool_error = runner(root)
        report.section(title, problems, tool_error)
    for warning in linters.markdown_size_warnings(root):
        print(warning)  # not a problem: the check still passes
    status = report.status
    if status == EXIT_EDITOR:
        print(f"\nCó {len(report.problems)} lỗi cần sửa; CONTRIBUTING.md giải thích từng thông báo.")
    elif status == EXIT_OK:
        print("\nmọi kiểm tra đều đạt")
    return status


if __name__ == "__main__":
    sys.exit(main())
