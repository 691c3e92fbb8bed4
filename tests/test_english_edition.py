"""The English edition (/en/, scripts/build/i18n.py): the listed pages exist in
both languages and point at each other, English interface on English pages,
the translation note and its staleness, and `make review` listing stale
translations under their owner. Browser checks (axe, phone layout, no request
to another origin) cover /en/ through tests/test_browser_pages.py, which visits
every built page."""

from __future__ import annotations

import datetime as dt
import html.parser
import re
from pathlib import Path

import material
import pytest

from helpers.project import ROOT, copy_project, mkdocs_build
from scripts import i18n
from scripts.pages import frontmatter, model, review

MATERIAL = Path(material.__file__).parent / "templates"

# Vietnamese original (docs-relative) of each page the English edition must have.
LISTED = [
    "index.md",
    "tuyen-ngon-phuc-vu/index.md",
    "tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.md",
    "tuyen-ngon-phuc-vu/nhung-viec-cong-chuc-khong-duoc-lam.md",
    "tuyen-ngon-phuc-vu/gop-y-phan-hoi.md",
    "phan-anh/index.md",
    "phan-anh/to-cao-vi-pham.md",
    "lien-he/index.md",
    "thuat-ngu.md",
    "quy-che-phoi-hop/index.md",
    "thu-tuc/index.md",
    "soan-van-ban/vuong-mac.md",
    "soan-van-ban/to-cao.md",
]
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def url_of(src: str) -> str:
    """Directory URL of a docs page: 'thuat-ngu.md' -> 'thuat-ngu/', 'index.md' -> ''."""
    stem = src.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def html_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


class _Page(html.parser.HTMLParser):
    """The <html lang>, links, and Vietnamese interface text: attribute texts
    and text outside the article, plus the site's own boxes inside it; nothing
    inside an element marked lang="vi" (or a link to the Vietnamese edition)."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    )
    INTERFACE_BOXES = (
        "page-review",
        "page-status",
        "kb-translation",
        "kb-page-feedback",
        "md-header",
        "md-footer",
        "md-nav",
        "md-search",
        "md-sidebar",
    )

    def __init__(self):
        super().__init__()
        self.lang, self.links, self.alternates, self.vietnamese = None, [], [], []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, vietnamese, interface)

    def _state(self):
        return self.stack[-1][1:] if self.stack else (False, True)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a.get("hreflang")))
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a.get("href")))
        vi, interface = self._state()
        vi = vi or a.get("lang") == "vi" or a.get("hreflang") == "vi"
        classes = a.get("class", "")
        if tag == "article":
            interface = False
        if any(box in classes for box in self.INTERFACE_BOXES):
            interface = True
        if not vi:
            for name in ("title", "aria-label", "placeholder", "alt"):
                if VIETNAMESE_LETTERS.search(a.get(name, "")):
                    self.vietnamese.append(f"{tag}@{name}={a[name]!r}")
        if tag not in self.VOID:
            self.stack.append((tag, vi, interface))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        vi, interface = self._state()
        if interface and not vi and VIETNAMESE_LETTERS.search(data):
            self.vietnamese.append(data.strip()[:80])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("original", LISTED)
def test_listed_page_exists_in_both_languages_and_links_its_twin(built_site, original):
    vi_url, en_url = url_of(original), "en/" + url_of(original)
    vi, en = html_file(built_site, vi_url), html_file(built_site, en_url)
    assert vi.is_file() and en.is_file(), f"missing {vi_url or '/'} or {en_url}"
    en_page, vi_page = parse(en), parse(vi)
    assert en_page.lang == "en" and vi_page.lang == "vi"
    # The English page links its Vietnamese original (the translation note).
    up = "../" * en_url.count("/")
    assert (f"{up}{vi_url}", "vi") in en_page.links or (
        f"{up}{vi_url}".rstrip("/") or ".",
        "vi",
    ) in en_page.links, f"{en_url} does not link ../{vi_url}: {en_page.links[:12]}"
    # The language menu of each opens the other's twin itself; no
    # <link rel=alternate> in <head>, whose sitemap Material would fetch on
    # every load (hreflang pairs: sitemap.xml, next test).
    assert (f"{'../' * vi_url.count('/')}{en_url}", "en") in vi_page.links
    assert (f"{up}{vi_url}", "vi") in en_page.links
    assert vi_page.alternates == [] == en_page.alternates


def test_language_menu_of_a_page_without_twin_opens_its_sections_twin(built_site):
    """A procedure has no English page of its own: the menu opens the English
    summary of all procedures, not the English home."""
    page = parse(html_file(built_site, "thu-tuc/kiem-tra-ho-so-va-thuc-te-hang-hoa/"))
    assert ("../../en/thu-tuc/", "en") in page.links
    assert html_file(built_site, "en/thu-tuc/").is_file()
    editors = parse(html_file(built_site, "bien-tap/"))  # no English twin above it either
    assert ("../en/", "en") in editors.links


def test_language_menu_is_materials_with_links_to_the_twin():
    """If a Material upgrade changes its language menu, this fails: copy the
    new partial into overrides/partials/ and make the one change again."""
    material = (MATERIAL / "partials" / "alternate.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    ours = (
        (ROOT / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    )
    loop = "        {% for alt in config.extra.alternate %}\n"
    href = (
        "          {%- set href = language_links[alt.lang] if language_links and alt.lang in language_links"
        " else alt.link | url %}\n"
    )
    expected = material.replace(loop, loop + href).replace(
        '<a href="{{ alt.link | url }}"', '<a href="{{ href | e }}"'
    )
    assert loop in material and ours == expected


def test_sitemap_pairs_every_listed_page_both_ways(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    by_loc = {
        re.search(r"<loc>([^<]+)</loc>", e).group(1): dict(
            re.findall(r'hreflang="([^"]+)" href="([^"]+)"', e)
        )
        for e in entries
    }
    base = next(loc for loc in by_loc if loc.endswith("/tuyen-ngon-phuc-vu/") and "/en/" not in loc)
    base = base.removesuffix("tuyen-ngon-phuc-vu/")
    for original in LISTED:
        vi, en = base + url_of(original), base + "en/" + url_of(original)
        assert by_loc.get(vi, {}).get("en") == en, f"sitemap: {vi} has no English alternate"
        assert by_loc.get(en, {}).get("vi") == vi, f"sitemap: {en} has no Vietnamese alternate"


def test_english_pages_have_no_vietnamese_interface_text(built_site):
    problems = []
    for page in sorted((built_site / "en").rglob("index.html")):
        found = parse(page).vietnamese
        problems += [f"{page.relative_to(built_site)}: {text}" for text in found]
    assert not problems, "\n".join(problems[:30])


def test_vietnamese_site_keeps_its_urls_and_search_index(built_site):
    assert (built_site / "index.html").is_file() and (built_site / "thu-tuc/index.html").is_file()
    search = built_site / "search"
    # The English edition's own index (search/en_*.json, search/en/) is tests/test_search_english.py's.
    english = {p for p in search.rglob("*.json") if p.name.startswith("en_") or (search / "en") in p.parents}
    files = [p for p in search.rglob("*.json") if p not in english]
    assert english and any(p.name.startswith("p") for p in files), "no search page shards were written"
    for path in files:  # search_index.json and the lazily loaded shards
        assert '"en/' not in path.read_text(encoding="utf-8"), (
            f"English pages leaked into the Vietnamese search index ({path.relative_to(built_site)})"
        )


def test_every_english_page_records_what_it_translates(built_site):
    docs = ROOT / "docs"
    for md in docs.rglob("*.en.md"):
        meta = frontmatter.parse(md.read_text(encoding="utf-8"), str(md)).data
        versions = i18n.translated_versions(meta)
        assert versions, f"{md}: no translation_of"
        for path, day in versions:
            assert (docs / path).is_file(), f"{md}: translation_of names missing docs/{path}"
            assert day is not None


def test_outdated_translation_is_flagged_on_the_page_and_in_review(tmp_path):
    project = copy_project(tmp_path / "p")
    original = project / "docs" / "tuyen-ngon-phuc-vu" / "quyen-cua-doanh-nghiep.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(
        re.sub(r"last_reviewed: \S+", f"last_reviewed: {dt.date.today().isoformat()}", text, count=1),
        encoding="utf-8",
    )
    reviews = review.collect(model.load(project))
    report = review.report_text(reviews, dt.date.today())
    assert "Translations that may be out of date" in report
    stale = [r for r in reviews if r.outdated_from]
    assert [r.rel for r in stale] == ["tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.en.md"]
    section = report.split("Translations that may be out of date", 1)[1]
    assert (
        stale[0].owner_name in section
        and "docs/tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.en.md:1:" in section
    )

    site = tmp_path / "site"
    result = mkdocs_build(site, project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    stale_page = (site / "en/tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep/index.html").read_text(
        encoding="utf-8"
    )
    fresh_page = (site / "en/tuyen-ngon-phuc-vu/index.html").read_text(encoding="utf-8")
    assert "This translation may be out of date" in stale_page
    assert "This translation may be out of date" not in fresh_page
    assert "the Vietnamese text prevails" in fresh_page


def test_a_link_to_a_missing_vietnamese_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "tuyen-ngon-phuc-vu" / "gop-y-phan-hoi.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[x](vi:khong-co-trang-nay.md#dieu-1)\n", encoding="utf-8"
    )
    result = mkdocs_build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert (
        "docs/tuyen-ngon-phuc-vu/gop-y-phan-hoi.en.md: link vi:khong-co-trang-nay.md"
        in result.stdout + result.stderr
    )


def test_the_english_build_leaves_the_vietnamese_404_page(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in page


def test_language_menu_opens_the_twin_without_fetching_sitemaps(hosted_site_url, desktop_page):
    page = desktop_page
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(hosted_site_url + "tuyen-ngon-phuc-vu/", wait_until="networkidle")
    assert not [u for u in requested if "sitemap" in u], requested
    page.locator(".md-select button").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url("**/en/tuyen-ngon-phuc-vu/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".md-select button").hover()
    page.locator("a.md-select__link[hreflang=vi]").click()
    page.wait_for_url(hosted_site_url + "tuyen-ngon-phuc-vu/")
