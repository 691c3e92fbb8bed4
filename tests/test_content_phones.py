"""No built page shows a phone number that is not in the contacts data: numbers
are published only from data/ (checked, E.164), never typed into a page."""
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from content_html import visible_text
from scripts.phone_scan import normalise, phone_like


def data_strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from data_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from data_strings(value)
    elif isinstance(node, (str, int)):
        yield str(node)


def known_numbers() -> set[str]:
    """Every phone number written anywhere in data/*.yaml, read at test time."""
    numbers = set()
    for path in sorted((ROOT / "data").rglob("*.y*ml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in data_strings(doc):
            numbers.update(normalise(n) for n in phone_like(text))
    return numbers


@pytest.mark.parametrize("text", [
    "Gọi 0225 3836 xxx để hỏi",
    "Tổng đài +84 225 … (giờ hành chính)",
    "+84 225 3836 123",
    "+842253836123",
    "(0225) 3836 123",
    "0225.3836.123",
    "0912 345 678",
    "0912-345-678",
    "đường dây nóng 1900 1234",
    "0084 225 3836 123",
    "SĐT:0912345678.",
])
def test_detector_catches_phone_numbers(text):
    assert phone_like(text), f"missed a phone number in '{text}'"


@pytest.mark.parametrize("text", [
    "Thông tư 38/2015/TT-BTC ngày 25/03/2015, có hiệu lực từ 01/04/2015",
    "Luật Hải quan số 54/2014/QH13, Điều 23; Quyết định 225/QĐ-TCHQ; Nghị định 08/2015/NĐ-CP",
    "hội nghị ngày 06/07/2018 (2018-07-06)",
    "mã thủ tục 1.001193 và 2.002345",
    "mã HS 0901.11.00 và 8471.30.20",
    "lệ phí 20.000 đồng, phạt 1.000.000 đồng",
    "trong 02 giờ làm việc, 08 giờ làm việc, 05 ngày làm việc, 10 ngày",
    "giai đoạn 2017-2020, mục tiêu 70 giờ",
])
def test_detector_tolerates_dates_document_numbers_and_codes(text):
    assert phone_like(text) == []


def test_normalise_matches_e164_with_national_display():
    assert normalise("+842253836123") == normalise("0225 3836 123") == normalise("+84 2253836123")


def test_no_page_shows_a_phone_number_missing_from_data(built_site):
    known = known_numbers()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    strays = []
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        for number in phone_like(text):
            if normalise(number) not in known:
                strays.append(f"{page.relative_to(built_site)}: '{number}'")
    assert strays == [], ("phone numbers on pages that are not in data/*.yaml "
                          "(publish contacts only through data/units.yaml):\n" + "\n".join(strays))


def test_markdown_sources_carry_no_unlisted_phone_number():
    """Also catches pages outside the nav and text the theme might hide."""
    known = known_numbers()
    strays = [f"{md.relative_to(ROOT)}: '{n}'" for md in sorted((ROOT / "docs").rglob("*.md"))
              for n in phone_like(md.read_text(encoding="utf-8")) if normalise(n) not in known]
    assert strays == [], "\n".join(strays)
