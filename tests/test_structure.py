"""The structure the code keeps: one parse of each page's front matter per
build, the procedure list read once, no private names imported across
modules, no paths outside the repository, one place for the root."""

from __future__ import annotations

import ast
import re
from collections import Counter

from mkdocs.commands.build import build
from mkdocs.config import load_config

from scripts import ROOT
from scripts.pages import frontmatter, procedures

PYTHON_DIRS = ("scripts", "tools", "tests", "overrides")


def python_files():
    for folder in PYTHON_DIRS:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_one_build_parses_each_page_once_and_reads_procedures_once(tmp_path, monkeypatch):
    parses: Counter = Counter()
    loads: list = []
    parse, load = frontmatter.parse, procedures.load

    def counting_parse(text, file):
        parses[file] += 1
        return parse(text, file)

    def counting_load(model):
        loads.append(model)
        return load(model)

    monkeypatch.setattr(frontmatter, "parse", counting_parse)
    monkeypatch.setattr(procedures, "load", counting_load)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    pages = {f"docs/{p.relative_to(ROOT / 'docs').as_posix()}" for p in (ROOT / "docs").rglob("*.md")}
    assert pages <= set(parses), sorted(pages - set(parses))
    assert {name: n for name, n in parses.items() if n != 1} == {}
    # The generated pages (contacts, catalogue, review, guide, what's new) join the model once each.
    assert len(parses) > len(pages)
    assert len(loads) == 1


def _project_modules() -> set[str]:
    names = set()
    for path in python_files():
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts[1:] if rel.parts[0] == "tests" else rel.parts
        names.add(".".join(p for p in parts if p != "__init__"))
    return names


def test_no_module_imports_a_private_name_from_another():
    modules = _project_modules()
    offences = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in modules:
                offences += [
                    f"{path.relative_to(ROOT)}: from {node.module} import {a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
                imported.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
            elif isinstance(node, ast.Import):
                imported.update({a.asname or a.name: a.name for a in node.names if a.name in modules})
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and imported.get(node.value.id) in modules
            ):
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value.id}.{node.attr}")
    assert offences == []


def test_no_tracked_code_names_a_machine_path():
    # Spelt in pieces so that this test does not find itself.
    pattern = re.compile("|".join(["/" + "work/", "/" + r"home/\w+/", "/tmp/" + "bash_jobs"]))
    offences = [
        str(p.relative_to(ROOT)) for p in python_files() if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offences == []


def test_the_repository_root_is_derived_in_one_place():
    derivations = [
        str(p.relative_to(ROOT))
        for p in python_files()
        if re.search(r"Path\(__file__\)[^\n]*\.parent", p.read_text(encoding="utf-8"))
    ]
    assert derivations == ["scripts/__init__.py"]


def test_mkdocs_yml_is_read_by_one_loader():
    readers = [
        str(p.relative_to(ROOT))
        for p in python_files()
        if re.search(r"mkdocs\.yml\"\)\.read_text|re\.search\(r\"\^site_url", p.read_text(encoding="utf-8"))
    ]
    assert readers == []
