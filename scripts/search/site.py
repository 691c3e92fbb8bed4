"""The search files of a built site: what the build writes, what the CLI reads.

``search/search_index.json`` is Material's (config + section documents);
``search/vi_search.json`` is ours: glossary expansions, question phrases and
ranking constants, generated from data/glossary.yaml on every build;
``search/vi_meta.json`` and ``search/vi/<version>/`` are the index the
browser loads piece by piece (scripts/search/shards.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.search import shards
from scripts.search.engine import RANKING, Engine
from scripts.search.glossary import GLOSSARY, expansion_entries, synonym_entries
from scripts.search.query import INTENTS, NOT_QUESTION_PHRASES, QUESTION_PHRASES

DATA_NAME = "vi_search.json"
FORMAT = 1


def search_data(glossary_path: Path = GLOSSARY) -> dict:
    """Everything the browser's engine needs besides Material's documents."""
    return {
        "format": FORMAT,
        "ranking": RANKING,
        "questions": QUESTION_PHRASES,
        "not_questions": NOT_QUESTION_PHRASES,
        "glossary": expansion_entries(glossary_path),
        "synonyms": synonym_entries(glossary_path),
        "intents": INTENTS,
    }


def write_search_data(site_dir: Path, glossary_path: Path = GLOSSARY) -> Path:
    out = Path(site_dir) / "search" / DATA_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(search_data(glossary_path), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return out


def write_index(site_dir: Path, leave_out: tuple[str, ...] = (), material: dict | None = None) -> dict:
    """Split Material's search_index.json (written just before, by its plugin)
    into the files the browser loads on demand (scripts/search/shards.py);
    ``material``: that file as already read (english.py ``write_edition``).

    search_index.json itself stays for the terminal command; the browser
    never downloads it (search/boot.js answers Material's request for it
    with the configuration alone)."""
    search = Path(site_dir) / "search"
    source = None
    encoded = None
    if material is None or not leave_out:
        source = (search / "search_index.json").read_bytes()
        material = json.loads(source) if material is None else material
    if leave_out:
        # The English edition's entries (kb-i18n merges them in): not in this index.
        material = {
            **material,
            "docs": [d for d in material["docs"] if not d["location"].startswith(leave_out)],
        }
        # shards.to_json(material), from each document's JSON, which the
        # page files reuse
        encoded = list(map(shards.to_json, material["docs"]))
        fields = (
            f"{shards.to_json(k)}:{'[' + ','.join(encoded) + ']' if k == 'docs' else shards.to_json(v)}"
            for k, v in material.items()
        )
        source = ("{" + ",".join(fields) + "}").encode("utf-8")
        (search / "search_index.json").write_bytes(source)
    docs = material["docs"]
    meta = shards.write(search, docs, RANKING["title_boost"], source, encoded=encoded)
    shards.add_cache_rule(Path(site_dir))
    return meta


def load_engine(site_dir: Path) -> Engine:
    site_dir = Path(site_dir)
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    data = json.loads((site_dir / "search" / DATA_NAME).read_text(encoding="utf-8"))
    return Engine(
        index["docs"], data["glossary"], data["ranking"], data.get("synonyms", []), data.get("intents", [])
    )
