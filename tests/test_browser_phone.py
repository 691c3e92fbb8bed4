"""A business on a phone (360×740): the navigation drawer and the header search
work by touch and by keyboard, and the path from the home page to the
escalation page through search takes a few taps."""

from __future__ import annotations

import unicodedata

import pytest

pytestmark = pytest.mark.browser

QUERY = "thoi han kiem tra ho so"  # typed without accents, as staff and businesses do
ESCALATION = "phan-anh/"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def drawer_open(page) -> bool:
    return page.evaluate("document.getElementById('__drawer').checked")


def test_drawer_by_touch(hosted_site_url, phone_page):
    phone_page.goto(hosted_site_url, wait_until="networkidle")
    phone_page.locator("label.md-header__button[for=__drawer]").tap()
    assert drawer_open(phone_page)
    link = phone_page.locator(".md-sidebar--primary .md-nav__link", has_text="Thuật ngữ viết tắt")
    link.tap()
    phone_page.wait_for_url("**/thuat-ngu/")


def test_drawer_by_keyboard(hosted_site_url, phone_page):
    phone_page.goto(hosted_site_url, wait_until="networkidle")
    focused = []
    for _ in range(4):  # skip link, then the menu button (a11y.js)
        phone_page.keyboard.press("Tab")
        focused.append(phone_page.evaluate("document.activeElement.getAttribute('aria-label')"))
        if focused[-1] == "Mở menu điều hướng":
            break
    assert focused[-1] == "Mở menu điều hướng", f"Tab order: {focused}"
    assert phone_page.evaluate("document.activeElement.tagName") == "BUTTON"
    phone_page.keyboard.press("Enter")
    assert drawer_open(phone_page)
    assert phone_page.locator("label[for=__drawer] button").get_attribute("aria-expanded") == "true"
    assert phone_page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    # Focus moved into the drawer: Tab walks its links, Enter follows one.
    for _ in range(60):
        href = phone_page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.endswith("tuyen-ngon-phuc-vu/"):
            break
        phone_page.keyboard.press("Tab")
    assert href.endswith("tuyen-ngon-phuc-vu/")
    phone_page.keyboard.press("Enter")
    phone_page.wait_for_url("**/tuyen-ngon-phuc-vu/")


def test_closed_drawer_keeps_its_links_out_of_the_tab_order(hosted_site_url, phone_page):
    phone_page.goto(hosted_site_url, wait_until="networkidle")
    offscreen = []
    for _ in range(15):
        phone_page.keyboard.press("Tab")
        box = phone_page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return [r.right, document.activeElement.closest('.md-sidebar--primary') !== null] })()"
        )
        if box[1]:
            offscreen.append(box)
    assert offscreen == []


def search(page, query: str, by: str):
    """Open the header search on a phone and type ``query``; returns the results list."""
    if by == "touch":
        page.locator("label.md-header__button[for=__search]").tap()
    else:
        page.locator("label.md-header__button[for=__search] button").focus()
        page.keyboard.press("Enter")
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    assert page.evaluate("document.activeElement.dataset.mdComponent") == "search-query"
    page.keyboard.type(query, delay=20)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(timeout=10000)
    return results


@pytest.mark.parametrize("by", ["touch", "keyboard"])
def test_search_by_touch_and_keyboard(hosted_site_url, phone_page, by):
    phone_page.goto(hosted_site_url, wait_until="networkidle")
    results = search(phone_page, "liên hệ", by)
    if by == "touch":
        results.first.tap()
    else:
        # Material: Enter in the search box opens the best result.
        phone_page.keyboard.press("Enter")
    phone_page.wait_for_url(lambda url: "/lien-he/" in url)


def test_business_finds_the_time_limit_then_reaches_escalation_in_three_taps(hosted_site_url, phone_page):
    phone_page.goto(hosted_site_url, wait_until="networkidle")
    results = search(phone_page, QUERY, "touch")
    target = results.first.get_attribute("href").split("?")[0]
    results.first.tap()
    phone_page.wait_for_url(lambda url: url.split("?")[0] == target)
    phone_page.wait_for_load_state("networkidle")
    article = nfc(phone_page.locator("article").inner_text()).lower()
    assert "kiểm tra hồ sơ" in article and "thời hạn" in article, phone_page.url

    taps = 0
    in_content = phone_page.locator(f"article a[href$='{ESCALATION}']:visible")
    if in_content.count():
        in_content.first.tap()
        taps += 1
    else:
        phone_page.locator("label.md-header__button[for=__drawer]").tap()
        taps += 1
        nav_link = phone_page.locator(f".md-sidebar--primary a.md-nav__link[href$='{ESCALATION}']")
        if not nav_link.first.is_visible():
            # The section is folded: its toggle is the second tap.
            phone_page.locator(".md-sidebar--primary label.md-nav__link", has_text="Phản ánh").first.tap()
            taps += 1
        nav_link.first.tap()
        taps += 1
    phone_page.wait_for_url(f"**/{ESCALATION}")
    assert taps <= 3
