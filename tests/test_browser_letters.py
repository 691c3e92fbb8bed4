"""The letter builders (soan-van-ban/) in real Chromium on a 360×740 phone:
filled with the keyboard alone, errors announced and focused, every field on
the printed letter (PDF text), due dates across Tết and a weekend, hostile
strings kept as text, no request off the origin, axe clean."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader
from stdnum.vn import mst

from helpers.webchecks import AXE_TAGS

pytestmark = pytest.mark.browser

HOSTILE = "<script>window.__pwned=1</script>{ onclick=alert(1) }"

# Field id → value typed for the difficulty letter. Every value is unique so
# the printed PDF can be searched for each one.
DIFFICULTY = {
    "kb-ten-dn": "Công ty TNHH Cảng Mẫu",
    "kb-dia-chi": "Số 9 Đường Thử, Hải Phòng",
    "kb-mst": "0100233488",
    "kb-nguoi-lh": "Nguyễn Thị Liên",
    "kb-lien-he": "lien@example.org",
    "kb-so-tk": "105123456789",
    "kb-don-vi-hq": "Hải quan cửa khẩu cảng Mẫu",
    "kb-thoi-diem": "05/02/2026",
    "kb-noi-dung": "Chưa rõ mã HS của máy bơm công nghiệp",
    "kb-quy-dinh": "Thông tư mẫu 99/2026, Điều 7",
    "kb-cach-hieu": "Doanh nghiệp hiểu là nhóm 8413",
    "kb-tai-lieu": "Catalogue máy bơm",
    "kb-so": "15/2026/CV-CM",
    "kb-ngay-gui": "12/02/2026",
}


DRAFTS = "Object.keys(localStorage).filter(k => k.startsWith('kb-letter-draft:')).length"


def squash(text: str) -> str:
    """NFC without whitespace: PDF text extraction spaces out stacked diacritics."""
    return "".join(unicodedata.normalize("NFC", text).split())


def builder_url(base: str, slug: str) -> str:
    return f"{base}soan-van-ban/{slug}/"


def open_builder(page, base, slug):
    off_origin = []
    origin = re.match(r"https?://[^/]+", base).group(0)
    page.on(
        "request",
        lambda r: (
            off_origin.append(r.url) if not r.url.startswith((origin, "data:", "blob:", "about:")) else None
        ),
    )
    page.goto(builder_url(base, slug), wait_until="networkidle")
    page.wait_for_selector("form[data-loaded]")
    return off_origin


def tab_to(page, element_id: str, limit: int = 80):
    """Press Tab until the element has focus (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def type_field(page, element_id: str, value: str):
    tab_to(page, element_id)
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type(value)


def fill_difficulty(page, values=DIFFICULTY):
    for field in ("kb-ten-dn", "kb-dia-chi", "kb-mst", "kb-nguoi-lh", "kb-lien-he"):
        type_field(page, field, values[field])
    tab_to(page, "kb-lo-hang")
    page.keyboard.press("Space")
    for field in (
        "kb-so-tk",
        "kb-don-vi-hq",
        "kb-thoi-diem",
        "kb-noi-dung",
        "kb-quy-dinh",
        "kb-cach-hieu",
        "kb-tai-lieu",
        "kb-so",
        "kb-ngay-gui",
    ):
        type_field(page, field, values[field])


def submit(page):
    tab_to(page, "kb-ngay-gui")
    page.keyboard.press("Enter")


def test_tax_code_check_digit_agrees_with_python_stdnum(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    samples = [
        "0100233488",
        "0100233480",
        "0314409058-002",
        "0314409058000",
        "0312687878",
        "0312687870",
        "12345",
        "0100000000",
        "0301234567",
        "0101234566",
    ]
    # every 10-digit number with a given stem and each last digit: exactly one may pass
    samples += [f"010023348{d}" for d in range(10)] + [f"030123456{d}" for d in range(10)]
    for code in samples:
        ok = phone_page.evaluate("c => window.kbLetter.taxCodeProblem(c) === ''", code)
        assert ok == mst.is_valid(code), code


def test_errors_are_announced_and_focus_moves_to_the_first(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    type_field(phone_page, "kb-mst", "0100233480")  # wrong check digit
    submit(phone_page)
    errors = phone_page.locator("[data-errors]")
    assert errors.get_attribute("aria-live") == "assertive"
    assert errors.is_visible()
    assert phone_page.evaluate("document.activeElement.id") == "kb-ten-dn"
    text = errors.inner_text()
    assert "Chưa điền: Tên doanh nghiệp" in text and "chữ số kiểm tra" in text
    assert phone_page.get_attribute("#kb-mst", "aria-invalid") == "true"
    assert "kb-mst-error" in phone_page.get_attribute("#kb-mst", "aria-describedby")
    assert phone_page.locator("[data-output]").is_hidden(), "a letter was produced with fields missing"
    # a consignment makes its three fields required
    tab_to(phone_page, "kb-lo-hang")
    phone_page.keyboard.press("Space")
    submit(phone_page)
    assert "Chưa điền: Số tờ khai" in errors.inner_text()


def test_keyboard_only_letter_prints_every_field_on_one_a4_page(hosted_site_url, phone_page):
    off_origin = open_builder(phone_page, hosted_site_url, "vuong-mac")
    fill_difficulty(phone_page)
    submit(phone_page)
    phone_page.wait_for_selector("[data-output]:not([hidden])")
    assert phone_page.evaluate("document.activeElement.id") == "kb-output-title"
    letter = phone_page.locator("[data-letter]").inner_text()
    for key in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/2026/CV-CM",
        "Hải Phòng, ngày 12 tháng 02 năm 2026",
        "Kính gửi: Chi cục Hải quan khu vực III",
        "Nơi nhận:",
    ):
        assert key in letter, key
    pdf = PdfReader(io.BytesIO(phone_page.pdf(format="A4")))
    text = squash(" ".join(p.extract_text() for p in pdf.pages))
    for field, value in DIFFICULTY.items():
        shown = {"kb-ten-dn": value.upper(), "kb-ngay-gui": "ngày 12 tháng 02 năm 2026"}.get(field, value)
        assert squash(shown) in text, f"{field} missing from the printed letter"
    assert squash("Kiểm tra và tạo văn bản") not in text, "the form was printed with the letter"
    assert len(pdf.pages) == 1
    # the same text to copy, and no request left the origin while filling and printing
    assert "0100233488" in phone_page.input_value("[data-plain]")
    assert off_origin == []


def test_due_dates_skip_tet_and_the_weekend(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    data = phone_page.evaluate("window.kbLetter.data")
    main = data["levels"][0]["deadlines"][0]
    assert (main["value"], main["unit"]) == (5, "working-days"), "fixture assumes level 1 is 05 working days"
    fill_difficulty(phone_page)
    submit(phone_page)
    phone_page.wait_for_selector("[data-output]:not([hidden])")
    first = phone_page.locator("[data-deadlines] tbody tr").first.inner_text()
    # Received Thursday 12/02/2026: Fri 13/02 is day 1; Tết 14–22/02 (weekends and
    # 16–20/02 off); Mon 23 … Thu 26/02 are days 2–5.
    assert "26/02/2026" in first, first
    # a plain weekend: Fri 06/03/2026 + 1 working day is Mon 09/03/2026
    due = phone_page.evaluate("""async () => {
      const data = window.kbLetter.data;
      const cal = new window.kbLetter.Calendar(data.holidays);
      const d = cal.addWorkingDays(window.kbLetter.parseDate('06/03/2026'), 1);
      return d.toISOString().slice(0, 10); }""")
    assert due == "2026-03-09"


def test_hostile_strings_stay_text(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    values = {
        k: (v if k in ("kb-mst", "kb-thoi-diem", "kb-ngay-gui") else HOSTILE + v)
        for k, v in DIFFICULTY.items()
    }
    fill_difficulty(phone_page, values)
    submit(phone_page)
    phone_page.wait_for_selector("[data-output]:not([hidden])")
    assert phone_page.evaluate("window.__pwned") is None
    assert phone_page.locator("[data-letter] script").count() == 0
    assert phone_page.locator("[data-letter] [onclick]").count() == 0
    assert phone_page.locator("[data-letter]").inner_text().count("<script>window.__pwned=1</script>") >= 8


def test_denunciation_goes_past_the_officials_chain(hosted_site_url, phone_page):
    off_origin = open_builder(phone_page, hosted_site_url, "to-cao")
    for field, value in {
        "kb-ho-ten": "Trần Văn Báo",
        "kb-dia-chi": "Số 3 Phố Thử, Hải Phòng",
        "kb-lien-he": "0900000000",
        "kb-nguoi-bi": "Công chức số hiệu 000 tại đội mẫu",
        "kb-hanh-vi": HOSTILE + " đòi tiền ngoài quy định",
    }.items():
        type_field(phone_page, field, value)
    submit(phone_page)
    phone_page.wait_for_selector("[data-output]:not([hidden])")
    letter = phone_page.locator("[data-letter]").inner_text()
    assert "ĐƠN TỐ CÁO" in letter and "Người đứng đầu Chi cục Hải quan khu vực III" in letter
    assert "Trần Văn Báo" in letter and "Công chức số hiệu 000" in letter
    assert phone_page.evaluate("window.__pwned") is None
    assert phone_page.locator("[data-mailto]").is_hidden(), "mailto offered without a verified e-mail"
    text = squash(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(phone_page.pdf(format="A4"))).pages)
    )
    for value in (
        "ĐƠN TỐ CÁO",
        "Trần Văn Báo",
        "Số 3 Phố Thử, Hải Phòng",
        "0900000000",
        "Công chức số hiệu 000 tại đội mẫu",
        "đòi tiền ngoài quy định",
        "điểm chỉ",
    ):
        assert squash(value) in text, f"{value!r} missing from the printed denunciation"
    assert off_origin == []


def test_draft_is_kept_only_when_asked_and_cleared(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    type_field(phone_page, "kb-ten-dn", "Nháp không lưu")
    assert phone_page.evaluate(DRAFTS) == 0
    tab_to(phone_page, "kb-luu-nhap")
    phone_page.keyboard.press("Space")
    type_field(phone_page, "kb-ten-dn", "Nháp được lưu")
    phone_page.reload(wait_until="networkidle")
    phone_page.wait_for_selector("form[data-loaded]")
    assert phone_page.input_value("#kb-ten-dn") == "Nháp được lưu"
    phone_page.click("[data-action=clear]")
    assert phone_page.evaluate(DRAFTS) == 0
    assert phone_page.input_value("#kb-ten-dn") == ""


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("slug", ["vuong-mac", "to-cao"])
def test_builder_pages_pass_axe_with_errors_and_with_a_letter(hosted_site_url, phone_page, slug, edition):
    """Both editions: the English page explains the same form, which stays
    Vietnamese (marked lang="vi"), as the letter it writes."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    open_builder(phone_page, hosted_site_url + edition, slug)
    if edition:
        assert phone_page.evaluate("document.documentElement.lang") == "en"
        assert (
            phone_page.locator("form[data-letter-builder]").evaluate("f => f.closest('[lang]').lang") == "vi"
        )
    submit(phone_page)  # errors shown

    def run():
        phone_page.wait_for_timeout(500)  # let Material's button transitions settle
        found = axe.run(phone_page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response[
            "violations"
        ]
        return [
            f"{v['id']}: {[n['target'] for n in v['nodes']]} {v['nodes'][0].get('failureSummary', '')[:200]}"
            for v in found
        ]

    problems = run()
    if slug == "vuong-mac":
        fill_difficulty(phone_page)
        submit(phone_page)
        phone_page.wait_for_selector("[data-output]:not([hidden])")
        problems += run()
        # The letter is Vietnamese on both editions: it goes to a Vietnamese office.
        assert "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" in squash(phone_page.locator("[data-letter]").inner_text())
    assert problems == []


def test_builder_works_offline_once_loaded(hosted_site_url, phone_page):
    open_builder(phone_page, hosted_site_url, "to-cao")
    phone_page.context.set_offline(True)
    try:
        for field, value in {
            "kb-ho-ten": "Lê Ngoại Tuyến",
            "kb-dia-chi": "Số 1 Phố Thử",
            "kb-lien-he": "le@example.org",
            "kb-nguoi-bi": "Công chức mẫu",
            "kb-hanh-vi": "Gây phiền hà",
        }.items():
            type_field(phone_page, field, value)
        submit(phone_page)
        phone_page.wait_for_selector("[data-output]:not([hidden])")
        assert "Lê Ngoại Tuyến" in phone_page.locator("[data-letter]").inner_text()
        assert phone_page.locator("[data-deadlines] tbody tr").count() >= 1
    finally:
        phone_page.context.set_offline(False)


def python_working_days(start, n, holidays):
    """An independent reading of data/holidays.yaml: n working days after start."""
    import datetime

    off, work = set(), set()
    for y in holidays["years"]:
        for p in y["days_off"]:
            d = datetime.date.fromisoformat(p["from"])
            while d <= datetime.date.fromisoformat(p["to"]):
                off.add(d)
                d += datetime.timedelta(days=1)
        work |= {datetime.date.fromisoformat(w["date"]) for w in y.get("work_days", [])}
    d = start
    while n:
        d += datetime.timedelta(days=1)
        if d in work or (d.weekday() < 5 and d not in off):
            n -= 1
    return d


def test_working_days_match_an_independent_reading_of_the_data(hosted_site_url, phone_page):
    import datetime

    import yaml

    from helpers.data import ROOT

    holidays = yaml.safe_load((ROOT / "data" / "holidays.yaml").read_text(encoding="utf-8"))
    for y in holidays["years"]:  # the JSON the browser reads has ISO strings
        for p in y["days_off"]:
            p["from"], p["to"] = str(p["from"]), str(p["to"])
        for w in y.get("work_days", []):
            w["date"] = str(w["date"])
    open_builder(phone_page, hosted_site_url, "vuong-mac")
    cases = [
        (datetime.date(2025, 12, 20) + datetime.timedelta(days=i), n)
        for i in range(0, 400, 3)
        for n in (1, 5, 30)
    ]
    got = phone_page.evaluate(
        """cases => {
      const cal = new window.kbLetter.Calendar(window.kbLetter.data.holidays);
      return cases.map(([s, n]) => cal.addWorkingDays(new Date(s + 'T00:00:00Z'), n).toISOString().slice(0, 10));
    }""",
        [[c.isoformat(), n] for c, n in cases],
    )
    expected = [python_working_days(c, n, holidays).isoformat() for c, n in cases]
    assert got == expected
    # the swapped Saturday 10/01/2026 is a working day, Friday 02/01/2026 is not
    assert python_working_days(datetime.date(2026, 1, 1), 1, holidays) == datetime.date(2026, 1, 5)
    assert python_working_days(datetime.date(2026, 1, 9), 1, holidays) == datetime.date(2026, 1, 10)
