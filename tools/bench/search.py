"""Search benchmark: `make bench-search` (python -m tools.bench.search).

Measures, in one run, this site's search, plain Material's (lang vi) and
Pagefind 1.5's over the same built pages:
1. relevance on the site's pages (tests/search_relevance.yaml): hit@1, hit@5
   and MRR on the tuning and the held-out split, hit@1 of the queries typed
   without accents, through the real search box in Chromium (and the CLI);
   misses are listed for the tuning split only;
2. transfer at the shipped size and at 2,000 synthetic pages: search bytes
   fetched before the first answer (gzip, as a host sends them), seconds from
   focusing the box to the first answer, on a first visit; at scale, each
   file fetched before the first answer with its size;
3. build CPU time at 2,000 pages in three pairs of builds, plain Material and
   this site in turn (A B, B A, A B), each pair's ratio printed, with the CPU
   of this site's search writers measured inside its build (Pagefind:
   Material's build plus its indexer); ``--control`` adds a third, identical
   plain build to each pair, whose ratio is this machine's noise alone.
   ``--transfer-only`` builds each site once and measures transfer alone.

Nothing here is asserted: the issue's targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.config import MATERIAL_SEARCH_WORKER, SITE_SEARCH_WORKER
from scripts.pages import model as page_model
from scripts.search import english
from scripts.search.site import load_engine
from tools.bench import pagefind_site
from tools.bench.relevance import ROOT, SUITE_EN, load_suite, run_cli, summarize
from tools.bench.search_browser import MATERIAL_BOX, first_answer, launch, run_queries, serve
from tools.bench.synthetic import corpus as synthetic_corpus

MATERIAL_WORKER, OUR_WORKER = MATERIAL_SEARCH_WORKER, SITE_SEARCH_WORKER
EVAL_DIR = "zz-eval"
SHIPPED_PROBE = "hoàn thuế"
KINDS = ["exact", "accentless", "partial", "abbreviation", "d-letter", "question", "legal", "typo", "english"]


# The three functions that write the site's search files: the build hook
# imports the two of scripts.search.site when MkDocs loads it, after the script
# below has replaced them, and calls the English edition's writer through its
# module.
_WRITERS = "s.write_index, s.write_search_data, e.write_edition"


def mkdocs_patched(patch: str) -> str:
    """Source for ``python -c``: mkdocs with each of the three search writers
    replaced by ``patch(writer)``, ``patch`` being one of the functions the
    script defines:

    * ``skip``: none of the site's search files (vi_search.json, the split
      index) is written, and Material's search plugin keeps its own page
      parser (scripts/search/material_parser.py is not installed): plain
      Material's baseline;
    * ``timed``: the files as `mkdocs build` writes them, and the CPU seconds
      spent in the three writers (the same functions, wrapped) saved to the
      file named by KB_SEARCH_CPU: the build's own extra cost, measured inside
      the build rather than as the difference of two builds (``build``
      sets KB_SEARCH_CPU for this script only)."""
    return f"""
import os, time, scripts.search.site as s, scripts.search.english as e, scripts.search.material_parser as m
spent = [0.0]
def skip(f):
    return lambda *a, **k: None
def timed(f):
    def run(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[0] += time.process_time() - t
    return run
{_WRITERS} = map({patch}, ({_WRITERS}))
if {patch} is skip:
    m.install = lambda: None
from mkdocs.__main__ import cli
try:
    cli(prog_name="mkdocs")
finally:
    if "KB_SEARCH_CPU" in os.environ:
        with open(os.environ["KB_SEARCH_CPU"], "w") as out:
            out.write(repr(spent[0]))
"""


WITHOUT_OUR_SEARCH = mkdocs_patched("skip")
TIMING_OUR_SEARCH = mkdocs_patched("timed")


def build(
    project: Path, site: Path, our_search: bool = True, writers: list[float] | None = None
) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a build. CPU time is what the ratio uses:
    on a machine shared with other jobs, wall time mostly measures the others.
    Without ``our_search`` the build writes none of the site's search files
    (vi_search.json, the split index): plain Material's baseline. With
    ``writers`` (a list), the CPU seconds of the search files' writers inside
    the build are appended to it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KB_SEARCH_CPU", None)
    spent = None
    if not our_search:
        mkdocs = ["-c", WITHOUT_OUR_SEARCH]
    elif writers is not None:
        fd, spent = tempfile.mkstemp(prefix="search-cpu-")
        os.close(fd)
        env["KB_SEARCH_CPU"] = spent
        mkdocs = ["-c", TIMING_OUR_SEARCH]
    else:
        mkdocs = ["-m", "mkdocs"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, *mkdocs, "build", "-q", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"build of {project} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if spent:
        writers.append(float(Path(spent).read_text() or "nan"))
        os.unlink(spent)
    return took, cpu


def with_materials_worker(site: Path, dest: Path) -> Path:
    """A copy of a built site whose pages use Material's own search worker
    (and do not load search/boot.js, which answers Material's index request)."""
    shutil.copytree(site, dest)
    boot = re.compile(r'<script src="[^"]*assets/javascripts/search/boot\.js"></script>')
    for html in dest.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if OUR_WORKER in text:
            html.write_text(boot.sub("", text.replace(OUR_WORKER, MATERIAL_WORKER)), encoding="utf-8")
    return dest


def copy_project(dest: Path, search_additions: bool = True) -> Path:
    """The project as search_eval.py copies it; optionally without our search."""
    shutil.copytree(
        ROOT,
        dest,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git", "site", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache"
        ),
    )
    cfg = dest / "mkdocs.yml"
    text = (
        "\n".join(
            "strict: false" if line.startswith("strict:") else line
            for line in cfg.read_text(encoding="utf-8").splitlines()
        )
        + "\n"
    )
    if not search_additions:
        # Material's own worker again (build with our_search=False so that
        # the site's search files are not written either).
        main = dest / "overrides" / "main.html"
        main.write_text(
            re.sub(
                r"\{% block config %\}.*?\{% endblock %\}", "", main.read_text(encoding="utf-8"), flags=re.S
            ),
            encoding="utf-8",
        )
    cfg.write_text(text, encoding="utf-8")
    return dest


def borrowed_front_matter(project: Path) -> str:
    """Front matter of an ordinary page minus title/description (as search_eval.py does)
    and minus its ``search`` settings: the first such page is the editors' guide,
    whose ``search.boost`` (0.5, editors' pages rank after readers' pages) made
    every synthetic page an editors' page."""
    for page in page_model.load(project):
        if page.kind == page_model.PAGE and page.valid and page.owner:
            keep = {k: v for k, v in page.meta.items() if k not in ("title", "description", "search")}
            return (
                "---\n"
                + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in keep.items())
                + "---\n\n"
            )
    return ""


def inject(project: Path, corpus: dict) -> None:
    d = project / "docs" / EVAL_DIR
    d.mkdir(parents=True, exist_ok=True)
    front = borrowed_front_matter(project)
    for p in corpus["pages"]:
        (d / f"{p['slug']}.md").write_text(f"{front}# {p['title']}\n\n{p['body']}\n", encoding="utf-8")


def ratio(a, b) -> str:
    return f"{a / b:.2f}×" if a and b else "n/a"


# -- printing ------------------------------------------------------------------
def _row(label, *cells, width=22):
    print(f"  {label:<20}" + "".join(f"{c:>{width}}" for c in cells))


def _fmt(s: dict) -> str:
    return f"{s['hit1']:.3f}/{s['hit5']:.3f}/{s['mrr']:.3f}"


VIETNAMESE_TARGET = "targets, held-out: hit@1 ≥ 0.95; no accents: hit@1 ≥ 0.93"
ENGLISH_TARGET = "target: hit@1 ≥ 0.90"


def print_relevance(
    results: dict[str, list[dict]], target: str = VIETNAMESE_TARGET, accents: bool = True
) -> None:
    """``accents``: the "typed without accents" rows (Vietnamese queries only)."""
    print(f"\nRelevance on the site's pages, hit@1/hit@5/MRR ({target})")
    _row("", *results, width=24)
    for split in ("tuning", "held-out"):
        summaries = {n: summarize([r for r in rows if r["split"] == split]) for n, rows in results.items()}
        first = next(iter(summaries.values()))
        _row(f"{split} ({first['all']['n']})", *[_fmt(s["all"]) for s in summaries.values()], width=24)
        if accents:
            _row(
                f"  no accents ({first['no-accents']['n']})",
                *[f"hit@1 {s['no-accents']['hit1']:.3f}" for s in summaries.values()],
                width=24,
            )
        if any(r.get("also") for rows in results.values() for r in rows if r["split"] == split):
            _row(
                "  hit@1 with `also`",
                *[f"{s['all']['hit1_also']:.3f}" for s in summaries.values()],
                width=24,
            )
    kinds = sorted({r["kind"] for r in next(iter(results.values())) if r["expect"] != "none"})
    # Per kind on the tuning split only: per-kind figures of the held-out set
    # are what tuning would be steered by (issue 13d).
    print("  per kind, tuning split (hit@1):")
    for kind in kinds:
        cells = []
        for rows in results.values():
            s = summarize([r for r in rows if r["kind"] == kind and r["split"] == "tuning"])
            cells.append(f"{s['all']['hit1']:.3f} (n={s['all']['n']})")
        _row(f"    {kind}", *cells, width=24)
    for name, rows in results.items():
        misses = [r for r in rows if r["rank"] != 1 and r["expect"] != "none" and r["split"] == "tuning"]
        print(f"\nTuning misses ({name}): {len(misses)}")
        for r in misses:
            print(f"  [{r['kind']}] {r['q']!r} → {r['expect']}: rank {r['rank']}, top {r['top'][:3]}")
    ours = next(iter(results.values()))
    oos = [r for r in ours if r["expect"] == "none"]
    if oos:
        print(f"\nOut-of-scope queries ({len(oos)}), first page shown by {next(iter(results))}:")
        for r in oos:
            print(f"  {r['q']!r}: {r['top'][:1]}")


def print_disagreements(cli: list[dict], browser: list[dict]) -> None:
    differ = [(c, b) for c, b in zip(cli, browser) if (c["top"][:1] != b["top"][:1])]
    agree = 1 - len(differ) / len(cli)
    print(f"\nCLI vs browser, same top page: {agree:.3f} ({len(cli) - len(differ)}/{len(cli)})")
    for c, b in differ:
        print(f"  {c['q']!r}: CLI {c['top'][:1]} · browser {b['top'][:1]}")


def measure_transfer(browser, sites: dict[str, tuple[Path, str, str]], query: str, runs: int = 3) -> dict:
    """Median over ``runs`` first visits of each site: (path, page, box selector)."""
    out = {}
    for name, (site, page, selector) in sites.items():
        with serve(site, gzip_text=True) as url:
            rows = [first_answer(browser, url + page, query, selector) for _ in range(runs)]
        secs = [r["seconds"] for r in rows if r["seconds"] is not None]
        after = [r["after_data"] for r in rows if r["after_data"] is not None]
        out[name] = {
            "seconds": statistics.median(secs) if secs else None,
            "after_data": statistics.median(after) if after else None,
            "bytes": statistics.median(r["bytes"] for r in rows),
            "before_focus": statistics.median(r["before_focus"] for r in rows),
            "files": statistics.median(r["files"] for r in rows),
            "runs": rows,
        }
    return out


def _secs(v) -> str:
    return f"{v:.2f} s" if v is not None else "no answer"


def print_transfer(title: str, query: str, t: dict, files_of: str | None = None) -> None:
    """``files_of``: a site whose files fetched before the first answer are
    listed, each with its gzip transfer size (its first visit of median bytes)."""
    print(
        f"\n{title}: first visit, query {query!r} pasted after focusing the box "
        "(median of 3; search code and index, gzip transfer)"
    )
    _row("", *t)
    _row("before focus", *[f"{v['before_focus'] / 1e3:.1f} KB" for v in t.values()])
    _row("before 1st answer", *[f"{v['bytes'] / 1e3:.1f} KB ({v['files']:.0f} files)" for v in t.values()])
    _row("focus → 1st answer", *[_secs(v["seconds"]) for v in t.values()])
    _row("last file → answer", *[_secs(v["after_data"]) for v in t.values()])
    for k in range(max(len(v["runs"]) for v in t.values())):
        _row(
            f"  visit {k + 1}",
            *[
                f"{v['runs'][k]['bytes'] / 1e3:.1f} KB, {_secs(v['runs'][k]['seconds'])}"
                if k < len(v["runs"])
                else ""
                for v in t.values()
            ],
        )
    if files_of in t:
        runs = sorted(t[files_of]["runs"], key=lambda r: r["bytes"])
        run = runs[len(runs) // 2]
        print(f"  {files_of}, files before the first answer ({run['bytes'] / 1e3:.1f} KB, gzip):")
        for path, size, before_focus in sorted(run["detail"], key=lambda f: (not f[2], -f[1])):
            print(f"    {size / 1e3:7.1f} KB  {path}" + ("  (before focus)" if before_focus else ""))


# -- the parts -----------------------------------------------------------------
def relevance(tmp: Path, playwright, limit: int | None = None) -> None:
    suite = load_suite()[:limit]
    site = tmp / "site"
    took, _ = build(ROOT, site)
    print(
        f"Built the site for the relevance suite in {took:.1f} s ({len(suite)} queries: "
        f"{sum(q['split'] == 'tuning' for q in suite)} tuning, "
        f"{sum(q['split'] == 'held-out' for q in suite)} held-out)"
    )
    cli = run_cli(load_engine(site), suite)
    # The English edition's suite (issue 12), on /en/ with the English index.
    suite_en = load_suite(SUITE_EN)[:limit]
    cli_en = run_cli(english.load_engine(site), suite_en)
    material_site = with_materials_worker(site, tmp / "site-material")
    pagefind_dir = tmp / "site-pagefind"
    shutil.copytree(site, pagefind_dir)
    pagefind_site.index(pagefind_dir)
    harness = pagefind_site.write_harness(pagefind_dir)
    browser = launch(playwright)
    try:
        with serve(site) as url:
            ours = run_queries(browser, url, suite, "hải quan", paste=True)
            ours_en = run_queries(browser, url + "en/", suite_en, "customs", paste=True)
        with serve(material_site) as url:
            material = run_queries(browser, url, suite, "hải quan", paste=True)
        with serve(pagefind_dir) as url:
            pagefind = run_queries(
                browser, url + harness, suite, "hải quan", paste=True, selector=pagefind_site.BOX
            )
        transfer = measure_transfer(
            browser,
            {
                "this site": (site, "", MATERIAL_BOX),
                "plain Material": (material_site, "", MATERIAL_BOX),
                "Pagefind 1.5": (pagefind_dir, harness, pagefind_site.BOX),
            },
            SHIPPED_PROBE,
        )
    finally:
        browser.close()
    print_relevance(
        {"this site (browser)": ours, "CLI": cli, "plain Material (vi)": material, "Pagefind 1.5": pagefind}
    )
    print_disagreements(cli, ours)
    print(f"\nEnglish edition (/en/), {len(suite_en)} queries (tests/search_relevance_en.yaml)")
    print_relevance(
        {"this site, /en/ (browser)": ours_en, "CLI (English)": cli_en}, ENGLISH_TARGET, accents=False
    )
    print_disagreements(cli_en, ours_en)
    print_transfer(
        f"Shipped size ({len(json.loads((site / 'search' / 'search_index.json').read_text(encoding='utf-8'))['docs'])} sections)",
        SHIPPED_PROBE,
        transfer,
    )


def scale(
    tmp: Path,
    playwright,
    pages: int,
    latency_queries: int,
    runs: int,
    control: bool = False,
    transfer_only: bool = False,
) -> None:
    """Build CPU in ``runs`` pairs (plain Material and this site), in
    alternating order (A B, B A, A B…) so that a machine getting busier or
    quieter does not always count against the same build; every pair's ratio
    is printed, with this site's search writers' own CPU seconds, measured
    inside its build. ``control``: after each pair, plain Material's build
    once more, so the ratio of two identical builds shows how far this
    machine's noise alone moves a ratio (not part of the target).
    ``transfer_only``: one build of each, no ratio, no hit@1: the transfer
    figures alone."""
    corpus = synthetic_corpus(pages)
    queries = corpus["queries"][:latency_queries]
    for q in queries:
        q["expect"] = f"{EVAL_DIR}/{q['expect']}/"
    sites, cpu = {}, {"this site": [], "plain Material": [], "Pagefind 1.5": []}
    projects = {}
    for name, additions in (("plain Material", False), ("this site", True)):
        projects[name] = copy_project(tmp / f"project-{additions}", search_additions=additions)
        inject(projects[name], corpus)
    # The machine's load (1-minute average) before and after each pair of builds:
    # CPU time grows with it on a shared machine, so a ratio is only as good as
    # the load stayed the same between the two builds.
    loads: list[tuple[float, float]] = []
    again: list[float] = []
    writers: list[float] = []
    orders: list[tuple[str, str]] = []
    for run in range(1 if transfer_only else runs):
        load_before = os.getloadavg()[0]
        order = ("plain Material", "this site") if run % 2 == 0 else ("this site", "plain Material")
        orders.append(order)
        for name in order:
            site = tmp / f"scale-{name.replace(' ', '-')}-{run}"
            ours = name == "this site"
            _, c = build(projects[name], site, our_search=ours, writers=writers if ours else None)
            cpu[name].append(c)
            if run:
                shutil.rmtree(site)
            else:
                sites[name] = site
        if control and not transfer_only:
            site = tmp / f"scale-control-{run}"
            again.append(build(projects["plain Material"], site, our_search=False)[1])
            shutil.rmtree(site)
        loads.append((load_before, os.getloadavg()[0]))
        plain, mine = cpu["plain Material"][-1], cpu["this site"][-1]
        print(
            f"  build CPU, pair {run + 1} ({' then '.join(order)}): plain Material {plain:.1f} s, "
            f"this site {mine:.1f} s ({ratio(mine, plain)}; its search writers {writers[-1]:.1f} s)"
            + (f", plain Material again {again[-1]:.1f} s ({ratio(again[-1], plain)})" if again else "")
            + f", load {loads[-1][0]:.1f} → {loads[-1][1]:.1f}",
            flush=True,
        )
        pf_site = tmp / f"scale-pagefind-{run}"
        shutil.copytree(sites["plain Material"], pf_site)
        _, c = pagefind_site.index(pf_site)
        cpu["Pagefind 1.5"].append(cpu["plain Material"][-1] + c)
        if run:
            shutil.rmtree(pf_site)
        else:
            sites["Pagefind 1.5"] = pf_site
    harness = pagefind_site.write_harness(sites["Pagefind 1.5"])
    # An accented title, which plain Material (no folding) can answer too
    probe = " ".join(corpus["pages"][0]["title"].split()[:5])
    browser = launch(playwright)
    try:
        transfer = measure_transfer(
            browser,
            {
                "this site": (sites["this site"], "", MATERIAL_BOX),
                "plain Material": (sites["plain Material"], "", MATERIAL_BOX),
                "Pagefind 1.5": (sites["Pagefind 1.5"], harness, pagefind_site.BOX),
            },
            probe,
        )
        hits = {}
        for name, (page, selector) in {
            "this site": ("", MATERIAL_BOX),
            "plain Material": ("", MATERIAL_BOX),
            "Pagefind 1.5": (harness, pagefind_site.BOX),
        }.items():
            if transfer_only:
                break
            with serve(sites[name]) as url:
                rows = run_queries(browser, url + page, queries, probe, paste=True, selector=selector)
            # queries are the titles typed without accents
            hits[name] = summarize(rows)["all"]["hit1"]
    finally:
        browser.close()
    print(f"\nScale: {pages} synthetic pages (+ the site's own), same configuration")
    _row("", *cpu)
    for run in range(len(loads)):
        _row(
            f"build CPU, pair {run + 1}",
            *[f"{v[run]:.1f} s" for v in cpu.values()],
            f"{'A B' if orders[run][0] == 'plain Material' else 'B A'}, load {loads[run][0]:.1f} → {loads[run][1]:.1f}",
        )
    # One build of each (--transfer-only) is no ratio to judge the target by.
    if not transfer_only:
        ours = [a / b for a, b in zip(cpu["this site"], cpu["plain Material"])]
        print(
            "  ratio to plain Material per pair (target ≤ 1.10× in every run): this site "
            + ", ".join(ratio(a, b) for a, b in zip(cpu["this site"], cpu["plain Material"]))
            + f" (median {statistics.median(ours):.2f}×); Pagefind "
            + ", ".join(ratio(a, b) for a, b in zip(cpu["Pagefind 1.5"], cpu["plain Material"]))
        )
        print(
            "  this site's search writers inside its build: "
            + ", ".join(f"{w:.1f} s" for w in writers)
            + "; plain Material + those writers, per pair: "
            + ", ".join(ratio(b + w, b) for w, b in zip(writers, cpu["plain Material"]))
        )
        if again:
            print(
                "  control, plain Material built again after the pair (noise alone): "
                + ", ".join(ratio(a, b) for a, b in zip(again, cpu["plain Material"]))
            )
    print_transfer(
        f"At {pages} pages (targets: ≤ 150 KB, no later than Pagefind)", probe, transfer, files_of="this site"
    )
    if hits:
        _row(f"hit@1 ({len(queries)} q.)", *[f"{v:.3f}" for v in hits.values()])
    print(f"  (machine load {os.getloadavg()[0]:.1f})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000, help="synthetic pages (default 2000)")
    ap.add_argument("--latency-queries", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3, help="builds per configuration at scale")
    ap.add_argument("--queries", type=int, default=None, help="first N suite queries (smoke runs)")
    ap.add_argument("--skip-relevance", action="store_true")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument(
        "--control", action="store_true", help="at scale, plain Material built again after each pair (noise)"
    )
    ap.add_argument(
        "--transfer-only",
        action="store_true",
        help="at scale, one build of each and the transfer figures only (no build-CPU ratio, no hit@1)",
    )
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        with sync_playwright() as p:
            if not a.skip_relevance:
                relevance(tmp, p, a.queries)
            if not a.skip_scale:
                scale(tmp, p, a.pages, a.latency_queries, a.runs, a.control, a.transfer_only)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
