"""MkDocs glue: add the generated editors' pages to every build, in memory:
the review schedule (scripts/pages/review.py), the guide made from CONTRIBUTING.md
(scripts/pages/editor_guide.py) and the "what's new" page (scripts/pages/whats_new.py)."""
import datetime as dt
from pathlib import Path

from mkdocs.structure.files import File

from scripts.build.i18n import translation_build
from scripts.pages import editor_guide, review, whats_new


def on_files(files, config):
    if translation_build(config):  # editors' pages are Vietnamese only
        return files
    root = Path(config.config_file_path).parent
    files.append(File.generated(config, review.REPORT_PAGE,
                                content=review.report_markdown(review.originals(review.collect(root)), dt.date.today())))
    if (root / editor_guide.SOURCE).is_file():
        files.append(File.generated(config, editor_guide.PAGE, content=editor_guide.page_markdown(root)))
    # Pages generated from data/ (contacts, escalation, glossary) by hooks
    # that ran before this one: a change to their YAML is a change to them.
    generated = ((f.src_uri, f.content_string) for f in files.documentation_pages()
                 if f.generated_by)
    sources = whats_new.generated_sources(generated)
    files.append(File.generated(config, whats_new.PAGE,
                                content=whats_new.page_markdown(whats_new.history(root, sources=sources))))
    return files
