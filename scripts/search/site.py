"""The search files of a built site: what the build writes, what the CLI reads.

``search/search_index.json`` is Material's (config + section documents);
``search/vi_search.json`` is ours: glossary expansions, question phrases and
ranking constants, generated from data/glossary.yaml on every build;
``search/vi_index.json`` is the prebuilt index of Material's documents
(scripts/search/prebuilt.py) that the browser loads instead of indexing.
"""
from __future__ import annotations

import json
from pathlib import Path

from scripts.search import prebuilt
from scripts.search.engine import RANKING, Engine
from scripts.search.glossary import GLOSSARY, expansion_entries
from scripts.search.query import QUESTION_PHRASES

DATA_NAME = "vi_search.json"
INDEX_NAME = "vi_index.json"
FORMAT = 1


def search_data(glossary_path: Path = GLOSSARY) -> dict:
    """Everything the browser's engine needs besides Material's documents."""
    return {"format": FORMAT, "ranking": RANKING, "questions": QUESTION_PHRASES,
            "glossary": expansion_entries(glossary_path)}


def write_search_data(site_dir: Path, glossary_path: Path = GLOSSARY) -> Path:
    out = Path(site_dir) / "search" / DATA_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(search_data(glossary_path), ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    return out


def write_prebuilt_index(site_dir: Path, leave_out: tuple[str, ...] = ()) -> Path:
    """Index Material's search_index.json (written just before, by its plugin).

    The plugin writes that file with every accented letter escaped ("\\u1ea1",
    6 bytes); it is rewritten here as plain UTF-8 (2–3 bytes), same JSON, so
    phones download and parse about half as much before search answers.
    """
    search = Path(site_dir) / "search"
    material = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    # The English edition's entries (kb-i18n merges them in): not in this index.
    material["docs"] = [d for d in material["docs"] if not d["location"].startswith(leave_out)]
    (search / "search_index.json").write_text(
        json.dumps(material, ensure_ascii=False, separators=(",", ":"), default=str),
        encoding="utf-8")
    docs = material["docs"]
    out = search / INDEX_NAME
    out.write_text(json.dumps(prebuilt.build(docs, RANKING["title_boost"]),
                              separators=(",", ":")), encoding="utf-8")
    return out


def load_engine(site_dir: Path) -> Engine:
    site_dir = Path(site_dir)
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    data = json.loads((site_dir / "search" / DATA_NAME).read_text(encoding="utf-8"))
    return Engine(index["docs"], data["glossary"], data["ranking"])
