"""MkDocs glue: add the generated editors' review schedule and the "what's
new" page (scripts/review.py, scripts/whats_new.py) to every build, in memory."""
import datetime as dt
from pathlib import Path

from mkdocs.structure.files import File

from scripts import review, whats_new


def on_files(files, config):
    root = Path(config.config_file_path).parent
    files.append(File.generated(config, review.REPORT_PAGE,
                                content=review.report_markdown(review.collect(root), dt.date.today())))
    files.append(File.generated(config, whats_new.PAGE,
                                content=whats_new.page_markdown(whats_new.history(root))))
    return files
