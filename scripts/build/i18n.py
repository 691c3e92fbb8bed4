"""mkdocs-static-i18n, taught about pages generated in memory.

The plugin (pinned in requirements.txt) builds the site once per language and
sorts the documentation files by their suffix, but it reads every file back
from its source path; pages and files that our hooks generate in memory
(MkDocs 1.6 ``File.generated``) have none and make it fail. This subclass takes
them out before the plugin sorts the files and puts back those of the language
being built, with the same i18n attributes (URL under ``/en/``, alternates for
the language switcher and hreflang) the plugin gives hand-written pages.
Registered as the ``kb-i18n`` plugin (pyproject.toml).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import yaml
from mkdocs import plugins
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs_static_i18n.plugin import I18n as StaticI18n
from mkdocs_static_i18n.suffix import create_i18n_file

from scripts import i18n
from scripts.pages import frontmatter
from scripts.yamlstrict import InvalidInput


def _localised(file: File, lang: str, plugin, config) -> File:
    new = create_i18n_file(file, lang, plugin.default_language, plugin.all_languages, config)
    new.content_string = file.content_string
    new.generated_by = file.generated_by
    return new


_VI_LINK = re.compile(r'href="vi:([^"#]*)(#[^"]*)?"')
_HEADING = re.compile(r'<h([2-6])[^>]*\sid="([^"]+)"')


def vietnamese_sources(html: str, page_location: str, originals: list[str]) -> dict[str, list[str]]:
    """Search location of each part of an English page -> URLs of the
    Vietnamese pages (or sections, ``url#anchor``) it translates: the page's one original (front matter
    ``translation_of``) and its sections of the same anchor, and each section's ``vi:`` links to those originals (a summary's sections, an article's ``#dieu-N``)
    (scripts/search/english.py indexes their titles with the section)."""
    out: dict[str, list[str]] = {}
    cuts = [(m.start(), f"{page_location}#{m.group(2)}") for m in _HEADING.finditer(html)]
    if len(originals) == 1:
        out[page_location] = [page_url(originals[0])]
        # A heading keeps its original's anchor ("#gui-toi-ai"): that section is
        # its twin. Anchors the original lacks match no title and are dropped
        # when the titles are looked up (english.vietnamese_titles).
        for _, location in cuts:
            out[location] = [page_url(originals[0]) + location[len(page_location) :]]
    for (start, location), end in zip([(0, page_location), *cuts], [c[0] for c in cuts] + [len(html)]):
        for m in _VI_LINK.finditer(html, start, end):
            if m.group(1) not in originals:  # a link aside, not what the section translates
                continue
            url = page_url(m.group(1)) + (m.group(2) or "")
            if url not in out.setdefault(location, []):
                out[location].append(url)
    return {k: v for k, v in out.items() if v}


def page_url(src_uri: str) -> str:
    """Site-relative URL of a page of the Vietnamese edition (directory URLs)."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory between the two editions'
    builds: the English build gets a new environment and would compile every
    Material template again (Jinja checks each template's source checksum)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


class I18n(StaticI18n):
    @property
    def is_translation_build(self) -> bool:
        """True while the plugin builds a language other than Vietnamese."""
        return self.current_language not in (None, self.default_language)

    @plugins.event_priority(-100)
    def on_config(self, config):
        config = super().on_config(config)
        if not self.building:
            self.search_sources: dict[str, list[str]] = {}
        # The translation's build writes into the same site/: it must not replace
        # the Vietnamese 404 page (sitemap.xml, which lists both editions, it does).
        templates = config.theme.static_templates
        if not hasattr(self, "_has_404"):
            self._has_404 = "404.html" in templates
        if self._has_404:
            (templates.discard if self.building else templates.add)("404.html")
        return config

    def on_env(self, env, config, files):
        super().on_env(env, config, files)  # returns nothing: it only adds an extension
        if not hasattr(self, "_templates"):
            self._templates = _CompiledTemplates()
        env.bytecode_cache = self._templates
        return env

    @plugins.event_priority(-100)
    def on_files(self, files, config):
        self._owners = None  # data/units.yaml may have changed (make serve)
        generated = [f for f in files if f.abs_src_path is None]
        for f in generated:
            files.remove(f)
        files = super().on_files(files, config)
        lang = self.current_language
        if self.building:
            # The translation's build: theme assets were copied by the first build.
            for f in [f for f in files if not f.is_documentation_page()]:
                files.remove(f)
        if lang == self.default_language:
            self.originals = {f.src_uri for f in files.documentation_pages()}
            self.originals |= {
                f.src_uri
                for f in generated
                if f.is_documentation_page() and i18n.language_of(f.src_uri) == lang
            }
        pages = {f.src_uri: f for f in generated if f.is_documentation_page()}
        for f in generated:
            if not f.is_documentation_page():
                # Assets keep their one URL; English pages link them there too.
                files.append(f)
                continue
            if i18n.language_of(f.src_uri) != lang:
                continue
            page = _localised(f, lang, self, config)
            page.alternates = {lang: page}
            for other in i18n.LANGUAGES:
                twin = pages.get(i18n.translation_path(i18n.original_of(f.src_uri), other))
                if other != lang and twin is not None:
                    page.alternates[other] = _localised(twin, other, self, config)
            files.append(page)
        # A hand-written page whose twin is generated (or the reverse) learns of it here.
        for page in files.documentation_pages():
            alternates = getattr(page, "alternates", None)
            if alternates is None:
                continue
            original = i18n.original_of(page.src_uri)
            for other in i18n.LANGUAGES:
                src = i18n.translation_path(original, other)
                if other in alternates:
                    continue
                if src in pages:
                    alternates[other] = _localised(pages[src], other, self, config)
                elif (Path(config.docs_dir) / src).is_file():
                    alternates[other] = create_i18n_file(
                        File(src, config.docs_dir, config.site_dir, config.use_directory_urls),
                        other,
                        self.default_language,
                        self.all_languages,
                        config,
                    )
        # The sitemap (per-page hreflang alternates) lists generated pages too.
        self.i18n_files_per_language[lang] = files.documentation_pages()
        return files

    @plugins.event_priority(10)  # before the sanitiser (overrides/hooks/sanitize.py)
    def on_page_content(self, html, page, config, files):
        """Links to the Vietnamese edition, written ``[text](vi:path/page.md#anchor)``."""

        def url(m):
            path, anchor = m.group(1), m.group(2) or ""
            if path not in getattr(self, "originals", set()):
                raise Abort(
                    f"docs/{page.file.src_uri}: link vi:{path} names no Vietnamese page "
                    "(write vi:path/to/page.md#anchor, relative to docs/)"
                )
            up = "../" * page.url.count("/")
            return f'href="{up}{page_url(path)}{anchor}" hreflang="vi"'

        if self.is_translation_build:  # what English search indexes with each section
            originals = [path for path, _ in i18n.translated_versions(page.meta)]
            twin = getattr(page.file, "alternates", {}).get(self.default_language)
            if not originals and twin is not None:  # generated pages: their Vietnamese twin
                originals = [twin.src_uri]
            self.search_sources.update(vietnamese_sources(html, page.url, originals))
        return _VI_LINK.sub(url, html)

    @plugins.event_priority(50)
    def on_page_context(self, context, page, config, nav):
        context = super().on_page_context(context, page, config, nav)
        context["translation"] = None
        context["owner_names_en"] = self._owner_names(config)
        context["language_links"] = language_links(page)
        if self.is_translation_build:
            original = getattr(page.file, "alternates", {}).get(self.default_language)
            context["translation"] = {
                "original_url": original.url if original is not None else None,
                "outdated": bool(i18n.outdated_originals(page.meta, self._revised_on(config))),
            }
        return context

    def _owner_names(self, config) -> dict:
        """Unit id -> English name (data/units.yaml ``name_en``), read once per build."""
        if getattr(self, "_owners", None) is None:
            units = (
                yaml.safe_load(
                    (Path(config.config_file_path).parent / "data" / "units.yaml").read_text(encoding="utf-8")
                )
                or {}
            )
            self._owners = {
                u["id"]: u.get("name_en", u.get("name"))
                for u in units.get("units", [])
                if isinstance(u, dict) and "id" in u
            }
        return self._owners

    @plugins.event_priority(-50)  # after the sanitiser
    def on_post_page(self, output, page, config):
        output = super().on_post_page(output, page, config)
        if self.is_translation_build:  # the one interface string set in mkdocs.yml's toc options
            output = output.replace('title="Liên kết đến mục này"', 'title="Link to this section"')
        return output

    def _revised_on(self, config):
        docs = Path(config.docs_dir)

        def revised_on(path: str):
            md = docs / path
            if not md.is_file() or i18n.is_translation(path):
                return None
            try:
                meta = frontmatter.parse(md.read_text(encoding="utf-8-sig"), str(md)).data
            except InvalidInput:
                return None
            return meta.get("last_reviewed")

        return revised_on

    # The nested English build runs after every other plugin's post-build work
    # on the Vietnamese site (search index, headers), as it did when this
    # method also copied the sitemap.
    @plugins.event_priority(-100)
    def on_post_build(self, config):
        super().on_post_build(config)


def language_links(page) -> dict[str, str]:
    """Language -> address of this page in that edition, relative to the page,
    for the header's language menu (overrides/partials/alternate.html): the
    page's own twin where it has one, else the twin of the nearest section
    page above it (a procedure -> the English procedures summary), else that
    edition's home page."""
    links = {}
    for lang in i18n.LANGUAGES:
        twin = next(filter(None, (_alternates(p).get(lang) for p in _self_and_section_pages(page))), None)
        target = twin.url if twin is not None else ("" if lang == i18n.LANGUAGES[0] else f"{lang}/")
        link = get_relative_url(target.removeprefix("./") or ".", page.url or ".")
        links[lang] = link + "/" if link.rsplit("/", 1)[-1] in (".", "..") else link
    return links


def _alternates(page) -> dict:
    return getattr(page.file, "alternates", None) or {}


def _self_and_section_pages(page):
    """The page, then the index page of each section above it, nearest first."""
    yield page
    section = page.parent
    while section is not None:
        index = next((c for c in section.children if getattr(c, "is_index", False)), None)
        if index is not None and index is not page:
            yield index
        section = section.parent


def translation_build(config) -> bool:
    """True during the nested build of a translation, which the plugin runs from
    the Vietnamese build's on_post_build (hooks skip site-wide work then)."""
    plugin = config.plugins.get("kb-i18n")
    return bool(plugin and plugin.building)
