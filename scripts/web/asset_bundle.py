"""One stylesheet instead of many: on a slow phone connection every
render-blocking file costs a round trip before the first paint.

The site's extra_css files (each owned by one feature) are concatenated in
their configured order into a single file; they all live in
assets/stylesheets/, so relative url()s keep working.
"""
from __future__ import annotations

BUNDLE = "assets/stylesheets/site-bundle.css"


def concatenate(parts: list[tuple[str, str]]) -> str:
    """``parts`` = [(path, css)] in cascade order → one stylesheet."""
    return "".join(f"/* ---- {path} ---- */\n{css.rstrip()}\n\n" for path, css in parts)
