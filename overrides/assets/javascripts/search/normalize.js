/*
 * Search normalisation, the JavaScript port of scripts/search/normalize.py.
 * tests/search_vectors.json pins both ports (pytest and `node --test`).
 * Loaded by the search worker (importScripts) and by Node (require).
 */
(function (root, factory) {
  const api = factory()
  if (typeof module === "object" && module.exports) module.exports = api
  else root.ViNormalize = api
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  const RUN = /[a-z0-9]+(?:[/-][a-z0-9]+)*/g
  const SEP = /[/-]/
  const TAG = /<[^>]*>/g
  const UNITS = ["gio", "phut", "giay", "ngay", "tuan", "thang", "nam", "lan", "usd", "vnd", "dong",
                 "trieu", "ty", "kg", "tan", "mat", "tieng"]
  const UNIT_ALIASES = { tieng: "gio" }  // "8 tiếng" is "8 giờ"
  const ARTICLES = ["dieu", "khoan", "chuong", "muc", "diem"]
  const QUANTITY = new RegExp("(?<![a-z0-9./-])(?:([0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)[ \\t\\n]*(" +
                              UNITS.join("|") + ")|(" + ARTICLES.join("|") +
                              ")[ \\t\\n]*([0-9]+))(?![a-z0-9])", "g")
  const ENTITIES = { "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'", "&#39;": "'", "&amp;": "&" }
  const ENTITY = /&lt;|&gt;|&quot;|&#x27;|&#39;|&amp;/g

  /* scripts.vietnamese.fold: đ/Đ → d/D, NFD, drop combining marks and invisible characters */
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
  }

  /* Per-character folding is the hot loop of indexing: cache it (the site uses few characters) */
  const FOLDED = new Map()
  function foldChar(ch) {
    let folded = FOLDED.get(ch)
    if (folded === undefined) {
      folded = fold(ch).toLowerCase()
      FOLDED.set(ch, folded)
    }
    return folded
  }

  /* Folded lower-case text and, per UTF-16 unit, its offset in `text` */
  function foldLower(text) {
    let out = ""
    const offsets = []
    let i = 0
    for (const ch of text) {
      const folded = foldChar(ch)
      out += folded
      for (let k = 0; k < folded.length; k++) offsets.push(i)
      i += ch.length
    }
    return { folded: out, offsets }
  }

  function number(part) {
    return /^[0-9]+$/.test(part) ? (part.replace(/^0+/, "") || "0") : part
  }

  /* All tokens {term, start, end, word} of `text`: words first, then a run's extra terms */
  function tokens(text) {
    const { folded, offsets } = foldLower(text)
    const out = []
    for (const m of folded.matchAll(RUN)) {
      const run = m[0]
      const start = offsets[m.index]
      const end = offsets[m.index + run.length - 1] + 1
      let pos = m.index
      const parts = run.split(SEP)
      const normed = parts.map(number)
      parts.forEach((raw, k) => {
        const last = pos + raw.length - 1
        out.push({ term: normed[k], start: offsets[pos], end: offsets[last] + 1, word: true })
        pos += raw.length + 1
      })
      if (parts.length === 1) continue
      for (const term of extrasOf(normed, run.match(/[/-]/g)))
        out.push({ term, start, end, word: false })
    }
    for (const q of quantities(folded))
      out.push({ term: q.term, start: offsets[q.start], end: offsets[q.end - 1] + 1, word: false })
    return out
  }

  /* scripts.search.normalize.quantities: "02 gio" → "2-gio", "dieu 37" → "dieu-37" */
  function quantities(folded) {
    const out = []
    for (const m of folded.matchAll(QUANTITY))
      out.push({ term: m[1] ? `${number(m[1].replace(/\./g, ""))}-${UNIT_ALIASES[m[2]] || m[2]}`
                            : `${m[3]}-${number(m[4])}`,
                 start: m.index,
                 end: m.index + m[0].length })
    return out
  }

  /* The extra terms of a run joined by "/" or "-" ("38/2015/tt-btc" → itself, "38/2015", "tt-btc") */
  function extrasOf(normed, seps) {
    let joined = normed[0]
    seps.forEach((s, k) => { joined += s + normed[k + 1] })
    const extras = [joined]
    const slash = joined.split("/")
    if (slash.length >= 3) extras.push(slash.slice(0, 2).join("/"))
    if (slash.length >= 2) for (const seg of slash) if (seg.includes("-")) extras.push(seg)
    return [...new Set(extras)]
  }

  /* terms(text) equals tokens(text).map(t => t.term), without the offsets: the fast path for indexing */
  function terms(text) {
    let folded = ""
    for (const ch of text) folded += foldChar(ch)
    const out = []
    for (const m of folded.matchAll(RUN)) {
      const parts = m[0].split(SEP)
      const normed = parts.map(number)
      for (const part of normed) out.push(part)
      if (parts.length > 1) for (const extra of extrasOf(normed, m[0].match(/[/-]/g))) out.push(extra)
    }
    for (const q of quantities(folded)) out.push(q.term)
    return out
  }

  function htmlToText(value) {
    return (value || "").replace(TAG, " ").replace(ENTITY, e => ENTITIES[e])
  }

  function exactForm(text, token) {
    return text.slice(token.start, token.end).normalize("NFC").toLowerCase()
  }

  return { fold, foldLower, tokens, terms, quantities, htmlToText, exactForm, RUN, SEP }
})
