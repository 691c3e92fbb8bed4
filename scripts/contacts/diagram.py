"""Mermaid flowcharts computed from the escalation data, and the fence that carries them.

The fence is ``kb-diagram``, not ``mermaid``: Material loads Mermaid from a
third-party CDN for ``.mermaid`` blocks, while this site serves its own copy
(overrides/assets/javascripts/diagrams.js loads it only on pages with a
diagram).
"""

from __future__ import annotations

import html
import re

from scripts import i18n
from scripts.contacts.pages import amount, tr
from scripts.escape import mermaid_label

FENCE = "kb-diagram"


def _label(*lines: str) -> str:
    return '"' + "<br>".join(mermaid_label(line) for line in lines) + '"'


WORDS = {
    "vi": {
        "start": "Doanh nghiệp có vướng mắc",
        "level": "Cấp",
        "limit": "Thời hạn",
        "next": "quá hạn hoặc chưa đúng quy định",
        "report": "Doanh nghiệp tố cáo",
        "not_via": "Không gửi qua:",
        "step": "Bước",
        "next_step": "quá hạn, hoặc người bị tố cáo là lãnh đạo cấp này",
    },
    "en": {
        "start": "Business with a difficulty",
        "level": "Level",
        "limit": "Time limit",
        "next": "late or not in line with the rules",
        "report": "Business reporting misconduct",
        "not_via": "Never through:",
        "step": "Step",
        "next_step": "late, or the person reported is a manager at this level",
    },
}


def escalation_chart(levels: list[dict], lang: str = i18n.DEFAULT) -> str:
    W = WORDS[lang]
    lines = ["flowchart TD", f"  DN({_label(W['start'])})"]
    nodes = [
        (
            f"L{lv['level']}",
            _label(
                f"{W['level']} {lv['level']}: {tr(lv, 'who', lang)}",
                f"{W['limit']}: {amount(lv['deadlines'][0], lang)}",
            ),
        )
        for lv in levels
    ]
    return _chain(lines, nodes, W["next"])


def misconduct_chart(levels: list[dict], steps: list[dict], lang: str = i18n.DEFAULT) -> str:
    W = WORDS[lang]
    own = [tr(lv, "who", lang) for lv in levels if lv["own_chain"]]
    lines = [
        "flowchart TD",
        f"  DN({_label(W['report'])})",
        f"  X[{_label(W['not_via'], *own)}]",
        "  DN -.-x X",
    ]
    nodes = [
        (
            f"S{step['step']}",
            _label(
                f"{W['step']} {step['step']}: {tr(step, 'who', lang)}",
                f"{W['limit']}: {amount(step['deadlines'][0], lang)}",
            ),
        )
        for step in steps
    ]
    return _chain(lines, nodes, W["next_step"])


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
    """pymdownx.superfences formatter: an element that diagrams.js turns into
    the SVG, followed by the ordered list the chart is drawn from.

    The source sits in an attribute, not in the text, so the search index does
    not pick up Mermaid syntax. Its first line ``%% …`` (a Mermaid comment)
    becomes the accessible name. The list is what readers get without
    JavaScript, and on screens too narrow for the chart's text to stay at
    12 px or more (diagrams.js chooses).
    """
    first = source.split("\n", 1)[0]
    label = _decode(first[2:].strip()) if first.startswith("%%") else "Sơ đồ"
    return (
        f'<div class="kb-diagram-block">'
        f'<div class="{FENCE}" role="img" aria-label="{html.escape(label, quote=True)}" '
        f'data-diagram="{html.escape(source, quote=True)}"></div>'
        f"{steps_list(source)}</div>"
    )


_NODE = re.compile(r'^\s*(\w+)\s*[\[(]+"(.*)"[\])]+\s*$')
_EDGE = re.compile(r'^\s*(\w+)\s*-[-.]*[->x](?:\|"(.*)"\|)?\s*(\w+)\s*$')


def steps_list(source: str) -> str:
    """The chart's nodes in the order they are written, as an HTML <ol>; a
    labelled edge into a node becomes "Nếu <label>:" before it."""
    nodes, conditions = [], {}
    for line in source.splitlines():
        if m := _EDGE.match(line):
            if m.group(2):
                conditions[m.group(3)] = _decode(m.group(2))
        elif m := _NODE.match(line):
            nodes.append((m.group(1), [_decode(part) for part in m.group(2).split("<br>")]))
    items = []
    for node, lines in nodes:
        when = conditions.get(node)
        lead = f'<span class="kb-diagram__when">Nếu {html.escape(when)}:</span> ' if when else ""
        items.append(f"<li>{lead}{'<br>'.join(html.escape(part) for part in lines)}</li>")
    return f'<ol class="kb-diagram__steps">{"".join(items)}</ol>' if items else ""


def _decode(label: str) -> str:
    """Undo mermaid_label's '#<code>;' entities for the plain-text accessible name."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)
