"""Where a 2,000-page build's CPU goes, plain Material against this site (issue 13h).

    python -m tools.bench.build_profile [--pages 2000] [--rounds 3]

Builds the two projects of the search benchmark's build-CPU ratio
(tools/bench/search.py: ``copy_project(search_additions=False)`` built with
``mkdocs_patched("skip")``, ``copy_project()`` with ``mkdocs_patched("timed")``)
in alternating order, each build run with a few lines of instrumentation in
front of the benchmark's own script. Inside the build process it records CPU
(user, system), minor page faults and blocks written per region: interpreter
start, imports and configuration, every plugin's handler of every event
(per edition: the English one is built from kb-i18n's ``on_post_build``),
MkDocs' own steps (markdown, templates, static files, anchors), the cyclic
collector's runs (``gc.callbacks``), the time after the build returns and,
from the parent's ``RUSAGE_CHILDREN``, the interpreter's teardown after
``atexit``. Regions are exclusive (a nested region's cost is not counted in
the one around it). Prints each region's mean per variant and the difference,
largest first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.bench.search import copy_project, inject, mkdocs_patched
from tools.bench.synthetic import corpus as synthetic_corpus

# Runs before the benchmark's script, in the build process; writes its
# figures to the file named by KB_PROFILE at exit.
INSTRUMENT = r"""
import os as _os, resource as _res, gc as _gc, atexit as _atexit, json as _json
def _now():
    r = _res.getrusage(_res.RUSAGE_SELF)
    return (r.ru_utime, r.ru_stime, r.ru_minflt, r.ru_oublock)
_start = _now()
_regions = {}
_stack = []   # [label, start, child cost]
_depth = [0]
def _add(label, cost, calls=1):
    a = _regions.setdefault(label, [0, 0.0, 0.0, 0, 0])
    a[0] += calls
    for i in range(4):
        a[i + 1] += cost[i]
def _enter(label):
    _stack.append([label, _now(), [0, 0, 0, 0]])
def _leave():
    label, start, child = _stack.pop()
    end = _now()
    total = [e - s for e, s in zip(end, start)]
    _add(label, [t - c for t, c in zip(total, child)])
    if _stack:
        _stack[-1][2] = [c + t for c, t in zip(_stack[-1][2], total)]
def _region(label_of):
    def wrap(f):
        def run(*a, **k):
            _enter(label_of(*a, **k))
            try:
                return f(*a, **k)
            finally:
                _leave()
        run.__wrapped__ = f
        return run
    return wrap
def _edition():
    return "en" if _depth[0] > 1 else "vi"
_gc_runs = {}
_gc_start = [None]
def _gc_cb(phase, info):
    if phase == "start":
        _gc_start[0] = _now()
    elif _gc_start[0] is not None:
        cost = [e - s for e, s in zip(_now(), _gc_start[0])]
        where = _stack[-1][0] if _stack else "outside"
        key = f"gc gen{info['generation']} in {where}"
        a = _gc_runs.setdefault(key, [0, 0.0, 0.0, 0, 0])
        a[0] += 1
        for i in range(4):
            a[i + 1] += cost[i]
_gc.callbacks.append(_gc_cb)

import mkdocs.commands.build as _b, mkdocs.plugins as _p, mkdocs.utils as _u
from mkdocs.structure.files import Files as _Files
from mkdocs.structure.pages import Page as _Page
_build = _b.build
def _whole_build(*a, **k):
    _depth[0] += 1
    _enter(f"{_edition()}: mkdocs build, rest")
    try:
        return _build(*a, **k)
    finally:
        _leave()
        _depth[0] -= 1
_b.build = _whole_build
for _name in ("_populate_page", "_build_page", "_build_theme_template", "_build_extra_template",
              "get_files", "get_navigation"):
    setattr(_b, _name, _region(lambda *a, _n=_name, **k: f"{_edition()}: mkdocs {_n}")(getattr(_b, _name)))
_Files.copy_static_files = _region(lambda *a, **k: f"{_edition()}: mkdocs copy_static_files")(_Files.copy_static_files)
_Files.add_files_from_theme = _region(lambda *a, **k: f"{_edition()}: mkdocs add_files_from_theme")(_Files.add_files_from_theme)
_Page.validate_anchor_links = _region(lambda *a, **k: f"{_edition()}: mkdocs validate_anchor_links")(_Page.validate_anchor_links)
_clean = _u.clean_directory
_u.clean_directory = _region(lambda *a, **k: f"{_edition()}: mkdocs clean_directory")(_clean)
_b.utils.clean_directory = _u.clean_directory
def _run_event(self, name, item=None, **kwargs):
    pass_item = item is not None
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")
        _enter(f"{_edition()}: {name} {self._current_plugin}")
        try:
            result = method(item, **kwargs) if pass_item else method(**kwargs)
        finally:
            _leave()
        if result is not None:
            item = result
    self._current_plugin = None
    return item
_p.PluginCollection.run_event = _run_event
_after_build = [None]
def _at_exit():
    end = _now()
    r = _res.getrusage(_res.RUSAGE_SELF)
    out = {
        "start": list(_start),
        "regions": _regions,
        "gc": _gc_runs,
        "exit": list(end),
        "maxrss_kb": r.ru_maxrss,
        "gc_counts": _gc.get_count(),
        "objects": len(_gc.get_objects()),
    }
    with open(_os.environ["KB_PROFILE"], "w") as f:
        _json.dump(out, f)
_atexit.register(_at_exit)
_enter("cli: imports, configuration, after the build")
"""


def build(project: Path, site: Path, patch: str) -> dict:
    fd, out = tempfile.mkstemp(prefix="build-profile-")
    os.close(fd)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_PROFILE": out}
    env.pop("KB_SEARCH_CPU", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(
        [sys.executable, "-c", INSTRUMENT + mkdocs_patched(patch), "build", "-q", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"build of {project} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    got = json.loads(Path(out).read_text())
    os.unlink(out)
    total = [
        after.ru_utime - before.ru_utime,
        after.ru_stime - before.ru_stime,
        after.ru_minflt - before.ru_minflt,
        after.ru_oublock - before.ru_oublock,
    ]
    regions = {k: v[1:] for k, v in got["regions"].items()}
    # The region opened last in INSTRUMENT is never closed: what it spent
    # until atexit is the exit snapshot minus everything else.
    inside = [sum(v[i] for v in regions.values()) for i in range(4)]
    regions["cli: imports, configuration, after the build"] = [
        e - s - i for e, s, i in zip(got["exit"], got["start"], inside)
    ]
    regions["interpreter start (before the script)"] = got["start"]
    regions["teardown after atexit"] = [t - e for t, e in zip(total, got["exit"])]
    return {
        "total": total,
        "regions": regions,
        # [user, sys, minflt, blocks, collections]
        "gc": {k: v[1:] + v[:1] for k, v in got["gc"].items()},
        "maxrss_mb": got["maxrss_kb"] / 1024,
        "objects_at_exit": got["objects"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the last round's two sites under this folder")
    ap.add_argument("--json", type=Path, help="save every build's figures here")
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="build-profile-"))
    variants = {"plain Material": (False, "skip"), "this site": (True, "timed")}
    results: dict[str, list[dict]] = {name: [] for name in variants}
    try:
        corpus = synthetic_corpus(a.pages)
        projects = {}
        for name, (additions, _) in variants.items():
            projects[name] = copy_project(tmp / f"project-{additions}", search_additions=additions)
            inject(projects[name], corpus)
        for rnd in range(a.rounds):
            order = list(variants) if rnd % 2 == 0 else list(reversed(variants))
            for name in order:
                site = tmp / f"site-{name.replace(' ', '-')}"
                got = build(projects[name], site, variants[name][1])
                results[name].append(got)
                if a.keep and rnd == a.rounds - 1:
                    a.keep.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(site), a.keep / site.name)
                else:
                    shutil.rmtree(site)
                u, s, flt, blk = got["total"]
                print(
                    f"round {rnd + 1} {name}: CPU {u + s:.1f} s (user {u:.1f}, sys {s:.1f}), "
                    f"minflt {flt / 1e3:.0f}k, written {blk * 512 / 1e6:.0f} MB, "
                    f"max RSS {got['maxrss_mb']:.0f} MB, load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        a.json.write_text(json.dumps(results))
    report(results)
    return 0


def report(results: dict[str, list[dict]]) -> None:
    plain, ours = results["plain Material"], results["this site"]

    def mean(runs, key, field, i):
        return statistics.mean(r[field].get(key, [0, 0, 0, 0, 0])[i] for r in runs)

    print("\nMean per build (CPU s = user + sys; minflt in thousands)")
    print(f"  {'':58}{'plain':>8}{'ours':>8}{'diff':>8}{'sys diff':>9}{'flt diff':>9}")
    for field in ("regions", "gc"):
        keys = {k for r in plain + ours for k in r[field]}
        rows = []
        for k in keys:
            p = mean(plain, k, field, 0) + mean(plain, k, field, 1)
            o = mean(ours, k, field, 0) + mean(ours, k, field, 1)
            rows.append(
                (
                    o - p,
                    k,
                    p,
                    o,
                    mean(ours, k, field, 1) - mean(plain, k, field, 1),
                    mean(ours, k, field, 2) - mean(plain, k, field, 2),
                )
            )
        rows.sort(key=lambda r: -abs(r[0]))
        print(f"  -- {field}: sum of differences {sum(r[0] for r in rows):+.2f} s")
        for d, k, p, o, ds, df in rows:
            if abs(d) >= 0.05 or max(p, o) >= 1.0:
                runs = (
                    f"  ({mean(plain, k, field, 4):.0f} → {mean(ours, k, field, 4):.0f} runs)"
                    if field == "gc"
                    else ""
                )
                print(f"  {k[:58]:58}{p:8.2f}{o:8.2f}{d:+8.2f}{ds:+9.2f}{df / 1e3:+9.0f}{runs}")
    tp = [r["total"][0] + r["total"][1] for r in plain]
    to = [r["total"][0] + r["total"][1] for r in ours]
    print(
        f"  whole builds: plain {statistics.mean(tp):.2f} s, ours {statistics.mean(to):.2f} s, "
        f"ratio per round " + ", ".join(f"{o / p:.2f}×" for o, p in zip(to, tp))
    )
    # The same work in both builds (the same pages' Markdown to HTML, the
    # same hooks on it): its ratio is how much faster or slower the machine
    # ran one build than the other, whatever our code does.
    same = (
        "vi: mkdocs _populate_page",
        "vi: page_markdown overrides/hooks/kb.py",
        "vi: page_content overrides/hooks/kb.py",
    )
    sp = [sum(sum(r["regions"].get(k, [0, 0])[:2]) for k in same) for r in plain]
    so = [sum(sum(r["regions"].get(k, [0, 0])[:2]) for k in same) for r in ours]
    print(
        "  the same work in both (Markdown to HTML and the hooks on it), ours / plain per round: "
        + ", ".join(f"{o / p:.2f}× ({p:.1f} → {o:.1f} s)" for o, p in zip(so, sp))
    )
    print(
        "  ours minus plain per round, whole build: "
        + ", ".join(f"{o - p:+.1f} s" for o, p in zip(to, tp))
        + "; the writers (our post_build): "
        + ", ".join(
            f"{sum(r['regions'].get('vi: post_build overrides/hooks/kb.py', [0, 0])[:2]):.1f} s" for r in ours
        )
    )
    print(
        "  max RSS: plain "
        + ", ".join(f"{r['maxrss_mb']:.0f}" for r in plain)
        + " MB; ours "
        + ", ".join(f"{r['maxrss_mb']:.0f}" for r in ours)
        + " MB; objects tracked at exit: plain "
        + ", ".join(str(r["objects_at_exit"]) for r in plain)
        + "; ours "
        + ", ".join(str(r["objects_at_exit"]) for r in ours)
    )


if __name__ == "__main__":
    raise SystemExit(main())
