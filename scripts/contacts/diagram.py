"""Mermaid flowcharts computed from the escalation data, and the fence that carries them.

The fence is ``kb-diagram``, not ``mermaid``: Material loads Mermaid from a
third-party CDN for ``.mermaid`` blocks, while this site serves its own copy
(overrides/assets/javascripts/diagrams.js loads it only on pages with a
diagram).
"""
from __future__ import annotations

import html

from scripts.contacts.escape import mermaid_label
from scripts.contacts.pages import amount

FENCE = "kb-diagram"


def _label(*lines: str) -> str:
    return '"' + "<br>".join(mermaid_label(line) for line in lines) + '"'


def escalation_chart(levels: list[dict]) -> str:
    lines = ["flowchart TD", f'  DN({_label("Doanh nghiệp có vướng mắc")})']
    previous = "DN"
    for lv in levels:
        node = f"L{lv['level']}"
        first = lv["deadlines"][0]
        label = _label(f"Cấp {lv['level']}: {lv['who']}", f"Thời hạn: {amount(first)}")
        lines.append(f"  {node}[{label}]")
        edge = "" if previous == "DN" else f"|{_label('quá hạn hoặc chưa đúng quy định')}|"
        lines.append(f"  {previous} -->{edge} {node}")
        previous = node
    return "\n".join(lines) + "\n"


def misconduct_chart(levels: list[dict], steps: list[dict]) -> str:
    own = [lv["who"] for lv in levels if lv["own_chain"]]
    lines = ["flowchart TD", f'  DN({_label("Doanh nghiệp tố cáo")})',
             f"  X[{_label('Không gửi qua:', *own)}]", "  DN -.-x X"]
    previous = "DN"
    for step in steps:
        node = f"S{step['step']}"
        label = _label(f"Bước {step['step']}: {step['who']}", f"Thời hạn: {amount(step['deadlines'][0])}")
        lines.append(f"  {node}[{label}]")
        edge = "" if previous == "DN" else f"|{_label('quá hạn, hoặc người bị tố cáo là lãnh đạo cấp này')}|"
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
