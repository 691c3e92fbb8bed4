"""English search for the English edition (/en/, issue 12).

The English pages get their own split index (``search/en_meta.json``,
``search/en/<version>/``) and data (``search/en_search.json``), ranked by the
same engine as the Vietnamese site. What is English lives here, as a text
analysis applied to the indexed text and to the query alike, so the engine
itself does not change:

* every ASCII word is reduced to its Porter stem (lunr's stemmer, the one
  Material uses for ``lang: en``; the browser runs lunr.js's, and
  tests/test_search_english.py checks both agree on every word of the
  English edition): "declarations" and "declaring" both index as "declar";
* lunr's English stop words ("the", "how", "do", "who"…) are dropped, unless
  they are part of a run joined by "/" or "-";
* a word keeps its case pattern ("HS" stays upper case), so abbreviations
  typed in capitals are still told from syllables ("CO" against "có").

Vietnamese typed on the English site: each English section is indexed with
the title of the Vietnamese page or section it translates or summarises (its
``translation_of`` original, the original's section of the same anchor, or
the ``vi:`` links of a summary's section), so
"hoàn thuế" and "hoan thue" find the English section on refunds; the
glossary works both ways (``en_search.json`` lists the English phrases as the
entries' terms and the Vietnamese phrases as their other language).

The browser's port is overrides/assets/javascripts/search/english.js.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS

from scripts.search import shards
from scripts.search.engine import RANKING, Engine
from scripts.search.glossary import GLOSSARY, expansion_entries
from scripts.search.normalize import html_to_text
from scripts.search.query import NOT_QUESTION_PHRASES, QUESTION_PHRASES
from scripts.vietnamese import fold

LANG = "en"
META_NAME = f"{LANG}_meta.json"
DATA_NAME = f"{LANG}_search.json"
PREFIX = f"{LANG}/"  # locations of the English edition in Material's index
HEADERS_RULE = f"/search/{LANG}/*\n  Cache-Control: public, max-age=31536000, immutable\n"

# The Vietnamese site's constants, plus typo tolerance on the last word when it
# has 5 letters or more and the index lacks it ("complant"): the engine only
# completes the word still being typed, and English words are long enough
# for a one-edit neighbour to be the word meant.
RANKING_EN = {**RANKING, "last_fuzzy_min": 5}

# An ASCII word with no letter or digit right before or after it ("Hải" is
# left alone); the browser's english.js uses the same pattern.
WORD = re.compile(r"(?<![^\W_])[A-Za-z]+(?![^\W_])")
_JOINERS = "/-"


class _LunrJsStemmer(PorterStemmer):
    """lunr.py's Porter stemmer with lunr.js's step 1c: a final "y" becomes
    "i" only after a consonant that has at least one letter before it
    ("days" → "day", "why" → "whi"; lunr.py gives "dai" and "why")."""

    def step1c(self):
        k = self.k
        if k >= 2 and self.b[k] == "y" and self.b[k - 1] not in "aeiou":
            self.b = self.b[:k] + "i" + self.b[k + 1 :]


_STEMMER = _LunrJsStemmer()


@functools.cache
def stem(word: str) -> str:
    """Porter stem of a lower-case word, as lunr.js computes it
    (tests/test_search_english.py compares both on every English word);
    each word stemmed once (the English edition: 11,600 words, 1,200 distinct)."""
    return _STEMMER.stem(word)


def _word(m: re.Match) -> str:
    word = m.group()
    low = word.lower()
    text = m.string
    joined = (m.start() > 0 and text[m.start() - 1] in _JOINERS) or (
        m.end() < len(text) and text[m.end()] in _JOINERS
    )
    if low in STOP_WORDS and not joined:
        return ""
    out = stem(low)
    if out == low:
        return word
    if len(word) > 1 and word.isupper():
        return out.upper()
    return out[:1].upper() + out[1:] if word[0].isupper() else out


def analyze(text: str) -> str:
    """Text with English words stemmed and stop words removed (everything else kept)."""
    return WORD.sub(_word, text)


def term(folded: str) -> str:
    """The index term of one folded search term ("declarations" → "declar", "the" → "")."""
    if folded.isascii() and folded.isalpha():
        return "" if folded in STOP_WORDS else stem(folded)
    return folded


def _indexed(value: str) -> str:
    """An indexed HTML field, analysed, kept as escaped text (the indexer strips tags)."""
    return html.escape(analyze(html_to_text(value)), quote=False)


def _vietnamese(title: str) -> str:
    """A Vietnamese title as indexed on an English page: as written (the
    index folds it, so "hoàn thuế" and "hoan thue" both find it), plus only
    the few syllables an English query's stemming changes ("quy" → "qui"),
    so the folded form typed on an English page finds it too."""
    folded = {w.lower() for w in WORD.findall(fold(title))}
    stemmed = [w for w in WORD.findall(analyze(fold(title))) if w.lower() not in folded]
    return " ".join([title, *stemmed])


def index_docs(docs: list[dict], related: dict[str, list[str]]) -> list[dict]:
    """What is indexed of Material's English documents: analysed title and
    text; ``related[location]`` (Vietnamese titles) opens the text. Not the
    title: BM25 weighs a title by its length, and an English heading followed
    by its Vietnamese twin's lost to English headings that have none
    ("Regular dialogue conferences" under the summary's "Through a business
    association and dialogue conferences")."""
    out = []
    for d in docs:
        title = _indexed(d.get("title", ""))
        extra = " ".join(html.escape(_vietnamese(t), quote=False) for t in related.get(d["location"], []))
        out.append({**d, "title": title, "text": f"{extra} {_indexed(d.get('text', ''))}".strip()})
    return out


def _phrases(values: list[list[str]]) -> list[list[str]]:
    out = []
    for phrase in values:
        words = [t for t in (term(w) for w in phrase) if t]
        if words and words not in out:
            out.append(words)
    return out


def glossary_entries(path: Path = GLOSSARY) -> list[dict]:
    """The glossary for English pages: the English phrases are the entries'
    terms (typed, the abbreviation stands in), the Vietnamese ones their other
    language (typed, the English phrases stand in); keys and phrases analysed."""
    out = []
    for entry in expansion_entries(path):
        keys = [{**k, "key": term(k["key"]) or k["key"]} for k in entry["keys"]]
        out.append(
            {
                "abbr": entry["abbr"],
                "label": " / ".join(" ".join(p) for p in entry["en"]) or entry["label"],
                "keys": keys,
                "term": _phrases(entry["en"]),
                "en": _phrases(entry["term"])
                + [p for p in entry["term"] if p not in _phrases(entry["term"])],
            }
        )
    return out


def search_data(glossary_path: Path = GLOSSARY) -> dict:
    return {
        "format": 1,
        "lang": LANG,
        "ranking": RANKING_EN,
        "questions": QUESTION_PHRASES,
        "not_questions": NOT_QUESTION_PHRASES,
        "glossary": glossary_entries(glossary_path),
    }


def vietnamese_titles(docs: list[dict], sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """English location → titles of the Vietnamese pages it translates.

    ``sources`` maps an English location ("en/thu-tuc/#hoan-thue", or a page
    "en/lien-he/") to Vietnamese page or section URLs ("thu-tuc/hoan-thue/",
    "quy-che-phoi-hop/#dieu-7")."""
    titles = {d["location"]: html_to_text(d.get("title", "")) for d in docs}
    return {
        location: [titles[url] for url in urls if url in titles]
        for location, urls in sources.items()
        if any(url in titles for url in urls)
    }


def write(
    site_dir: Path, material: dict, sources: dict[str, list[str]], glossary_path: Path = GLOSSARY
) -> dict:
    """The English index and data, from Material's merged index (both editions)."""
    site_dir = Path(site_dir)
    search = site_dir / "search"
    docs = [d for d in material["docs"] if d["location"].startswith(PREFIX)]
    vietnamese = [d for d in material["docs"] if not d["location"].startswith(PREFIX)]
    related = vietnamese_titles(vietnamese, sources)
    indexed = index_docs(docs, related)
    source = json.dumps([docs, related], ensure_ascii=False, sort_keys=True).encode("utf-8")
    meta = shards.write(search, indexed, RANKING_EN["title_boost"], source, name=LANG, shown=docs)
    data = json.dumps(search_data(glossary_path), ensure_ascii=False, separators=(",", ":"))
    (search / DATA_NAME).write_text(data, encoding="utf-8")
    headers = site_dir / "_headers"
    if headers.exists():
        text = headers.read_text(encoding="utf-8")
        if HEADERS_RULE not in text:
            headers.write_text(text.rstrip("\n") + "\n" + HEADERS_RULE, encoding="utf-8")
    (search / f"{LANG}_docs.json").write_text(
        json.dumps({"docs": docs, "related": related}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    return meta


def write_edition(
    site_dir: Path, sources: dict[str, list[str]], glossary_path: Path = GLOSSARY
) -> dict | None:
    """``write`` from the site's search_index.json, before the English entries
    are left out of it (scripts/search/site.py ``write_index``). Returns that
    index as read, which ``write_index`` then splits without reading it again."""
    index = Path(site_dir) / "search" / "search_index.json"
    if not index.exists():
        return None
    material = json.loads(index.read_bytes())
    if any(d["location"].startswith(PREFIX) for d in material["docs"]):
        write(site_dir, material, sources, glossary_path)
    return material


class EnglishEngine:
    """The terminal's English search: the same Engine over the analysed documents."""

    def __init__(self, docs: list[dict], related: dict[str, list[str]], data: dict):
        self.shown = docs
        self.engine = Engine(index_docs(docs, related), data["glossary"], data["ranking"])
        self.docs = docs
        self.page_title = {}
        for d in docs:
            self.page_title.setdefault(d["location"].split("#")[0], d.get("title", ""))

    def search(self, query: str):
        return self.engine.search(analyze(query))


def load_engine(site_dir: Path) -> EnglishEngine:
    search = Path(site_dir) / "search"
    stored = json.loads((search / f"{LANG}_docs.json").read_text(encoding="utf-8"))
    data = json.loads((search / DATA_NAME).read_text(encoding="utf-8"))
    return EnglishEngine(stored["docs"], stored["related"], data)
