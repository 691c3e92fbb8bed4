"""Pagefind 1.5 over the same built pages, for `make bench-search` only.

``index`` runs Pagefind's own indexer (the ``pagefind`` wheel from PyPI ships
the binary; a requirements-dev.txt pin) over a built site's pages, content
area only (``article``, as Material renders it). ``write_harness`` adds a
page with one search box that does what Pagefind's UI does: load Pagefind
when the box gets focus, search as the user types, fetch the fragments of
the first ten results, list them as links.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

HARNESS = "pagefind-bench.html"
BOX = "#q"
_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body>
<input id="q" type="search" autocomplete="off">
<div id="r"></div>
<script type="module">
let pagefind = null
async function load() {
  if (!pagefind) {
    pagefind = await import("./pagefind/pagefind.js")
    await pagefind.init()
  }
  return pagefind
}
const box = document.getElementById("q"), list = document.getElementById("r")
let latest = 0
box.addEventListener("focus", load)
box.addEventListener("input", async () => {
  const mine = ++latest
  const pf = await load()
  const search = await pf.search(box.value)
  if (mine !== latest || !search) return
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()))
  if (mine !== latest) return
  list.replaceChildren(...data.map(d => {
    const a = document.createElement("a")
    a.href = d.url
    a.setAttribute("data-eval-result", d.url)
    a.textContent = d.meta.title || d.url
    return a
  }))
})
</script>
</body></html>
"""


def index(site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of Pagefind indexing ``site`` (written to site/pagefind/)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article"],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"pagefind failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def write_harness(site: Path) -> str:
    (Path(site) / HARNESS).write_text(_PAGE, encoding="utf-8")
    return HARNESS
