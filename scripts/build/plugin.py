"""The MkDocs glue, in one place: each event a few lines handing off to the library.

MkDocs calls the events below in this order for every build (and every
rebuild of ``mkdocs serve``); ``overrides/hooks/kb.py`` registers them.
Hooks run after the plugins listed in mkdocs.yml, so Material's search
plugin has written ``search/search_index.json`` before ``on_post_build``.

1. ``on_config``     read data/*.yaml and every page once (``BuildState``);
                     procedure pages join the nav; Material's search plugin
                     gets an equivalent, cheaper page parser.
2. ``on_pre_build``  stop with every editor problem (data, front matter,
                     procedure template, raw HTML, snippets, invisible
                     characters) as ``file:line: message``.
3. ``on_files``      add the generated pages and files; each generated page
                     joins the page model.
4. ``on_env``        template globals: CSP, constants for the browser.
5. ``on_page_markdown``  legal citations checked and resolved (scripts/legal);
                         the title escaped once; abbreviation tooltips.
6. ``on_page_content``   the HTML sanitised (nh3), then the description, the
                         charter's QR box and key-limits card (the site's own
                         markup), cell labels for phones, link addresses for
                         paper and the cell boundaries search needs.
7. ``on_page_context``   owner and review dates, the edit link (set once);
                         the page's search keywords onto Material's entries.
8. ``on_post_build``     search data and the index split for loading on demand
                         (after kb-i18n has built the English edition, /en/).

The English edition (scripts/build/i18n.py) is a second run of these events
from kb-i18n's on_post_build; it reuses the first run's state and skips the
checks, the editors' pages and the site-wide files.

State lives on one ``KnowledgeBase`` object, replaced whole at each
``on_config``; nothing is kept in module globals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import logging
from dataclasses import dataclass
from pathlib import Path
from posixpath import dirname, relpath

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File

from scripts import config as kb_config
from scripts import i18n
from scripts.build.i18n import translation_build
from scripts.contacts import render_glossary
from scripts.contacts import site as contacts_site
from scripts.contacts.load import Data, load_data
from scripts.contacts.outputs import generate
from scripts.contacts.pages import PAGE_SOURCES
from scripts.escape import html_text
from scripts.legal import pages as legal_pages
from scripts.pages import editlinks, editor_guide, model, procedures, review, whats_new
from scripts.safety.sanitize import clean
from scripts.safety.scan import check as safety_check
from scripts.search import english as english_search
from scripts.search import keywords as search_keywords
from scripts.search import material_parser
from scripts.search.boundaries import spaced
from scripts.search.site import write_index, write_search_data
from scripts.web import asset_bundle, charter_qr, csp, descriptions, html_tables, key_limits, print_links
from scripts.web import meta as web_meta
from scripts.yamlstrict import InvalidInput, Problem

log = logging.getLogger("mkdocs.plugins.kb")


@dataclass
class BuildState:
    """What one build knows: the validated data and the page model."""

    root: Path
    data: Data | None
    data_problems: list[Problem]
    pages: model.PageModel
    procedures: list[procedures.Procedure]
    notes: list[whats_new.Note]
    notes_problems: list[Problem]
    # Markdown abbreviation definitions per language, once the data is valid
    abbreviations: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, docs_dir: Path) -> BuildState:
        try:
            data, data_problems = load_data(root), []
        except InvalidInput as e:
            data, data_problems = None, list(e.problems)
        # Invalid data: the model reads data/units.yaml itself (problems deduplicated).
        units = {u["id"]: str(u.get("name") or u["id"]) for u in data.units.data["units"]} if data else None
        pages = model.load(root, docs_dir, units=units)
        try:
            notes, notes_problems = whats_new.load_notes(root), []
        except InvalidInput as e:
            notes, notes_problems = [], list(e.problems)
        return cls(root, data, data_problems, pages, procedures.load(pages), notes, notes_problems)

    def problems(self) -> list[Problem]:
        """Every editor problem of this build, data first, each once."""
        found = (
            self.data_problems
            + self.pages.problems
            + procedures.check(self.pages)
            + self.notes_problems
            + safety_check(self.root)
        )
        return list(dict.fromkeys(found))


class KnowledgeBase:
    """The site's MkDocs plugin (registered by overrides/hooks/kb.py)."""

    def __init__(self):
        self.state: BuildState | None = None

    # 1
    def on_config(self, config):
        # Material's search plugin cuts pages into sections with a parser
        # whose per-tag Python work is most of its cost at 2,000 pages; the
        # same sections, cheaper (issue 13h, scripts/search/material_parser.py).
        material_parser.install()
        # The English edition (kb-i18n, scripts/build/i18n.py) is a second build
        # run from the first one's on_post_build: it reuses what that one read.
        if not (translation_build(config) and self.state is not None):
            self.state = BuildState.load(Path(config.config_file_path).parent, Path(config.docs_dir))
        procedures.extend_nav(config.nav, self.state.procedures)
        return config

    # 2
    def on_pre_build(self, config):
        if translation_build(config):  # checked by the Vietnamese build
            return
        problems = self.state.problems()
        if problems:
            raise Abort("editor input to fix:\n" + "\n".join(map(str, problems)))
        self.state.abbreviations = {
            lang: render_glossary.abbreviations(self.state.data, lang) for lang in i18n.LANGUAGES
        }

    # 3
    def on_files(self, files, config):
        pages = self.state.pages
        generated: dict[str, str | bytes] = {}
        for uri, content in generate(self.state.data, config.site_url, Path(config.docs_dir)).items():
            if files.get_file_from_path(uri) is not None:
                raise Abort(
                    f"docs/{uri} is generated from {PAGE_SOURCES.get(uri, 'data/')}: delete docs/{uri}"
                )
            generated[uri] = content
        # Also in the English build: the English summary's Vietnamese twin is the catalogue.
        generated[procedures.CATALOGUE] = procedures.catalogue_markdown(self.state.procedures)
        if translation_build(config):  # editors' pages, change notes, site-wide files: Vietnamese build only
            return self._add(files, config, generated)
        generated[review.REPORT_PAGE] = review.report_markdown(
            review.originals(review.collect(pages)), dt.date.today()
        )
        if (self.state.root / editor_guide.SOURCE).is_file():
            generated[editor_guide.PAGE] = editor_guide.page_markdown(self.state.root)
        for uri, content in generated.items():
            if uri.endswith(".md"):
                pages.add_generated(uri, content)
        # Reader-written change notes (data/changes.yaml), titled from the
        # model once every page they may name, generated ones included, is in it.
        titles = {
            rel: pages.get(rel).title for note in self.state.notes for rel in note.pages if pages.get(rel)
        }
        generated[whats_new.PAGE] = whats_new.page_markdown(self.state.notes, titles)
        pages.add_generated(whats_new.PAGE, generated[whats_new.PAGE])
        generated.update(self._web_files(files, config))
        files = self._add(files, config, generated)
        return self._bundle_scripts(self._bundle_stylesheets(files, config), config)

    def _add(self, files, config, generated: dict[str, str | bytes]):
        for uri, content in generated.items():
            files.append(File.generated(config, uri, content=content))
        if contacts_site.MERMAID_SRC.is_file():
            files.append(
                File.generated(config, contacts_site.MERMAID_URI, abs_src_path=str(contacts_site.MERMAID_SRC))
            )
        else:
            log.warning(
                "%s is missing: run `make setup` (npm ci); diagrams stay unrendered",
                contacts_site.MERMAID_SRC,
            )
        return files

    # 4
    def on_env(self, env, config, files):
        env.globals["content_security_policy"] = csp.meta_policy()
        env.globals["kb"] = kb_config.template_globals(review.STATUS_LABEL)
        return env

    # 5
    def on_page_markdown(self, markdown, page, config, files):
        # Legal citations resolved against data/legal.yaml (scripts/legal).
        registry = self.state.data.registry
        problems = legal_pages.problems(markdown, page, config, registry)
        if problems:
            raise Abort("legal citations to fix:\n" + "\n".join(map(str, problems)))
        lang = i18n.language_of(page.file.src_uri)
        if lang == i18n.DEFAULT:  # the status list is in Vietnamese; English pages keep their basis lines
            markdown = legal_pages.render(markdown, page, registry)
        # MkDocs renders templates without autoescaping and Material prints
        # page.meta.title as is (<title>, header, nav, footer, search index):
        # store it escaped once, as Markup, which the `e` filter leaves alone.
        # The schema (page.schema.json) has already refused markup characters.
        if page.meta.get("title") is not None:
            page.meta["title"] = html_text(page.meta["title"])
        return markdown + "\n\n" + self.state.abbreviations.get(lang, "")

    # 6
    def on_page_content(self, html, page, config, files):
        # Every page's HTML through the allow-list (scripts/safety/sanitize.py);
        # the source check already refused anything outside it with file:line.
        html = clean(html)
        # The description is escaped once too (Material's <meta name=description>).
        entry = self.state.pages.get(page.file.src_uri)
        text = (entry.description if entry else page.meta.get("description")) or descriptions.derive(
            html, page.title or "", config.site_name
        )
        page.meta["description"] = html_text(text)
        if page.file.src_uri == charter_qr.CHARTER_PAGE:
            img = relpath(charter_qr.QR_FILE, dirname(page.file.dest_uri) or ".")
            # First thing under the title: on paper the QR code sits on page 1.
            box = charter_qr.print_box(img, page.canonical_url or page.url)
            end = html.find("</h1>")
            html = html[: end + 5] + box + html[end + 5 :] if end >= 0 else box + html
        # Layout: the charter's key-limits card, cell labels for phones, link
        # addresses for paper.
        if page.meta.get(key_limits.FIELD):
            rel = Path(config.docs_dir).name + "/" + page.file.src_uri
            html, problems = key_limits.apply(
                html, page.meta, rel, page.file.content_string, i18n.language_of(page.file.src_uri)
            )
            if problems:
                raise Abort("\n".join(map(str, problems)))
        html = html_tables.label_cells(html)
        html = print_links.annotate(html, page.canonical_url or "")
        # A space between table cells and after <br> before Material indexes the page.
        return spaced(html)

    # 7
    def on_page_context(self, context, page, config, nav):
        entry = self.state.pages.get(page.file.src_uri)
        context["page_review"] = review.page_context(entry, self.state.pages.units)
        page.edit_url = editlinks.page_edit_url(
            config, entry, page.edit_url, page.file.generated_by, self.state.root
        )
        # The editors' search keywords onto the page's lead section in
        # Material's index (its plugin's on_page_context has just added the
        # page's sections); the Vietnamese index only (scripts/search/keywords.py).
        words = search_keywords.of_page(page.meta)
        material = config.plugins.get("material/search")
        if words and material is not None and i18n.language_of(page.file.src_uri) == i18n.DEFAULT:
            search_keywords.attach(material.search_index.entries, page.url, words)
        return context

    # 8
    def on_post_build(self, config):
        # Registered at priority -110 (overrides/hooks/kb.py): after kb-i18n has
        # built the English edition and merged its entries into search_index.json.
        if translation_build(config):
            return
        site_dir = Path(config.site_dir)
        glossary = self.state.root / "data" / "glossary.yaml"
        # The search writers keep hundreds of thousands of lists and dicts alive
        # (Material's parsed index, postings, word pairs) and make no reference
        # cycles: with the cyclic collector off while they run, the build does
        # not walk its heap for them (173 collections, 0.15 s of CPU at 2,000
        # pages; same files, byte for byte; scripts/search/README.md).
        collecting = gc.isenabled()
        gc.disable()
        try:
            # Material's index, read once for both editions' files
            material = english_search.write_edition(
                site_dir, getattr(config.plugins.get("kb-i18n"), "search_sources", {}), glossary
            )
            write_search_data(site_dir, glossary)
            if (site_dir / "search" / "search_index.json").exists():
                # The English edition's entries are left out of the Vietnamese index.
                write_index(site_dir, tuple(f"{lang}/" for lang in i18n.TRANSLATIONS), material)
        except InvalidInput as e:
            raise PluginError(f"search data from data/glossary.yaml:\n{e}") from None
        finally:
            if collecting:
                gc.enable()

    # helpers of on_files

    @staticmethod
    def _web_files(files, config) -> dict[str, str | bytes]:
        out: dict[str, str | bytes] = {
            "robots.txt": web_meta.robots_txt(config.site_url or ""),
            "_headers": web_meta.headers_file(),
        }
        charter = files.get_file_from_path(charter_qr.CHARTER_PAGE)
        if charter is not None:
            out[charter_qr.QR_FILE] = charter_qr.qr_png((config.site_url or "/") + charter.url)
        return out

    @staticmethod
    def _bundle_scripts(files, config):
        """The site's scripts as one deferred file instead of several blocking ones."""
        sources = [files.get_file_from_path(str(script)) for script in config.extra_javascript]
        if (
            not sources
            or None in sources
            or any(getattr(s, "type", "") == "module" for s in config.extra_javascript)
        ):
            return files
        js = asset_bundle.concatenate_scripts([(f.src_uri, f.content_string) for f in sources])
        files.append(File.generated(config, asset_bundle.SCRIPT_BUNDLE, content=js))
        bundle = ExtraScriptValue(asset_bundle.SCRIPT_BUNDLE)
        bundle.defer = True
        config.extra_javascript = [bundle]
        return files

    @staticmethod
    def _bundle_stylesheets(files, config):
        sources = [files.get_file_from_path(str(path)) for path in config.extra_css]
        if not sources or None in sources:  # a stylesheet from elsewhere: leave the list alone
            return files
        css = asset_bundle.concatenate([(f.src_uri, f.content_string) for f in sources])
        files.append(File.generated(config, asset_bundle.BUNDLE, content=css))
        config.extra_css = [asset_bundle.BUNDLE]
        return files
