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

BUILD_CHECK = "site build (data, front matter, procedure template, links, anchors, nav)"


class Report:
    """Collects problems per check and prints a summary line for each."""

    def __init__(self, out=sys.stdout, summary: bool = True):
        self.out, self.summary = out, summary
        self.problems: list[str] = []
        self.tool_errors: list[str] = []

    def section(self, title: str, problems: list[str], tool_error: str | None = None,
                skipped: str = ""):
        # Once per run: data/units.yaml problems reach both the data and the
        # front-matter checks.
        problems = [p for p in dict.fromkeys(problems) if p not in self.problems]
        for line in problems:
            print(line, file=self.out)
        if tool_error:
            print(f"error: {title}: {tool_error}", file=self.out)
            self.tool_errors.append(tool_error)
        state = ("could not run" if tool_error else f"{len(problems)} problem(s)" if problems else
                 f"skipped ({skipped})" if skipped else "ok")
        if self.summary:
            print(f"-- {title}: {state}", file=self.out)
        self.problems += problems

    @property
    def status(self) -> int:
        if self.tool_errors:
            return EXIT_TOOL
        return EXIT_EDITOR if self.problems else EXIT_OK


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
    parser.add_argument("--root", type=Path, default=Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file()
                        else ROOT, help="repository to check (default: the current one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = Report()
    check_build(root, report)
    for title, runner in (("Markdown style (pymarkdown, .pymarkdown.json)", linters.lint_markdown),
                          ("YAML style (yamllint, .yamllint.yml)", linters.lint_yaml),
                          ("GitHub workflows (.github/workflows, schema check)", linters.lint_workflows),
                          ("Python lint and format (ruff, pyproject.toml)", linters.lint_python),
                          ("JavaScript (ESLint, eslint.config.mjs)", linters.lint_javascript)):
        problems, tool_error = runner(root)
        report.section(title, problems, tool_error)
    for warning in linters.markdown_size_warnings(root):
        print(warning)  # not a problem: the check still passes
    status = report.status
    if status == EXIT_EDITOR:
        print(f"\n{len(report.problems)} problem(s) to fix; CONTRIBUTING.md explains each message.")
    elif status == EXIT_OK:
        print("\nall checks passed")
    return status


if __name__ == "__main__":
    sys.exit(main())
