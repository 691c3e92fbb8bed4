"""Mermaid flowcharts computed from the escalation data, and the fence that carries them.

The fence is ``kb-diagram``, not ``mermaid``: Material loads Mermaid from a
third-party CDN for ``.mermaid`` blocks, while this site serves its own copy
(overrides/assets/javascripts/diagrams.js loads it only on pages with a
diagram).
"""
from __future__ import annotations

import html

from scripts.escape import mermaid_label
from scripts.contacts.pages import amount

FENCE = "kb-diagram"


def _label(*lines: str) -> str:
    return '"' + "<br>".join(mermaid_label(line) for line in lines) + '"'


def escalation_chart(levels: list[dict]) -> str:
    lines = ["flowchart TD", f'  DN({_label("Doanh nghiệp có vướng mắc")})']
    nodes = [(f"L{lv['level']}", _label(f"Cấp {lv['level']}: {lv['who']}",
                                        f"Thời hạn: {amount(lv['deadlines'][0])}"))
             for lv in levels]
    return _chain(lines, nodes, "quá hạn hoặc chưa đúng quy định")


def misconduct_chart(levels: list[dict], steps: list[dict]) -> str:
    own = [lv["who"] for lv in levels if lv["own_chain"]]
    lines = ["flowchart TD", f'  DN({_label("Doanh nghiệp tố cáo")})',
             f"  X[{_label('Không gửi qua:', *own)}]", "  DN -.-x X"]
    nodes = [(f"S{step['step']}", _label(f"Bước {step['step']}: {step['who']}",
                                         f"Thời hạn: {amount(step['deadlines'][0])}"))
             for step in steps]
    return _chain(lines, nodes, "quá hạn, hoặc người bị tố cáo là lãnh đạo cấp này")


def _chain(lines: list[str], nodes: list[tuple[str, str]], edge_text: str) -> str:
    """Append ``nodes`` as a chain from the start node DN; every edge after the
    first carries ``edge_text`` (when a business moves on to the next step)."""
    previous = "DN"
    for node, label in nodes:
        lines.append(f"  {node}[{label}]")
        edge = "" if previous == "DN" else f"|{_label(edge_text)}|"
        lines.append(f"  {previous} -->{edge} {node}")
        previous = node
    return "\n".join(lines) + "\n"


def fence(source: str, summary: str) -> str:
    """Markdown for a diagram block; ``summary`` is its accessible name."""
    return f"```{FENCE}\n%% {mermaid_label(summary)}\n{source}```\n"


def fence_format(source, language, class_name, options, md, **kwargs):
    """pymdownx.superfences formatter: an element that diagrams.js turns into the SVG.

    The source sits in an attribute, not in the text, so the search index does
    not pick up Mermaid syntax. Its first line ``%% …`` (a Mermaid comment)
    becomes the accessible name.
    """
    first = source.split("\n", 1)[0]
    label = _decode(first[2:].strip()) if first.startswith("%%") else "Sơ đồ"
    return (f'<div class="{FENCE}" role="img" aria-label="{html.escape(label, quote=True)}" '
            f'data-diagram="{html.escape(source, quote=True)}"></div>')


def _decode(label: str) -> str:
    """Undo mermaid_label's '#<code>;' entities for the plain-text accessible name."""
    import re
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)
