"""Search through the real header box in Chromium, on the real built site:
accent folding, đ/d, abbreviations, legal references, typos, and previews
that highlight the original accented words."""

from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.search_box import BOX, settle
from scripts.config import MATERIAL_SEARCH_WORKER

pytestmark = pytest.mark.browser


def search(page, site_url, query):
    """Type ``query`` into Material's search box; return the result hrefs once stable."""
    if page.url == "about:blank":
        page.goto(site_url, wait_until="load")
    box = page.locator(BOX)
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    box.fill("")
    box.type(query)
    return settle(page)


def first_page(hrefs):
    return urlsplit(hrefs[0]).path if hrefs else None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("thu tuc tam nhap", "/thu-tuc/tam-nhap-tai-xuat/"),  # accentless
        ("dang ky to khai", "/thu-tuc/dang-ky-to-khai-vnaccs/"),  # đ typed as d
        ("KTSTQ", "/thu-tuc/kiem-tra-sau-thong-quan/"),  # abbreviation → term
        ("Điều 22 Thông tư 38/2015/TT-BTC", "/thu-tuc/huy-to-khai/"),  # legal reference
        ("kho ngaoi quan", "/thu-tuc/kho-ngoai-quan/"),  # one-letter typo (swap)
    ],
)
def test_search_box_finds_the_page(desktop_page, site_url, query, expected):
    assert first_page(search(desktop_page, site_url, query)) == expected


def test_uses_our_worker_not_materials(desktop_page, site_url):
    workers = []
    desktop_page.on("worker", lambda w: workers.append(w.url))
    search(desktop_page, site_url, "hai quan")
    assert any(u.endswith("/assets/javascripts/workers/search-vi.js") for u in workers), workers
    assert not any(MATERIAL_SEARCH_WORKER in u for u in workers), workers


def test_preview_marks_the_original_accented_words(desktop_page, site_url):
    search(desktop_page, site_url, "thu tuc tam nhap")
    first = desktop_page.locator(".md-search-result__item").first
    marks = [m.strip() for m in first.locator("mark").all_inner_texts()]
    assert "Thủ" in marks and "tục" in marks and "nhập" in marks, marks
    # The link carries the accented words, so the page highlights them after the click.
    href = first.locator("a").first.get_attribute("href")
    assert "tạm" in parse_qs(urlsplit(href).query)["h"][0].split()


def test_abbreviation_expands_to_the_full_term_in_the_preview(desktop_page, site_url):
    search(desktop_page, site_url, "quyền của DN")
    first = desktop_page.locator(".md-search-result__item").first
    marks = [m.strip().lower() for m in first.locator("mark").all_inner_texts()]
    # The stand-in is marked as the whole phrase, never its syllables alone.
    assert "doanh nghiệp" in marks, marks
    assert "nghiệp" not in marks, marks


def test_enter_opens_the_best_result(desktop_page, site_url):
    search(desktop_page, site_url, "hoan thue")
    desktop_page.keyboard.press("Enter")
    desktop_page.wait_for_url("**/thu-tuc/hoan-thue/**")
    # Material highlights the clicked result's words once it has loaded the index again.
    desktop_page.locator("mark[data-md-highlight]").first.wait_for(timeout=15000)
    assert "hoàn" in [m.lower() for m in desktop_page.locator("mark[data-md-highlight]").all_inner_texts()]
