"""Ranking over Material's search_index.json with lunr.py.

Same algorithm as the browser worker (overrides/assets/javascripts/search/engine.js):

1. lunr retrieves and scores sections (BM25, title boosted) for the concepts'
   terms: the exact folded word; its prefix completions only for the word still
   being typed; its one-edit neighbours only when the word is not in the index
   (a typo); the glossary phrases that stand in for it; joined references.
2. The best ``candidates`` sections are re-ranked: coverage of the query's
   concepts (a word typed with accents counts only where it is written so),
   adjacent query words found adjacent in the page ("thông quan"; glossary
   phrases included), words matching with their exact accents ("hải" over
   "hai"), and the query's words in the page's own title, rare ones more.
3. Sections are grouped by page; a page ranks by its best section.

The constants live in RANKING and travel to the browser inside
search/vi_search.json, so neither side hard-codes them twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import lunr.builder
from lunr.field_ref import FieldRef
from lunr.query import QueryPresence
from lunr.token_set import TokenSet

from scripts.search import keywords
from scripts.search.boosts import boost_of
from scripts.search.normalize import exact_form, html_to_text, tokens
from scripts.search.query import Plan, analyze

RANKING = {
    "title_boost": 5,  # lunr field boost of section titles
    "exact_boost": 1.0,  # clause boost of a typed word
    "question_boost": 0.1,  # question words ("bao lâu") count for little
    "prefix_boost": 0.3,  # completions of the word being typed
    "prefix_min": 2,  # shortest prefix that is completed
    "fuzzy_boost": 0.3,  # one-edit neighbours of a word absent from the index
    "fuzzy_min": 3,  # shortest word that gets typo tolerance
    # Shortest word still being typed that also gets one-edit neighbours when
    # absent from the index ("complant" → "complaint"); 0: completions only.
    "last_fuzzy_min": 0,
    "alt_boost": 0.6,  # glossary stand-ins ("doanh nghiệp" for "DN")
    "extra_boost": 1.0,  # joined references ("38/2015")
    "candidates": 100,  # sections re-ranked after lunr
    "coverage_weight": 3.0,  # × (1 + w·coverage²); 2.0 until issue 13f
    "adjacency_weight": 1.0,  # × (1 + w·adjacent pairs / pairs)
    "accent_weight": 0.3,  # × (1 + w·exact-accent words / accented words)
    "page_title_weight": 2.5,  # × (1 + w·(concepts found in the page's own title)²)
    "max_pages": 50,  # pages returned
    "page_support": 0.35,  # + w × the page's second and third best sections
    # Issue 13d (each moved the tuning split up; scripts/search/README.md):
    "accent_strict": 2,  # a word typed with accents matches its own letters only with those accents: 1 in page titles, 2 also in sections
    "alt_adjacency": 1,  # glossary phrases count for adjacency ("XNK tại chỗ": "nhập khẩu tại chỗ")
    "title_rarity": 1,  # page title coverage weighs each concept by its idf
    # Issue 13i: × (1 + w) for the sections of a page the query asks for (query.INTENTS)
    "intent_weight": 4.0,
}


def words_and_terms(*fields: str):
    """Word sequence (with None between fields), all terms, exact-accent forms."""
    seq: list[str | None] = []
    all_terms: set[str] = set()
    exact: set[str] = set()
    for value in fields:
        text = html_to_text(value)
        for t in tokens(text):
            all_terms.add(t.term)
            if t.is_word:
                seq.append(t.term)
                exact.add(exact_form(text, t))
        seq.append(None)
    return seq, all_terms, exact


def edge_terms(plan: Plan, per_concept, i: int, end: int, r: dict) -> set[str]:
    """The terms that may stand at one end of concept ``i`` in the text: its own
    terms and, with ``alt_adjacency``, the first (``end`` 0) or last (``end`` -1)
    word of each glossary phrase standing in for it ("XNK tại chỗ" is adjacent
    in "nhập khẩu tại chỗ")."""
    out = set(per_concept[i])
    if r["alt_adjacency"]:
        out.update(phrase[end] for phrase in plan.concepts[i].alternatives)
    return out


@dataclass
class Section:
    ref: int
    location: str
    score: float
    final: float = 0.0


@dataclass
class PageResult:
    page: str
    score: float
    sections: list[Section] = field(default_factory=list)


class Engine:
    """An in-memory lunr.py index of Material's search documents."""

    def __init__(
        self,
        docs: list[dict],
        glossary: list[dict],
        ranking: dict | None = None,
        synonyms: list[dict] = (),
        intents: list[dict] = (),
    ):
        self.docs = docs
        self.glossary = glossary
        self.synonyms = list(synonyms)
        self.intents = list(intents)
        self.r = {**RANKING, **(ranking or {})}
        self.page_of = [d["location"].split("#")[0] for d in docs]
        self.page_title = {}  # shown
        # The page's title as ranked: with the editors' keywords (keywords.py)
        self._page_fields: dict[str, list[str]] = {}
        for d, page in zip(docs, self.page_of):
            self.page_title.setdefault(page, d.get("title", ""))
            self._page_fields.setdefault(page, [d.get("title", ""), d.get(keywords.FIELD, "")])
        self._cache: dict[int, tuple] = {}
        builder = lunr.builder.Builder()
        builder.ref("id")
        builder.field("title", boost=self.r["title_boost"])
        builder.field("text")
        for i, d in enumerate(docs):
            title = [t.term for t in tokens(html_to_text(d.get("title", "")))]
            extra = [t.term for t in tokens(html_to_text(d.get(keywords.FIELD, "")))]
            builder.add(
                {
                    "id": str(i),
                    "title": title + extra,
                    "text": [t.term for t in tokens(html_to_text(d.get("text", "")))],
                },
                {"boost": boost} if (boost := boost_of(d)) != 1 else None,
            )
            if extra:  # keywords do not lengthen the title (prebuilt.py does the same)
                builder.field_lengths[str(FieldRef(str(i), "title"))] = len(title)
        self.index = builder.build()

    # -- term sets -----------------------------------------------------------
    def _expand(self, token_set: TokenSet) -> list[str]:
        return self.index.token_set.intersect(token_set).to_list()

    def concept_terms(self, plan: Plan):
        """Per concept: {term: clause boost} of the index terms that satisfy it."""
        r = self.r
        vocab = self.index.inverted_index
        out = []
        for c in plan.concepts:
            weight = r["question_boost"] if c.question else r["exact_boost"]
            found: dict[str, float] = {}
            if c.word in vocab:
                found[c.word] = weight
            if c.prefix and len(c.word) >= r["prefix_min"]:
                for t in self._expand(TokenSet.from_string(c.word + "*")):
                    found[t] = found.get(t, 0) + weight * r["prefix_boost"]
            fuzzy_min = r["last_fuzzy_min"] if c.prefix else r["fuzzy_min"]
            if c.word not in vocab and fuzzy_min and len(c.word) >= fuzzy_min and not c.question:
                for t in self._expand(TokenSet.from_fuzzy_string(c.word, 1)):
                    found[t] = found.get(t, 0) + weight * r["fuzzy_boost"]
            out.append(found)
        return out

    # -- search --------------------------------------------------------------
    def _doc_features(self, ref: int):
        if ref not in self._cache:
            d = self.docs[ref]
            page = self.page_of[ref]
            page_fields = self._page_fields[page]
            fields = [d.get("title", ""), d.get(keywords.FIELD, ""), d.get("text", "")]
            if d["location"] != page:  # a section: its page's title and keywords count too (engine.js)
                fields = page_fields + fields
            _, title_terms, title_exact = words_and_terms(*page_fields)
            self._cache[ref] = (*words_and_terms(*fields), title_terms, title_exact)
        return self._cache[ref]

    def search(self, query: str) -> list[PageResult]:
        r = self.r
        plan = analyze(query, self.glossary, self.synonyms, self.intents)
        per_concept = self.concept_terms(plan)
        clauses: dict[str, float] = {}
        for c, found in zip(plan.concepts, per_concept):
            for t, boost in found.items():
                clauses[t] = clauses.get(t, 0) + boost
            for phrase in c.alternatives:
                for t in phrase:
                    if t in self.index.inverted_index:
                        clauses[t] = clauses.get(t, 0) + r["alt_boost"] * (
                            r["question_boost"] if c.question else 1
                        )
        for t in plan.extras:
            if t in self.index.inverted_index:
                clauses[t] = clauses.get(t, 0) + r["extra_boost"]
        if not clauses:
            return []
        q = self.index.create_query()
        for t in sorted(clauses):
            q.term(t, boost=clauses[t], use_pipeline=False, presence=QueryPresence.OPTIONAL)
        hits = self.index.query(q)
        hits = sorted(((int(h["ref"]), h["score"]) for h in hits), key=lambda x: (-x[1], x[0]))
        # How telling each concept is: the same for every candidate, so once per query.
        rarity = [
            self._rarity(plan, per_concept, i) if r["title_rarity"] else 1.0
            for i in range(len(plan.concepts))
        ]
        sections = [
            self._rerank(ref, score, plan, per_concept, rarity) for ref, score in hits[: r["candidates"]]
        ]
        sections.sort(key=lambda s: (-s.final, s.ref))
        pages: dict[str, PageResult] = {}
        for s in sections:
            page = self.page_of[s.ref]
            if page not in pages:
                pages[page] = PageResult(page, s.final)
            elif len(pages[page].sections) < 3:
                pages[page].score = round(pages[page].score + r["page_support"] * s.final, 6)
            pages[page].sections.append(s)
        ranked = sorted(pages.values(), key=lambda p: (-p.score, p.sections[0].ref))
        return ranked[: r["max_pages"]]

    def _idf(self, term: str) -> float:
        """lunr's idf of a term (its refs: documents × fields), 0 when absent."""
        post = self.index.inverted_index.get(term)
        if not post:
            return 0.0
        df = len(post["title"]) + len(post["text"])
        return round(math.log(1 + abs((len(self.docs) - df + 0.5) / (df + 0.5))), 3)

    def _rarity(self, plan: Plan, per_concept, i: int) -> float:
        """How telling concept ``i`` is: the idf of its rarest term (its own,
        or of the glossary phrases standing in for it)."""
        found = list(per_concept[i]) or [t for phrase in plan.concepts[i].alternatives for t in phrase]
        return max((self._idf(t) for t in found), default=0.0)

    def _rerank(self, ref: int, score: float, plan: Plan, per_concept, rarity: list[float]) -> Section:
        r = self.r
        seq, all_terms, exact, title_terms, title_exact = self._doc_features(ref)

        def satisfied(terms, exact_words, strict):
            # A word typed with accents ("giả") is not found by the same letters
            # with other accents ("gia" of "gia công"): with ``strict``, its own
            # folded form counts only where the typed form is (completions and
            # typo neighbours are other words and count as before).
            out = []
            for c, found in zip(plan.concepts, per_concept):
                own = strict and c.exact and not c.question
                out.append(
                    any(t in terms for t in found if not (own and t == c.word))
                    or (c.word in found and c.word in terms and (not own or c.exact in exact_words))
                    or any(all(t in terms for t in phrase) for phrase in c.alternatives)
                )
            return out

        sat = satisfied(all_terms, exact, r["accent_strict"] >= 2)
        in_title = satisfied(title_terms, title_exact, r["accent_strict"] >= 1)
        content = [i for i, c in enumerate(plan.concepts) if not c.question]
        basis = content or list(range(len(plan.concepts)))
        coverage = sum(sat[i] for i in basis) / len(basis) if basis else 0.0
        # Words of the page's own title count by rarity: "hải quan" is in most
        # titles, "luồng" in one.
        total = sum(rarity[i] for i in basis)
        title_coverage = sum(rarity[i] for i in basis if in_title[i]) / total if total else 0.0
        pairs = [(a, b) for a, b in zip(content, content[1:]) if b == a + 1]
        adjacent = 0
        for a, b in pairs:
            fa, fb = edge_terms(plan, per_concept, a, -1, r), edge_terms(plan, per_concept, b, 0, r)
            if any(x is not None and y is not None and x in fa and y in fb for x, y in zip(seq, seq[1:])):
                adjacent += 1
        adjacency = adjacent / len(pairs) if pairs else 0.0
        accented = [c for c in plan.concepts if c.exact and not c.question]
        accent = sum(c.exact in exact for c in accented) / len(accented) if accented else 0.0
        final = (
            score
            * (1 + r["coverage_weight"] * coverage**2)
            * (1 + r["adjacency_weight"] * adjacency)
            * (1 + r["accent_weight"] * accent)
            * (1 + r["page_title_weight"] * title_coverage**2)
            * (1 + r["intent_weight"] if self.page_of[ref] in plan.intents else 1)
        )
        return Section(ref, self.docs[ref]["location"], score, round(final, 6))
