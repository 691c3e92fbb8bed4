"""The site's configuration and the constants shared by Python and the browser.

``mkdocs.yml`` is read here and nowhere else outside MkDocs itself
(``site_config``): its ``!!python/name`` tags are kept as their dotted names,
so reading it imports nothing. Constants that the browser needs too travel to
it in generated JSON (``template_globals``: a ``<script type="application/json"
id="kb-constants">`` block in every page, overrides/main.html), never copied by
hand into JavaScript.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
import yaml_env_tag

from scripts import ROOT

# The unit that owns generated pages and new procedure pages (data/units.yaml).
DEFAULT_OWNER = "chi-cuc-hq-kv3"
# A page is "due soon" this many days before its review date (Python report,
# editors' schedule page and page-review.js alike).
REVIEW_SOON_DAYS = 30
# Review period written on generated pages and new procedure pages.
DEFAULT_REVIEW_IN = "6 months"
# Material 9.8.1's search worker, which the site replaces with its own
# (overrides/main.html; tests/test_search_material_pin.py guards the name).
MATERIAL_SEARCH_WORKER = "workers/search.a7633da7.min.js"
SITE_SEARCH_WORKER = "workers/search-vi.js"


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps ``!!python/name:x.y`` as the string "x.y"."""


_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix.partition(":")[2]
)
# ``!ENV [VAR, default]`` as MkDocs resolves it (site_url: scripts/web/site_address.py).
_Loader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)


class _DefaultsLoader(_Loader):
    """The same, with every ``!ENV`` read as the default written in the file."""


_DefaultsLoader.add_constructor(
    "!ENV",
    lambda loader, node: (
        loader.construct_object(node.value[-1]) if isinstance(node, yaml.SequenceNode) else None
    ),
)


def load_config(path: Path, environ: bool = True) -> dict:
    """``mkdocs.yml`` at ``path`` as plain data (no imports, no MkDocs defaults);
    ``environ=False``: ``!ENV`` values are the file's defaults, not the environment's."""
    loader = _Loader if environ else _DefaultsLoader
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or {}


@cache
def site_config(root: Path = ROOT) -> dict:
    """The repository's ``mkdocs.yml`` as plain data, read once per process."""
    return load_config(Path(root) / "mkdocs.yml")


def status_labels(config: dict) -> dict[str, str]:
    """Labels of the front-matter ``status`` values (``extra.status`` in mkdocs.yml)."""
    return dict((config.get("extra") or {}).get("status") or {})


def template_globals(review_labels: dict[str, str]) -> dict:
    """``kb`` in the templates: the worker swap (overrides/main.html) and, under
    ``browser``, what overrides/assets/javascripts/*.js read from the page's
    kb-constants JSON block."""
    return {
        "material_search_worker": MATERIAL_SEARCH_WORKER,
        "site_search_worker": SITE_SEARCH_WORKER,
        "browser": {"review_soon_days": REVIEW_SOON_DAYS, "review_labels": dict(review_labels)},
    }
