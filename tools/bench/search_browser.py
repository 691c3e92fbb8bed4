"""Drive a built site's header search box in headless Chromium.

Adapted from the project's shared search evaluation tool (``run_queries``: readiness
probe, typing, waiting for the result list to settle); that tool is not part
of the repository, so the logic is copied here rather than imported.
"""
from __future__ import annotations

import time

from tools.testing import chromium, static_server
from tools.bench.relevance import page_path, rank_of

RESULTS_JS = ("() => Array.from(document.querySelectorAll('.md-search-result__item > a'))"
              ".map(a => a.getAttribute('href'))")


def serve(root):
    """Serve ``root`` at ``/`` on an ephemeral loopback port, plain (no gzip,
    no ``_headers``) for both sites alike; yields the base URL."""
    return static_server.serve(root, gzip_text=False, send_headers_file=False)


def _box(page):
    box = page.locator("input[data-md-component=search-query]").first
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.wait_for(state="visible")
    box.click()
    return box


def time_until_answer(browser, url: str, probe: str, timeout_s: float = 60) -> float | None:
    """Seconds from navigation until typing ``probe`` shows a result (fresh page)."""
    page = browser.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="load")
        box = _box(page)
        while time.perf_counter() - t0 < timeout_s:
            box.fill("")
            box.type(probe)
            page.wait_for_timeout(50)
            if page.evaluate(RESULTS_JS):
                return time.perf_counter() - t0
        return None
    finally:
        page.close()


# Material's worker protocol: the worker posts {type: 1} (READY) once its index
# can answer. Wrapping the Worker constructor records when, on the page's own
# clock (ms since navigation started), free of the driver's typing overhead.
_READY_PROBE = """(() => {
  const Native = window.Worker;
  window.__searchReadyMs = null;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        if (e.data && e.data.type === 1 && window.__searchReadyMs === null)
          window.__searchReadyMs = performance.now();
      });
    }
  };
})();"""


def time_until_ready(browser, url: str, timeout_s: float = 60) -> float | None:
    """Seconds from navigation start until the search worker reports READY
    (fresh page; the page starts its worker on load, before anyone types)."""
    context = browser.new_context()
    try:
        context.add_init_script(_READY_PROBE)
        page = context.new_page()
        page.goto(url, wait_until="load")
        # Polled with evaluate: wait_for_function compiles its predicate with
        # eval, which the site's Content-Security-Policy refuses.
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            ready_ms = page.evaluate("window.__searchReadyMs")
            if ready_ms is not None:
                return ready_ms / 1000
            page.wait_for_timeout(20)
        return None
    finally:
        context.close()


def run_queries(browser, url: str, queries: list[dict], probe: str, paste: bool = False) -> list[dict]:
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
        box = _box(page)
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
                box.press("End")
            else:
                box.type(q["q"])
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
            rows.append({**q, "rank": rank_of(pages, q["expect"]), "top": top[:5],
                         "latency_s": first_seen})
    finally:
        page.close()
    return rows


def launch(playwright):
    return chromium.launch(playwright)
