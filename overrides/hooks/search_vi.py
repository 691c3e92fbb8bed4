"""Thin glue: after Material's search plugin has written search_index.json
(plugins run before hooks), write search/vi_search.json (glossary expansions,
ranking data) and the index split for loading on demand; see scripts/search/."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts import i18n
from scripts.build.i18n import translation_build

from scripts.search.boundaries import spaced
from scripts.search.site import write_index, write_search_data
from scripts.yamlstrict import InvalidInput


def on_page_content(html, **kwargs):
    return spaced(html)


@event_priority(-110)  # after kb-i18n has merged both editions' entries
def on_post_build(config, **kwargs):
    if translation_build(config):
        return
    try:
        glossary = Path(config["config_file_path"]).parent / "data" / "glossary.yaml"
        write_search_data(Path(config["site_dir"]), glossary)
        if (Path(config["site_dir"]) / "search" / "search_index.json").exists():
            write_index(Path(config["site_dir"]), tuple(f"{lang}/" for lang in i18n.TRANSLATIONS))
    except InvalidInput as e:
        raise PluginError(f"search data from data/glossary.yaml:\n{e}") from None
