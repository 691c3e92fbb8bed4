"""Shared fixtures: one real strict build of the site per test run (shared by
the pytest-xdist workers), a loopback HTTP server over it, and Debian's Chromium
driven by Playwright.
Helpers that tests import live in tests/helpers/ (never import this file)."""

import fcntl
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import settings

from helpers.examples import FAST_PROFILE_EXAMPLES
from helpers.project import mkdocs_build, mkdocs_config, serve_directory
from tools.testing import chromium, static_server

# `make test-fast` runs pytest with --hypothesis-profile=fast: property tests
# that build the site draw fewer examples (helpers/examples.py); `make test`
# keeps Hypothesis's default profile and every example.
settings.register_profile("fast", max_examples=FAST_PROFILE_EXAMPLES)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """One strict build of the site per pytest run, read-only for the tests.

    Under pytest-xdist (`make test-fast`) the worker processes share it: the
    first to need it builds it into the run's temporary root (the parent of
    each worker's own), under a file lock; the others wait and read it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # one process: nobody to share with
        return _build_site(tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent
    with (shared / "built-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        site, done = shared / "built-site", shared / "built-site.done"
        if not done.exists():
            _build_site(site)
            done.touch()
    return site


def _build_site(site: Path) -> Path:
    result = mkdocs_build(site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(chromium.PATH).exists():
        pytest.fail(
            f"{chromium.PATH} is missing: run `make test`, which installs Debian's chromium "
            f"(or set {chromium.ENV_VAR} to another Chromium or Chrome)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = chromium.launch(p)
        yield b
        b.close()


@pytest.fixture
def phone_page(browser):
    """A fresh page with a 360×740 phone viewport."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def hosted_site_url(built_site):
    """The built site served as its hosts serve it (tools/testing/static_server.py):
    under site_url's path, gzip, the site's 404.html, the _headers file's CSP."""
    with static_server.serve(built_site, urlparse(mkdocs_config().get("site_url") or "/").path) as url:
        yield url


# Every test that reaches Chromium does so through the `browser` fixture.
_BROWSER_FIXTURES = {"browser", "phone_page", "desktop_page"}


def pytest_collection_modifyitems(config, items):
    """Mark every test that drives Chromium `browser`, so that
    ``pytest -m "not browser"`` (``make test-fast``) leaves exactly those out."""
    for item in items:
        if _BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
