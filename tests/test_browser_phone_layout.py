"""What a business sees on a 360 px phone: a header naming the right office,
the charter's key time limits first, tables as labelled cards, diagrams whose
text stays legible (or the list they are drawn from), drafts marked."""

from __future__ import annotations

import unicodedata

import pytest

from helpers.project import copy_project, mkdocs_build, serve_directory

pytestmark = pytest.mark.browser

CHARTER = "tuyen-ngon-phuc-vu/"
ESCALATION = "phan-anh/"
MISCONDUCT = "phan-anh/to-cao-vi-pham/"

# The header's visible site name, and whether it is cut (text wider than its box).
HEADER_JS = """() => {
  const box = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = [...box.children].filter(e => getComputedStyle(e).display !== 'none');
  const title = document.querySelector('.md-header__title').getBoundingClientRect();
  const r = shown[0].getBoundingClientRect();
  return {text: shown.map(e => e.innerText.trim()).join(' '), cut: r.right > title.right + 0.5 ||
          box.scrollWidth > box.clientWidth + 0.5};
}"""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    "width,expected",
    [
        (320, "HQ khu vực III"),
        (360, "HQ khu vực III"),
        (599, "HQ khu vực III"),
        (600, "HQ khu vực III"),
        (960, "HQ khu vực III"),
        (1280, "Hải quan khu vực III – Cơ sở tri thức"),
    ],
)
def test_header_names_the_office_in_full_or_short_never_cut(browser, site_url, width, expected):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(site_url + CHARTER, wait_until="networkidle")
    header = page.evaluate(HEADER_JS)
    context.close()
    assert nfc(header["text"]) == expected and not header["cut"], header


@pytest.mark.parametrize("edition, title", [("", "Thời hạn chính"), ("en/", "Key time limits")])
def test_charter_opens_with_key_limits_that_jump_to_their_rows(site_url, phone_page, edition, title):
    phone_page.goto(site_url + edition + CHARTER, wait_until="networkidle")
    card = phone_page.locator(".kb-key-limits")
    assert card.is_visible()
    assert card.locator(".kb-key-limits__title").inner_text() == title
    # In the first screen and a half, before the commitments table.
    assert card.bounding_box()["y"] < 740 * 1.5
    links = card.locator("a")
    assert links.count() >= 5
    for i in range(links.count()):
        anchor = "#" + links.nth(i).get_attribute("href").split("#", 1)[1]
        row = phone_page.locator(f"tr{anchor}")
        assert row.count() == 1, anchor
        # The card shows the row's own limit and legal basis.
        limit = links.nth(i).locator(".kb-key-limits__limit").inner_text()
        assert nfc(limit) in nfc(row.inner_text())
    links.nth(2).tap()
    target = "#" + links.nth(2).get_attribute("href").split("#", 1)[1]
    phone_page.wait_for_function("h => location.hash === h", arg=target)
    box = phone_page.locator(f"tr{target}").bounding_box()
    assert 40 <= box["y"] < 740, box  # in view, below the fixed header


@pytest.mark.parametrize("rel", [ESCALATION, CHARTER, "thu-tuc/"])
def test_tables_become_labelled_cards_without_sideways_scroll(site_url, phone_page, rel):
    phone_page.goto(site_url + rel, wait_until="networkidle")
    table = phone_page.locator("article table").first
    headers = table.locator("thead th").all_inner_texts()
    cells = table.locator("tbody tr").first.locator("td")
    assert cells.count() == len(headers) >= 2
    for i in range(cells.count()):
        label = phone_page.evaluate(
            "e => getComputedStyle(e, '::before').content", cells.nth(i).element_handle()
        )
        assert nfc(label.strip('"')) == nfc(headers[i]), (label, headers[i])
    # One card per row, stacked: each cell spans the card.
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1 and abs(second["x"] - first["x"]) < 2
    wide = phone_page.evaluate("""() => [...document.querySelectorAll('article table, .md-typeset__scrollwrap')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).length""")
    assert wide == 0


def test_tables_stay_tables_on_a_desktop(site_url, desktop_page):
    desktop_page.goto(site_url + ESCALATION, wait_until="networkidle")
    display = desktop_page.evaluate("getComputedStyle(document.querySelector('article td')).display")
    assert display == "table-cell"


DIAGRAM_JS = """() => [...document.querySelectorAll('.kb-diagram-block')].map(block => {
  const figure = block.querySelector('.kb-diagram-svg');
  const list = block.querySelector('.kb-diagram__steps');
  const svg = figure && figure.querySelector('svg');
  const visible = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none';
  let text = null;
  if (visible(figure) && svg) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('.nodeLabel, .edgeLabel')]
      .map(e => parseFloat(getComputedStyle(e).fontSize) * scale);
    text = Math.min(...sizes);
  }
  return {chart: visible(figure), list: visible(list), text,
          items: list ? list.querySelectorAll('li').length : 0};
})"""


@pytest.mark.parametrize("rel", [ESCALATION, MISCONDUCT])
@pytest.mark.parametrize("width", [360, 1280])
def test_diagram_text_is_12px_or_more_or_the_list_is_shown(browser, site_url, rel, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(site_url + rel, wait_until="networkidle")
    page.wait_for_selector(".kb-diagram-svg svg", state="attached", timeout=20000)
    page.wait_for_timeout(200)
    blocks = page.evaluate(DIAGRAM_JS)
    context.close()
    assert blocks, "no diagram"
    for block in blocks:
        assert block["chart"] != block["list"], block  # one or the other
        if block["chart"]:
            assert block["text"] >= 12, block
        else:
            assert block["items"] >= 3, block
    if width == 1280:
        assert all(b["chart"] for b in blocks), blocks


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory):
    """The site with one procedure turned into a draft."""
    root = copy_project(tmp_path_factory.mktemp("draft") / "project")
    page = root / "docs" / "thu-tuc" / "huy-to-khai.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "review_in: 6 months\n", "review_in: 6 months\nstatus: draft\n", 1
        ),
        encoding="utf-8",
    )
    site = root / "site"
    result = mkdocs_build(site, root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(site) as url:
        yield url


def test_a_draft_procedure_is_marked_in_menu_catalogue_and_page(draft_site, phone_page):
    phone_page.goto(draft_site + "thu-tuc/", wait_until="networkidle")
    row = phone_page.locator("article tr", has=phone_page.locator("a[href$='huy-to-khai/']"))
    mark = row.locator(".kb-draft-mark")
    assert mark.is_visible() and nfc(mark.inner_text()) == "Dự thảo"
    others = phone_page.locator("article .kb-draft-mark").count()
    assert others == 1, "only the draft is marked"
    phone_page.locator("label.md-header__button[for=__drawer]").tap()
    link = phone_page.locator(".md-sidebar--primary a.md-nav__link[href$='huy-to-khai/']")
    assert nfc(link.inner_text()).strip().endswith("(dự thảo)")
    phone_page.goto(draft_site + "thu-tuc/huy-to-khai/", wait_until="networkidle")
    assert "Dự thảo" in nfc(phone_page.locator(".page-status").inner_text())
