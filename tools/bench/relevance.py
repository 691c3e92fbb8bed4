"""The relevance suite (tests/search_relevance.yaml) and its scores.

Scoring follows the project's shared search evaluation tool (hit@1, hit@5, MRR over the
top 10, per kind), so the benchmark's numbers compare with that tool's.
"""
from __future__ import annotations

from pathlib import Path

from scripts import yamlstrict
from scripts import ROOT

SUITE = ROOT / "tests" / "search_relevance.yaml"


def load_suite(path: Path = SUITE) -> list[dict]:
    doc = yamlstrict.load(path, ROOT if path.is_relative_to(ROOT) else None)
    return list(doc.data["queries"])


def page_path(href: str) -> str:
    """URL path of a result link relative to the site root: "thu-tuc/huy-to-khai/"."""
    path = href.split("#")[0].split("?")[0]
    if "://" in path:
        path = path.split("://", 1)[1].split("/", 1)[1] if "/" in path.split("://", 1)[1] else ""
    path = path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


def rank_of(pages: list[str], expect: str) -> int | None:
    """1-based rank of ``expect`` among distinct result pages, or None."""
    seen: list[str] = []
    for p in pages:
        if p not in seen:
            seen.append(p)
    return seen.index(expect) + 1 if expect in seen else None


def summarize(rows: list[dict]) -> dict:
    def agg(rs):
        n = len(rs)
        return {"n": n,
                "hit1": round(sum(1 for r in rs if r["rank"] == 1) / n, 3),
                "hit5": round(sum(1 for r in rs if r["rank"] and r["rank"] <= 5) / n, 3),
                "mrr": round(sum(1 / r["rank"] for r in rs if r["rank"] and r["rank"] <= 10) / n, 3)}
    out = {"all": agg(rows)}
    for kind in sorted({r["kind"] for r in rows}):
        out[kind] = agg([r for r in rows if r["kind"] == kind])
    return out


def run_cli(engine, suite: list[dict]) -> list[dict]:
    rows = []
    for q in suite:
        pages = [p.page for p in engine.search(q["q"])]
        rows.append({**q, "rank": rank_of(pages, q["expect"]), "top": pages[:5]})
    return rows
