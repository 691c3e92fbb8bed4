/*
 * Vietnamese search worker for Material for MkDocs 9.8.1.
 *
 * Material's page script talks to its search worker with four messages
 * (integrations/search/worker/message in Material's sources):
 *   {type: 0 SETUP, data: {config, docs, options}}  →  {type: 1 READY}
 *   {type: 2 QUERY, data: "typed text"}              →  {type: 3 RESULT, data: {items, suggest?}}
 * overrides/main.html points Material at this file instead of its own worker;
 * the header box, result list, previews and keyboard stay Material's.
 * tests/test_search_material_pin.py fails if an upgrade changes that contract.
 *
 * Nothing of the index is fetched when the page loads: search/boot.js hands
 * Material an empty document list, and this worker starts loading only when
 * boot.js reports that the search box got focus ({type: "vi-warm"}) or a
 * query arrives. Then it fetches search/vi_meta.json and search/vi_search.json,
 * and per query only the buckets of its words and the pages it shows
 * (scripts/search/shards.py). A failed fetch is reported to boot.js
 * ({type: "vi-status", state: "failed"}), which says so in the result panel,
 * and retried.
 *
 * Ranking is ViEngine (search/engine.js), the same algorithm as the terminal
 * command `python -m scripts.search`.
 *
 * On the English edition boot.js gives Material `lang: ["en"]`, which SETUP
 * passes on: the worker then loads the English index (search/en_meta.json,
 * en_search.json, en/<version>/, scripts/search/english.py) and reads
 * queries and marks words through ViEnglish (stems, no stop words).
 */
importScripts("../vendor/lunr-2.3.9.min.js", "../search/normalize.js", "../search/engine.js",
              "../search/english.js")

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const MAX_TERMS = 12
const SHOWN_PAGES = 10
const RETRY_MS = [1000, 2000, 4000, 8000, 15000]

function fetchJSON(path) {
  return fetch(new URL(`../../../search/${path}`, self.location)).then(res => {
    if (!res.ok) throw new Error(`search/${path}: HTTP ${res.status}`)
    return res.json()
  })
}

function status(state, detail) {
  postMessage({ type: "vi-status", state, detail: detail || "" })
}

let options = {}
let engine$ = null
let lang = "vi"  // "en" on the English edition (SETUP's config.lang)
const english = () => lang === "en"

/* The engine, once meta and search data have arrived; retried on failure */
function start() {
  if (!engine$) {
    status("loading")
    engine$ = Promise.all([fetchJSON(`${lang}_meta.json`), fetchJSON(`${lang}_search.json`)])
      .then(([meta, data]) => {
        const engine = new ViEngine.Engine(meta, data,
          name => fetchJSON(`${lang}/${meta.version}/${name}`))
        status("ready")
        return engine
      })
    engine$.catch(() => { engine$ = null })
  }
  return engine$
}

async function withRetries(task) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task()
    } catch (err) {
      if (attempt >= RETRY_MS.length) throw err
      status("failed", String(err && err.message || err))
      await new Promise(resolve => setTimeout(resolve, RETRY_MS[attempt]))
      status("retrying")
    }
  }
}

/* Split Material's HTML field into top-level blocks (as its highlighter does) */
function blocks(html) {
  const out = []
  let depth = 0, start = 0
  const re = /<(\/?)[^>]*?(\/?)>/g
  let m
  while ((m = re.exec(html))) {
    if (m[1]) {
      depth = Math.max(0, depth - 1)
      if (depth === 0) {
        out.push(html.slice(start, re.lastIndex))
        start = re.lastIndex
      }
    } else if (!m[2]) {
      if (depth === 0 && m.index > start) {
        out.push(html.slice(start, m.index))
        start = m.index
      }
      depth++
    }
  }
  if (start < html.length) out.push(html.slice(start))
  return out
}

/* What to mark, from the query plan (issue 13):
   - a word typed with accents marks only that word with those accents
     ("quá" never marks "quả"), or, while it is being typed, words that start
     with it; a word typed without accents marks every accented form;
   - an abbreviation marks itself ("C/O", "HS") and, of its glossary
     stand-ins, whole phrases only; a stand-in that reads like a syllable
     ("CO") only where the page writes it in capitals;
   - legal references and quantities ("38/2015", "2 giờ") mark themselves;
   - question words mark nothing. */
function matcher(plan, perConcept, data) {
  const caps = new Set()
  for (const entry of data.glossary)
    for (const k of entry.keys) if (k.caps_only) caps.add(k.key)
  const words = []          // [{terms, exact, prefix}]
  const singles = new Set()  // one-word stand-ins
  const phrases = []         // multi-word stand-ins
  const whole = new Set(plan.extras)
  /* the parts of a typed reference ("38", "2015" of "38/2015/TT-BTC") mark nothing alone */
  const parts = new Set(plan.extras.flatMap(e => e.split(/[/-]/)))
  plan.concepts.forEach((c, i) => {
    if (c.question || (parts.has(c.word) && !c.alternatives.length)) return
    if (c.alternatives.length && !c.exact && /[/-]/.test(c.word)) whole.add(c.word)
    words.push({ word: c.word, terms: perConcept[i], exact: c.exact, prefix: c.prefix })
    for (const phrase of c.alternatives) {
      if (phrase.length > 1) phrases.push(phrase)
      else singles.add(phrase[0])
    }
  })
  function wordMatches(term, surface) {
    for (const w of words) {
      if (!w.terms.has(term) && term !== w.word) continue
      if (!w.exact) return true
      const form = surface.normalize("NFC").toLowerCase()
      if (term === w.word) { if (form === w.exact) return true; continue }
      if (w.prefix && term.startsWith(w.word)) { if (form.startsWith(w.exact)) return true; continue }
      return true  // a typo's neighbour: no accents to compare
    }
    if (singles.has(term))
      return !caps.has(term) || surface === surface.toUpperCase()
    return false
  }
  return function spans(text) {
    /* English pages: words compared as the index has them ("refunds" → "refund") */
    const toks = english()
      ? ViNormalize.tokens(text).map(t => ({ ...t, term: t.word ? ViEnglish.term(t.term) : t.term }))
      : ViNormalize.tokens(text)
    const out = []
    const seq = toks.filter(t => t.word)
    for (const t of toks) {
      const surface = text.slice(t.start, t.end)
      if (!t.word) {
        if (whole.has(t.term) || (caps.has(t.term) ? false : singles.has(t.term)))
          out.push([t.start, t.end])
      } else if (wordMatches(t.term, surface)) out.push([t.start, t.end])
    }
    for (const phrase of phrases)
      for (let i = 0; i + phrase.length <= seq.length; i++)
        if (phrase.every((p, k) => seq[i + k].term === p))
          out.push([seq[i].start, seq[i + phrase.length - 1].end])
    return out
  }
}

/* Wrap the matched spans of each text run in <mark> */
function mark(html, spansOf, seen) {
  let hit = false
  const out = html.split(/(<[^>]*>)/).map(part => {
    if (part.startsWith("<")) return part
    const spans = spansOf(part)
    if (!spans.length) return part
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
    let res = "", cursor = 0
    for (const [s, e] of spans) {
      if (s < cursor) continue
      const word = part.slice(s, e)
      if (seen.size < MAX_TERMS) seen.add(word.normalize("NFC").toLowerCase())
      res += part.slice(cursor, s) + "<mark>" + word + "</mark>"
      cursor = e
    }
    hit = true
    return res + part.slice(cursor)
  }).join("")
  return { html: out, hit }
}

function render(doc, score, spansOf, missing) {
  const seen = new Set()
  const title = mark(doc.title || "", spansOf, seen).html
  let text = doc.text || ""
  const chosen = []
  for (const block of blocks(text)) {
    const res = mark(block, spansOf, seen)
    if (res.hit && chosen.push(res.html) === 2) break
  }
  if (chosen.length) text = chosen.join("")
  const terms = {}
  for (const word of seen) terms[word] = true
  for (const word of missing) if (!(word in terms)) terms[word] = false
  const item = { location: doc.location, title, text, score, terms }
  if (doc.tags) item.tags = [...doc.tags]
  return item
}

/* Completion of the words being typed, from the best page's title: the
   title's words from the one the last typed word begins, up to four (typed
   without accents, offered without accents). Material shows it only when it
   starts with the last word as typed. */
function suggestFor(query, plan, first) {
  const last = plan.concepts[plan.concepts.length - 1]
  const typed = query.split(/[\s-]+/).pop()
  if (!last || !last.prefix || !typed || !first) return []
  const title = ViNormalize.htmlToText(first.title || "")
  const words = ViNormalize.tokens(title).filter(t => t.word)
  const plain = ViNormalize.foldLower(typed).folded === typed.toLowerCase()
  for (let i = 0; i < words.length; i++) {
    const t = words[i]
    const surface = title.slice(t.start, t.end)
    const shown = plain ? t.term : surface.toLowerCase()
    if (!t.term.startsWith(last.word) || !shown.startsWith(typed.toLowerCase())) continue
    const end = words[Math.min(words.length, i + 4) - 1].end
    const rest = title.slice(t.start, end).replace(/[^\p{L}\p{N}\s/-].*$/u, "").trim()
    const completion = plain ? ViNormalize.foldLower(rest).folded : rest.toLowerCase()
    return completion.length > typed.length
      ? [typed + completion.slice(typed.length)] : []
  }
  return []
}

/* How the query was read and, when the answer is weak, where else to look:
   shown by search/boot.js above the results (issue 13) */
function panelFor(plan, perConcept, pages, docs, engine) {
  const content = plan.concepts.filter(c => !c.question)
  /* accents are added only to a query typed wholly without them */
  const typedAccents = content.some(c => c.exact)
  const read = content.map(c => c.exact || (!typedAccents && engine.formOf(c.word)) || c.word)
  const accents = !typedAccents && content.some((c, i) => read[i] !== c.word)
  const expanded = []
  const glossary = []
  for (const entry of engine.data.glossary) {
    const keys = entry.keys.map(k => k.key)
    const hit = content.find(c => keys.includes(c.word))
    if (hit && hit.alternatives.length) expanded.push([entry.abbr, entry.label])
    const words = new Set(content.map(c => c.word))
    if ((hit || entry.term.some(p => p.every(w => words.has(w)))) && glossary.length < 3)
      glossary.push([entry.abbr, entry.label])
  }
  /* other wordings read as the pages' own ("đòi tiền" → "nhũng nhiễu") */
  const reworded = []
  const words = plan.concepts.map(c => c.question ? null : c.word)
  for (const entry of engine.data.synonyms || [])
    for (const phrase of entry.also)
      for (const i of ViEngine.find(words, phrase)) {
        const typed = plan.concepts.slice(i, i + phrase.length).map(c => c.exact || c.word).join(" ")
        if (reworded.length < 3 && !reworded.some(([t]) => t === typed)) reworded.push([typed, entry.label])
      }
  /* a word still being typed counts once it has three letters */
  const stillTyping = c => c.prefix && c.word.length < 3
  let missing = content.filter(c => !stillTyping(c)).map(c => c.exact || c.word)
  if (pages.length) {
    const sat = engine.satisfied(pages[0].sections[0].ref, plan, perConcept)
    missing = plan.concepts.filter((c, i) => !c.question && !sat[i] && !stillTyping(c))
      .map(c => c.exact || c.word)
  }
  const weak = !pages.length || missing.length > 0
  const titles = weak ? docs.slice(0, 3).map(d => [ViNormalize.htmlToText(d[0].title || ""), d[0].location]) : []
  return { reading: accents ? read.join(" ") : "", expanded, reworded, missing: weak ? missing : [],
           weak, titles, glossary: weak ? glossary : [] }
}

async function search(query) {
  if (!query.trim()) return { items: [], panel: null }
  const engine = await withRetries(start)
  const analyzed = english() ? ViEnglish.analyze(query) : query
  const { plan, perConcept, pages } = await withRetries(() => engine.search(analyzed))
  const shown = pages.slice(0, SHOWN_PAGES)
  const docs = await withRetries(() => engine.docsOf(shown.map(p => p.n)))
  const spansOf = matcher(plan, perConcept, engine.data)
  const items = shown.map((p, k) => {
    const first = engine.firstOfPage[p.n]
    const docOf = ref => docs[k][ref - first]
    const group = p.sections.map(s => {
      const sat = engine.satisfied(s.ref, plan, perConcept)
      const missing = plan.concepts.filter((c, i) => !c.question && !sat[i]).map(c => c.exact || c.word)
      return render(docOf(s.ref), s.final, spansOf, missing)
    })
    if (!group.some(item => !item.location.includes("#")))
      group.push(render(docOf(first), 0, spansOf, []))
    return group
  })
  const result = { items }
  if (options.suggest)
    result.suggest = suggestFor(query, plan, shown.length ? docs[0][0] : null)
  result.panel = panelFor(plan, perConcept, shown, docs, engine)
  return result
}

let pending = null, running = false

/* Material sends a query per keystroke; answer only the latest of those
   that queued up while a search was running */
async function answer() {
  running = true
  while (pending !== null) {
    const query = pending
    pending = null
    try {
      const { panel, ...data } = await search(query)
      if (pending === null) {
        postMessage({ type: RESULT, data })
        postMessage({ type: "vi-panel", data: panel })
      }
    } catch (err) {
      console.warn(`Search failed for "${query}":`, err)
      status("unavailable", String(err && err.message || err))
    }
  }
  running = false
}

addEventListener("message", ev => {
  const message = ev.data
  switch (message.type) {
    case SETUP:
      options = message.data.options || {}
      lang = ((message.data.config || {}).lang || []).includes("en") ? "en" : "vi"
      postMessage({ type: READY })
      break
    case QUERY:
      pending = message.data
      if (!running) answer()
      break
    case "vi-warm":
      start().catch(() => withRetries(start).catch(() => status("unavailable")))
      break
    default:
      throw new TypeError("Invalid message type")
  }
})
