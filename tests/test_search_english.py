"""English search on the English edition (issue 12, scripts/search/english.py):
the English suite through the terminal command and the browser's engine over
the real built site, stemmer agreement between lunr.py and lunr.js, and the
real /en/ search box in Chromium (desktop and phone width).

Relevance targets are quality bars on counts (deterministic, not timed);
`make bench-search` prints the same figures for the real box."""

import json
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

from helpers.search_box import settle
from scripts.contacts.load import load_data
from scripts.contacts.render_glossary import entries
from scripts.search import english
from scripts.search.normalize import html_to_text
from scripts.search.site import load_engine
from tools.bench.relevance import NONE, ROOT, SUITE_EN, load_suite, run_cli, summarize

SUITE = load_suite(SUITE_EN)


@pytest.fixture(scope="module")
def cli_rows(built_site):
    return run_cli(english.load_engine(built_site), SUITE)


def _node(*args, stdin):
    node = shutil.which("node")
    assert node, "node is needed to run the browser's search code outside the browser"
    out = subprocess.run([node, *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_suite_has_60_queries_of_every_kind_and_both_splits():
    assert len([q for q in SUITE if q["expect"] != NONE]) >= 60
    assert {"question", "keyword", "abbreviation", "vietnamese", "typo", "out-of-scope"} <= {
        q["kind"] for q in SUITE
    }
    held_out = [q for q in SUITE if q["split"] == "held-out"]
    assert 0.25 < len(held_out) / len(SUITE) < 0.5
    assert not {q["q"] for q in held_out} & {q["q"] for q in SUITE if q["split"] == "tuning"}


def test_expected_pages_exist(built_site):
    missing = sorted(
        {q["expect"] for q in SUITE if q["expect"] != NONE}
        - {q["expect"] for q in SUITE if (built_site / q["expect"] / "index.html").exists()}
    )
    assert not missing, f"suite expects pages the site does not have: {missing}"


def test_cli_finds_the_english_page_in_the_first_five(cli_rows):
    s = summarize(cli_rows)
    misses = [(r["q"], r["expect"], r["top"][:3]) for r in cli_rows if r["expect"] != NONE and not r["rank"]]
    assert s["all"]["hit5"] >= 0.95, f"{s['all']}\n{misses}"
    assert s["all"]["hit1"] >= 0.75, s["all"]
    assert s["vietnamese"]["hit5"] == 1.0, s["vietnamese"]


def test_english_results_stay_in_the_english_edition(cli_rows):
    pages = {p for r in cli_rows for p in r["top"]}
    assert pages and all(p.startswith("en/") for p in pages), sorted(pages)


def test_browser_engine_ranks_exactly_like_the_cli(built_site, cli_rows):
    js = _node("tests/js/search_rank.js", str(built_site), "en", stdin=json.dumps([q["q"] for q in SUITE]))
    differ = [(r["q"], r["top"], top) for r, top in zip(cli_rows, js) if r["top"] != top]
    assert not differ, "JavaScript and Python rank differently:\n" + "\n".join(map(str, differ))


def test_a_typo_in_the_word_still_being_typed_is_corrected(built_site):
    """ "warehuse" (one letter missing, last word): one-edit neighbours as well
    as completions on English pages; completions alone found nothing."""
    stored = json.loads((built_site / "search" / "en_docs.json").read_text(encoding="utf-8"))
    data = json.loads((built_site / "search" / english.DATA_NAME).read_text(encoding="utf-8"))
    engine = english.EnglishEngine(stored["docs"], stored["related"], data)
    assert [p.page for p in engine.search("warehuse")][:1] == ["en/thu-tuc/"]
    assert [p.page for p in engine.search("bonded warehuse")][:1] == ["en/thu-tuc/"]
    data["ranking"]["last_fuzzy_min"] = 0  # the Vietnamese site's setting
    assert not english.EnglishEngine(stored["docs"], stored["related"], data).search("warehuse")


def test_sections_are_indexed_with_their_vietnamese_twins_title(built_site):
    """An English heading that keeps its original's anchor is indexed with that
    Vietnamese section's title, so "Gửi tố cáo tới ai" finds the English section."""
    vietnamese = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: html_to_text(d["title"]) for d in vietnamese["docs"]}
    stored = json.loads((built_site / "search" / "en_docs.json").read_text(encoding="utf-8"))
    twins = [
        (d["location"], titles[d["location"][len(english.PREFIX) :]])
        for d in stored["docs"]
        if d["location"].startswith("en/phan-anh/to-cao-vi-pham/#")
        and d["location"][len(english.PREFIX) :] in titles
    ]
    assert len(twins) >= 3, twins
    for location, title in twins:
        assert title in stored["related"].get(location, []), (location, title)
    location, title = next((loc, t) for loc, t in twins if "tố cáo" in t)
    top = english.load_engine(built_site).search(title)[0]
    assert top.sections[0].location == location, (title, [s.location for s in top.sections[:3]])


def test_each_glossary_entry_answers_what_its_abbreviation_stands_for(built_site):
    """Every abbreviation of data/glossary.yaml is its own search result on both
    glossary pages: asking what it stands for opens the glossary at its entry,
    not at the page's top nor on a page that merely uses it ("C/O")."""
    english_engine, vietnamese_engine = english.load_engine(built_site), load_engine(built_site)
    wrong = []
    for term, anchor in entries(load_data(ROOT).glossary.data):
        for engine, query, location in (
            (english_engine, f"what does {term['abbr']} stand for", f"en/thuat-ngu/#{anchor}"),
            (vietnamese_engine, f"{term['abbr']} viết tắt của gì", f"thuat-ngu/#{anchor}"),
        ):
            top = engine.search(query)[:1]
            if not top or top[0].sections[0].location != location:
                wrong.append((query, top and top[0].sections[0].location))
    assert not wrong, wrong


def test_lunr_js_and_lunr_py_stem_every_english_word_alike(built_site):
    stored = json.loads((built_site / "search" / "en_docs.json").read_text(encoding="utf-8"))
    words = sorted(
        {w.lower() for d in stored["docs"] for w in english.WORD.findall(d["title"] + " " + d["text"])}
    )
    assert len(words) > 500
    script = (
        'const E = require("./overrides/assets/javascripts/search/english.js");'
        'const w = JSON.parse(require("fs").readFileSync(0, "utf8"));'
        "process.stdout.write(JSON.stringify([w.map(E.term), w.map(x => E.analyze(x + ' ' + x.toUpperCase()))]))"
    )
    terms, analysed = _node("-e", script, stdin=json.dumps(words))
    assert terms == [english.term(w) for w in words]
    assert analysed == [english.analyze(f"{w} {w.upper()}") for w in words]


def test_vietnamese_site_index_holds_no_english_page(built_site):
    meta = json.loads((built_site / "search" / "vi_meta.json").read_text(encoding="utf-8"))
    assert meta["pages"] and not any(path.startswith("en/") for path, _ in meta["pages"])
    en = json.loads((built_site / "search" / "en_meta.json").read_text(encoding="utf-8"))
    assert en["pages"] and all(path.startswith("en/") for path, _ in en["pages"])


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, expected, marked",
    [
        ("how do I get a tax refunds", "/en/thu-tuc/#hoan-thue", True),  # stems, no stop words
        ("hoan thue", "/en/thu-tuc/#hoan-thue", None),  # Vietnamese, no accents
        ("hoàn thuế", "/en/thu-tuc/#hoan-thue", None),  # Vietnamese with accents
        ("hotline contacts", "/en/lien-he/", True),
    ],
)
def test_english_search_box_finds_the_english_page(desktop_page, site_url, query, expected, marked):
    desktop_page.goto(site_url + "en/", wait_until="load")
    assert desktop_page.evaluate("document.documentElement.lang") == "en"
    box = desktop_page.locator("input[data-md-component=search-query]")
    box.click()
    box.type(query)
    hrefs = settle(desktop_page)
    assert hrefs, "no result"
    page, _, anchor = expected.partition("#")
    # Material's first group: the page, then its best sections.
    assert urlsplit(hrefs[0]).path == page, hrefs[:3]
    if anchor:
        assert any(urlsplit(h).fragment == anchor for h in hrefs[:4]), hrefs[:4]
    marks = desktop_page.eval_on_selector_all(".md-search-result__item mark", "els => els.length")
    if marked:  # English words are marked in the English preview
        assert marks


@pytest.mark.browser
def test_english_search_on_a_phone_speaks_english(phone_page, site_url):
    phone_page.goto(site_url + "en/", wait_until="networkidle")
    phone_page.locator("label.md-header__button[for=__search]").tap()
    box = phone_page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    phone_page.keyboard.type("bribe zzqx", delay=20)
    hrefs = settle(phone_page)
    assert hrefs and all(urlsplit(h).path.startswith("/en/") for h in hrefs), hrefs
    # A weak answer: the panel under the count speaks English and links the English pages.
    panel = phone_page.locator(".vi-search-panel")
    panel.wait_for(state="visible")
    assert "No page says enough about" in panel.inner_text(), panel.inner_text()
    links = phone_page.eval_on_selector_all(".vi-search-panel a", "els => els.map(e => e.href)")
    assert links and all("/en/" in h for h in links), links
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"], width
