/*
 * Search on demand (issue 13): loaded right before Material's bundle
 * (overrides/main.html, `config` block).
 *
 * 1. Material 9.8.1 fetches search/search_index.json on every page load and
 *    hands its documents to the search worker. Our worker loads its own split
 *    index when needed (scripts/search/shards.py), so that request is answered
 *    here, without the network, with Material's search configuration and no
 *    documents. tests/test_search_lazy.py checks CONFIG against the built file.
 * 2. When the search box gets focus (click, tap, "/", "s" or "f"), the worker
 *    is told to start loading ({type: "vi-warm"}): the first answer then
 *    needs only the words' buckets.
 * 3. The worker reports loading problems ({type: "vi-status"}); they are
 *    written into the result panel's status line, which is made a live region.
 */
(function () {
  "use strict"

  const CONFIG = {
    lang: ["vi"],
    separator: "[\\s\\-]+",
    pipeline: ["stopWordFilter"],
    fields: { title: { boost: 1000.0 }, text: { boost: 1.0 }, tags: { boost: 1000000.0 } }
  }
  const MESSAGES = {
    failed: "Không tải được dữ liệu tìm kiếm (mạng chập chờn?). Đang thử lại…",
    retrying: "Đang tải lại dữ liệu tìm kiếm…",
    unavailable: "Chưa tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối rồi gõ lại từ khóa."
  }

  const element = document.getElementById("__config")
  const base = new URL(element ? JSON.parse(element.textContent).base : ".", location.href)
  const index = new URL("search/search_index.json", base).href

  const nativeFetch = window.fetch
  window.fetch = function (input, init) {
    const url = typeof input === "string" || input instanceof URL ? String(input) : input.url
    if (new URL(url, location.href).href === index)
      return Promise.resolve(new Response(JSON.stringify({ config: CONFIG, docs: [] }),
        { headers: { "Content-Type": "application/json" } }))
    return nativeFetch.apply(this, arguments)
  }

  let worker = null, warmed = false

  function show(state) {
    const meta = document.querySelector(".md-search-result__meta")
    if (!meta) return
    meta.setAttribute("aria-live", "polite")
    if (MESSAGES[state]) meta.textContent = MESSAGES[state]
  }

  const NativeWorker = window.Worker
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options)
      if (/search-vi\.js/.test(String(url))) {
        worker = this
        this.addEventListener("message", ev => {
          if (ev.data && ev.data.type === "vi-status") show(ev.data.state)
        })
      }
    }
  }

  function warm() {
    if (worker && !warmed) {
      warmed = true
      worker.postMessage({ type: "vi-warm" })
    }
  }

  document.addEventListener("focusin", ev => {
    if (ev.target instanceof Element && ev.target.matches("[data-md-component=search-query]")) warm()
  })
  for (const type of ["pointerdown", "touchstart"])
    document.addEventListener(type, ev => {
      if (ev.target instanceof Element && ev.target.closest("label[for=__search]")) warm()
    }, { passive: true })
  document.addEventListener("keydown", ev => {
    if (["/", "s", "S", "f", "F"].includes(ev.key) && !(ev.target instanceof HTMLInputElement) &&
        !(ev.target instanceof HTMLTextAreaElement)) warm()
  })
})()
