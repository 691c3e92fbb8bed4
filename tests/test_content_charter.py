"""The service charter: motto, a commitments table whose every row names its
legal basis, and time limits that always cite an instrument."""

import re

import pytest

from helpers.content_html import article, blocks, built_page, table_after

CHARTER = "tuyen-ngon-phuc-vu/index.md"
CHARTER_PAGES = [
    CHARTER,
    "tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.md",
    "tuyen-ngon-phuc-vu/nhung-viec-cong-chuc-khong-duoc-lam.md",
    "tuyen-ngon-phuc-vu/gop-y-phan-hoi.md",
]
OTHER_PAGES = [
    "quy-che-phoi-hop/index.md",
    "quy-che-phoi-hop/du-thao-quy-che-kiem-tra-cong-vu.md",
    "tin-tuc/2018-07-06-hoi-nghi-so-ket-6-thang-dau-nam-2018.md",
]
MOTTO = "Tận tình hướng dẫn – Thái độ lịch sự – Tác phong nhanh nhẹn"

# A Vietnamese legal instrument: its kind and its number, e.g. "Luật Hải quan số
# 54/2014/QH13", "Nghị định 20/2008/NĐ-CP", "Quyết định 225/QĐ-TCHQ".
INSTRUMENT = re.compile(r"(Luật|Nghị định|Thông tư|Quyết định)\b[^|]*?\b\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9-]*")
# A time limit: a number followed by a unit of time ("02 giờ làm việc", "30 ngày").
TIME_LIMIT = re.compile(r"\b\d{1,3}\s+(?:giờ|ngày|phút)\b")


@pytest.fixture(scope="module")
def commitments(built_site):
    rows = table_after(built_page(built_site, CHARTER), "cam-ket-thoi-han")
    assert rows[0] == ["Dịch vụ", "Thời hạn", "Căn cứ pháp lý"], rows[0]
    return rows[1:]


def test_every_commitment_row_names_its_legal_basis(commitments):
    assert len(commitments) >= 12
    for service, limit, basis in commitments:
        assert service and limit, (service, limit, basis)
        assert INSTRUMENT.search(basis), f"row '{service}': legal basis names no instrument: '{basis}'"
        if basis.startswith("Luật"):
            assert re.search(r"Điều \d+", basis), f"row '{service}': a law is cited without its article"


@pytest.mark.parametrize(
    "limit,basis",
    [
        ("02 giờ làm việc", "54/2014/QH13, Điều 23"),
        ("08 giờ làm việc", "54/2014/QH13, Điều 23"),
        ("kiểm tra chuyên ngành", "54/2014/QH13, Điều 23"),
        ("tối đa 02 ngày", "54/2014/QH13, Điều 23"),
        ("05 ngày làm việc", "225/QĐ-TCHQ"),
        ("03 ngày làm việc", "225/QĐ-TCHQ"),
        ("10 ngày kể từ ngày nhận được khiếu nại", "02/2011/QH13, Điều 27"),
        ("30 ngày kể từ ngày thụ lý; vụ việc phức tạp 45 ngày", "02/2011/QH13, Điều 28"),
        ("45 ngày kể từ ngày thụ lý; vụ việc phức tạp 60 ngày", "02/2011/QH13, Điều 37"),
        ("gia hạn 02 lần", "25/2018/QH14, Điều 30"),
        ("05 ngày làm việc", "25/2018/QH14, Điều 38"),
        ("03 ngày", "4195/QĐ-TCHQ"),
        ("05 ngày làm việc", "92/2017/NĐ-CP"),
    ],
)
def test_required_commitment_is_in_the_table(commitments, limit, basis):
    assert any(limit in row[1] and basis in row[2] for row in commitments), (
        f"no commitment '{limit}' citing '{basis}'"
    )


def test_commitments_rewritten_by_decision_952_are_not_listed_as_current(built_site, commitments):
    """The 2011 30-minute and 10-day commitments were rewritten by QĐ 952: no table
    row promises them; the page says what replaced them."""
    assert not [r for r in commitments if "30 phút" in r[1] or "10 ngày làm việc" in r[1]]
    superseded = [
        text
        for tag, text, _ in blocks(article(built_page(built_site, CHARTER)))
        if tag == "p" and "30 phút" in text
    ]
    assert superseded and all("952/QĐ-TCHQ" in text and "sửa đổi" in text for text in superseded)


@pytest.mark.parametrize("src", CHARTER_PAGES + OTHER_PAGES)
def test_every_time_limit_cites_an_instrument(built_site, src):
    """Each paragraph, list item or table row that states a time limit names the
    instrument it comes from."""
    uncited = [
        text
        for tag, text, _ in blocks(article(built_page(built_site, src)))
        if tag in ("p", "li", "tr", "td") and TIME_LIMIT.search(text) and not INSTRUMENT.search(text)
    ]
    assert uncited == [], f"{src}: time limits without legal basis: {uncited}"


def test_charter_states_the_motto_and_its_three_parts(built_site):
    html = built_page(built_site, CHARTER)
    assert MOTTO in html
    for part in MOTTO.split(" – "):
        assert f">{part}<" in html, f"no section explaining '{part}'"


def test_prohibited_conduct_page_says_what_to_do_and_links_both_channels(built_site):
    html = article(built_page(built_site, "tuyen-ngon-phuc-vu/nhung-viec-cong-chuc-khong-duoc-lam.md"))
    for conduct in ("Nhũng nhiễu, gây phiền hà", "Đòi, gợi ý hoặc nhận"):
        assert conduct in html
    assert 'id="doanh-nghiep-can-lam-gi"' in html
    assert 'href="../../phan-anh/"' in html, "no link to the escalation page"
    assert 'href="../../phan-anh/to-cao-vi-pham/"' in html, "no link to the misconduct page"
