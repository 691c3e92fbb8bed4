"""``make check``: every check an editor's change must pass, in plain words.

    python -m scripts.editor.check          # all checks; exit 0 ok, 2 problems to fix, 1 a tool failed

Runs, in order: data validation (``python -m scripts.contacts check``), the
procedure template check (``python -m scripts.pages.procedures check``), raw
HTML, snippets and invisible characters (``python -m scripts.safety``), front
matter of every page, the strict build (links and anchors), the Markdown
linter (pages over 200 KB: a warning instead), the YAML linter and the GitHub
workflow schema. Every problem is
printed as ``file:line: message``; CONTRIBUTING.md explains each message.
The strict build is skipped while data or front matter is invalid: it would
stop on the same mistakes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import ROOT
from scripts.build import buildlog
from scripts.editor import linters
from scripts.yamlstrict import InvalidInput

EXIT_OK, EXIT_TOOL, EXIT_EDITOR = 0, 1, 2
# Editor-input checks written by other modules: (module, arguments, what it checks).
MODULE_CHECKS = (
    ("scripts.contacts", ("check",), "data files (data/*.yaml)"),
    ("scripts.pages.procedures", ("check",), "procedure pages (docs/thu-tuc/)"),
    ("scripts.legal", ("check",), "legal citations (docs/, data/legal.yaml)"),
    ("scripts.safety", (), "raw HTML, snippets, invisible characters (scripts/safety)"),
)


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


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}


def _module_present(root: Path, module: str) -> bool:
    path = root.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__main__.py").is_file()


def run_module_check(root: Path, module: str, args: tuple) -> tuple[list[str], str | None]:
    """Run ``python -m module args`` in ``root``; its output lines are the problems."""
    result = subprocess.run([sys.executable, "-m", module, *args], cwd=root, capture_output=True,
                            text=True, encoding="utf-8", env=_env())
    lines = [line.strip() for line in (result.stdout + "\n" + result.stderr).splitlines() if line.strip()]
    if result.returncode == 0:
        return [], None
    if result.returncode == EXIT_EDITOR:
        return [line for line in lines if buildlog.is_problem_line(line)] or lines, None
    return [], f"python -m {module} {' '.join(args)} exited {result.returncode}: " + " | ".join(lines[-5:])


def front_matter_problems(root: Path) -> list[str]:
    from scripts.pages import frontmatter
    try:
        units = frontmatter.unit_names(root)
    except InvalidInput as e:
        return [str(p) for p in e.problems]
    return [str(p) for p in frontmatter.check_docs(root / "docs", set(units), root)]


def preflight(root: Path, report: Report) -> bool:
    """Data, procedure and front-matter checks (what must pass before building)."""
    ok = True
    for module, args, what in MODULE_CHECKS:
        if not _module_present(root, module):
            report.section(what, [], skipped=f"python -m {module} is not there yet")
            continue
        problems, tool_error = run_module_check(root, module, args)
        report.section(what, problems, tool_error)
        ok = ok and not problems and not tool_error
    problems = front_matter_problems(root)
    report.section("front matter of pages (owner, last_reviewed, review_in)", problems)
    return ok and not problems


def strict_build(root: Path, site_dir: Path) -> tuple[int, list[str], list[str], str]:
    """Run ``mkdocs build --strict``: (exit status, editor problems, other messages, raw log)."""
    config = root / "mkdocs.yml"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site_dir)],
        cwd=root, capture_output=True, text=True, encoding="utf-8", env=_env())
    log = result.stdout + result.stderr
    if result.returncode == 0:
        return 0, [], [], log
    return (result.returncode, *buildlog.translate(log, root / "docs", config), log)


def check_build(root: Path, report: Report) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="check-site-"))
    try:
        status, problems, others, log = strict_build(root, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tool_error = None
    if status != 0 and (others or not problems or "Traceback" in log):
        # Not (only) an editor mistake: show what mkdocs said.
        tool_error = "mkdocs build failed:\n" + "\n".join(others or [log.strip()[-3000:]])
    report.section("strict build (links, anchors, nav)", problems, tool_error)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run every editor check; print file:line: message.")
    parser.add_argument("--root", type=Path, default=Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file()
                        else ROOT, help="repository to check (default: the current one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = Report()
    if preflight(root, report):
        check_build(root, report)
    else:
        report.section("strict build (links, anchors, nav)", [],
                       skipped="fix the problems above first")
    for title, runner in (("Markdown style (pymarkdown, .pymarkdown.json)", linters.lint_markdown),
                          ("YAML style (yamllint, .yamllint.yml)", linters.lint_yaml),
                          ("GitHub workflows (.github/workflows, schema check)", linters.lint_workflows)):
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
