"""Material's page parser and the build's (issue 13h) on a 2,000-page build.

    python -m tools.bench.material_parser [--pages 2000] [--rounds 5]

Builds the synthetic site as the search benchmark does (tools/bench/search.py,
Material's own parser in that build), keeps the HTML of every page Material's
search plugin indexes, then:

1. checks that ``FastParser`` gives Material's ``Parser``'s sections (element
   tag and attributes, depth, id, title and text lists) on every page, and
   exits non-zero if any page differs;
2. times both parsers over all pages in alternating rounds (CPU seconds,
   user + system, ``os.times``) and prints each round, the medians and their
   ratio.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.search.material_parser import FastParser, MaterialParser
from tools.bench.search import copy_project, inject
from tools.bench.synthetic import corpus as synthetic_corpus

# mkdocs with Material's own parser, saving (url, page.content) of each page
# Material indexes to the file named by KB_PAGES.
CAPTURE = """
import os, pickle
import scripts.search.material_parser as m
from material.plugins.search import plugin as material_search
m.install = lambda: None
seen = []
add = material_search.SearchIndex.add_entry_from_context
def keep(self, page):
    assert material_search.Parser is m.MaterialParser  # Material's, not ours
    if not (page.meta.get("search") or {}).get("exclude"):
        seen.append((page.url, page.content))
    return add(self, page)
material_search.SearchIndex.add_entry_from_context = keep
from mkdocs.__main__ import cli
try:
    cli(prog_name="mkdocs")
finally:
    with open(os.environ["KB_PAGES"], "wb") as out:
        pickle.dump(seen, out)
"""


def sections(parser_class, html: str) -> list:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text) for s in parser.data]


def capture(project: Path, site: Path, *options: str) -> list[tuple[str, str]]:
    """Build ``project`` into ``site`` with Material's own parser (``options``:
    more ``mkdocs build`` options); (url, HTML) of every page it indexes."""
    saved = site.parent / f"{site.name}-pages.pickle"
    r = subprocess.run(
        [sys.executable, "-c", CAPTURE, "build", "-q", *options, "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_PAGES": str(saved)},
    )
    if r.returncode != 0:
        raise RuntimeError(f"build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    with saved.open("rb") as f:
        return pickle.load(f)


def pages_of_build(tmp: Path, pages: int) -> list[tuple[str, str]]:
    project = copy_project(tmp / "project")
    inject(project, synthetic_corpus(pages))
    return capture(project, tmp / "site")


def cpu_parsing(parser_class, contents: list[str]) -> float:
    t = os.times()
    for html in contents:
        parser = parser_class()
        parser.feed(html)
        parser.close()
    u = os.times()
    return (u.user - t.user) + (u.system - t.system)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000, help="synthetic pages (default 2000)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds of each parser (default 5)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="material-parser-") as tmp:
        captured = pages_of_build(Path(tmp), a.pages)
    contents = [html for _, html in captured]
    differ = [url for url, html in captured if sections(MaterialParser, html) != sections(FastParser, html)]
    count = sum(len(sections(MaterialParser, html)) for html in contents)
    print(
        f"{len(captured)} pages ({sum(map(len, contents)) / 1e6:.1f} MB of HTML, {count} sections): "
        f"{len(differ)} with different sections" + (f": {differ[:20]}" if differ else "")
    )
    if differ:
        return 1
    times: dict[str, list[float]] = {"Material": [], "ours": []}
    for r in range(a.rounds):
        order = (("Material", MaterialParser), ("ours", FastParser))
        for name, cls in order if r % 2 == 0 else order[::-1]:
            times[name].append(cpu_parsing(cls, contents))
        print(
            f"  round {r + 1}: Material {times['Material'][-1]:.2f} s, ours {times['ours'][-1]:.2f} s, "
            f"load {os.getloadavg()[0]:.1f}"
        )
    m, o = statistics.median(times["Material"]), statistics.median(times["ours"])
    print(f"median CPU: Material {m:.2f} s, ours {o:.2f} s ({o / m:.2f}×, {m - o:.2f} s less)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
