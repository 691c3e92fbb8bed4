"""MkDocs glue for page metadata: refuse invalid front matter, pass each
page's owner and review dates to overrides/partials/page-review.html, and
point 'edit this page' at the file a page comes from (``edit_source`` or
``generated_from`` in its front matter; for a generated page that names
neither, the hook that generated it).

The work itself is plain Python in scripts/pages/frontmatter.py, scripts/pages/review.py
and scripts/pages/editlinks.py.
"""
from pathlib import Path

from mkdocs.exceptions import Abort

from scripts.build.i18n import translation_build
from scripts.safety.scan import check as safety_check
from scripts.pages import editlinks, frontmatter, review
from scripts.yamlstrict import InvalidInput

_units: dict[str, str] = {}


def on_pre_build(config):
    if translation_build(config):  # the English build: already checked by the first one
        return
    root = Path(config.config_file_path).parent
    try:
        units = frontmatter.unit_names(root)
    except InvalidInput as e:
        raise Abort(f"invalid data:\n{e}") from None
    _units.clear()
    _units.update(units)
    problems = frontmatter.check_docs(Path(config.docs_dir), set(units), root)
    problems += safety_check(root)
    if problems:
        raise Abort("invalid front matter or snippets:\n" + "\n".join(map(str, problems)))


def on_page_context(context, page, config, nav):
    context["page_review"] = review.page_context(page.meta, _units)
    root = Path(config.config_file_path).parent
    source = editlinks.page_source(page.meta, page.edit_url, page.file.generated_by, root)
    if source:
        page.edit_url = editlinks.for_config(config, source) or page.edit_url
    return context
