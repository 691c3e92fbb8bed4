"""No built page shows a phone number that is not in the contacts data: numbers
are published only from data/ (checked, E.164), never typed into a page."""

import re

import pytest
import yaml

from helpers.content_html import visible_text
from helpers.phone_scan import is_masked, normalise, phone_like
from helpers.project import ROOT


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


@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
def test_detector_catches_phone_numbers(text):
    assert phone_like(text), f"missed a phone number in '{text}'"


@pytest.mark.parametrize(
    "text",
    [
        "Thông tư 38/2015/TT-BTC ngày 25/03/2015, có hiệu lực từ 01/04/2015",
        "Luật Hải quan số 54/2014/QH13, Điều 23; Quyết định 225/QĐ-TCHQ; Nghị định 08/2015/NĐ-CP",
        "hội nghị ngày 06/07/2018 (2018-07-06)",
        "mã thủ tục 1.001193 và 2.002345",
        "mã HS 0901.11.00 và 8471.30.20",
        "lệ phí 20.000 đồng, phạt 1.000.000 đồng",
        "trong 02 giờ làm việc, 08 giờ làm việc, 05 ngày làm việc, 10 ngày",
        "giai đoạn 2017-2020, mục tiêu 70 giờ",
    ],
)
def test_detector_tolerates_dates_document_numbers_and_codes(text):
    assert phone_like(text) == []


def test_normalise_matches_e164_with_national_display():
    assert normalise("+842253836123") == normalise("0225 3836 123") == normalise("+84 2253836123")


CODE_HTML = re.compile(r"<code\b[^>]*>(.*?)</code>", re.S)
CODE_MD = re.compile(r"^(`{3,}|~{3,}).*?^\1|`[^`\n]+`", re.S | re.M)


def strays_in(prose: str, code: list[str], known: set[str]) -> list[str]:
    """Numbers not in data/: anywhere in prose; in code only when not masked
    (a masked number in code illustrates a format for editors)."""
    found = [n for n in phone_like(prose) if normalise(n) not in known]
    found += [n for c in code for n in phone_like(c) if not is_masked(n) and normalise(n) not in known]
    return found


def html_strays(html: str, known: set[str]) -> list[str]:
    code = [visible_text(c) for c in CODE_HTML.findall(html)]
    return strays_in(visible_text(CODE_HTML.sub(" ", html)), code, known)


def test_masked_numbers_pass_only_inside_code():
    assert html_strays("<p>Gọi 0225 3836 xxx</p>", set()) == ["0225 3836 xxx"]
    assert html_strays("<p>Tổng đài +84 225 …</p>", set()) == ["+84 225 …"]
    assert html_strays("<p>viết <code>+842253xxxxxx</code></p>", set()) == []
    assert html_strays("<p>viết <code>+842253836123</code></p>", set()) == ["+842253836123"]
    assert html_strays("<p>viết <code>+842253836123</code></p>", {"02253836123"}) == []


def test_no_page_shows_a_phone_number_missing_from_data(built_site):
    known = known_numbers()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    strays = []
    for page in pages:
        for number in html_strays(page.read_text(encoding="utf-8"), known):
            strays.append(f"{page.relative_to(built_site)}: '{number}'")
    assert strays == [], (
        "phone numbers on pages that are not in data/*.yaml "
        "(publish contacts only through data/units.yaml):\n" + "\n".join(strays)
    )


def test_markdown_sources_carry_no_unlisted_phone_number():
    """Also catches pages outside the nav and text the theme might hide."""
    known = known_numbers()
    strays = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        code = [m.group(0) for m in CODE_MD.finditer(text)]
        strays += [f"{md.relative_to(ROOT)}: '{n}'" for n in strays_in(CODE_MD.sub(" ", text), code, known)]
    assert strays == [], "\n".join(strays)
