"""What the MkDocs hook needs beyond the generated files: edit links that open
the YAML a page comes from, the abbreviation definitions, the Mermaid build."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from scripts import ROOT

MERMAID_SRC = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_URI = "assets/javascripts/vendor/mermaid/mermaid.min.js"


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: Path, repo_root: Path,
             source: str) -> str | None:
    """Edit link for ``source`` (e.g. 'data/units.yaml'), derived from the site's edit_uri.

    edit_uri points at docs/ inside the repository (e.g. 'edit/main/docs/'), so
    the data file is reached by the relative path from docs/ to it.
    """
    if not repo_url or not edit_uri:
        return None
    rel = posixpath.relpath((repo_root / source).as_posix(), Path(docs_dir).as_posix())
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri if edit_uri.endswith("/") else edit_uri + "/")
    return urljoin(base, rel)
