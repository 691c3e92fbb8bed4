"""One stylesheet and one deferred script instead of many: on a slow phone
connection every render-blocking file costs a round trip before the first
paint, and every script file one more request.

The site's extra_css files (each owned by one feature) are concatenated in
their configured order into a single file; they all live in
assets/stylesheets/, so relative url()s keep working.
"""

from __future__ import annotations

BUNDLE = "assets/stylesheets/site-bundle.css"
# The site's extra_javascript files, each an IIFE run on every page, in their
# configured order; served with ``defer`` (they run after Material's bundle,
# which defines document$). Same folder as the sources, so a script that
# resolves URLs from document.currentScript (diagrams.js) still finds them.
SCRIPT_BUNDLE = "assets/javascripts/site-bundle.js"


def concatenate(parts: list[tuple[str, str]]) -> str:
    """``parts`` = [(path, css)] in cascade order → one stylesheet."""
    return "".join(f"/* ---- {path} ---- */\n{css.rstrip()}\n\n" for path, css in parts)


def concatenate_scripts(parts: list[tuple[str, str]]) -> str:
    """``parts`` = [(path, js)] in run order → one script; each part ends with
    ';' so that two files can never merge into one statement."""
    return "".join(f"/* ---- {path} ---- */\n{js.rstrip()}\n;\n" for path, js in parts)
