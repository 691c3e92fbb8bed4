"""Build-time layout of page HTML: column labels on table cells (phones),
the key-limits card, link addresses for paper, the list under a diagram.
Everything that reaches HTML from a page or data file is escaped."""

from __future__ import annotations

import html
import re

from scripts.contacts.diagram import steps_list
from scripts.web import html_tables, key_limits, print_links

TABLE = (
    '<h1>T</h1><p class="motto"><strong>M</strong></p>'
    "<table>\n<thead>\n<tr>\n<th>Dịch vụ</th>\n<th>Thời hạn</th>\n<th>Căn cứ pháp lý</th>\n"
    "</tr>\n</thead>\n<tbody>\n<tr>\n<td>Kiểm tra hồ sơ</td>\n<td>02 giờ làm việc</td>\n"
    "<td>Luật Hải quan, Điều 23</td>\n</tr>\n<tr>\n<td>Trả lời &amp; hướng dẫn</td>\n"
    "<td>05 ngày <em>làm việc</em></td>\n<td>QĐ 225</td>\n</tr>\n</tbody>\n</table>"
)


def test_cells_get_their_column_header_escaped():
    hostile = TABLE.replace("<th>Thời hạn</th>", "<th>Thời hạn &quot;&gt;&lt;script&gt;x</th>")
    out = html_tables.label_cells(hostile)
    assert "<table data-kb-cards>" in out
    assert out.count('data-label="Dịch vụ"') == 2
    assert out.count('data-label="Thời hạn &quot;&gt;&lt;script&gt;x"') == 2
    assert "<script>" not in out
    # Nothing else changes.
    assert (
        out.replace(" data-kb-cards", "")
        .replace(' data-label="Dịch vụ"', "")
        .replace(' data-label="Thời hạn &quot;&gt;&lt;script&gt;x"', "")
        .replace(' data-label="Căn cứ pháp lý"', "")
        == hostile
    )


def test_table_without_header_is_left_alone():
    plain = "<table><tbody><tr><td>a</td></tr></tbody></table>"
    assert html_tables.label_cells(plain) == plain


def test_key_limits_card_links_rows_and_cites_their_basis():
    meta = {"key_limits": ["Kiểm tra hồ sơ", "Trả lời & hướng dẫn"]}
    out, problems = key_limits.apply(TABLE, meta, "docs/x.md", "")
    assert problems == []
    card = out[out.index('<nav class="kb-key-limits"') : out.index("</nav>")]
    assert out.index("</p>") < out.index('<nav class="kb-key-limits"') < out.index("<table")
    assert '<a href="#han-kiem-tra-ho-so">Kiểm tra hồ sơ' in card
    assert "02 giờ làm việc" in card and "Căn cứ: Luật Hải quan, Điều 23" in card
    assert "Trả lời &amp; hướng dẫn" in card and "05 ngày làm việc" in card
    assert '<tr id="han-kiem-tra-ho-so">' in out and '<tr id="han-tra-loi-huong-dan">' in out


def test_key_limits_card_of_an_english_page_is_labelled_in_english():
    table = (
        "<h1>Service charter</h1><table><thead><tr><th>Service</th><th>Legal basis</th>"
        "<th>Time limit</th></tr></thead><tbody><tr><td>Checking the file</td>"
        '<td>Customs Law, Article 23<sup id="fnref:1"><a href="#fn:1">1</a></sup></td>'
        "<td>02 working hours</td></tr></tbody></table>"
    )
    out, problems = key_limits.apply(table, {"key_limits": ["Checking the file"]}, "docs/x.en.md", "", "en")
    assert problems == []
    card = out[out.index('<nav class="kb-key-limits"') : out.index("</nav>")]
    assert ">Key time limits</p>" in card
    # the "Time limit" column wherever it is; the footnote mark is not part of the basis
    assert '<span class="kb-key-limits__limit">02 working hours</span>' in card
    assert '<span class="kb-key-limits__basis">Basis: Customs Law, Article 23</span>' in card
    assert not re.search(r"Thời hạn|Căn cứ", card)


def test_key_limit_without_its_row_names_the_front_matter_line():
    source = "---\nkey_limits:\n  - Kiểm tra hồ sơ\n  - Hàng không có\n---\n"
    out, problems = key_limits.apply(
        TABLE, {"key_limits": ["Kiểm tra hồ sơ", "Hàng không có"]}, "docs/x.md", source
    )
    assert out == TABLE
    assert [str(p) for p in problems] == [
        "docs/x.md:4:1: key_limits: không có hàng nào của bảng trên trang bắt đầu bằng «Hàng không có»; "
        "ghi đúng nội dung ô đầu tiên của hàng đó, hoặc xóa dòng này"
    ]


def test_print_addresses_resolve_against_the_public_address():
    page = (
        '<p><a href="../lien-he/">Liên hệ</a> <a href="#muc">mục</a> '
        '<a href="https://example.org/a?b=1&amp;c=2">nguồn</a> <a href="https://example.org/">https://example.org/</a> '
        '<a href="mailto:a@example.org">thư</a> <a href="tel:+842250000001">0225</a> '
        '<a class="headerlink" href="../x/">¶</a></p>'
    )
    out = print_links.annotate(page, "https://kb.example/co-so/phan-anh/")
    assert 'href="../lien-he/" data-print-url="https://kb.example/co-so/lien-he/"' in out
    assert 'data-print-url="https://example.org/a?b=1&amp;c=2"' in out
    assert 'data-print-url="a@example.org"' in out
    assert out.count("data-print-url") == 3  # not #muc, the bare URL, tel: or the permalink


def test_diagram_list_is_escaped_text_in_source_order():
    source = (
        'flowchart TD\n  DN("Doanh nghiệp")\n  L1["Cấp 1#58; #60;b#62;X#60;/b#62;<br>Thời hạn#58; 05 ngày"]\n'
        '  DN --> L1\n  L2["Cấp 2"]\n  L1 -->|"quá hạn"| L2\n'
    )
    out = steps_list(source)
    assert out == (
        '<ol class="kb-diagram__steps"><li>Doanh nghiệp</li>'
        f"<li>Cấp 1: {html.escape('<b>X</b>')}<br>Thời hạn: 05 ngày</li>"
        '<li><span class="kb-diagram__when">Nếu quá hạn:</span> Cấp 2</li></ol>'
    )
