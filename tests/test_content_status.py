"""The page status badge (overrides/partials/page-status.html): rendered from
front matter on any page, in Vietnamese words (not colour alone), with the
same labels as Material's nav icon, and escaped."""

import re
import shutil
import textwrap

import pytest

from helpers.content_html import built_page
from helpers.project import ROOT, mkdocs_build, mkdocs_config

LABELS = {"draft": "Dự thảo", "in-force": "Đang có hiệu lực", "superseded": "Đã được thay thế"}


def test_config_labels_every_status_in_vietnamese():
    assert mkdocs_config()["extra"]["status"] == LABELS
    assert "assets/stylesheets/status.css" in mkdocs_config()["extra_css"]


def test_draft_page_shows_badge_in_words_and_nav_icon_agrees(built_site):
    html = built_page(built_site, "quy-che-phoi-hop/index.md")
    assert 'class="page-status page-status--draft" role="note"' in html
    assert "Trạng thái: <strong>Dự thảo</strong>" in html
    assert '<span class="md-status md-status--draft" title="Dự thảo">' in html


def test_page_without_status_has_no_badge(built_site):
    assert "page-status" not in built_page(built_site, "tuyen-ngon-phuc-vu/index.md")


def test_status_icons_exist_for_each_status():
    css = (ROOT / "overrides/assets/stylesheets/status.css").read_text(encoding="utf-8")
    for status in LABELS:
        assert f".md-status--{status}::after" in css
        assert f".page-status--{status}" in css


@pytest.fixture(scope="module")
def badge_site(tmp_path_factory):
    """A tiny real site using this theme's partial, with hostile front matter.
    The project's own hook would reject these values; the partial must still
    escape whatever reaches it."""
    root = tmp_path_factory.mktemp("badge")
    (root / "overrides" / "partials").mkdir(parents=True)
    shutil.copy(ROOT / "overrides/partials/page-status.html", root / "overrides/partials/")
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}'
        '{% include "partials/page-status.html" %}{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    docs = root / "docs"
    docs.mkdir()
    pages = {
        "index.md": "# Trang chủ\n",
        "du-thao.md": "---\nstatus: draft\neffective_date: 2026-07-01\n---\n# Dự thảo\n",
        "hieu-luc.md": "---\nstatus: in-force\neffective_date: 2025-03-01\n---\n# Có hiệu lực\n",
        "thay-the.md": "---\nstatus: superseded\n---\n# Đã thay thế\n",
        "doc-hai.md": textwrap.dedent("""\
            ---
            status: "<img src=x onerror=alert(1)>"
            effective_date: '2026-01-01"><script>alert(2)</script>'
            ---
            # Giá trị độc hại
            """),
    }
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent("""\
        site_name: t
        theme:
          name: material
          custom_dir: overrides
          language: vi
          font: false
        extra:
          status:
            draft: Dự thảo <b>&</b>
            in-force: Đang có hiệu lực
            superseded: Đã được thay thế
        """),
        encoding="utf-8",
    )
    result = mkdocs_build(root / "site", root / "mkdocs.yml", strict=False)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_badge_dates_are_vietnamese_and_machine_readable(badge_site):
    html = (badge_site / "hieu-luc/index.html").read_text(encoding="utf-8")
    assert "Trạng thái: <strong>Đang có hiệu lực</strong>" in html
    assert re.search(r'Có hiệu lực từ ngày\s*<time datetime="2025-03-01">01/03/2025</time>', html)
    draft = (badge_site / "du-thao/index.html").read_text(encoding="utf-8")
    assert "Dự kiến có hiệu lực từ ngày" in draft and ">01/07/2026</time>" in draft
    superseded = (badge_site / "thay-the/index.html").read_text(encoding="utf-8")
    assert "page-status--superseded" in superseded and "<time" not in superseded


def test_badge_escapes_front_matter_and_config(badge_site):
    html = (badge_site / "doc-hai/index.html").read_text(encoding="utf-8")
    badge = html[html.index('<div class="page-status') :]
    badge = badge[: badge.index("</div>")]
    assert "page-status--unknown" in badge
    assert "<img" not in badge and "<script" not in badge
    assert "&lt;img src=x onerror=alert(1)&gt;" in badge
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in badge
    draft = (badge_site / "du-thao/index.html").read_text(encoding="utf-8")
    assert "Dự thảo &lt;b&gt;&amp;&lt;/b&gt;" in draft


@pytest.mark.browser
def test_badge_and_nav_icon_render_on_a_phone(site_url, phone_page):
    phone_page.goto(site_url + "quy-che-phoi-hop/", wait_until="networkidle")
    badge = phone_page.locator(".page-status")
    assert badge.is_visible()
    assert "Trạng thái: Dự thảo" in badge.inner_text()
    box = badge.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    icons = phone_page.evaluate("""() => {
        const mask = (el, pseudo) => getComputedStyle(el, pseudo).maskImage
            || getComputedStyle(el, pseudo).webkitMaskImage;
        const nav = document.querySelector('.md-nav .md-status--draft');
        return {page: mask(document.querySelector('.page-status__icon'), null),
                nav: nav ? mask(nav, '::after') : null};
    }""")
    # Both use the pencil icon defined in status.css, not Material's default.
    assert "m14.06 9" in icons["page"], icons
    assert icons["nav"] and "m14.06 9" in icons["nav"], icons
