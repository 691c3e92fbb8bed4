"""Query analysis: what a typed query asks for, before the index is consulted.

A query becomes a list of *concepts* (one per typed word, or one per typed
abbreviation such as "C/O"), each with the glossary phrases that may stand in
for it, plus the joined legal-reference terms ("38/2015"). Question words are
kept but flagged: they are never required and weigh little.

The JavaScript port (search/engine.js, ``analyzeQuery``) follows this code
line by line; tests/search_vectors.json pins both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.search.normalize import TERM_RUN, TERM_SEP, exact_form, fold_lower, quantities, tokens

# A joined instrument number ("38/2019", "08/2015/nd-cp"), not "c/o".
REFERENCE = re.compile(r"\d/\d")

# Question and filler phrases (folded): "làm sao", "thế nào", "bao lâu", "ở đâu"…
# Multi-word phrases only where a single syllable would also be a content word
# ("sao" in "bản sao", "dau" in "đầu mối").
QUESTION_PHRASES = [
    ["nhu", "the", "nao"],
    ["lam", "the", "nao"],
    ["lam", "sao"],
    ["the", "nao"],
    ["ra", "sao"],
    ["tai", "sao"],
    ["bao", "lau"],
    ["bao", "nhieu"],
    ["o", "dau"],
    ["khi", "nao"],
    ["la", "gi"],
    ["duoc", "khong"],
    ["phai", "khong"],
    ["co", "phai"],
    ["nhung", "gi"],
    ["gi"],
    ["khong"],
    ["nao"],
    ["a"],
    ["vay"],
    ["nhi"],
    # Hotline and forum scaffolding (issue 13): "cho em hỏi … thì … ạ", "hỏi ai",
    # "gửi đâu", "mấy", "có được … không". Never required, so a content word
    # caught here ("ai" in "Ai xử lý") still counts, only for less.
    ["cho", "em", "hoi"],
    ["cho", "toi", "hoi"],
    ["cho", "minh", "hoi"],
    ["xin", "hoi"],
    # Not "đâu", "mấy", "mà", "muốn", "cần": they fold into "đầu mối", "máy móc",
    # "mã HS", "nộp muộn", "cán bộ".
    ["gui", "o", "dau"],
    ["em"],
    ["toi"],
    ["thi"],
    ["ai"],
    ["co", "duoc"],
    ["roi"],
    ["nhe"],
    ["oi"],
    ["voi"],
    ["giup"],
    # More scaffolding (issue 13): "không biết … thì hỏi ai", "của mình",
    # "thủ tục gì", "phải làm gì", "xử lý thế nào", "báo ai". Each moved the
    # tuning split up or left it level; "có bị" moved it down ("người bị tố cáo").
    ["khong", "biet"],
    ["cua", "minh"],
    ["thu", "tuc", "gi"],
    ["lam", "gi"],
    ["xu", "ly", "the", "nao"],
    ["xu", "ly", "sao"],
    ["hoi", "ai"],
    ["bao", "ai"],
    # English question words that are not Vietnamese syllables once folded.
    ["how"],
    ["what"],
    ["where"],
    ["when"],
    ["which"],
    ["who"],
    ["why"],
    ["does"],
    ["is"],
    ["are"],
    ["the"],
    ["of"],
    ["for"],
    ["with"],
    ["about"],
    ["should"],
    ["i"],
    # Not "do", "to", "an": "luồng đỏ", "tờ khai", "ấn định".
    ["my"],
    ["long"],
    ["take"],
    ["need"],
    ["does"],
    ["get"],
]

# Where a question syllable is a content word ("tối đa" is not "tôi"; "thi
# hành", "thực thi" are not "thì"; "vòi tiền" is not "với"): these phrases
# are never question words, whatever QUESTION_PHRASES says.
NOT_QUESTION_PHRASES = [
    ["toi", "da"],
    ["toi", "thieu"],
    ["thi", "hanh"],
    ["thuc", "thi"],
    ["voi", "tien"],
    ["voi", "vinh"],
    ["roi", "cang"],
]


# Queries that ask for what one page is made of (issue 13i): the status of a
# legal instrument typed with its number ("38/2019/QH14 còn hiệu lực không")
# is the register's; an abbreviation alone with "là gì" or "viết tắt" ("KTTT là
# gì") is the glossary's; a phone number, address or mail of the office
# itself ("sđt HQ KV3", "địa chỉ hải quan hải phòng") is the contacts page's.
# An intent holds when the query has one of its ``words`` and what ``with``
# asks: "reference", a joined instrument number; "abbreviations", no content
# word besides glossary abbreviations and the intent's own words; "names", no
# content word besides the intent's own ``names`` (the office's name, typed
# any way) and its words. The engines rank the page's sections up (RANKING's
# ``intent_weight``). Shipped in search/vi_search.json (``intents``).
INTENTS = [
    {
        "page": "van-ban-phap-luat/",
        "words": [["hieu", "luc"], ["thay", "the"], ["sua", "doi"], ["bai", "bo"], ["ban", "hanh"]],
        "with": "reference",
    },
    {"page": "thuat-ngu/", "words": [["la", "gi"], ["nghia"], ["viet", "tat"]], "with": "abbreviations"},
    {
        "page": "lien-he/",
        "words": [
            ["so", "dien", "thoai"],
            ["dien", "thoai"],
            ["sdt"],
            ["so", "dt"],
            ["dia", "chi"],
            ["tru", "so"],
            ["hotline"],
            ["duong", "day", "nong"],
            ["email"],
            ["lien", "he"],
            ["thu", "dien", "tu"],
            ["o", "dau"],
        ],
        "with": "names",
        # "Chi cục Hải quan khu vực III (Hải Phòng)", typed any way.
        "names": ["hai", "quan", "phong", "hq", "chi", "cuc", "khu", "vuc", "kv", "iii", "3", "kv3", "hqkv3"],
    },
]


@dataclass
class Concept:
    word: str  # folded term ("thu", "c/o", "38")
    exact: str | None = None  # typed form when it carries accents ("thủ")
    prefix: bool = False  # last word, still being typed
    question: bool = False  # question word: never required, light weight
    alternatives: list[list[str]] = field(default_factory=list)  # glossary phrases

    def as_dict(self) -> dict:
        return {
            "word": self.word,
            "exact": self.exact,
            "prefix": self.prefix,
            "question": self.question,
            "alternatives": self.alternatives,
        }


@dataclass
class Plan:
    concepts: list[Concept]
    extras: list[str]  # joined terms: "38/2015", "tt-btc"
    intents: list[str] = field(default_factory=list)  # pages the query asks for (INTENTS)

    def as_dict(self) -> dict:
        out = {"concepts": [c.as_dict() for c in self.concepts], "extras": self.extras}
        return {**out, "intents": self.intents} if self.intents else out


def _add_alt(concept: Concept, phrase: list[str]) -> None:
    if phrase and phrase != [concept.word] and phrase not in concept.alternatives:
        concept.alternatives.append(phrase)


def _find(words: list[str], phrase: list[str]):
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if words[i : i + n] == phrase]


def analyze(query: str, glossary: list[dict], synonyms: list[dict] = (), intents: list[dict] = ()) -> Plan:
    """Concepts and extra terms of ``query`` (see module docstring).

    ``synonyms`` (``search_synonyms`` of data/glossary.yaml): each entry's
    ``also`` phrases are other wordings of its ``term`` phrases ("đòi tiền"
    for "nhũng nhiễu", "cán bộ" for "công chức"); typed, the site's wording
    stands in for them. ``intents``: INTENTS (the plan's ``intents``)."""
    keys = {}
    for entry in glossary:
        for k in entry["keys"]:
            keys.setdefault(k["key"], (entry, k["caps_only"]))
    folded, offsets = fold_lower(query)
    concepts: list[Concept] = []
    spans: list[tuple[int, int]] = []  # each concept's place in the query
    extras: list[str] = []
    keyed: list[Concept] = []  # the concepts that are glossary abbreviations
    for m in TERM_RUN.finditer(folded):
        run_tokens = [t for t in tokens(query[offsets[m.start()] : offsets[m.end() - 1] + 1])]
        start = offsets[m.start()]
        typed = query[start : offsets[m.end() - 1] + 1]
        joined = max((t.term for t in run_tokens), key=len)
        hit = keys.get(joined)
        if hit and (not hit[1] or typed.isupper() or TERM_SEP.search(typed)):
            entry = hit[0]
            concept = Concept(joined)
            for phrase in entry["term"]:
                _add_alt(concept, phrase)
            for other in entry["keys"]:
                _add_alt(concept, [other["key"]])
            keyed.append(concept)
            concepts.append(concept)
            spans.append((start, start + len(typed)))
            continue
        for t in run_tokens:
            if t.is_word:
                exact = exact_form(typed, t)
                accented = fold_lower(exact)[0] != exact
                concepts.append(Concept(t.term, exact if accented else None))
                spans.append((start + t.start, start + t.end))
            elif t.term not in extras:
                extras.append(t.term)
    for term, a, b in quantities(folded):
        if term not in extras:
            extras.append(term)
        # A number with its unit is one concept ("8 tiếng" → "8-gio"): the
        # point of the query, not two common words ("8" and "tiếng Anh").
        inside = [
            i for i, span in enumerate(spans) if offsets[a] <= span[0] and span[1] <= offsets[b - 1] + 1
        ]
        if inside:
            concepts[inside[0] : inside[-1] + 1] = [Concept(term)]
            spans[inside[0] : inside[-1] + 1] = [(offsets[a], offsets[b - 1] + 1)]
    # Still typing: the last word is a prefix, unless the query ends in a space.
    if concepts and query and not query[-1].isspace() and not concepts[-1].alternatives:
        concepts[-1].prefix = True
    words = [c.word for c in concepts]
    for phrase in QUESTION_PHRASES:
        for i in _find(words, phrase):
            for c in concepts[i : i + len(phrase)]:
                c.question = True
    for phrase in NOT_QUESTION_PHRASES:
        for i in _find(words, phrase):
            for c in concepts[i : i + len(phrase)]:
                c.question = False
    # Full terms (Vietnamese or English) typed out: the abbreviation stands in.
    for entry in glossary:
        for phrase in entry["term"] + entry["en"]:
            for i in _find(words, phrase):
                for c in concepts[i : i + len(phrase)]:
                    if c.question:
                        continue
                    for k in entry["keys"]:
                        _add_alt(c, [k["key"]])
                    if phrase in entry["en"]:
                        for vi in entry["term"]:
                            _add_alt(c, vi)
    for entry in synonyms:
        for phrase in entry["also"]:
            for i in _find(words, phrase):
                for c in concepts[i : i + len(phrase)]:
                    if not c.question:
                        for site_phrase in entry["term"]:
                            _add_alt(c, site_phrase)
    return Plan(concepts, extras, _intents(concepts, words, extras, keyed, intents))


def _intents(
    concepts: list[Concept], words: list[str], extras: list[str], keyed: list[Concept], intents
) -> list[str]:
    """The pages of the INTENTS that ``concepts`` meet (see INTENTS)."""
    pages = []
    for intent in intents:
        own = {i + k for phrase in intent["words"] for i in _find(words, phrase) for k in range(len(phrase))}
        if not own:
            continue
        # the query's other content words
        rest = [c for i, c in enumerate(concepts) if i not in own and not c.question]
        if intent["with"] == "reference":
            met = any(REFERENCE.search(t) for t in extras)
        elif intent["with"] == "names":
            met = all(c.word in intent["names"] for c in rest)
        else:
            met = bool(rest) and all(any(c is k for k in keyed) for c in rest)
        if met and intent["page"] not in pages:
            pages.append(intent["page"])
    return pages
