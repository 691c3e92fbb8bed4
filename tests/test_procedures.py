"""Procedure pages: national template, metadata contract, generated catalogue
and navigation — checked on the files on disk and in real `mkdocs build`s."""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.project import ROOT, copy_project, mkdocs_build
from scripts.pages import frontmatter, model, procedures

DOCS = ROOT / "docs"
PAGES = [DOCS / page.rel for page in model.load(ROOT).of_kind(model.PROCEDURE)]


def url_of(md: Path) -> str:
    """Directory URL of a procedure page, relative to the site root."""
    return f"{procedures.SECTION_DIR}/{md.stem}/"


class SiteHTML(HTMLParser):
    """Collects, from one built page: the primary-nav links (in order), the
    catalogue tables' rows (cell texts and links), and the tags used inside
    the article's tables (where an escaping bug would show)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nav_links: list[str] = []
        self.rows: list[dict] = []
        self.table_tags: list[str] = []
        self._in_article = 0
        self._in_table = 0
        self._cell = None
        self._row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "md-nav__link" in (a.get("class") or "") and a.get("href"):
            self.nav_links.append(a["href"])
        if tag == "article":
            self._in_article += 1
        if self._in_article:
            if tag == "table":
                self._in_table += 1
            elif self._in_table:
                self.table_tags.append(tag)
            if tag == "tr":
                self._row = {"cells": [], "links": []}
            elif tag in ("td", "th") and self._row is not None:
                self._cell = []
            elif tag == "a" and self._cell is not None:
                self._row["links"].append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if self._in_article and tag == "table":
            self._in_table -= 1
        if self._in_article and tag in ("td", "th") and self._cell is not None:
            self._row["cells"].append("".join(self._cell).strip())
            self._cell = None
        if self._in_article and tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse_html(path: Path) -> SiteHTML:
    parser = SiteHTML()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(page_url: str, href: str) -> str:
    """A relative href on the page at ``page_url`` as a site-root path."""
    from posixpath import normpath

    return normpath(f"{page_url}{href}".split("#")[0]).lstrip("/") + "/"


def project_copy(tmp_path: Path) -> Path:
    """A temporary copy of what a build reads."""
    return copy_project(tmp_path)


def page_text(title: str, field: str, time_limit: str, fee: str) -> str:
    """A valid procedure page (every template section) with the given metadata."""
    import json

    body = "\n".join(f"## {s}\n\nNội dung mục {s}.\n" for s in procedures.TEMPLATE_SECTIONS)
    return (
        "---\nowner: chi-cuc-hq-kv3\nlast_reviewed: 2026-11-28\nreview_in: 6 months\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "description: Trang thủ tục thử nghiệm dùng để kiểm tra danh mục và menu.\n"
        f"procedure:\n  field: {json.dumps(field, ensure_ascii=False)}\n"
        f"  time_limit: {json.dumps(time_limit, ensure_ascii=False)}\n"
        f"  fee: {json.dumps(fee, ensure_ascii=False)}\n"
        "  legal_basis:\n    - Luật Hải quan 54/2014/QH13, Điều 23\n"
        f"---\n\n# Trang thử nghiệm\n\n{body}"
    )


# --- pages on disk ---------------------------------------------------------


def test_at_least_sixteen_procedure_pages():
    assert len(PAGES) >= 16, [p.name for p in PAGES]


@pytest.mark.parametrize("md", PAGES, ids=[p.name for p in PAGES])
def test_page_has_every_template_section_in_order(md):
    headings = [h for _, h in procedures.h2_headings(md.read_text(encoding="utf-8"))]
    required = [h for h in headings if h in procedures.TEMPLATE_SECTIONS]
    assert required == list(procedures.TEMPLATE_SECTIONS), f"{md.name}: {headings}"
    assert procedures.template_problems(md.read_text(encoding="utf-8"), md.name) == []


@pytest.mark.parametrize("md", PAGES, ids=[p.name for p in PAGES])
def test_page_metadata_is_valid_and_cites_law(md):
    doc = frontmatter.parse(md.read_text(encoding="utf-8"), md.name)
    assert frontmatter.page_problems(doc, md.relative_to(DOCS), set()) == []
    meta = doc.data["procedure"]
    assert meta["legal_basis"], md.name
    # Codes are never invented: a page either has none or a verified one.
    assert meta.get("code", "") == "", f"{md.name}: set a code only once verified"


def test_template_check_names_missing_misordered_and_foreign_sections():
    sections = list(procedures.TEMPLATE_SECTIONS)
    sections.remove("Phí, lệ phí")
    sections[0], sections[1] = sections[1], sections[0]
    text = "---\ntitle: x\n---\n\n" + "\n".join(f"## {s}\n\nx\n" for s in sections)
    text += "\n```\n## Lệ phí trong khối mã không tính\n```\n\n## Ghi chú\n"
    messages = [p.message for p in procedures.template_problems(text, "docs/thu-tuc/x.md")]
    assert any("thiếu mục «## Phí, lệ phí»" in m for m in messages), messages
    assert any("phải đứng trước" in m for m in messages), messages
    assert any("«## Ghi chú» không phải là mục" in m for m in messages), messages
    assert not any("khối mã" in m for m in messages), messages


def test_template_allows_the_optional_reception_section():
    sections = list(procedures.TEMPLATE_SECTIONS)
    sections.insert(1, "Thời gian tiếp nhận và trả kết quả")
    text = "\n".join(f"## {s}\n\nNội dung.\n" for s in sections)
    assert procedures.template_problems(text, "x.md") == []


# --- real builds -------------------------------------------------------------


def test_catalogue_lists_every_procedure_page_with_its_metadata(built_site):
    catalogue = parse_html(built_site / procedures.SECTION_DIR / "index.html")
    base = f"{procedures.SECTION_DIR}/"
    listed = {resolve(base, row["links"][0]): row["cells"] for row in catalogue.rows if row["links"]}
    assert set(listed) == {url_of(md) for md in PAGES}
    for md in PAGES:
        meta = frontmatter.parse(md.read_text(encoding="utf-8"), md.name).data["procedure"]
        cells = listed[url_of(md)]
        assert cells[1:] == [meta["time_limit"], meta["fee"]], md.name


def test_catalogue_has_one_table_per_field_in_schema_order(built_site):
    html = (built_site / procedures.SECTION_DIR / "index.html").read_text(encoding="utf-8")
    used = {
        frontmatter.parse(md.read_text(encoding="utf-8"), md.name).data["procedure"]["field"] for md in PAGES
    }
    positions = [html.find(f">{field}<") for field in procedures.fields() if field in used]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    assert len(re.findall(r"<table\b", html)) == len(used)


def test_nav_lists_every_procedure_page_by_field_then_title(built_site):
    base = f"{procedures.SECTION_DIR}/"
    nav = parse_html(built_site / procedures.SECTION_DIR / "index.html").nav_links
    in_nav = [resolve(base, href) for href in nav]
    wanted = [url_of(DOCS / p.path) for p in procedures.load(model.load(ROOT))]
    assert set(wanted) <= set(in_nav), set(wanted) - set(in_nav)
    assert [u for u in in_nav if u in wanted] == wanted


@pytest.fixture(scope="module")
def site_with_new_pages(tmp_path_factory):
    """A copy of the project plus a new ordinary page and a hostile one, built strictly."""
    root = project_copy(tmp_path_factory.mktemp("project"))
    (root / "docs/thu-tuc/zz-thu-tuc-moi.md").write_text(
        page_text("Thủ tục thử nghiệm mới thêm", "Khiếu nại", "05 ngày làm việc", "Không"), encoding="utf-8"
    )
    (root / "docs/thu-tuc/zz-doc-hai.md").write_text(
        page_text(HOSTILE["title"], "Khiếu nại", HOSTILE["time_limit"], HOSTILE["fee"]), encoding="utf-8"
    )
    site = root / "site"
    result = mkdocs_build(site, root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


HOSTILE = {
    # No '<' or '>' in a title: page.schema.json refuses them (test_hostile_input).
    "title": 'Thủ tục { onclick=alert(1) } | *đậm* [bấm](https://evil.example) & "x"',
    "time_limit": "02 giờ | <b>x</b> `mã` _nghiêng_ \\ & &amp; {: .x}",
    "fee": "<script>alert(1)</script> | **100.000** đồng [^1] ![ảnh](x.png) # #",
}


def test_new_procedure_file_appears_in_nav_and_catalogue(site_with_new_pages):
    page = site_with_new_pages / "thu-tuc/zz-thu-tuc-moi/index.html"
    assert page.is_file()
    catalogue = parse_html(site_with_new_pages / "thu-tuc/index.html")
    assert "thu-tuc/zz-thu-tuc-moi/" in {resolve("thu-tuc/", h) for h in catalogue.nav_links}
    rows = {resolve("thu-tuc/", r["links"][0]): r["cells"] for r in catalogue.rows if r["links"]}
    assert rows["thu-tuc/zz-thu-tuc-moi/"] == ["Thủ tục thử nghiệm mới thêm", "05 ngày làm việc", "Không"]


def test_catalogue_escapes_hostile_metadata(site_with_new_pages):
    catalogue = parse_html(site_with_new_pages / "thu-tuc/index.html")
    rows = {resolve("thu-tuc/", r["links"][0]): r for r in catalogue.rows if r["links"]}
    row = rows["thu-tuc/zz-doc-hai/"]
    # Shown exactly as the editor wrote it, in exactly three cells, one link.
    assert row["cells"] == [HOSTILE["title"], HOSTILE["time_limit"], HOSTILE["fee"]]
    assert len(row["links"]) == 1
    for tag in ("script", "img", "b", "strong", "em", "code", "sup"):
        assert tag not in catalogue.table_tags, tag
    assert catalogue.table_tags.count("a") == len(catalogue.rows) - catalogue.table_tags.count("thead")
    html = (site_with_new_pages / "thu-tuc/index.html").read_text(encoding="utf-8")
    assert not re.search(r'(href|src)="[^"]*evil', html)  # the link stays text
    assert "<img src=x" not in html and "<script>alert" not in html


def test_missing_required_field_fails_the_build_naming_the_file(tmp_path):
    root = project_copy(tmp_path)
    page = root / "docs/thu-tuc/huy-to-khai.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    page.write_text("".join(ln for ln in lines if not ln.startswith("  fee:")), encoding="utf-8")
    bad_code = root / "docs/thu-tuc/hoan-thue.md"
    bad_code.write_text(
        bad_code.read_text(encoding="utf-8").replace("procedure:\n", "procedure:\n  code: '12345'\n", 1),
        encoding="utf-8",
    )
    site = root / "site"
    result = mkdocs_build(site, root / "mkdocs.yml")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/thu-tuc/huy-to-khai.md:" in out and "thiếu trường bắt buộc 'fee'" in out, out
    assert "docs/thu-tuc/hoan-thue.md:" in out and "procedure.code: cần mã thủ tục quốc gia" in out, out
    assert not (site / "index.html").exists()


def test_broken_template_fails_the_build_naming_file_and_line(tmp_path):
    root = project_copy(tmp_path)
    page = root / "docs/thu-tuc/gia-cong.md"
    text = page.read_text(encoding="utf-8").replace("## Phí, lệ phí\n", "## Lệ phí\n")
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("## Lệ phí")].count("\n") + 1
    result = mkdocs_build(root / "site", root / "mkdocs.yml")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/thu-tuc/gia-cong.md:{line}:1: «## Lệ phí» không phải là mục" in out, out
    assert "thiếu mục «## Phí, lệ phí»" in out, out


# --- command line ------------------------------------------------------------


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "scripts.pages.procedures", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_cli_catalogue_and_sections():
    result = run_cli("catalogue")
    assert result.returncode == 0
    for md in PAGES:
        assert f"]({md.name})" in result.stdout, md.name
    sections = run_cli("sections").stdout.splitlines()
    assert sections == [f"## {s}" for s in procedures.TEMPLATE_SECTIONS]


def test_cli_check_exits_2_on_a_broken_page(tmp_path):
    assert run_cli("check").returncode == 0
    docs = project_copy(tmp_path) / "docs"
    (docs / "thu-tuc/Sai Ten.md").write_text(
        page_text("Thủ tục có tên tệp sai", "Khiếu nại", "05 ngày", "Không"), encoding="utf-8"
    )
    result = run_cli("check", "--root", str(docs.parent))
    assert result.returncode == 2
    assert "Sai Ten.md:1:1: tên tệp của trang thủ tục" in result.stderr


def test_extend_nav_keeps_hand_listed_pages_once_and_needs_the_section():
    procs = procedures.load(model.load(ROOT))
    listed = procs[0].path
    nav = [{"Trang chủ": "index.md"}, {"Thủ tục hải quan": [procedures.CATALOGUE, listed]}]
    assert procedures.extend_nav(nav, procs)
    section = nav[1]["Thủ tục hải quan"]
    paths = [p for item in section for p in ([item] if isinstance(item, str) else item.values())]
    assert sorted(paths) == sorted([procedures.CATALOGUE] + [p.path for p in procs])
    assert procedures.extend_nav([{"Trang chủ": "index.md"}], procs) is False


def test_hand_written_catalogue_is_refused(tmp_path):
    docs = project_copy(tmp_path) / "docs"
    (docs / procedures.CATALOGUE).write_text("# Danh mục viết tay\n", encoding="utf-8")
    messages = [str(p) for p in procedures.check(model.load(tmp_path))]
    assert any(m.startswith("docs/thu-tuc/index.md:1:1:") and "sinh tự động" in m for m in messages), messages


def test_template_check_refuses_empty_and_placeholder_sections():
    sections = list(procedures.TEMPLATE_SECTIONS)
    text = "\n".join(f"## {s}\n\nNội dung theo Điều 1.\n" for s in sections)
    text = text.replace("## Phí, lệ phí\n\nNội dung theo Điều 1.", "## Phí, lệ phí\n\n<!-- ghi sau -->")
    note = procedures.PLACEHOLDER.format(section="Căn cứ pháp lý")
    text = text.replace(
        "## Căn cứ pháp lý\n\nNội dung theo Điều 1.",
        f"## Căn cứ pháp lý\n\nLuật Hải quan.\n\n<!-- {note} -->",
    )
    lines = text.splitlines()
    problems = procedures.template_problems(text, "docs/thu-tuc/x.md")
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (lines.index("## Phí, lệ phí") + 1, "mục «Phí, lệ phí» đang trống"),
        (
            lines.index("## Căn cứ pháp lý") + 1,
            "mục «Căn cứ pháp lý» vẫn còn dòng hướng dẫn của mẫu («Điền mục …»)",
        ),
    ]


def test_every_published_procedure_has_every_section_filled():
    for page in model.load(ROOT).of_kind(model.PROCEDURE):
        assert procedures.content_problems(page.text, page.name) == [], page.name
