"""Issue 13 in the real browser: the index is fetched only when someone
searches, and previews and pages mark what was typed, accents included."""

import json

import pytest

from helpers.search_box import BOX, settle
from scripts.search import shards

pytestmark = pytest.mark.browser

INDEX_FILES = ("/search/search_index.json", "/search/vi_meta.json", "/search/vi_search.json", "/search/vi/")


def index_requests(urls):
    return [u for u in urls if any(f in u for f in INDEX_FILES)]


def type_query(page, query):
    """Type ``query``; Playwright inserts letters without a key of their own
    ("ế") with no keyup, which is what Material listens to: end on a key."""
    box = open_box(page)
    box.type(query)
    box.press("End")
    return box


def open_box(page):
    box = page.locator(BOX)
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    return box


def marks_for(page, site_url, query, lower=True):
    page.goto(site_url, wait_until="load")
    type_query(page, query)
    settle(page)
    marks = [m.strip() for m in page.locator(".md-search-result__item mark").all_text_contents()]
    return [m.lower() for m in marks] if lower else marks


def test_home_page_fetches_no_index_until_the_box_gets_focus(desktop_page, site_url):
    urls = []
    desktop_page.on("request", lambda r: urls.append(r.url))
    desktop_page.goto(site_url, wait_until="load")
    desktop_page.wait_for_timeout(1500)
    assert index_requests(urls) == [], index_requests(urls)
    open_box(desktop_page)
    desktop_page.wait_for_timeout(1500)
    fetched = index_requests(urls)
    assert any(u.endswith("/search/vi_meta.json") for u in fetched), fetched
    assert not any("search_index.json" in u for u in fetched), fetched


def test_pressing_slash_starts_loading(desktop_page, site_url):
    urls = []
    desktop_page.on("request", lambda r: urls.append(r.url))
    desktop_page.goto(site_url, wait_until="load")
    desktop_page.keyboard.press("/")
    desktop_page.wait_for_timeout(1500)
    assert any(u.endswith("/search/vi_meta.json") for u in urls), index_requests(urls)


def test_a_query_fetches_only_some_buckets(desktop_page, site_url, built_site):
    meta = json.loads((built_site / "search" / shards.META_NAME).read_text(encoding="utf-8"))
    urls = []
    desktop_page.on("request", lambda r: urls.append(r.url))
    desktop_page.goto(site_url, wait_until="load")
    box = open_box(desktop_page)
    box.fill("kho ngoai quan")  # pasted: one query, as a phone keyboard's suggestion does
    box.press("End")
    hrefs = settle(desktop_page)
    assert hrefs and "/thu-tuc/kho-ngoai-quan/" in hrefs[0]
    names = [u.rsplit("/", 1)[1] for u in urls if "/search/vi/" in u]
    buckets = {n for n in names if n.startswith("s")}
    assert 0 < len(buckets) < meta["buckets"], buckets


def test_accented_query_marks_only_those_accents(desktop_page, site_url):
    marks = marks_for(desktop_page, site_url, "quá hạn")
    assert "quá" in marks, marks
    assert set(marks) <= {"quá", "hạn"}, marks  # never "quả", "qua", "hàn"…


def test_accentless_query_marks_every_accented_form(desktop_page, site_url):
    marks = marks_for(desktop_page, site_url, "qua han")
    assert "quá" in marks or "hạn" in marks, marks


def test_c_o_marks_itself_not_co_or_co(desktop_page, site_url):
    marks = marks_for(desktop_page, site_url, "C/O", lower=False)
    assert "C/O" in marks, marks
    # "CO" (the glossary's variant) counts only where the page writes it in capitals.
    assert not {m.lower() for m in marks if m != "CO"} & {"có", "cơ", "cô", "co", "c", "o"}, marks


def test_page_opened_from_a_result_marks_the_typed_words_only(desktop_page, site_url):
    desktop_page.goto(site_url, wait_until="load")
    type_query(desktop_page, "hoàn thuế")
    settle(desktop_page)
    desktop_page.keyboard.press("Enter")
    desktop_page.wait_for_url("**/thu-tuc/hoan-thue/**")
    desktop_page.locator("mark[data-md-highlight]").first.wait_for(timeout=15000)
    marks = {m.strip().lower() for m in desktop_page.locator("mark[data-md-highlight]").all_inner_texts()}
    assert marks and marks <= {"hoàn", "thuế", "hoàn thuế"}, marks


def test_failed_bucket_is_announced_and_retried(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    failures = []

    def flaky(route):
        if len(failures) < 2:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/search/vi/*/s*.json", flaky)
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="load")
        type_query(page, "hoan thue")
        status = page.locator(".md-search-result__meta")
        status.filter(has_text="Không tải được").wait_for(timeout=10000)
        assert status.get_attribute("aria-live") == "polite"
        hrefs = settle(page)
        assert hrefs and "/thu-tuc/hoan-thue/" in hrefs[0], hrefs
        assert failures
    finally:
        context.close()


def test_materials_index_request_gets_the_built_configuration(desktop_page, site_url, built_site):
    built = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    desktop_page.goto(site_url, wait_until="load")
    stub = desktop_page.evaluate("""() => new Promise(resolve => {
      const xhr = new XMLHttpRequest()
      xhr.open("GET", "search/search_index.json")
      xhr.responseType = "blob"
      xhr.addEventListener("load", () => xhr.response.text().then(t => resolve(JSON.parse(t))))
      xhr.send()
    })""")
    assert stub == {"config": built["config"], "docs": []}


def panel_for(page, site_url, query):
    page.goto(site_url, wait_until="load")
    type_query(page, query)
    settle(page, ".md-search-result__item > a, .vi-search-panel a")
    panel = page.locator(".vi-search-panel")
    try:
        panel.wait_for(timeout=5000)
    except Exception:  # noqa: BLE001 - no panel is an answer too
        return ""
    page.wait_for_timeout(500)
    return panel.inner_text() if panel.count() else ""


def test_panel_says_which_accents_were_added(desktop_page, site_url):
    assert "«hoàn thuế»" in panel_for(desktop_page, site_url, "hoan thue")


def test_panel_says_which_abbreviation_was_expanded(desktop_page, site_url):
    assert "DN = doanh nghiệp" in panel_for(desktop_page, site_url, "DN")


def test_topic_the_site_does_not_cover_gets_a_hint_and_real_titles(desktop_page, site_url):
    # No page has "gạo" (rice). Not "hàng quá cảnh": the C/O page names
    # "chứng từ quá cảnh", and since issue 13d its section ranks first.
    text = panel_for(desktop_page, site_url, "thủ tục xuất khẩu gạo")
    assert "Chưa trang nào nói đủ về: «gạo»" in text, text
    links = desktop_page.locator(".vi-search-panel a")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("/lien-he/") for h in hrefs), hrefs
    assert any(h.endswith("/tuyen-ngon-phuc-vu/gop-y-phan-hoi/") for h in hrefs), hrefs
    assert 1 <= sum("/thu-tuc/" in h for h in hrefs) <= 3, hrefs


def test_panel_names_the_pages_wording_for_another_wording(desktop_page, site_url):
    # search_synonyms in data/glossary.yaml: "đòi tiền" is what the pages call "nhũng nhiễu".
    text = panel_for(desktop_page, site_url, "cán bộ đòi tiền")
    assert "Tìm cả cách viết trên trang: " in text, text
    assert "đòi tiền → nhũng nhiễu" in text and "cán bộ → công chức" in text, text
    marks = [
        m.strip().lower() for m in desktop_page.locator(".md-search-result__item mark").all_inner_texts()
    ]
    assert "nhũng nhiễu" in marks, marks


def test_no_result_still_offers_contacts(desktop_page, site_url):
    text = panel_for(desktop_page, site_url, "xyzzy")
    assert "Liên hệ Chi cục" in text and "Gửi câu hỏi" in text, text


def test_suggestion_completes_to_a_real_title(desktop_page, site_url):
    desktop_page.goto(site_url, wait_until="load")
    type_query(desktop_page, "kiem tra sau thong q")
    settle(desktop_page)
    assert desktop_page.locator(".md-search__suggest").inner_text().startswith("kiem tra sau thong quan")


def test_legal_reference_marks_only_itself(desktop_page, site_url):
    marks = marks_for(desktop_page, site_url, "Thông tư 38/2015/TT-BTC")
    assert "38/2015/tt-btc" in marks, marks
    assert not {"38", "2015", "tt", "btc"} & set(marks), marks
