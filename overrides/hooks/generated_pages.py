"""MkDocs glue for scripts/contacts: contacts, escalation, misconduct, glossary
and legal-register pages, vCards and contacts.json generated in memory from
data/*.yaml on every build and live reload; abbreviation tooltips and resolved
legal citations (scripts/legal) on every page; the site's own copy of Mermaid.
Bad data stops the build with every problem listed."""
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from scripts import i18n
from scripts.build.i18n import translation_build
from scripts.contacts import render_glossary, site
from scripts.contacts.load import load_data
from scripts.contacts.outputs import generate
from scripts.contacts.pages import PAGE_SOURCES
from scripts.legal import pages as legal_pages
from scripts.yamlstrict import InvalidInput

_state = {}


def on_pre_build(config):
    if translation_build(config) and "data" in _state:  # the English build: data read once
        return
    try:
        _state["data"] = load_data(Path(config.config_file_path).parent)
    except InvalidInput as e:
        raise Abort("invalid data in data/:\n" + "\n".join(map(str, e.problems)))
    _state["abbr"] = {lang: render_glossary.abbreviations(_state["data"], lang) for lang in i18n.LANGUAGES}


def on_files(files, config):
    for uri, content in generate(_state["data"], config.site_url, Path(config.docs_dir)).items():
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"docs/{uri} is generated from {PAGE_SOURCES.get(uri, 'data/')}: delete docs/{uri}")
        files.append(File.generated(config, uri, content=content))
    if site.MERMAID_SRC.is_file():
        files.append(File.generated(config, site.MERMAID_URI, abs_src_path=str(site.MERMAID_SRC)))
    else:
        import logging
        logging.getLogger("mkdocs").warning(
            "%s is missing: run `make setup` (npm ci); diagrams stay unrendered", site.MERMAID_SRC)
    return files


def on_page_markdown(markdown, page, config, files):
    source = PAGE_SOURCES.get(page.file.src_uri)
    if source and page.file.generated_by:
        root = Path(config.config_file_path).parent
        page.edit_url = site.edit_url(config.repo_url, config.edit_uri, Path(config.docs_dir), root, source)
    registry = _state["data"].registry
    problems = legal_pages.problems(markdown, page, config, registry)
    if problems:
        raise Abort("legal citations to fix:\n" + "\n".join(map(str, problems)))
    lang = i18n.language_of(page.file.src_uri)
    if lang == i18n.DEFAULT:  # the status list is in Vietnamese; English pages keep their own basis lines
        markdown = legal_pages.render(markdown, page, registry)
    return markdown + "\n\n" + _state["abbr"][lang]
