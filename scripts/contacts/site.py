"""The site's own copy of Mermaid, which the build serves next to the diagrams."""

from __future__ import annotations

from scripts import ROOT

MERMAID_SRC = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_URI = "assets/javascripts/vendor/mermaid/mermaid.min.js"
