"""Build time with and without the English edition, measured in the same run.

"With" is the project as it is (Vietnamese site plus /en/, mkdocs-static-i18n
through scripts/build/i18n.py). "Without" is a copy of the project with the
English pages (docs/**/*.en.md), the kb-i18n plugin (mkdocs.yml) and the
English generated pages (scripts/i18n.py's LANGUAGES) removed, i.e. the
Vietnamese site alone. Each is built several times with
``mkdocs build --strict`` (alternating, median of the runs: the machine is
shared); the ratio is the number the issue holds to (target: at most 1.3).
Numbers are printed, not asserted.

    python -m tools.bench.i18n_build [--runs N]      (or: make bench-i18n)
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scripts import ROOT
from scripts.build.strict import strict_build
from tools.testing.project_copy import copy_project

TARGET = 1.3


def without_english(dest: Path) -> Path:
    """A copy of the project without its English edition."""
    copy_project(dest)
    for page in (dest / "docs").rglob("*.en.md"):
        page.unlink()
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The plugin's block: from "- kb-i18n:" to the next plugin entry.
    text, n = re.subn(r"(?ms)^  - kb-i18n:\n.*?(?=^  (?:#|- ))", "", text)
    if n != 1:
        sys.exit("tools/bench/i18n_build.py: could not find the kb-i18n block in mkdocs.yml")
    config.write_text(text, encoding="utf-8")
    # No English pages generated from data/ either (the copy imports its own scripts/).
    languages = dest / "scripts" / "i18n.py"
    languages.write_text(
        languages.read_text(encoding="utf-8").replace('LANGUAGES = ("vi", "en")', 'LANGUAGES = ("vi",)'),
        encoding="utf-8",
    )
    return dest


def build_seconds(project: Path, site: Path) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one build; CPU time (user + system of the
    mkdocs process) is what the ratio uses: the machine is shared, and other
    processes stretch wall-clock time far more than CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status, _, _, log = strict_build(project, site)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status != 0:
        sys.exit(f"build of {project} failed:\n{log}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-i18n-") as tmp:
        tmp = Path(tmp)
        baseline = without_english(tmp / "vi-only")
        times = {"with English edition": [], "Vietnamese only": []}
        for run in range(args.runs):
            times["Vietnamese only"].append(build_seconds(baseline, tmp / f"site-vi-{run}"))
            times["with English edition"].append(build_seconds(ROOT, tmp / f"site-both-{run}"))
        pages = {
            name: sum(1 for _ in (tmp / site).rglob("index.html"))
            for name, site in (("Vietnamese only", "site-vi-0"), ("with English edition", "site-both-0"))
        }
    print(f"mkdocs build --strict, median of {args.runs} run(s), same machine, same run:")
    medians = {}
    for name, values in times.items():
        wall = statistics.median(v[0] for v in values)
        medians[name] = cpu = statistics.median(v[1] for v in values)
        runs = ", ".join(f"{v[1]:.1f}" for v in values)
        print(f"  {name:22s} CPU {cpu:6.1f} s, wall {wall:6.1f} s   ({pages[name]} pages; CPU runs: {runs})")
    ratio = medians["with English edition"] / medians["Vietnamese only"]
    print(
        f"  ratio (CPU time)       {ratio:6.2f}×   (target ≤ {TARGET}×: {'met' if ratio <= TARGET else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
