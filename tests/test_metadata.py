"""Metadata of every built page: a meta description (derived from the first
paragraph when the front matter has none, escaped), Open Graph title and
description, canonical URL, sitemap, robots.txt, the Vietnamese 404 page, and
a Content-Security-Policy that needs no inline script."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

from helpers.project import ROOT, copy_project, mkdocs_build, mkdocs_config
from helpers.webchecks import built_pages
from scripts.web import charter_qr, csp, descriptions

MATERIAL = Path(__import__("material").__file__).parent / "templates"


class _Head(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.imgs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("name") or a.get("property") or a.get("http-equiv")
            if key:
                self.meta.setdefault(key, []).append(a.get("content", ""))
        elif tag == "link" and a.get("rel"):
            self.links.setdefault(a["rel"], []).append(a.get("href", ""))
        elif tag == "img":
            self.imgs.append(a.get("src", ""))


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_url() -> str:
    return mkdocs_config()["site_url"]


def html_file(site: Path, rel: str) -> Path:
    return site / (rel if rel.endswith(".html") else rel + "index.html")


def test_every_page_has_description_open_graph_and_canonical(built_site):
    problems = []
    base = site_url()
    for rel in built_pages(built_site):
        h = head(html_file(built_site, rel))
        desc = h.meta.get("description", [])
        if len(desc) != 1 or not 20 <= len(desc[0]) <= 200:
            problems.append(f"{rel or '/'}: meta description {desc}")
        for prop in ("og:title", "og:description", "og:type", "og:site_name"):
            if len(h.meta.get(prop, [])) != 1 or not h.meta[prop][0].strip():
                problems.append(f"{rel or '/'}: {prop} {h.meta.get(prop)}")
        if h.meta.get("og:description") != desc:
            problems.append(f"{rel or '/'}: og:description differs from the description")
        if rel == "404.html":
            continue
        canonical = h.links.get("canonical", [])
        if canonical != [base + rel]:
            problems.append(f"{rel or '/'}: canonical {canonical}, expected {base + rel}")
        if h.meta.get("og:url") != canonical:
            problems.append(f"{rel or '/'}: og:url {h.meta.get('og:url')}")
    assert problems == [], "\n".join(problems)


def test_sitemap_lists_every_page_and_robots_points_to_it(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    base = site_url()
    expected = {base + rel for rel in built_pages(built_site) if rel != "404.html"}
    assert expected <= listed, f"not in sitemap.xml: {sorted(expected - listed)}"
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {base}sitemap.xml" in robots


def test_404_page_is_vietnamese_and_not_indexed(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in page and 'lang="vi"' in page
    assert head(built_site / "404.html").meta.get("robots") == ["noindex"]
    assert "404 - Not found" not in page


def test_csp_meta_and_headers_file_carry_one_policy(built_site):
    policy = csp.meta_policy()
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "'unsafe-eval'" not in policy
    for rel in built_pages(built_site):
        assert head(html_file(built_site, rel)).meta.get("Content-Security-Policy") == [policy], rel
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    line = next(l for l in headers.splitlines() if "Content-Security-Policy:" in l)
    assert line.split(":", 1)[1].strip() == policy + "; frame-ancestors 'none'"


def test_csp_meta_comes_before_any_stylesheet_or_script(built_site):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    at = page.index('http-equiv="Content-Security-Policy"')
    assert at < page.index('<link rel="stylesheet"') and at < page.index("<script")


def test_no_page_has_an_inline_script_the_policy_would_block(built_site):
    offending = {
        rel: scripts
        for rel in built_pages(built_site)
        if (scripts := csp.inline_scripts(html_file(built_site, rel).read_text(encoding="utf-8")))
    }
    assert offending == {}


def test_inline_script_finder_sees_executable_scripts_only():
    page = (
        '<script>a()</script><script type="module">b()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a":1}</script>'
    )
    assert csp.inline_scripts(page) == ["a()", "b()"]


def material_inline_script(name: str) -> str:
    """The last (for content.html: the unconditional) inline script of a partial."""
    text = (MATERIAL / "partials" / "javascripts" / name).read_text(encoding="utf-8")
    return re.findall(r"<script>(.*?)</script>", text, re.S)[-1]


@pytest.mark.parametrize(
    "partial,ours",
    [("base.html", "md-base.js"), ("content.html", "md-content.js")],
)
def test_moved_scripts_match_materials_inline_scripts(partial, ours):
    """If a Material upgrade changes its inline scripts, this fails: copy the
    new code into overrides/assets/javascripts/."""
    code = [
        l
        for l in (ROOT / "overrides/assets/javascripts" / ours).read_text(encoding="utf-8").splitlines()
        if l and not l.startswith("//")
    ]
    assert len(code) == 1
    material = material_inline_script(partial)
    if partial == "base.html":
        material = material.replace(
            'new URL("{{ config.extra.scope | d(base_url) }}",location)',
            'new URL("../..",document.currentScript.src)',
        )
    assert code[0] == material


def test_charter_carries_its_print_qr_code(built_site):
    charter = html_file(built_site, "tuyen-ngon-phuc-vu/")
    imgs = head(charter).imgs
    qr = [src for src in imgs if src.endswith(Path(charter_qr.QR_FILE).name)]
    assert qr, imgs
    png = (charter.parent / qr[0]).resolve()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.read_bytes() == charter_qr.qr_png(site_url() + "tuyen-ngon-phuc-vu/")


@pytest.mark.parametrize(
    "text,limit,expected",
    [
        ("Ngắn gọn.", 160, "Ngắn gọn."),
        ("một hai ba bốn năm", 12, "một hai ba…"),
        ("  nhiều   khoảng\ntrắng  ", 160, "nhiều khoảng trắng"),
    ],
)
def test_shorten_cuts_at_a_word(text, limit, expected):
    assert descriptions.shorten(text, limit) == expected


def test_first_paragraph_skips_headings_and_keeps_inline_text():
    page = (
        '<h1>Tiêu đề</h1><p></p><p>Doanh nghiệp <a href="x">gửi <em>vướng mắc</em></a> tại đây.</p><p>Sau</p>'
    )
    assert descriptions.first_paragraph(page) == "Doanh nghiệp gửi vướng mắc tại đây."
    # Raw HTML left open inside the paragraph does not swallow the rest of the page.
    assert descriptions.first_paragraph("<p>Hỏi <quy trình> xong.</p><p>Sau</p>") == "Hỏi xong."


def test_page_without_description_gets_its_first_paragraph_escaped(tmp_path):
    """A real build of the project with one extra page (outside the nav, no
    description), as the search evaluation tool builds it."""
    project = tmp_path / "project"
    copy_project(project)
    front = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("---")[1]
    front = "\n".join(
        l for l in front.splitlines() if not l.startswith(("title:", "description:", "hide:", "  - "))
    )
    (project / "docs" / "zz-meta").mkdir()
    (project / "docs" / "zz-meta" / "index.md").write_text(
        f"---{front}\n---\n\n# Trang thử\n\n"
        'Doanh nghiệp hỏi "thời hạn" & <b>giờ</b> < 2 khi kiểm tra hồ sơ hải quan tại cảng Hải Phòng.\n',
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), encoding="utf-8"
    )
    result = mkdocs_build(tmp_path / "site", config, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "zz-meta" / "index.html").read_text(encoding="utf-8")
    expected = (
        'content="Doanh nghiệp hỏi &quot;thời hạn&quot; &amp; giờ &lt; 2 khi kiểm tra hồ sơ '
        'hải quan tại cảng Hải Phòng."'
    )
    assert f'<meta name="description" {expected}>' in page
    assert f'<meta property="og:description" {expected}>' in page


def test_test_server_behaves_like_the_host(built_site, hosted_site_url):
    """tools/testing/static_server.py (tests and benchmark): gzip, the _headers
    file's policy as an HTTP header, the site's 404 page for a missing path."""
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen

    with urlopen(Request(hosted_site_url, headers={"Accept-Encoding": "gzip"})) as r:
        assert r.headers["Content-Encoding"] == "gzip"
        assert r.headers["Content-Security-Policy"] == csp.header_policy()
    with pytest.raises(HTTPError) as missing:
        urlopen(hosted_site_url + "khong-co-trang-nay/")
    assert missing.value.code == 404
    assert "Không tìm thấy trang" in missing.value.read().decode("utf-8")
