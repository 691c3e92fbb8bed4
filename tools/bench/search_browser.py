"""Drive a built site's header search box in headless Chromium.

Adapted from the project's shared search evaluation tool (``run_queries``: readiness
probe, typing, waiting for the result list to settle); that tool is not part
of the repository, so the logic is copied here rather than imported.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

from tools.bench.relevance import page_path, rank_of
from tools.testing import chromium, static_server

RESULTS_JS = (
    "() => Array.from(document.querySelectorAll("
    "'.md-search-result__item > a, a[data-eval-result]'))"
    ".map(a => a.getAttribute('href'))"
)
MATERIAL_BOX = "input[data-md-component=search-query]"
# What counts as search transfer: index files, search code, Pagefind's bundle.
SEARCH_FILES = ("/search/", "/pagefind/", "/workers/", "/lunr")


def serve(root, gzip_text: bool = False):
    """Serve ``root`` at ``/`` on an ephemeral loopback port, without the
    ``_headers`` file (the same for every site compared; Pagefind needs
    WebAssembly, which the site's CSP refuses); yields the base URL. Transfer
    sizes are measured with ``gzip_text``, as a host compresses."""
    return static_server.serve(Path(root), gzip_text=gzip_text, send_headers_file=False)


def _box(page, selector=MATERIAL_BOX):
    box = page.locator(selector).first
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.wait_for(state="visible")
    box.click()
    return box


def first_answer(browser, url: str, query: str, selector: str = MATERIAL_BOX, timeout_s: float = 60) -> dict:
    """A first visit (empty cache): load ``url``, let it settle, focus the box,
    paste ``query``. Returns seconds from focus to the first result shown,
    seconds from the last search file fetched after focus to that answer
    (the box's own work once its data is in), and the search bytes (transfer size, ``SEARCH_FILES``) fetched before the
    focus and before that first answer."""
    context = browser.new_context()
    fetched: list[tuple[float, str, int]] = []

    def finished(request):
        if any(p in request.url for p in SEARCH_FILES):
            try:
                size = request.sizes()["responseBodySize"]
            except Exception:  # noqa: BLE001 - a cancelled request has no sizes
                size = 0
            if not size:
                # Chromium reports no body size for a worker's own script:
                # the transfer size is then the response's Content-Length
                response = request.response()
                size = int((response.headers.get("content-length") or 0) if response else 0)
            fetched.append((time.perf_counter(), request.url, size))

    context.on("requestfinished", finished)
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1000)
        t0 = time.perf_counter()
        before = sum(size for _, _, size in fetched)
        box = _box(page, selector)
        box.fill(query)
        box.press("End")
        answered = None
        while time.perf_counter() - t0 < timeout_s:
            if page.evaluate(RESULTS_JS):
                answered = time.perf_counter()
                break
            page.wait_for_timeout(10)
        page.wait_for_timeout(300)  # let the answer's own requests report as finished
        upto = answered or time.perf_counter()
        upto_answer = [(t, u, size) for t, u, size in fetched if t <= upto + 0.05]
        data_in = max((t for t, _, _ in fetched if t0 <= t <= upto), default=t0)
        return {
            "seconds": answered - t0 if answered else None,
            "after_data": answered - data_in if answered else None,
            "bytes": sum(size for _, _, size in upto_answer),
            "before_focus": before,
            "files": len(upto_answer),
            # each search file before the first answer: (path, transfer bytes, before focus)
            "detail": [(urlsplit(u).path, size, t < t0) for t, u, size in upto_answer],
        }
    finally:
        context.close()


def run_queries(
    browser, url: str, queries: list[dict], probe: str, paste: bool = False, selector: str = MATERIAL_BOX
) -> list[dict]:
    """Type each query; rows get ``rank``, ``top`` (page paths) and ``latency_s``.

    Typed key by key, ``latency_s`` (as in search_eval.py) runs from the first
    keystroke and so mostly measures typing. With ``paste`` the whole query is
    put into the box at once and one key released, so Material sends a single
    query: ``latency_s`` is then the search's own answer time.
    """
    page = browser.new_page()
    rows = []
    try:
        page.goto(url, wait_until="load")
        box = _box(page, selector)
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:  # wait until the index answers
            box.fill("")
            box.type(probe)
            page.wait_for_timeout(100)
            if page.evaluate(RESULTS_JS):
                break
        for q in queries:
            box.fill("")
            box.press("Backspace")
            page.wait_for_timeout(30)
            if paste:
                cleared = time.perf_counter() + 2
                while page.evaluate(RESULTS_JS) and time.perf_counter() < cleared:
                    page.wait_for_timeout(20)
            ts = time.perf_counter()
            if paste:
                box.fill(q["q"])
            else:
                box.type(q["q"])
            # Letters without a key of their own ("ế") are inserted with no
            # keyup, which is what Material listens to: end on a key, as an
            # input method's own key events would.
            box.press("End")
            last, stable_since, first_seen = None, None, None
            while time.perf_counter() - ts < 5.0:
                cur = page.evaluate(RESULTS_JS)
                now = time.perf_counter()
                if cur and first_seen is None:
                    first_seen = now - ts
                if cur != last:
                    last, stable_since = cur, now
                elif now - stable_since > 0.5:
                    break
                page.wait_for_timeout(40)
            pages = [page_path(h) for h in last or []]
            top = list(dict.fromkeys(pages))
            rows.append({**q, "rank": rank_of(pages, q["expect"]), "top": top[:5], "latency_s": first_seen})
    finally:
        page.close()
    return rows


def launch(playwright):
    return chromium.launch(playwright)
