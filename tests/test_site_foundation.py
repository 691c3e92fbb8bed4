"""The site foundation: a strict build, a complete nav, no third-party
requests, and a home page that fits a phone."""

from pathlib import Path
from urllib.parse import urlparse

import pytest

from helpers.project import ROOT, mkdocs_build, mkdocs_config
from scripts.vietnamese import slugify


def nav_files(items):
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from (nav_files(value) if isinstance(value, list) else [value])


def test_strict_build_writes_every_nav_page(built_site):
    for src in nav_files(mkdocs_config()["nav"]):
        html = Path(src[:-3].removesuffix("index")) / "index.html"
        assert (built_site / html).is_file(), f"nav entry {src} produced no {html}"


def test_config_is_strict_vietnamese_and_fontless():
    cfg = mkdocs_config()
    assert cfg["strict"] is True
    assert cfg["theme"]["language"] == "vi"
    assert cfg["theme"]["font"] is False
    assert cfg["validation"]["links"]["anchors"] == "warn"  # warn + strict = failure


@pytest.mark.parametrize(
    "heading,slug",
    [
        ("Đăng ký tờ khai", "dang-ky-to-khai"),
        ("Điều 5. Thời hạn xử lý", "dieu-5-thoi-han-xu-ly"),
        ("ĐỊA ĐIỂM LÀM THỦ TỤC", "dia-diem-lam-thu-tuc"),
        ("Hồ sơ C/O mẫu D", "ho-so-c-o-mau-d"),
    ],
)
def test_vietnamese_slugs_keep_d(heading, slug):
    assert slugify(heading) == slug


def test_broken_link_fails_the_strict_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Trang\n\n[hỏng](khong-co.md) [neo](#khong-co-neo)\n", encoding="utf-8")
    cfg = mkdocs_config()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nstrict: true\nvalidation:\n"
        + "".join(
            f"  {k}:\n" + "".join(f"    {kk}: {vv}\n" for kk, vv in v.items())
            for k, v in cfg["validation"].items()
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "khong-co.md" in out and "khong-co-neo" in out


def test_no_site_output_is_tracked():
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "site"], cwd=ROOT, capture_output=True, text=True)
    assert tracked.stdout.strip() == ""


@pytest.mark.browser
def test_home_and_search_stay_on_own_origin(site_url, desktop_page):
    origin = urlparse(site_url).netloc
    requests = []
    desktop_page.on("request", lambda r: requests.append(r.url))
    desktop_page.goto(site_url, wait_until="networkidle")
    box = desktop_page.locator("input[data-md-component=search-query]")
    box.click()
    box.type("thu tuc")
    desktop_page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    foreign = [
        u for u in requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != origin
    ]
    assert requests and not foreign, f"third-party requests: {foreign}"


@pytest.mark.browser
def test_home_fits_a_phone_without_console_errors(site_url, phone_page):
    errors = []
    phone_page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    phone_page.on("pageerror", lambda e: errors.append(str(e)))
    phone_page.goto(site_url, wait_until="networkidle")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"horizontal scroll of {overflow}px at 360px"
    assert errors == []
