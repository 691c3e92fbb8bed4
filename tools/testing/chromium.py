"""Chromium as the tests and benchmarks start it.

Playwright's own browser download does not work on these machines, so every
launch names an installed browser: Debian's /usr/bin/chromium by default, or
the one in the ``KB_CHROMIUM`` environment variable (CI on GitHub's Ubuntu
runners, where ``chromium`` is a snap stub, points it at the preinstalled
Google Chrome). Without the background-networking flags Chromium tries
Google's hosts, which the closed network refuses.
"""

import os

ENV_VAR = "KB_CHROMIUM"
PATH = os.environ.get(ENV_VAR) or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """A headless Chromium browser from a running ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=PATH, args=ARGS)
