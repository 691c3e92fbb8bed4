"""The cooperation regulation: at least 15 articles numbered 1..N, each with its
own stable anchor #dieu-N, grouped in chapters; marked as a reference draft."""

import re

import pytest

from helpers.content_html import article, built_page, headings
from helpers.project import ROOT

REGULATION = "quy-che-phoi-hop/index.md"
ARTICLE_HEADING = re.compile(r"^#{2,6} Điều (\d+)\.(.*)$", re.M)


@pytest.fixture(scope="module")
def regulation_html(built_site):
    return built_page(built_site, REGULATION)


def test_articles_have_stable_anchors_numbered_consecutively(regulation_html):
    found = [
        (anchor, text) for anchor, text in headings(article(regulation_html), 3) if text.startswith("Điều ")
    ]
    numbers = [int(re.match(r"Điều (\d+)\.", text).group(1)) for _, text in found]
    assert len(numbers) >= 15, f"only {len(numbers)} articles"
    assert numbers == list(range(1, len(numbers) + 1)), f"articles not numbered 1..N: {numbers}"
    for (anchor, text), n in zip(found, numbers):
        assert anchor == f"dieu-{n}", f"'{text}' has anchor #{anchor}, expected #dieu-{n}"
        assert f'id="dieu-{n}"' in regulation_html


def test_source_pins_every_anchor_with_attr_list():
    """The anchor is written out, so renaming an article keeps its link."""
    text = (ROOT / "docs" / REGULATION).read_text(encoding="utf-8")
    headings = ARTICLE_HEADING.findall(text)
    assert headings
    for number, rest in headings:
        assert rest.rstrip().endswith(f"{{#dieu-{number}}}"), f"Điều {number} lacks {{#dieu-{number}}}"


def test_articles_sit_in_chapters(regulation_html):
    chapters = [text for _, text in headings(article(regulation_html), 2) if text.startswith("Chương ")]
    assert len(chapters) >= 4, chapters


def test_cross_references_point_at_the_article_they_name(regulation_html):
    links = re.findall(r'<a href="#dieu-(\d+)">Điều (\d+)</a>', regulation_html)
    assert links, "the regulation cross-references no article"
    assert all(target == named for target, named in links), links


@pytest.mark.parametrize(
    "topic",
    [
        "Phạm vi điều chỉnh",
        "Đối tượng áp dụng",
        "Nguyên tắc",
        "Kênh gửi vướng mắc",
        "Nội dung văn bản nêu vướng mắc",
        "Thời hạn xử lý",
        "chuyển cấp trên",
        "đối thoại",
        "giám sát thực thi công vụ",
        "Bảo vệ người phản ánh",
        "Chia sẻ thông tin",
        "Thống kê",
        "Hiệu lực",
        "Sửa đổi, bổ sung",
    ],
)
def test_required_topic_has_an_article(regulation_html, topic):
    titles = [text for _, text in headings(article(regulation_html), 3)]
    assert any(topic.lower() in t.lower() for t in titles), f"no article about '{topic}'"


def test_regulation_is_a_marked_reference_draft(regulation_html):
    assert 'class="page-status page-status--draft"' in regulation_html
    assert "dự thảo tham khảo" in regulation_html
    assert "không được công bố công khai" in regulation_html


def test_inspection_regulation_summary_is_a_draft_not_claimed_adopted(built_site):
    html = built_page(built_site, "quy-che-phoi-hop/du-thao-quy-che-kiem-tra-cong-vu.md")
    assert "page-status--draft" in html
    assert "Quy chế kiểm tra công vụ và xử lý vi phạm của công chức trong ngành Hải quan" in html
    assert "chưa xác minh" in html
    for claim in ("đã được ban hành theo", "có hiệu lực từ ngày"):
        assert claim not in article(html).lower()
