"""MkDocs glue for procedure pages; the work is done in scripts/pages/procedures.py.

- on_config: every page under docs/thu-tuc/ joins the "Thủ tục hải quan" nav
  section (sorted by field, then title), so the nav is never kept by hand.
- on_pre_build: refuse to build when a procedure page breaks the national
  template (front matter is checked by page_checks.py).
- on_files: add the catalogue page, generated in memory from front matter.
"""
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from scripts.build.i18n import translation_build
from scripts.pages import procedures


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    procedures.extend_nav(config.nav, procedures.load(Path(config.docs_dir), _root(config)))
    return config


def on_pre_build(config):
    if translation_build(config):  # the English build: already checked by the first one
        return
    problems = procedures.check(Path(config.docs_dir), _root(config))
    if problems:
        raise Abort("procedure pages do not follow the national template:\n"
                    + "\n".join(map(str, problems)))


def on_files(files, config):
    # Also in the English build: the English summary's Vietnamese twin is this page.
    content = procedures.catalogue_markdown(procedures.load(Path(config.docs_dir), _root(config)))
    files.append(File.generated(config, procedures.CATALOGUE, content=content))
    return files
