"""MkDocs glue: refuse to build when a page's front matter is invalid.

The checking itself is plain Python in scripts/frontmatter.py.
"""
from pathlib import Path

from mkdocs.exceptions import Abort

from scripts import frontmatter, yamlstrict


def on_pre_build(config):
    root = Path(config.config_file_path).parent
    units = yamlstrict.load(root / "data" / "units.yaml", root).data["units"]
    problems = frontmatter.check_docs(Path(config.docs_dir), {u["id"] for u in units}, root)
    if problems:
        raise Abort("invalid front matter:\n" + "\n".join(map(str, problems)))
