"""The legal register and citation checks (scripts/legal): one golden message
per class of editor mistake, the impact report, the generated register page,
and the real `make check` / build path on a copy of the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.data import FIXTURE, ROOT, copy_data
from helpers.editor_project import append_line, copy_project, output, run
from scripts.contacts.cli import main as contacts_main
from scripts.contacts.load import load_data
from scripts.legal.__main__ import main as legal_main
from scripts.legal.refs import line_refs, normalize

PAGE = "docs/trang-mau.md"
FRONT = "---\ntitle: Trang mẫu\nowner: chi-cuc-hq-kv3\nlast_reviewed: 2026-11-01\nreview_in: 6 months\n---\n\n# Trang mẫu\n\n"


@pytest.fixture
def sample(tmp_path) -> Path:
    """The fixture data set (sample register: TT-MAU numbers) and one page to break."""
    root = copy_data(FIXTURE, tmp_path)
    (root / "docs").mkdir()
    (root / PAGE).write_text(FRONT + "Căn cứ: Thông tư mẫu 3/2000/TT-MAU.\n", encoding="utf-8")
    return root


def check(root: Path, capsys) -> tuple[int, str]:
    status = legal_main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def add(root: Path, text: str) -> int:
    return append_line(root / PAGE, text)


def test_sample_page_passes(sample, capsys):
    status, out = check(sample, capsys)
    assert status == 0, out


# (id, text appended to the page, where the mention starts, the exact message)
GOLDEN = [
    (
        "unregistered-number",
        "Theo Thông tư 999/2025/TT-BTC.",
        "999/",
        "văn bản '999/2025/TT-BTC' chưa có trong data/legal.yaml: sửa số hiệu nếu viết nhầm, hoặc đăng ký "
        "văn bản (tên, tình trạng, nguồn, ngày kiểm tra) trước khi dẫn",
    ),
    (
        "unregistered-decision",
        "Theo Quyết định 123/QĐ-TCHQ.",
        "123/",
        "văn bản '123/QĐ-TCHQ' chưa có trong data/legal.yaml: sửa số hiệu nếu viết nhầm, hoặc đăng ký "
        "văn bản (tên, tình trạng, nguồn, ngày kiểm tra) trước khi dẫn",
    ),
    (
        "unregistered-citation",
        "Xem [[7/2001/TT-MAU, Điều 2]].",
        "[[",
        "văn bản '7/2001/TT-MAU' chưa có trong data/legal.yaml: sửa số hiệu nếu viết nhầm, hoặc đăng ký "
        "văn bản (tên, tình trạng, nguồn, ngày kiểm tra) trước khi dẫn",
    ),
    (
        "malformed-citation",
        "Xem [[Thông tư mẫu]].",
        "[[",
        "trích dẫn '[[Thông tư mẫu]]' không phải số hiệu văn bản; viết [[số hiệu]] hoặc [[số hiệu, Điều N]], "
        "ví dụ [[54/2014/QH13, Điều 23]]",
    ),
    (
        "replaced-without-successor",
        "Theo Thông tư mẫu 4/2000/TT-MAU.",
        "4/",
        "văn bản '4/2000/TT-MAU' đã được thay thế bởi Thông tư mẫu 5/2020/TT-MAU (từ 01/01/2020): nêu văn bản "
        "thay thế trong cùng đoạn hoặc cùng mục danh sách, hoặc bỏ trích dẫn văn bản cũ",
    ),
    (
        "replaced-citation-without-successor",
        "Xem [[4/2000/TT-MAU, Điều 3]].",
        "[[",
        "Điều 3 của văn bản '4/2000/TT-MAU' đã được thay thế bởi Thông tư mẫu 5/2020/TT-MAU (từ 01/01/2020): "
        "nêu văn bản thay thế trong cùng đoạn hoặc cùng mục danh sách, hoặc bỏ trích dẫn văn bản cũ",
    ),
    (
        "amended-article-without-amendment",
        "Theo Điều 9 Thông tư mẫu 1/2000/TT-MAU.",
        "1/",
        "Điều 9 của văn bản '1/2000/TT-MAU' đã được sửa đổi bởi Thông tư mẫu 3/2000/TT-MAU (từ 01/06/2000): "
        "nêu văn bản sửa đổi trong cùng đoạn hoặc cùng mục danh sách",
    ),
    (
        "expired-without-saying-so",
        "Theo Thông tư mẫu 6/2000/TT-MAU.",
        "6/",
        "văn bản '6/2000/TT-MAU' đã hết hiệu lực: ghi rõ 'hết hiệu lực' trong cùng đoạn hoặc bỏ trích dẫn",
    ),
]


def _expire_sample_two(root: Path) -> None:
    """Register 6/2000/TT-MAU as expired (nothing in the sample data cites it)."""
    path = root / "data" / "legal.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + (
            "  - number: 6/2000/TT-MAU\n    kind: thong-tu\n    short_title: Thông tư mẫu 6/2000/TT-MAU\n"
            "    title: Thông tư mẫu số sáu\n    issuer: Bộ Mẫu\n    status: expired\n"
            '    expired_on: "2010-01-01"\n    verified: true\n    sources:\n'
            '      - url: https://example.org/van-ban/6\n        verified_on: "2026-11-01"\n'
        ),
        encoding="utf-8",
    )


def _amend_article_one(root: Path) -> None:
    """Register Điều 9 of 1/2000/TT-MAU as amended by 3/2000/TT-MAU."""
    path = root / "data" / "legal.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "        subject: Điều mẫu\n        status: in-force\n        verified: true\n",
            "        subject: Điều mẫu\n        status: in-force\n        verified: true\n"
            '      - article: "9"\n        subject: Điều mẫu được sửa\n        status: amended\n        amended_by:\n'
            '          - number: 3/2000/TT-MAU\n            date: "2000-06-01"\n        verified: true\n',
            1,
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize("case,text,marker,message", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_each_mistake_gives_one_golden_message(sample, capsys, case, text, marker, message):
    col = text.index(marker) + 1
    if case == "expired-without-saying-so":
        _expire_sample_two(sample)
    if case == "amended-article-without-amendment":
        _amend_article_one(sample)
    line = add(sample, text)
    status, out = check(sample, capsys)
    assert status == 2, out
    problems = [l for l in out.splitlines() if l.startswith("docs/")]
    assert problems == [f"{PAGE}:{line}:{col}: {message}"], out


@pytest.mark.parametrize(
    "text",
    [
        "Theo Thông tư mẫu 4/2000/TT-MAU, thay thế bởi Thông tư mẫu 5/2020/TT-MAU.",
        "Theo Thông tư mẫu 4/2000/TT-MAU,\nnay là [[5/2020/TT-MAU]] (cùng đoạn, dòng sau).",
        "Theo Điều 9 Thông tư mẫu 1/2000/TT-MAU (sửa đổi bởi Thông tư mẫu 3/2000/TT-MAU).",
        "Ví dụ trong mã: `999/2025/TT-BTC` không phải trích dẫn.",
        "```\n999/2025/TT-BTC trong khối mã\n```",
    ],
)
def test_what_is_not_a_mistake(sample, capsys, text):
    _amend_article_one(sample)
    add(sample, text)
    status, out = check(sample, capsys)
    assert status == 0, out


def test_successor_in_another_paragraph_does_not_count(sample, capsys):
    line = add(sample, "Theo Thông tư mẫu 4/2000/TT-MAU.")
    add(sample, "Nay là Thông tư mẫu 5/2020/TT-MAU.")
    status, out = check(sample, capsys)
    assert status == 2 and f"{PAGE}:{line}:19:" in out, out


def _deadline_basis(root: Path, old: str, new: str) -> int:
    path = root / "data" / "escalation.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    "new,message",
    [
        (
            "basis: Thông lệ của đơn vị, Điều 1",
            "thời hạn này không có căn cứ pháp lý trong data/legal.yaml: ghi số hiệu của một văn bản đã đăng ký "
            "và điều khoản quy định thời hạn (ví dụ 'Luật Hải quan 54/2014/QH13, Điều 23'); nếu không có văn bản "
            "nào quy định thời hạn này thì xóa thời hạn",
        ),
        (
            "basis: Thông tư mẫu 4/2000/TT-MAU, Điều 1",
            "Điều 1 của văn bản '4/2000/TT-MAU' đã được thay thế bởi Thông tư mẫu 5/2020/TT-MAU (từ 01/01/2020): nêu văn bản "
            "thay thế trong cùng đoạn hoặc cùng mục danh sách, hoặc bỏ trích dẫn văn bản cũ",
        ),
    ],
    ids=["no-registered-basis", "replaced-basis"],
)
def test_escalation_deadline_needs_a_registered_basis(sample, capsys, new, message):
    line = _deadline_basis(sample, "basis: Thông tư mẫu 1/2000/TT-MAU, Điều 1", new)
    status = contacts_main(["--root", str(sample), "check"])
    err = capsys.readouterr().err
    assert status == 2, err
    assert f"data/escalation.yaml:{line}:16: levels[0].deadlines[0].basis: {message}" in err.splitlines(), err


def test_register_mistakes_name_file_line_and_field(sample, capsys):
    path = sample / "data" / "legal.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      number: 5/2020/TT-MAU\n", "      number: 6/2020/TT-MAU\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("      number: 6/2020/TT-MAU")].count("\n") + 1
    status = contacts_main(["--root", str(sample), "check"])
    err = capsys.readouterr().err
    assert status == 2
    assert (
        f"data/legal.yaml:{line}:15: instruments[3].replaced_by.number: văn bản '6/2020/TT-MAU' chưa có "
        "trong data/legal.yaml; đăng ký văn bản đó (một mục '- number: …' riêng) trước khi dẫn nó ở đây"
    ) in err


def test_impact_report_lists_every_page_and_line(sample, capsys):
    (sample / "docs" / "b.md").write_text(
        FRONT + "Theo [[3/2000/TT-MAU, Điều 2]].\n\n"
        "Và Thông tư mẫu 1/2000/TT-MAU (sửa đổi bởi 3/2000/TT-MAU).\n",
        encoding="utf-8",
    )
    assert legal_main(["--root", str(sample), "impact", "3/2000/TT-MAU"]) == 0
    out = capsys.readouterr().out.splitlines()
    esc = (sample / "data" / "escalation.yaml").read_text(encoding="utf-8").splitlines()
    esc_line = next(i for i, line in enumerate(esc, 1) if "basis: Thông tư mẫu 3/2000/TT-MAU" in line)
    esc_line_en = next(
        i for i, line in enumerate(esc, 1) if "basis_en: EN Thông tư mẫu 3/2000/TT-MAU" in line
    )
    assert out == [
        "3/2000/TT-MAU – Thông tư mẫu 3/2000/TT-MAU (Còn hiệu lực): 5 chỗ dẫn",
        "  docs/b.md:10: [Điều 2] Theo [[3/2000/TT-MAU, Điều 2]].",
        "  docs/b.md:12: Và Thông tư mẫu 1/2000/TT-MAU (sửa đổi bởi 3/2000/TT-MAU).",
        "  docs/trang-mau.md:10: Căn cứ: Thông tư mẫu 3/2000/TT-MAU.",
        f"  data/escalation.yaml:{esc_line}: [Điều 3] basis: Thông tư mẫu 3/2000/TT-MAU, Điều 3",
        # The English basis beside it cites the same text.
        f"  data/escalation.yaml:{esc_line_en}: [Điều 3] basis_en: EN Thông tư mẫu 3/2000/TT-MAU, Điều 3",
    ]


def test_impact_report_of_an_unknown_number_exits_2(sample, capsys):
    assert legal_main(["--root", str(sample), "impact", "8/1999/TT-MAU"]) == 2
    assert "'8/1999/TT-MAU' không có trong data/legal.yaml" in capsys.readouterr().err


def test_numbers_are_normalised():
    assert normalize("08/2015/ND-CP") == normalize("8/2015/NĐ-CP") == "8/2015/NĐ-CP"
    assert [r.number for r in line_refs("Quyết định 225/QĐ-TCHQ ngày 09/02/2011 và 54/2014/QH13", 1)] == [
        "225/QĐ-TCHQ",
        "54/2014/QH13",
    ]


# --- the site's own register -------------------------------------------------------


@pytest.fixture(scope="module")
def site_data():
    return load_data(ROOT)


@pytest.fixture(scope="module")
def register_page(site_data):
    from scripts.contacts.outputs import generate

    return generate(site_data, "https://example.test/", ROOT / "docs")["van-ban-phap-luat.md"]


def _entries(page: str) -> dict[str, str]:
    parts = re.split(r"^### (.+?) \{ #(vb-[a-z0-9-]+) \}$", page, flags=re.M)
    return {parts[i + 1]: parts[i + 2] for i in range(1, len(parts) - 2, 3)}


def test_every_registered_instrument_is_on_the_page_with_a_source_url(site_data, register_page):
    from scripts.legal.render import anchor

    entries = _entries(register_page)
    assert set(entries) == {anchor(i["number"]) for i in site_data.registry.items}
    for key, body in entries.items():
        sources = body.split("**Nguồn đã kiểm tra:**", 1)[1].split("**Trang dẫn chiếu", 1)[0]
        assert re.search(r"\]\(https?://[^)\s]+\)\{: \.kb-law-source \}", sources), key
        assert re.search(r"kiểm tra ngày \d\d/\d\d/\d{4}", sources), key
        assert "**Tình trạng:** *" in body, key


def test_the_register_page_names_the_pages_citing_each_text(register_page):
    body = _entries(register_page)["vb-108-2025-qh15"]
    assert "(thu-tuc/hoan-thue.md)" in body


def test_the_built_register_page_links_every_source(built_site, site_data):
    html = (built_site / "van-ban-phap-luat" / "index.html").read_text(encoding="utf-8")
    for item in site_data.registry.items:
        for source in item["sources"]:
            assert f'href="{source["url"].replace("&", "&amp;")}"' in html, source["url"]


def test_a_procedure_page_shows_its_instruments_with_status(built_site):
    html = (built_site / "thu-tuc" / "hoan-thue" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-law-status kb-law-status--replaced">Đã được thay thế</em>' in html
    assert 'href="../../van-ban-phap-luat/#vb-108-2025-qh15"' in html


# --- the real commands on a copy of the project ------------------------------------


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_make_check_exits_2_on_an_unregistered_number(project):
    page = "docs/thu-tuc/hoan-thue.md"
    line = append_line(project / page, "Theo Thông tư 999/2025/TT-BTC.")
    result = run(project, "scripts.editor.check")
    assert result.returncode == 2, output(result)
    assert f"{page}:{line}:15: văn bản '999/2025/TT-BTC' chưa có trong data/legal.yaml" in result.stdout


def test_build_stops_on_a_replaced_text_and_keeps_the_site(project):
    assert run(project, "scripts.build").returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    page = "docs/thu-tuc/mien-thue.md"
    line = append_line(project / page, "Theo Luật Quản lý thuế 38/2019/QH14.")
    bad = run(project, "scripts.build")
    assert bad.returncode == 2, output(bad)
    assert (
        f"{page}:{line}:24: văn bản '38/2019/QH14' đã được thay thế bởi Luật Quản lý thuế 108/2025/QH15 "
        "(từ 01/07/2026)"
    ) in bad.stderr
    assert (project / "site" / "index.html").read_bytes() == before


# --- the site's content is current -------------------------------------------------


def _procedure_texts():
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "docs" / "thu-tuc").glob("*.md"))
        if p.name != "index.md"
    }


def test_every_procedure_citing_circular_38_also_cites_circular_121():
    citing = {name: text for name, text in _procedure_texts().items() if "38/2015/TT-BTC" in text}
    assert citing, "no procedure page cites Thông tư 38/2015/TT-BTC any more"
    missing = [name for name, text in citing.items() if "121/2025/TT-BTC" not in text]
    assert missing == [], f"cite 38/2015/TT-BTC without its 2025 amendment: {missing}"


@pytest.mark.parametrize("page", ["hoan-thue.md", "mien-thue.md", "kiem-tra-sau-thong-quan.md"])
def test_tax_pages_rest_on_the_2025_tax_administration_law(page):
    assert "108/2025/QH15" in _procedure_texts()[page]


def test_no_escalation_level_invents_a_fresh_limit(site_data):
    """The team-leader level has no new limit of its own, and no level offers the
    30-day complaint limit as the wait for an unanswered difficulty."""
    levels = site_data.escalation.data["levels"]
    leader = next(lv for lv in levels if lv["id"] == "doi-truong")
    assert all(d.get("continues") for d in leader["deadlines"])
    for lv in levels:
        main = lv["deadlines"][0]
        assert not (
            main["unit"] == "days"
            and main["value"] == 30
            and "khiếu nại" not in lv["who"].lower()
            and "vướng mắc" in main["what"].lower()
        ), lv["id"]


def test_plain_mkdocs_build_names_file_and_line_too(project, tmp_path):
    """`mkdocs serve` and `mkdocs build` run the hook without the preflight: the
    hook reports the same message, with lines counted in the page's file."""
    from helpers.project import mkdocs_build

    page = "docs/thu-tuc/mien-thue.md"
    line = append_line(project / page, "Theo Thông tư 999/2025/TT-BTC.")
    result = mkdocs_build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert f"{page}:{line}:15: văn bản '999/2025/TT-BTC' chưa có trong data/legal.yaml" in result.stderr
