"""Debian's Chromium as the tests and benchmarks start it.

Playwright's own browser download does not work on these machines, so every
launch names /usr/bin/chromium. Without the background-networking flags
Chromium tries Google's hosts, which the closed network refuses.
"""
PATH = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(playwright):
    """A headless Chromium browser from a running ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=PATH, args=ARGS)
