"""The generated pages in real builds: escaping on every page type, edit links
to the YAML, abbreviation tooltips, bad data stopping the build, and in Chromium
on a phone a tel: link and a rendered diagram with no request leaving the origin."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

from helpers.data import FIXTURE, ROOT, copy_project
from helpers.project import mkdocs_build, serve_directory

GENERATED_PAGES = [
    "lien-he/index.html",
    "phan-anh/index.html",
    "phan-anh/to-cao-vi-pham/index.html",
    "thuat-ngu/index.html",
]
EDIT = "https://github.com/haiquan-kv3/co-so-tri-thuc/edit/main/"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """The real project built with the sample fixture data (which includes hostile text)."""
    project = copy_project(tmp_path_factory.mktemp("fixture-project") / "p", data_from=FIXTURE)
    site = tmp_path_factory.mktemp("fixture-site")
    result = mkdocs_build(site, project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Markup(HTMLParser):
    """Elements (tag, attributes, their first text) and comments of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[list] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append([tag, dict(attrs), ""])

    def handle_data(self, data):
        if self.elements and not self.elements[-1][2]:
            self.elements[-1][2] = data

    def handle_comment(self, data):
        self.comments.append(data)


@pytest.mark.parametrize("page", GENERATED_PAGES)
def test_markup_from_yaml_is_text_on_every_generated_page(fixture_site, page):
    """No element, attribute or comment comes from the data (judged on the
    parsed page, not on bytes: the sanitiser may write '"' in text as is)."""
    parsed = _Markup()
    parsed.feed((fixture_site / page).read_text(encoding="utf-8"))
    for tag, attrs, text in parsed.elements:
        assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
        assert not (attrs.get("href") or "").startswith("javascript:alert"), (
            page,
            attrs,
        )  # Material: void(0)
        assert not (tag == "img" and attrs.get("src") == "x"), page
        assert not (tag == "script" and "alert" in text), page
        assert (tag, text) not in {
            ("b", "đậm"),
            ("b", "mẫu"),
            ("em", "không"),
            ("i", "mẫu"),
            ("strong", "mẫu"),
            ("code", "mã"),
            ("em", "nghiêng"),
        }, (page, tag, text)
        assert not (tag == "abbr" and (attrs.get("title") or "").startswith("bị chèn")), page
    assert not [c for c in parsed.comments if "chú thích" in c], page


def test_hostile_text_is_shown_literally(fixture_site):
    """Absent as markup (test above), present as text once HTML entities are decoded."""
    contacts = (fixture_site / "lien-he/index.html").read_text(encoding="utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", contacts))  # the text a reader sees
    assert "<script>alert(1)</script> Đội **mẫu** [x](javascript:alert(1))" in shown
    assert '--8<-- "mkdocs.yml"' in shown
    assert '*[DN]: bị chèn; "trích dẫn" & <b>đậm</b>' in shown
    title = re.search(r"<title>([^<]*)</title>", contacts)  # no element inside
    assert title and html.unescape(title.group(1)).startswith('Liên hệ "mẫu" & {: .x } *[DN] - ')
    glossary = html.unescape(
        re.sub(r"<[^>]+>", "", (fixture_site / "thuat-ngu/index.html").read_text(encoding="utf-8"))
    )
    assert "hải quan <script>alert(4)</script>" in glossary


def test_generated_pages_edit_link_opens_their_yaml(built_site):
    for page, source in [
        ("lien-he/index.html", "data/units.yaml"),
        ("phan-anh/index.html", "data/escalation.yaml"),
        ("phan-anh/to-cao-vi-pham/index.html", "data/escalation.yaml"),
        ("thuat-ngu/index.html", "data/glossary.yaml"),
    ]:
        text = (built_site / page).read_text(encoding="utf-8")
        assert f'href="{EDIT}{source}"' in text, page
        assert "edit/main/docs/" not in text.split('class="md-content"', 1)[1].split("</article>")[0], page


def test_generated_files_are_served(built_site):
    for rel in [
        "lien-he/danh-ba.vcf",
        "lien-he/contacts.json",
        "lien-he/contacts.schema.json",
        "lien-he/vcard/chi-cuc-hq-kv3.vcf",
        "assets/javascripts/vendor/mermaid/mermaid.min.js",
    ]:
        assert (built_site / rel).is_file(), rel
    for stub in ["lien-he/index.md", "phan-anh/index.md", "phan-anh/to-cao-vi-pham.md", "thuat-ngu.md"]:
        assert not (ROOT / "docs" / stub).exists(), f"docs/{stub} would shadow the generated page"


def test_abbreviation_tooltips_from_the_glossary(built_site):
    text = (built_site / "thuat-ngu/index.html").read_text(encoding="utf-8")
    assert '<abbr title="doanh nghiệp">DN</abbr>' in text
    assert '<abbr title="giấy chứng nhận xuất xứ hàng hóa">C/O</abbr>' in text


def test_no_mermaid_class_so_material_never_fetches_its_cdn_copy(built_site):
    text = (built_site / "phan-anh/index.html").read_text(encoding="utf-8")
    assert 'class="kb-diagram"' in text
    assert not re.search(r'class="[^"]*\bmermaid\b', text)


def test_bad_data_stops_the_build_with_every_problem(tmp_path):
    project = copy_project(tmp_path / "p")
    units = project / "data" / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8")
        .replace("    kind: cuc\n", "    kind: cuc\n    fax: 1\n")
        .replace("    parent: bo-tai-chinh\n", "    parent: bo-tai-chin\n"),
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "site", project / "mkdocs.yml")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"data/units\.yaml:\d+:\d+: units\[1\]\.fax: không có trường 'fax'", out), out
    assert "Traceback" not in out
    assert not (tmp_path / "site" / "lien-he").exists()


def _watch(page, origin_host):
    outside, dialogs = [], []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlparse(r.url).hostname not in (origin_host, None) and not r.url.startswith("data:")
            else None
        ),
    )
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return outside, dialogs


@pytest.mark.browser
def test_phone_sees_tel_link_and_diagram_without_leaving_the_origin(fixture_site, phone_page):
    with serve_directory(fixture_site) as url:
        outside, dialogs = _watch(phone_page, urlparse(url).hostname)
        phone_page.goto(url + "lien-he/")
        tel = phone_page.locator('a[href="tel:+842250000001"]')
        assert tel.is_visible()
        phone_page.goto(url + "phan-anh/")
        phone_page.wait_for_selector(".kb-diagram-svg svg", timeout=20000)
        svg = phone_page.locator(".kb-diagram-svg svg").first
        assert svg.bounding_box()["width"] > 100
        # labels from the data are text in the SVG, not markup
        assert phone_page.locator(".kb-diagram-svg b").count() == 0
        assert "Công chức <b>mẫu</b>" in phone_page.locator(".kb-diagram-svg").first.inner_text()
        phone_page.goto(url + "phan-anh/to-cao-vi-pham/")
        # Too wide for 360 px at 12 px text: drawn, then the list it is made from is shown.
        phone_page.wait_for_selector(".kb-diagram-svg svg", state="attached", timeout=20000)
        assert phone_page.locator(".kb-diagram__steps").first.is_visible()
        assert outside == [] and dialogs == []


@pytest.mark.browser
def test_site_diagram_renders_on_phone_and_home_page_skips_mermaid(site_url, phone_page):
    requests = []
    phone_page.on("request", lambda r: requests.append(r.url))
    phone_page.goto(site_url)
    phone_page.wait_for_load_state("networkidle")
    assert not any("mermaid" in r for r in requests), "the home page must not load Mermaid"
    phone_page.goto(site_url + "phan-anh/")
    phone_page.wait_for_selector(".kb-diagram-svg svg", timeout=20000)
    host = urlparse(site_url).hostname
    assert [
        r for r in requests if urlparse(r).hostname not in (host, None) and not r.startswith("data:")
    ] == []


def test_diagram_source_stays_out_of_page_text_and_search(built_site):
    page = (built_site / "phan-anh/index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<div class="kb-diagram" role="img" aria-label="Sơ đồ chuyển cấp[^"]*" data-diagram="', page
    )
    assert "flowchart TD" not in re.sub(r'data-diagram="[^"]*"', "", page)
    index = built_site / "search" / "search_index.json"
    assert index.is_file()
    assert "flowchart" not in index.read_text(encoding="utf-8")
