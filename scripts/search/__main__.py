"""Search the built site from a terminal, ranked as the site's search box ranks.

    python -m scripts.search "thu tuc tam nhap"
    python -m scripts.search --site /tmp/site --json "C/O mẫu D"

Reads site/search/search_index.json (Material's documents) and
site/search/vi_search.json (glossary expansions and ranking constants that
the build generated), so the terminal and the browser share their data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts import ROOT
from scripts.search.normalize import html_to_text
from scripts.search.site import load_engine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.search", description=__doc__.split("\n")[0])
    ap.add_argument("query", nargs="+", help="what you would type into the search box")
    ap.add_argument("--site", type=Path, default=ROOT / "site", help="built site (default: site/)")
    ap.add_argument("-n", type=int, default=10, help="pages to show (default 10)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    a = ap.parse_args(argv)
    try:
        engine = load_engine(a.site)
    except FileNotFoundError as e:
        print(f"{e}: build the site first (make build) or pass --site", file=sys.stderr)
        return 2
    query = " ".join(a.query)
    pages = engine.search(query)[: a.n]
    if a.json:
        print(
            json.dumps(
                [
                    {"page": p.page, "score": p.score, "sections": [s.location for s in p.sections]}
                    for p in pages
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not pages:
        print(f"Không tìm thấy kết quả cho «{query}».")
        return 1
    for rank, p in enumerate(pages, 1):
        title = html_to_text(engine.page_title[p.page]).strip()
        print(f"{rank:2}. {title}  /{p.page}  ({p.score:.3f})")
        for s in p.sections[:3]:
            if "#" in s.location:
                doc = engine.docs[s.ref]
                print(f"      § {html_to_text(doc.get('title', '')).strip()}  /{s.location}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
