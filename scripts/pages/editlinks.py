"""'Edit this page' links to any file of the repository, not only docs/.

MkDocs builds a page's edit link as repo_url + edit_uri + the page's path
under docs/. Generated pages have no file there: their link must open the
file they come from (a YAML file under data/, or the generator). With
edit_uri ``edit/main/docs/`` the repository root is ``edit/main/``.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin


def repo_file_url(
    repo_url: str | None, edit_uri: str | None, docs_dir: str, config_dir: str, repo_path: str
) -> str | None:
    """Edit URL of ``repo_path`` (relative to the repository root), or None if unknown."""
    if not repo_url or not edit_uri:
        return None
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    docs_rel = os.path.relpath(docs_dir, config_dir).replace(os.sep, "/").strip("/") + "/"
    if not base.endswith("/" + docs_rel):
        return None
    return base[: -len(docs_rel)] + repo_path.lstrip("/")


def for_config(config, repo_path: str) -> str | None:
    """``repo_file_url`` with the values of a loaded MkDocs config."""
    return repo_file_url(
        config.repo_url, config.edit_uri, config.docs_dir, os.path.dirname(config.config_file_path), repo_path
    )


def page_edit_url(config, page, edit_url: str | None, generated_by: str | None, root) -> str | None:
    """The one edit link of a page: the file it names, else MkDocs' own link.

    ``page`` is the page-model entry (scripts/pages/model.py), or None for a
    page the model does not know. A page may name the file to open
    (``edit_source``; generated pages carry ``generated_from``). A generated
    page that names none and has no link yet falls back to the hook that
    generated it (MkDocs records the hook's path as written in mkdocs.yml),
    so every page can still be traced to a file.
    """
    source = page.source if page is not None else None
    if source is None and edit_url is None and generated_by and (root / generated_by).is_file():
        source = generated_by
    if source is None:
        return edit_url
    return for_config(config, source) or edit_url
