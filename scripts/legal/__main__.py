"""Command line for legal citations.

    python -m scripts.legal check            # every page's citations against data/legal.yaml
    python -m scripts.legal impact [NUMBER]  # every page and line citing NUMBER (or any instrument)

``check`` exits 0 when every citation is fine, 2 when an editor has
something to fix (each problem printed as ``file:line:col: message``);
``impact`` exits 0, or 2 when NUMBER is not in data/legal.yaml and nothing
cites it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import ROOT
from scripts.contacts.load import load_data
from scripts.legal import checks, scan
from scripts.legal.refs import normalize
from scripts.legal.registry import STATUS_LABELS
from scripts.yamlstrict import InvalidInput


def _registry(root: Path):
    try:
        return load_data(root).registry
    except InvalidInput as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in data/; legal citations were not checked", file=sys.stderr)
        return None


def check(root: Path) -> int:
    registry = _registry(root)
    if registry is None:
        return 2
    problems = checks.page_problems(root / "docs", root, registry)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in legal citations (docs/)", file=sys.stderr)
        return 2
    print(f"docs/: every legal citation is registered in data/legal.yaml ({len(registry.items)} instruments)")
    return 0


def impact(root: Path, number: str | None, out=None) -> int:
    """Print, per instrument, every file and line that cites it."""
    out = out or sys.stdout
    registry = _registry(root)
    if registry is None:
        return 2
    wanted = normalize(number) if number else None
    groups: dict[str, list] = {}
    for mention in scan.mentions(root):
        if wanted is None or mention.ref.key == wanted:
            groups.setdefault(mention.ref.key, []).append(mention)
    if wanted is not None and wanted not in groups and registry.get(number) is None:
        print(f"'{number}' không có trong data/legal.yaml và không trang nào dẫn nó", file=sys.stderr)
        return 2
    if wanted is not None and wanted not in groups:
        groups[wanted] = []
    for key in sorted(groups, key=lambda k: (registry.get(k) is None, k)):
        item = registry.get(key)
        head = (
            f"{item['number']} – {item['short_title']} ({STATUS_LABELS[item['status']]})"
            if item
            else f"{groups[key][0].ref.number} – CHƯA ĐĂNG KÝ trong data/legal.yaml"
        )
        print(f"{head}: {len(groups[key])} chỗ dẫn", file=out)
        for m in groups[key]:
            article = f" [Điều {m.ref.article}]" if m.ref.article else ""
            print(f"  {m.file}:{m.ref.line}:{article} {m.text}", file=out)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.legal", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check every page's citations against data/legal.yaml")
    imp = sub.add_parser("impact", help="list every page and line citing an instrument")
    imp.add_argument("number", nargs="?", help="official number, e.g. 38/2015/TT-BTC (default: all)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root)
    return impact(root, args.number)


if __name__ == "__main__":
    sys.exit(main())
