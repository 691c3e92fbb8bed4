"""MkDocs glue: add the generated editors' pages to every build, in memory:
the review schedule (scripts/pages/review.py), the guide made from CONTRIBUTING.md
(scripts/pages/editor_guide.py) and the "what's new" page (scripts/pages/whats_new.py)."""
import datetime as dt
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from scripts.pages import editor_guide, review, whats_new
from scripts.yamlstrict import InvalidInput

_notes: list = []


def on_files(files, config):
    root = Path(config.config_file_path).parent
    files.append(File.generated(config, review.REPORT_PAGE,
                                content=review.report_markdown(review.collect(root), dt.date.today())))
    if (root / editor_guide.SOURCE).is_file():
        files.append(File.generated(config, editor_guide.PAGE, content=editor_guide.page_markdown(root)))
    # Reader-written change notes (data/changes.yaml), titled from the pages they name.
    try:
        notes = whats_new.load_notes(root)
    except InvalidInput as e:
        raise Abort("data/changes.yaml:\n" + "\n".join(map(str, e.problems))) from None
    _notes[:] = notes
    files.append(File.generated(config, whats_new.PAGE, content=whats_new.page_markdown(notes, {})))
    return files


def on_page_markdown(markdown, page, config, files):
    # Titles are read once every page exists, generated ones included (the
    # catalogue is added by a later hook).
    if page.file.src_uri != whats_new.PAGE:
        return markdown
    titles = {}
    for rel in {rel for note in _notes for rel in note.pages}:
        source = files.get_file_from_path(rel)
        if source is not None:
            titles[rel] = whats_new.title_of(source.content_string, rel)
    return whats_new.body_markdown(_notes, titles)
