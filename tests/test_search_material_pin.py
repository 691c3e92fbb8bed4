"""The search integration depends on Material 9.8.1 internals; these tests fail
loudly if an upgrade changes any of them (see scripts/search/README.md)."""

import json
import re
from importlib import metadata
from pathlib import Path

import material

from scripts import ROOT
from scripts.config import MATERIAL_SEARCH_WORKER

MATERIAL = Path(material.__file__).parent
WORKER = "assets/javascripts/" + MATERIAL_SEARCH_WORKER


def _sources(map_path: Path) -> dict:
    m = json.loads(map_path.read_text(encoding="utf-8"))
    return dict(zip(m["sources"], m["sourcesContent"]))


def test_material_is_the_pinned_version():
    assert metadata.version("mkdocs-material") == "9.8.1"
    assert "mkdocs-material==9.8.1" in (ROOT / "requirements.txt").read_text()


def test_base_template_names_the_worker_we_replace():
    base = (MATERIAL / "templates" / "base.html").read_text(encoding="utf-8")
    assert f'"search": "{WORKER}" | url' in base
    assert (MATERIAL / "templates" / WORKER).exists()
    assert "{% block config %}" in base


def test_message_protocol_is_the_one_our_worker_speaks():
    src = _sources(next((MATERIAL / "templates" / "assets" / "javascripts").glob("bundle.*.min.js.map")))
    message = src["src/templates/assets/javascripts/integrations/search/worker/message/index.ts"]
    enum = re.search(r"enum SearchMessageType \{(.*?)\}", message, re.S).group(1)
    assert re.findall(r"^\s*(\w+),?\s*(?:/\*|$)", enum, re.M) == ["SETUP", "READY", "QUERY", "RESULT"]
    worker = src["src/templates/assets/javascripts/integrations/search/worker/_/index.ts"]
    assert "type: SearchMessageType.SETUP" in worker and re.search(r"config,\s*docs,\s*options", worker)
    query = src["src/templates/assets/javascripts/components/search/query/index.ts"]
    assert re.search(r"type: SearchMessageType.QUERY,\s*data: value", query)
    template = src["src/templates/assets/javascripts/templates/search/index.tsx"]
    for field in ("document.terms", "document.score", "document.title", "document.text", "document.location"):
        assert field in template, field


def test_built_pages_point_material_at_our_worker(built_site):
    for page in (built_site / "index.html", built_site / "thu-tuc" / "huy-to-khai" / "index.html"):
        html = page.read_text(encoding="utf-8")
        config = json.loads(
            re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1)
        )
        assert config["search"].endswith("assets/javascripts/workers/search-vi.js"), config["search"]
    assert (built_site / "assets" / "javascripts" / "workers" / "search-vi.js").exists()
    assert (built_site / "search" / "vi_search.json").exists()
