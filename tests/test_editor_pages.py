"""What readers and editors see: owner and review dates on every page, the
overdue warning computed in the browser (also after following a link),
'edit this page' links to real repository files, the generated review
schedule and the "what's new" page built from git history."""

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from helpers.editor_project import copy_project, set_front_matter
from helpers.project import ROOT, mkdocs_build, serve_directory

REPO_URL = "https://github.com/haiquan-kv3/co-so-tri-thuc"
OVERDUE = "bien-tap/index.md"  # made overdue in the copy
ON_TIME = "tin-tuc/index.md"  # reviewed recently: due in the future


def html_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html" or rel.startswith("assets/"):
            continue
        yield rel, path.read_text(encoding="utf-8")


# --- every page of the real site ------------------------------------------


def test_every_page_has_an_edit_link_to_an_existing_repository_file(built_site):
    checked = 0
    for rel, html in html_pages(built_site):
        links = re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        assert links, f"{rel} has no 'edit this page' link"
        prefix = REPO_URL + "/edit/main/"
        assert links[0].startswith(prefix), f"{rel}: {links[0]}"
        target = links[0][len(prefix) :]
        assert (ROOT / target).is_file(), f"{rel}: edit link opens {target}, which is not in the repository"
        checked += 1
    assert checked >= 10


def test_every_content_page_shows_owner_and_review_dates(built_site):
    for rel, html in html_pages(built_site):
        assert 'class="page-review"' in html, f"{rel} does not show its owner"
        owner = "Responsible unit: <strong>" if rel.startswith("en/") else "Đơn vị phụ trách: <strong>"
        assert owner in html, rel
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Rà soát lần cuối \d\d/\d\d/\d{4} · cần rà soát trước \d\d/\d\d/\d{4}", home)
    assert 'data-review-due="' in home
    # Computed in the browser: nothing in the built HTML says "overdue" yet.
    assert re.search(r'class="admonition warning page-review__overdue"[^>]*hidden', home)
    english = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Last reviewed \d\d/\d\d/\d{4} · next review due by \d\d/\d\d/\d{4}", english)


def test_generated_pages_are_in_the_nav_and_not_committed(built_site):
    for rel in ("bien-tap/lich-ra-soat/index.html", "tin-tuc/thay-doi-gan-day/index.html"):
        assert (built_site / rel).is_file(), rel
    tracked = subprocess.run(
        [
            "git",
            "-C",
            str(ROOT),
            "ls-files",
            "docs/bien-tap/lich-ra-soat.md",
            "docs/tin-tuc/thay-doi-gan-day.md",
        ],
        capture_output=True,
        text=True,
    )
    assert tracked.stdout == ""
    assert not (ROOT / "docs" / "bien-tap" / "lich-ra-soat.md").exists()


# --- a copy with one overdue page (and change notes) -----------------------


def write_notes(project: Path, body: str) -> None:
    (project / "data" / "changes.yaml").write_text("changes:\n" + body, encoding="utf-8")


NOTES = (
    "  - date: 2026-11-01\n    pages: [tin-tuc/index.md]\n"
    "    note: Thêm một tin cũ hơn về hội nghị đối thoại.\n"
    "  - date: 2026-11-20\n    pages: [thu-tuc/index.md, lien-he/index.md]\n"
    "    note: 'Cập nhật danh mục <script>alert(1)</script> *x* và danh bạ.'\n"
)


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("overdue") / "project")
    set_front_matter(project / "docs" / OVERDUE, "last_reviewed", "2020-01-01")
    set_front_matter(project / "docs" / ON_TIME, "last_reviewed", dt.date.today().isoformat())
    # A unit name with markup must reach the page as text.
    units = project / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert "name: Cục Hải quan\n" in text
    units.write_text(
        text.replace("name: Cục Hải quan\n", 'name: "Cục Hải quan <b>&</b>"\n', 1), encoding="utf-8"
    )
    set_front_matter(project / "docs" / OVERDUE, "owner", "cuc-hai-quan")
    # Change notes with markup (test_whats_new_is_built_from_change_notes_newest_first_and_escaped).
    write_notes(project, NOTES)
    site = project / "site"
    with serve_directory(site) as url:
        # The copy is built for this very server: canonical links, the
        # sitemap and the 404 page's links come from site_url.
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {url}", text)
        assert count == 1
        config.write_text(text, encoding="utf-8")
        result = mkdocs_build(site, config)
        assert result.returncode == 0, result.stdout + result.stderr
        yield site, url


def url_of(base: str, src: str) -> str:
    return (
        base
        + src.removesuffix("index.md").removesuffix(".md")
        + ("/" if not src.endswith("index.md") else "")
    )


def test_owner_name_is_escaped(overdue_site):
    site, _ = overdue_site
    html = (site / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert "Đơn vị phụ trách: <strong>Cục Hải quan &lt;b&gt;&amp;&lt;/b&gt;</strong>" in html
    assert "hỏi Cục Hải quan &lt;b&gt;&amp;&lt;/b&gt;." in html
    assert "<b>&</b>" not in html


@pytest.mark.browser
def test_overdue_page_shows_a_warning_and_a_page_on_time_does_not(overdue_site, phone_page):
    _, base = overdue_site
    phone_page.goto(url_of(base, ON_TIME))
    assert phone_page.locator(".page-review__dates").is_visible()
    assert phone_page.locator(".page-review__overdue").is_hidden()

    phone_page.goto(url_of(base, OVERDUE))
    warning = phone_page.locator(".page-review__overdue")
    warning.wait_for(state="visible")
    days = (dt.date.today() - dt.date(2020, 7, 1)).days
    assert "Trang này đã quá hạn rà soát" in warning.inner_text()
    assert f"(quá hạn {days} ngày)" in warning.inner_text()
    # Shown before the content (right after the title), not only at the bottom.
    assert phone_page.evaluate(
        "() => document.querySelector('article h1').nextElementSibling"
        ".classList.contains('page-review__overdue')"
    )


@pytest.mark.browser
def test_warning_is_computed_when_viewed_not_at_build(overdue_site, desktop_page):
    """The same built page, read after its due date, warns."""
    _, base = overdue_site
    page = desktop_page
    page.goto(url_of(base, ON_TIME))
    due = page.locator(".page-review").get_attribute("data-review-due")
    assert page.locator(".page-review__overdue").is_hidden()
    later = dt.datetime.fromisoformat(due) + dt.timedelta(days=3, hours=12)
    page.clock.set_fixed_time(later)
    page.reload()
    page.locator(".page-review__overdue").wait_for(state="visible")
    assert "(quá hạn 3 ngày)" in page.locator(".page-review__overdue").inner_text()


@pytest.mark.browser
def test_warning_follows_navigation(overdue_site, desktop_page):
    _, base = overdue_site
    page = desktop_page
    page.goto(url_of(base, ON_TIME))
    assert page.locator(".page-review__overdue").is_hidden()
    page.evaluate("() => { window.__sameDocument = true }")
    page.locator(f'.md-nav a[href$="{OVERDUE.removesuffix("index.md")}"]').first.click()
    page.wait_for_url(re.compile(re.escape(OVERDUE.removesuffix("index.md")) + "$"))
    page.locator(".page-review__overdue").wait_for(state="visible")
    # Every page loads in full (no instant navigation, mkdocs.yml).
    assert page.evaluate("() => window.__sameDocument === undefined"), "the page was swapped, not loaded"
    # and back to a page on time: no warning
    page.go_back()
    page.wait_for_url(re.compile(re.escape(ON_TIME.removesuffix("index.md")) + "$"))
    page.wait_for_function(
        "() => document.querySelector('.page-review__overdue') "
        "&& document.querySelector('.page-review__overdue').hidden"
    )


@pytest.mark.browser
def test_review_schedule_lists_pages_by_owner_with_status_from_the_browser(overdue_site, desktop_page):
    _site, base = overdue_site
    page = desktop_page
    page.goto(base + "bien-tap/lich-ra-soat/")
    headings = page.locator("article h2").all_inner_texts()
    assert any("Chi cục Hải quan khu vực III" in h for h in headings)
    assert any(h.startswith("Cục Hải quan <b>&</b>") for h in headings)  # markup shown as text
    row = page.locator("tr").filter(has=page.locator("a", has_text="Dành cho biên tập viên"))
    assert row.locator(".page-review-status").inner_text() == "Quá hạn"
    edit = page.locator('a[rel="edit"]').get_attribute("href")
    assert edit == REPO_URL + "/edit/main/scripts/pages/review.py"
    # Status is recomputed on the reader's date: in ten years every page is overdue.
    page.clock.set_fixed_time(dt.datetime(dt.date.today().year + 10, 1, 1))
    page.reload()
    statuses = page.locator(".page-review-status").all_inner_texts()
    assert set(statuses) == {"Quá hạn"}
    summary = page.locator(".page-review-summary").inner_text()
    assert summary == (
        f"Hôm nay 01/01/{dt.date.today().year + 10}: {len(statuses)} trang quá hạn rà "
        f"soát, 0 trang sắp đến hạn (trong 30 ngày), trên tổng số {len(statuses)} trang."
    )


# --- "what's new" from reader-written change notes ---------------------------


def test_whats_new_is_built_from_change_notes_newest_first_and_escaped(overdue_site):
    site, _ = overdue_site  # built with NOTES
    html = (site / "tin-tuc" / "thay-doi-gan-day" / "index.html").read_text(encoding="utf-8")
    assert html.index("Ngày 20/11/2026") < html.index("Ngày 01/11/2026")
    assert "Cập nhật danh mục &lt;script&gt;alert(1)&lt;/script&gt; *x* và danh bạ." in html
    assert "<script>alert(1)" not in html
    # Generated pages are named by their titles, added by any hook.
    assert ">Danh mục thủ tục hải quan</a>" in html and ">Tin tức và cập nhật</a>" in html


def test_public_change_page_holds_no_commit_message(built_site):
    """The page is made from data/changes.yaml only: no subject of this
    repository's history appears on it."""
    html = (built_site / "tin-tuc" / "thay-doi-gan-day" / "index.html").read_text(encoding="utf-8")
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%s", "-n", "300"], capture_output=True, text=True
    )
    subjects = [s for s in log.stdout.splitlines() if len(s) > 15]
    assert subjects, "no git history to compare with"
    assert [s for s in subjects if s in html] == []
    from scripts.pages import whats_new

    for note in whats_new.load_notes(ROOT):
        assert note.note in html


@pytest.mark.parametrize(
    "entry,field,words",
    [
        (
            "  - date: 2999-01-01\n    pages: [tin-tuc/index.md]\n    note: Thêm một đoạn mới cho doanh nghiệp.\n",
            "changes[0].date",
            "ở tương lai",
        ),
        (
            "  - date: 2026-11-01\n    pages: [tin-tuc/khong-co.md]\n    note: Thêm một đoạn mới cho doanh nghiệp.\n",
            "changes[0].pages[0]",
            "không có trang docs/tin-tuc/khong-co.md",
        ),
        (
            "  - date: 2026-11-01\n    pages: [tin-tuc/index.md]\n    note: Fix typo in news page header\n",
            "changes[0].note",
            "viết bằng tiếng Việt có dấu",
        ),
        (
            "  - date: 2026-11-01\n    pages: [tin-tuc/index.md]\n",
            "changes[0]",
            "thiếu trường bắt buộc 'note'",
        ),
    ],
)
def test_bad_change_notes_are_named_with_file_line_and_field(tmp_path, entry, field, words):
    from scripts.pages import whats_new
    from scripts.yamlstrict import InvalidInput

    project = copy_project(tmp_path / "bad")
    write_notes(project, entry)
    with pytest.raises(InvalidInput) as caught:
        whats_new.load_notes(project, today=dt.date(2026, 12, 2))
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith("data/changes.yaml:") and f" {field}: " in m and words in m for m in messages), (
        messages
    )
