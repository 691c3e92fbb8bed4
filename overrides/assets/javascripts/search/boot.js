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
 * 4. With each answer the worker says how it read the query ({type:
 *    "vi-panel"}): accents it added, abbreviations it expanded; when the
 *    answer is weak, the words no page has, up to three titles, glossary
 *    entries and links to the contacts and to asking a question. All text
 *    goes in through textContent.
 * 5. On the English edition (<html lang="en">) the configuration says
 *    `lang: ["en"]`, so the worker searches the English index
 *    (scripts/search/english.py), and the panel speaks English and links the
 *    English glossary and contacts.
 */
(function () {
  "use strict"

  const CONFIG = {
    lang: ["vi"],
    separator: "[\\s\\-]+",
    pipeline: ["stopWordFilter"],
    fields: { title: { boost: 1000.0 }, text: { boost: 1.0 }, tags: { boost: 1000000.0 } }
  }
  const ENGLISH = document.documentElement.lang === "en"
  const TEXT = ENGLISH ? {
    failed: "Could not load the search data (unstable connection?). Trying again…",
    retrying: "Loading the search data again…",
    unavailable: "The search data could not be loaded. Check your connection, then type your words again.",
    reading: "Read as",
    abbreviations: "Abbreviations: ",
    reworded: "Also searched for the pages' wording: ",
    missing: "No page says enough about",
    none: "No matching page found.",
    maybe: "You may be looking for:",
    glossary: "Glossary: ",
    contacts: "Contact the customs office",
    ask: "Send a question or feedback",
    prefix: "en/"
  } : {
    failed: "Không tải được dữ liệu tìm kiếm (mạng chập chờn?). Đang thử lại…",
    retrying: "Đang tải lại dữ liệu tìm kiếm…",
    unavailable: "Chưa tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối rồi gõ lại từ khóa.",
    reading: "Đã hiểu từ khóa là",
    abbreviations: "Viết tắt: ",
    reworded: "Tìm cả cách viết trên trang: ",
    missing: "Chưa trang nào nói đủ về",
    none: "Không tìm thấy trang phù hợp.",
    maybe: "Có thể bạn cần:",
    glossary: "Thuật ngữ: ",
    contacts: "Liên hệ Chi cục",
    ask: "Gửi câu hỏi, góp ý",
    prefix: ""
  }
  const MESSAGES = { failed: TEXT.failed, retrying: TEXT.retrying, unavailable: TEXT.unavailable }
  if (ENGLISH) CONFIG.lang = ["en"]

  const element = document.getElementById("__config")
  const base = new URL(element ? JSON.parse(element.textContent).base : ".", location.href)
  const index = new URL("search/search_index.json", base).href

  /* Material requests the index with XMLHttpRequest (responseType "blob") */
  const open = XMLHttpRequest.prototype.open
  const send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.viStub = String(method).toUpperCase() === "GET" &&
      new URL(String(url), location.href).href === index
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    if (!this.viStub) return send.apply(this, arguments)
    const body = JSON.stringify({ config: CONFIG, docs: [] })
    const response = this.responseType === "blob"
      ? new Blob([body], { type: "application/json" })
      : this.responseType === "json" ? JSON.parse(body) : body
    for (const [name, value] of [["readyState", 4], ["status", 200], ["statusText", "OK"],
                                 ["response", response], ["responseText", body]])
      Object.defineProperty(this, name, { value, configurable: true })
    setTimeout(() => {
      for (const type of ["readystatechange", "load", "loadend"]) {
        const ev = new ProgressEvent(type)
        if (typeof this["on" + type] === "function") this["on" + type](ev)
        this.dispatchEvent(ev)
      }
    }, 0)
  }

  let worker = null, warmed = false

  function link(path, text) {
    const a = document.createElement("a")
    a.href = new URL(path, base).href
    a.textContent = text
    return a
  }

  function para(...parts) {
    const p = document.createElement("p")
    p.append(...parts)
    return p
  }

  function panel(data) {
    const meta = document.querySelector(".md-search-result__meta")
    if (!meta) return
    let box = document.querySelector(".vi-search-panel")
    if (!data || !(data.reading || data.expanded.length || data.reworded.length || data.weak)) {
      if (box) box.remove()
      return
    }
    if (!box) {
      box = document.createElement("div")
      box.className = "vi-search-panel"
      meta.after(box)
    }
    const parts = []
    if (data.reading) parts.push(para(`${TEXT.reading}: «${data.reading}»`))
    if (data.expanded.length)
      parts.push(para(TEXT.abbreviations + data.expanded.map(([abbr, term]) => `${abbr} = ${term}`).join("; ")))
    if (data.reworded.length)
      parts.push(para(TEXT.reworded + data.reworded.map(([typed, site]) => `${typed} → ${site}`).join("; ")))
    if (data.weak) {
      parts.push(para(data.missing.length
        ? `${TEXT.missing}: «${data.missing.join(" ")}».`
        : TEXT.none))
      if (data.titles.length) {
        const list = document.createElement("ul")
        for (const [title, location] of data.titles) {
          const li = document.createElement("li")
          li.append(link(location, title))
          list.append(li)
        }
        parts.push(para(TEXT.maybe), list)
      }
      if (data.glossary.length) {
        const p = para(TEXT.glossary)
        data.glossary.forEach(([abbr, term], i) => {
          if (i) p.append("; ")
          p.append(link(TEXT.prefix + "thuat-ngu/", `${abbr} — ${term}`))
        })
        parts.push(p)
      }
      parts.push(para(link(TEXT.prefix + "lien-he/", TEXT.contacts), " · ",
                      link(TEXT.prefix + "tuyen-ngon-phuc-vu/gop-y-phan-hoi/", TEXT.ask)))
    }
    box.replaceChildren(...parts)
  }

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
          if (ev.data && ev.data.type === "vi-panel") panel(ev.data.data)
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
