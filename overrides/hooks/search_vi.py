"""Thin glue: write search/vi_search.json (glossary expansions, ranking data)
for the search worker and `python -m scripts.search`; see scripts/search/."""
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.search.site import write_search_data
from scripts.yamlstrict import InvalidInput


def on_post_build(config, **kwargs):
    try:
        write_search_data(Path(config["site_dir"]))
    except InvalidInput as e:
        raise PluginError(f"search data from data/glossary.yaml:\n{e}") from None
