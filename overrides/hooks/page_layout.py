"""MkDocs glue for how a page's content is laid out (scripts/ does the work):
the charter's key-limits card (scripts/web/key_limits.py), column labels on
table cells for phones (scripts/web/html_tables.py) and link addresses for paper
(scripts/web/print_links.py)."""
from pathlib import Path

from mkdocs.exceptions import Abort

from scripts.web import html_tables, key_limits, print_links


def on_page_content(html, page, config, files):
    if page.meta.get(key_limits.FIELD):
        source = page.file.content_string if page.file.abs_src_path else ""
        rel = Path(config.docs_dir).name + "/" + page.file.src_uri
        html, problems = key_limits.apply(html, page.meta, rel, source)
        if problems:
            raise Abort("\n".join(map(str, problems)))
    html = html_tables.label_cells(html)
    return print_links.annotate(html, page.canonical_url or "")
