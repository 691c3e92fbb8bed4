"""``python -m scripts.safety``: raw HTML, snippets, symbolic links and
invisible characters in every content file; exit 2 with one
``file:line:col: message`` per problem, 0 when there is none."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import ROOT
from scripts.safety.scan import check


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    found = check(args.root.resolve())
    for problem in found:
        print(problem, file=sys.stderr)
    return 2 if found else 0


if __name__ == "__main__":
    sys.exit(main())
