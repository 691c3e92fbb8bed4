"""Lighthouse on phones: this site next to a plain Material site built from
the same pages in the same run.

Both sites are served gzip-compressed by tools/testing/static_server.py; Lighthouse
12.2.3 (tools/lighthouse, `npm ci`) drives Debian's Chromium in its default
mobile mode (simulated slow 4G, 4× CPU slowdown) on the home page, the service
charter and one procedure page, several runs each (median: the machine is
shared, and one run's CPU timings are noisy). Prints performance, accessibility,
best-practices and SEO scores and the first-load transfer size, and the budget
each is held to. Numbers are printed, not asserted.

    python -m tools.bench.web            (or: make bench-web)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

from scripts import ROOT
from scripts.config import site_config
from tools.testing import chromium
from tools.testing.static_server import serve

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", chromium.PATH)
CHROME_FLAGS = " ".join(["--headless=new", "--disable-dev-shm-usage", *chromium.ARGS])
PAGES = {
    "home": "",
    "charter": "tuyen-ngon-phuc-vu/",
    "procedure": "thu-tuc/kiem-tra-ho-so-va-thuc-te-hang-hoa/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 0.95, "accessibility": 1.00, "best-practices": 0.95, "seo": 0.95}
BUDGET_KB = 250
PORTS = (8480, 8481)


def build_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def build_plain_material(pages_md: Path, out: Path, config: dict) -> None:
    """Material's defaults (indigo, Roboto from Google Fonts, its own
    templates and search) over the same Markdown, non-strict."""
    work = Path(tempfile.mkdtemp(prefix="plain-material-"))
    shutil.copytree(pages_md, work / "docs")
    # Pages naming one of this site's templates (the letter builders) get
    # Material's default one: plain Material has no such template.
    for page in (work / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n") and "\ntemplate:" in text.split("\n---", 1)[0]:
            head, rest = text.split("\n---", 1)
            head = "\n".join(line for line in head.split("\n") if not line.startswith("template:"))
            page.write_text(head + "\n---" + rest, encoding="utf-8")
    extensions = []
    for ext in config.get("markdown_extensions", []):
        name = ext if isinstance(ext, str) else next(iter(ext))
        if name == "pymdownx.snippets":
            continue
        extensions.append(name)
    plain = {
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "theme": {"name": "material", "language": "vi"},
        "plugins": ["search"],
        "markdown_extensions": extensions,
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    shutil.rmtree(work, ignore_errors=True)


def lighthouse(url: str, out: Path) -> dict:
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=30000",
    ]
    subprocess.run(
        cmd,
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    scores["kb"] = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    scores["requests"] = len(report["audits"]["network-requests"]["details"]["items"])
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    failed = [
        a
        for a in report["categories"]["accessibility"]["auditRefs"]
        if report["audits"][a["id"]]["score"] not in (None, 1) and a["weight"]
    ]
    failed += [
        a
        for c in ("best-practices", "seo")
        for a in report["categories"][c]["auditRefs"]
        if report["audits"][a["id"]]["score"] not in (None, 1) and a["weight"]
    ]
    scores["failed"] = sorted({a["id"] for a in failed})
    return scores


def median_of(runs: list[dict]) -> dict:
    merged = {
        key: statistics.median(r[key] for r in runs) if runs[0][key] is not None else None
        for key in CATEGORIES + ["kb", "requests"]
    }
    merged["failed"] = sorted({a for r in runs for a in r["failed"]})
    # Each run's performance score and total blocking time: the score is
    # noisy on a shared machine, and TBT is what moves it.
    merged["runs"] = " ".join(f"{r['performance']:.2f}" for r in runs)
    merged["tbt"] = " ".join(f"{r['tbt']:.0f}" for r in runs)
    return merged


def fmt(value) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the Lighthouse JSON reports here")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and site (median)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} is missing: run `npm ci --prefix tools/lighthouse`", file=sys.stderr)
        return 1
    config = site_config(ROOT)
    prefix = urlparse(config.get("site_url") or "/").path
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    reports = args.keep or tmp / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    try:
        ours, plain = tmp / "site", tmp / "plain"
        print("building this site and a plain Material site from the same docs/ …", flush=True)
        build_site(ours)
        build_plain_material(ROOT / "docs", plain, config)
        results: dict[tuple[str, str], dict] = {}
        with serve(ours, prefix, PORTS[0]) as ours_url, serve(plain, prefix, PORTS[1]) as plain_url:
            for name, rel in PAGES.items():
                for site, base in (("this site", ours_url), ("plain Material", plain_url)):
                    print(f"lighthouse: {site}: {name} ({base + rel})", flush=True)
                    slug = f"{name}-{'ours' if site == 'this site' else 'plain'}"
                    results[(name, site)] = median_of(
                        [
                            lighthouse(base + rel, reports / f"{slug}-{run}.json")
                            for run in range(1, args.runs + 1)
                        ]
                    )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(f"median of {args.runs} Lighthouse runs per row (mobile, simulated throttling)")
    print(
        f"{'page':10} {'site':15} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} "
        f"{'KB':>7} {'req':>4}  audits not passed"
    )
    for (name, site), r in results.items():
        print(
            f"{name:10} {site:15} {fmt(r['performance'])} {fmt(r['accessibility'])} "
            f"{fmt(r['best-practices'])} {fmt(r['seo'])} {r['kb']:7.1f} {r['requests']:4.0f}  "
            f"{', '.join(r['failed']) or '-'}"
        )
    print()
    print("performance and total blocking time (ms) of each run")
    for (name, site), r in results.items():
        print(f"{name:10} {site:15} {r['runs']:16}  TBT {r['tbt']}")
    print()
    print(
        f"budget (this site): performance ≥ {BUDGET['performance']}, accessibility "
        f"{BUDGET['accessibility']:.2f}, best practices ≥ {BUDGET['best-practices']}, "
        f"SEO ≥ {BUDGET['seo']}, first-load transfer ≤ {BUDGET_KB} KB"
    )
    for name in PAGES:
        r = results[(name, "this site")]
        missed = [c for c in CATEGORIES if r[c] is None or r[c] < BUDGET[c]]
        if r["kb"] > BUDGET_KB:
            missed.append(f"transfer {r['kb']:.0f} KB")
        print(f"  {name:10} {'within budget' if not missed else 'MISSED: ' + ', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
