"""The service charter printed from Chromium (page.pdf, A4): a one- or
two-page poster with the motto, the commitments table, how to report a
problem and a QR code that encodes the page's online address; the screen
furniture (header, search, navigation, footer) is hidden in print."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from scripts.web import charter_qr

pytestmark = pytest.mark.browser

MOTTO = "Tận tình hướng dẫn – Thái độ lịch sự – Tác phong nhanh nhẹn"
CHARTER = "tuyen-ngon-phuc-vu/"


def squash(text: str) -> str:
    """NFC without any whitespace: PDF text extraction breaks lines anywhere and
    puts spaces around glyphs with stacked Vietnamese diacritics ("ph ụ c v ụ")."""
    return "".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def charter_print(browser, hosted_site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(hosted_site_url + CHARTER, wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => Object.fromEntries(
        ['.md-header', '.md-search', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
         '.md-tabs', '.md-top']
        .map(s => [s, [...document.querySelectorAll(s)].every(e => e.offsetParent === null &&
                   getComputedStyle(e).display === 'none' || e.closest('[hidden]'))]))""")
    table = page.evaluate("""() => {
        const t = document.querySelector('article table');
        return t ? [...t.querySelectorAll('tbody tr')].map(r => r.cells[0].innerText) : [];
    }""")
    pdf = page.pdf(format="A4", print_background=True)
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    context.close()
    return {"pdf": PdfReader(io.BytesIO(pdf)), "hidden": hidden, "table": table, "canonical": canonical}


def pdf_text(reader) -> str:
    return squash(" ".join(p.extract_text() or "" for p in reader.pages))


def test_charter_prints_on_one_or_two_a4_pages(charter_print):
    pages = charter_print["pdf"].pages
    assert 1 <= len(pages) <= 2, f"{len(pages)} pages"
    width, height = (float(v) for v in pages[0].mediabox.upper_right)
    assert abs(width - 595) < 3 and abs(height - 842) < 3, "not A4"


def test_print_has_motto_commitments_and_how_to_report(charter_print):
    text = pdf_text(charter_print["pdf"])
    assert squash(MOTTO) in text
    assert len(charter_print["table"]) >= 5, "no commitments table on the charter page"
    for service in charter_print["table"]:
        assert squash(service)[:25] in text, f"table row missing from print: {service}"
    assert "phảnánh" in text.lower()


def test_print_hides_screen_furniture(charter_print):
    assert all(charter_print["hidden"].values()), charter_print["hidden"]
    text = pdf_text(charter_print["pdf"])
    assert squash("Bỏ qua") not in text  # the skip link


def qr_images(reader):
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for obj in xobjects.values():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                yield obj


def test_print_has_a_qr_code_for_the_online_page(charter_print):
    """The image in the PDF, read module by module, is the QR code of the
    page's canonical URL (segno's matrix for that URL)."""
    expected = charter_qr.qr_matrix(charter_print["canonical"])
    size = len(expected) + 2 * charter_qr.BORDER
    found = []
    for image in qr_images(charter_print["pdf"]):
        width, height = image["/Width"], image["/Height"]
        if width != height:
            continue
        data = image.get_data()
        channels = len(data) // (width * height)
        if channels not in (1, 3):
            continue
        step = width / size

        def dark(row, col, data=data, step=step, width=width, channels=channels):
            y = int((row + charter_qr.BORDER + 0.5) * step)
            x = int((col + charter_qr.BORDER + 0.5) * step)
            return data[(y * width + x) * channels] < 128

        modules = [[dark(r, c) for c in range(len(expected))] for r in range(len(expected))]
        found.append(modules == expected)
    assert found, "no image in the printed charter"
    assert any(found), "the printed image is not the QR code of the page's address"


# --- every page on paper: escalation, link addresses, editor notes ----------

ESCALATION = "phan-anh/"
# Text drawn only by the escalation diagram (node and edge labels).
DIAGRAM_TEXT = ["Doanhnghiệpcóvướngmắc", "quáhạnhoặcchưađúngquyđịnh"]


def print_page(browser, url: str) -> PdfReader:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def escalation_print(browser, hosted_site_url):
    return print_page(browser, hosted_site_url + ESCALATION)


def page_texts(reader) -> list[str]:
    return [squash(p.extract_text() or "") for p in reader.pages]


def test_escalation_prints_on_three_pages_at_most_none_nearly_blank(escalation_print):
    texts = page_texts(escalation_print)
    assert 1 <= len(texts) <= 3, f"{len(texts)} pages"
    # Every page but the last is filled (the old print left page 1 with the
    # introduction only and page 2 with a heading only).
    assert all(len(t) > 1200 for t in texts[:-1]), [len(t) for t in texts]
    assert len(texts[-1]) > 100


def test_escalation_prints_each_channel_in_full_once(escalation_print):
    """At each level a public channel is named (with its number); its details
    and sources are printed once, in the list at the end, not five times."""
    from scripts.contacts.load import load_data

    data = load_data()
    levels = data.escalation.data["levels"]
    refs = list(dict.fromkeys(r for lv in levels for r in lv.get("public_channels", [])))
    assert refs, "no public channel at any level"
    text = "".join(page_texts(escalation_print))
    for ref in refs:
        name = squash(data.channel(ref)["name"])
        uses = sum(ref in lv.get("public_channels", []) for lv in levels)
        assert text.count(name) >= uses + 1, name
    assert text.count("Xácminhngày") == len(refs)


def test_escalation_diagram_is_printed_whole_on_one_page(escalation_print):
    texts = page_texts(escalation_print)
    for label in DIAGRAM_TEXT:
        assert any(label in t for t in texts), f"diagram text {label!r} not printed"
    pages = {i for i, t in enumerate(texts) for label in DIAGRAM_TEXT if label in t}
    assert len(pages) == 1, f"diagram split over pages {sorted(pages)}"
    levels = [f"Cấp{n}:" for n in range(1, 6)]
    page = texts[pages.pop()]
    assert all(level in page for level in levels), "a level of the diagram is missing from its page"


def test_link_addresses_are_printed_after_the_link_text(escalation_print, hosted_site_url):
    from scripts.web import site_address

    text = "".join(page_texts(escalation_print))
    # The contacts link names the public address (site_url), not the printing host.
    assert squash(site_address.site_url() + "lien-he/") in text
    assert squash(hosted_site_url) not in text


def test_charter_qr_code_is_on_page_one(charter_print):
    first = charter_print["pdf"].pages[0]
    xobjects = first["/Resources"].get("/XObject") or {}
    assert any(o.get_object().get("/Subtype") == "/Image" for o in xobjects.values()), (
        "the QR code is not on page 1"
    )


def test_editor_notes_stay_off_paper(browser, hosted_site_url):
    """An `??? editor` note (CONTRIBUTING.md) is on screen, never on paper."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(hosted_site_url + "quy-che-phoi-hop/", wait_until="networkidle")
    # The Markdown `??? editor "Ghi chú cho biên tập viên"` renders as this element.
    page.evaluate("""() => document.querySelector('article h1').insertAdjacentHTML('afterend',
        '<details class="editor" open><summary>Ghi chú cho biên tập viên</summary><p>Chỉ sửa khi có văn bản.</p></details>')""")
    assert page.locator("details.editor").is_visible()
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    context.close()
    text = "".join(page_texts(reader))
    assert squash("Ghi chú cho biên tập viên") not in text and squash("Chỉ sửa khi có văn bản") not in text
    assert squash("Quy chế phối hợp") in text
