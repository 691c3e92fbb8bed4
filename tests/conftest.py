"""Shared fixtures: one real strict build of the site per test session, a
loopback HTTP server over it, and Debian's Chromium driven by Playwright."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import chromium, static_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.PATH


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True):
    """Run a real ``mkdocs build`` and return the CompletedProcess."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config),
           "--site-dir", str(site_dir)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=config.parent, capture_output=True, text=True, env=env)


# What a build reads, without environments, output, tests or benchmark tools.
_NOT_COPIED = shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__",
                                     ".pytest_cache", ".hypothesis", "tests", "tools",
                                     "*.egg-info")


def copy_project(dest: Path) -> Path:
    """A writable copy of the project for a test to break and build; the
    installed front-end packages (node_modules) are linked, never written to.
    ``python -m`` run in the copy imports the copy's own scripts/."""
    shutil.copytree(ROOT, dest, ignore=_NOT_COPIED, dirs_exist_ok=True)
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


def serve_directory(root: Path):
    """Serve ``root`` at ``/`` on an ephemeral loopback port (context manager
    yielding the base URL): the project's static server, without gzip or the
    ``_headers`` file, which only the hosting tests and benchmarks want."""
    return static_server.serve(root, gzip_text=False, send_headers_file=False)


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = chromium.launch(p)
        yield b
        b.close()


@pytest.fixture
def phone_page(browser):
    """A fresh page with a 360×740 phone viewport."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
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
    """The built site served as its hosts serve it (scripts/static_server.py):
    under site_url's path, gzip, the site's 404.html, the _headers file's CSP."""
    from urllib.parse import urlparse
    from scripts import site_address
    from scripts.static_server import serve

    config = site_address.read_config(ROOT)
    with serve(built_site, urlparse(config.get("site_url") or "/").path) as url:
        yield url
