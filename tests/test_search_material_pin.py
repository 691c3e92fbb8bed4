"""The search integration depends on Material 9.8.1 internals; these tests fail
loudly if an upgrade changes any of them (see scripts/search/README.md)."""

import hashlib
import inspect
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


# scripts/search/material_parser.py re-implements Material's Parser callbacks
# (the same sections, cheaper). The digest of Material's parser, the classes
# it builds and the code that calls it changes with any edit to them.
PARSER_SOURCES_SHA256 = "8d2776e94a2b227190d9e80000dc17b21293af0530b1b533b28c970894441689"


def test_materials_page_parser_is_the_one_ours_reproduces():
    from material.plugins.search import plugin

    source = "".join(
        inspect.getsource(x)
        for x in (
            plugin.Parser,
            plugin.Element,
            plugin.Section,
            plugin.SearchIndex,
            plugin.SearchPlugin.on_page_context,
        )
    ) + repr(sorted(plugin.void))
    assert hashlib.sha256(source.encode("utf-8")).hexdigest() == PARSER_SOURCES_SHA256, (
        "Material's search Parser, Element, Section, SearchIndex, void tags or "
        "SearchPlugin.on_page_context changed: compare them with FastParser in "
        "scripts/search/material_parser.py callback by callback (skip set, "
        "context tests by tag, headings, whitespace, escaping), update it, run "
        "tests/test_search_material_parser.py and `python -m tools.bench.material_parser`, "
        "then set PARSER_SOURCES_SHA256 to the new digest"
    )


def test_htmlparser_keeps_no_line_numbers_that_matter():
    # FastParser.updatepos keeps no line and column count: HTMLParser must
    # read them only through getpos(), which neither parser calls.
    import html.parser

    source = inspect.getsource(html.parser)
    assert "lineno" not in source and "getpos" not in source
