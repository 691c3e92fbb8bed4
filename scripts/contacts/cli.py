"""Command line: validate the data, or write every generated file to a directory.

    python -m scripts.contacts check
    python -m scripts.contacts generate --out build/generated [--site-url URL]

Exit status 0 on success, 2 when the data has problems (each printed as
``data/units.yaml:LINE:COL: field: message``); the output directory is then
left exactly as it was, because files are written to a temporary directory
that replaces it only when everything was generated.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from scripts import ROOT
from scripts.contacts.load import load_data
from scripts.contacts.outputs import generate
from scripts.yamlstrict import InvalidInput


def write_atomically(out: Path, files: dict[str, str]) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for rel, content in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="")
        old = out.with_name(f".{out.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def site_url_from_config(root: Path) -> str | None:
    from scripts.web import site_address

    return site_address.site_url(root) if (root / "mkdocs.yml").is_file() else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.contacts", description="Contacts, escalation and glossary from data/*.yaml"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="repository root holding data/ (default: this one)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/*.yaml; print every problem")
    gen = sub.add_parser("generate", help="write the generated Markdown, vCards and JSON to a directory")
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--site-url", default=None, help="absolute site URL (default: site_url in mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        data = load_data(args.root)
    except InvalidInput as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} lỗi trong data/; chưa sinh tệp nào", file=sys.stderr)
        return 2
    if args.command == "check":
        print("data/: units, organization, escalation, glossary, channels, holidays and legal are valid")
        return 0
    docs_dir = args.root / "docs"
    files = generate(
        data, args.site_url or site_url_from_config(args.root), docs_dir if docs_dir.is_dir() else None
    )
    write_atomically(args.out, files)
    print(f"{len(files)} files written to {args.out}")
    return 0
