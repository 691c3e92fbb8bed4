"""Every built page in a real browser: WCAG 2.0/2.1/2.2 A and AA (axe-core),
no console error, no request to another origin, no CSP violation, working
internal links and fragments, and a 360 px phone layout without horizontal
scroll or undersized tap targets.

Pages are found in the built site, not listed by hand."""

from __future__ import annotations

import html.parser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest

from helpers.webchecks import (
    AXE_TAGS,
    CSP_LISTENER,
    INNER_OVERFLOW_JS,
    OVERFLOW_JS,
    TAP_TARGETS_JS,
    built_pages,
)

pytestmark = pytest.mark.browser

AXE_PACKAGE = Path(__import__("axe_playwright_python").__file__).parent


def test_axe_runs_from_the_package_without_network():
    """axe-playwright-python injects its own copy of axe-core: nothing is fetched."""
    script = AXE_PACKAGE / "axe.min.js"
    assert script.is_file() and script.stat().st_size > 100_000
    source = "\n".join(p.read_text(encoding="utf-8") for p in AXE_PACKAGE.glob("*.py"))
    assert "axe.min.js" in source
    assert not any(word in source for word in ("urlopen", "requests.", "http://", "https://"))


def visit(page, url):
    """Open ``url`` and return what went wrong on the way."""
    errors, foreign = [], []
    origin = urlparse(url).netloc
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            urlparse(r.url).scheme in ("http", "https", "ws", "wss")
            and urlparse(r.url).netloc != origin
            and foreign.append(r.url)
        ),
    )
    page.goto(url, wait_until="networkidle")
    return errors, foreign


@pytest.fixture
def csp_phone_page(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.add_init_script(CSP_LISTENER)
    yield context.new_page()
    context.close()


@pytest.fixture
def csp_desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    yield context.new_page()
    context.close()


@pytest.fixture
def csp_dark_phone_page(browser):
    """A phone set to dark mode: the site's palette follows it (Material's slate)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, color_scheme="dark"
    )
    context.add_init_script(CSP_LISTENER)
    yield context.new_page()
    context.close()


# The 404 page is opened the way visitors meet it: at a missing address.
MISSING = "khong-co-trang-nay/"


@pytest.mark.parametrize("viewport", ["phone", "desktop", "dark phone"])
def test_every_page_passes_axe_console_origin_and_csp(built_site, hosted_site_url, viewport, request):
    from axe_playwright_python.sync_playwright import Axe

    fixture = {"phone": "csp_phone_page", "desktop": "csp_desktop_page", "dark phone": "csp_dark_phone_page"}[
        viewport
    ]
    page = request.getfixturevalue(fixture)
    axe = Axe()
    problems = []
    pages = built_pages(built_site)
    assert "" in pages and "404.html" in pages and len(pages) >= 10
    for rel in pages:
        p = page.context.new_page()
        errors, foreign = visit(p, hosted_site_url + (MISSING if rel == "404.html" else rel))
        if rel == "404.html":
            assert p.locator("h1").inner_text().startswith("Không tìm thấy trang")
            # Chromium logs the document's own 404 status; anything else counts.
            own = [e for e in errors if "status of 404" in e]
            assert len(own) == 1, errors
            errors.remove(own[0])
        violations = axe.run(p, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        for v in violations.response["violations"]:
            targets = [" ".join(map(str, n["target"])) for n in v["nodes"]][:5]
            problems.append(f"{rel or '/'}: axe {v['id']} ({v['help']}): {targets}")
        problems += [f"{rel or '/'}: console error: {e}" for e in errors]
        problems += [f"{rel or '/'}: request to another origin: {u}" for u in foreign]
        problems += [f"{rel or '/'}: CSP violation: {c}" for c in p.evaluate("window.__cspViolations")]
        p.close()
    assert problems == [], "\n".join(problems)


def test_every_page_fits_a_phone_with_large_enough_tap_targets(built_site, hosted_site_url, phone_page):
    problems = []
    for rel in built_pages(built_site):
        phone_page.goto(hosted_site_url + rel, wait_until="networkidle")
        overflow = phone_page.evaluate(OVERFLOW_JS)
        if overflow > 0:
            problems.append(f"{rel or '/'}: horizontal scroll of {overflow}px at 360px")
        problems += [
            f"{rel or '/'}: sideways scroll inside the page at 360px: {box}"
            for box in phone_page.evaluate(INNER_OVERFLOW_JS)
        ]
        problems += [f"{rel or '/'}: tap target under 24px: {t}" for t in phone_page.evaluate(TAP_TARGETS_JS)]
    assert problems == [], "\n".join(problems)


def test_tap_target_rule_flags_crowded_small_targets_only(phone_page):
    """The rule itself: crowded small buttons fail; spaced ones and links in a
    sentence pass (WCAG 2.5.8's spacing and inline exceptions)."""
    phone_page.set_content("""
      <style>button{width:16px;height:16px;padding:0;border:0;margin:0}</style>
      <div id="crowded"><button id="a">a</button><button id="b">b</button></div>
      <div style="margin-top:60px"><button id="spaced1">c</button>
        <button id="spaced2" style="margin-left:30px">d</button></div>
      <p style="margin-top:60px">Đọc <a href="#x" style="font-size:12px">quy chế</a> trước khi gửi.</p>
      <div style="margin-top:60px"><a href="#y" style="display:inline-block;width:24px;height:24px">ok</a></div>
    """)
    failures = phone_page.evaluate(TAP_TARGETS_JS)
    assert len(failures) == 2 and all(f.startswith("button#") for f in failures), failures
    assert {f.split()[0] for f in failures} == {"button#a.", "button#b."}


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "img", "script", "source", "iframe"):
                self.links.append(a[key])


def parse(html_text: str) -> _Links:
    parser = _Links()
    parser.feed(html_text)
    return parser


def test_every_internal_link_answers_200_and_every_fragment_exists(built_site, hosted_site_url):
    """Served over HTTP like the host does; each fragment must name an id in its target."""
    origin = urlparse(hosted_site_url).netloc
    fetched: dict[str, tuple[int, set[str]]] = {}

    def fetch(url):
        if url not in fetched:
            try:
                with urlopen(url, timeout=10) as r:
                    body = r.read()
                    ids = (
                        parse(body.decode("utf-8", "replace")).ids
                        if "html" in r.headers.get("Content-Type", "")
                        else set()
                    )
                    fetched[url] = (r.status, ids)
            except HTTPError as e:
                fetched[url] = (e.code, set())
        return fetched[url]

    problems, checked = [], 0
    for rel in built_pages(built_site):
        if rel == "404.html":
            continue
        page_url = hosted_site_url + rel
        status, _ = fetch(page_url)
        assert status == 200, f"{page_url} answered {status}"
        with urlopen(page_url) as r:
            links = parse(r.read().decode("utf-8")).links
        for link in links:
            absolute = urljoin(page_url, link)
            if urlparse(absolute).scheme not in ("http", "https") or urlparse(absolute).netloc != origin:
                continue
            target, fragment = urldefrag(absolute)
            status, ids = fetch(target)
            checked += 1
            if status != 200:
                problems.append(f"{rel or '/'}: {link} answers {status}")
            elif fragment and fragment not in ids:
                problems.append(f"{rel or '/'}: {link}: no element with id '{fragment}'")
    assert checked > 50, f"only {checked} internal links found"
    assert problems == [], "\n".join(problems)


def test_policy_is_enforced_and_reported(hosted_site_url, csp_desktop_page):
    """The listener used above does see violations: an injected inline script
    is blocked and reported."""
    page = csp_desktop_page
    page.goto(hosted_site_url, wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))


def test_escalation_diagram_renders_under_the_policy(hosted_site_url, csp_phone_page):
    """Mermaid, served from the site, draws the escalation flowchart without
    any CSP violation (its inline styles are what style-src allows)."""
    page = csp_phone_page
    page.goto(hosted_site_url + "phan-anh/", wait_until="networkidle")
    page.locator(".kb-diagram-svg svg").first.wait_for(timeout=15000)
    assert page.evaluate("window.__cspViolations") == []
