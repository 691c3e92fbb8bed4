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
 * Ranking is ViEngine (search/engine.js), the same algorithm as the terminal
 * command `python -m scripts.search`; its data (glossary expansions, ranking
 * constants) is search/vi_search.json, generated at build time.
 */
importScripts("../vendor/lunr-2.3.9.min.js", "../search/normalize.js", "../search/engine.js")

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const MAX_TERMS = 12

/* Start loading our files at once, in parallel with Material's search_index.json */
function load(name) {
  return fetch(new URL(`../../../search/${name}`, self.location)).then(res => {
    if (!res.ok) throw new Error(`search/${name}: HTTP ${res.status}`)
    return res.json()
  })
}
const data$ = load("vi_search.json")
const prebuilt$ = load("vi_index.json").catch(err => {
  console.warn("Prebuilt search index unavailable, indexing in the browser:", err)
  return null
})

let engine = null
let options = {}
let articleOf = new Map()

function setup({ docs, options: opts }, data, prebuilt) {
  engine = new ViEngine.Engine(docs, data, prebuilt)
  if (prebuilt && !engine.prebuilt)
    console.warn("search/vi_index.json does not match search_index.json; indexing in the browser")
  options = opts || {}
  articleOf = new Map()
  docs.forEach((d, i) => {
    const page = d.location.split("#")[0]
    if (!articleOf.has(page)) articleOf.set(page, i)
  })
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

/* Wrap the original (accented) words whose folded terms match in <mark> */
function mark(html, marks, seen) {
  let hit = false
  const out = html.split(/(<[^>]*>)/).map(part => {
    if (part.startsWith("<")) return part
    const spans = []
    for (const t of ViNormalize.tokens(part))
      if (marks.has(t.term)) spans.push([t.start, t.end])
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

function render(ref, score, marks, missing) {
  const doc = engine.docs[ref]
  const seen = new Set()
  const title = mark(doc.title || "", marks, seen).html
  let text = doc.text || ""
  const chosen = []
  for (const block of blocks(text)) {
    const res = mark(block, marks, seen)
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

function suggestFor(query, plan, pages) {
  const last = plan.concepts[plan.concepts.length - 1]
  const typed = query.split(/[\s-]+/).pop().toLowerCase()
  if (!last || !last.prefix || !typed || !pages.length) return []
  const title = ViNormalize.htmlToText(engine.docs[articleOf.get(pages[0].page)].title || "")
  for (const t of ViNormalize.tokens(title)) {
    const word = title.slice(t.start, t.end).toLowerCase()
    if (t.word && t.term.startsWith(last.word) && word.startsWith(typed)) return [word]
  }
  return []
}

function search(query) {
  if (!engine || !query.trim()) return { items: [] }
  const { plan, perConcept, pages } = engine.search(query)
  const marks = new Set(plan.extras)
  plan.concepts.forEach((c, i) => {
    if (c.question) return
    for (const t of perConcept[i].keys()) marks.add(t)
    for (const phrase of c.alternatives) for (const t of phrase) marks.add(t)
  })
  const items = pages.map(p => {
    const group = p.sections.map(s => {
      const { all } = engine.features(s.ref)
      const missing = plan.concepts
        .filter((c, i) => !c.question && ![...perConcept[i].keys()].some(t => all.has(t)) &&
          !c.alternatives.some(ph => ph.every(t => all.has(t))))
        .map(c => c.exact || c.word)
      return render(s.ref, s.final, marks, missing)
    })
    if (!group.some(item => !item.location.includes("#")))
      group.push(render(articleOf.get(p.page), 0, marks, []))
    return group
  })
  const result = { items }
  if (options.suggest) result.suggest = suggestFor(query, plan, pages)
  return result
}

let pending = null, scheduled = false

function answer() {
  const query = pending
  scheduled = false
  try {
    postMessage({ type: RESULT, data: search(query) })
  } catch (err) {
    console.warn(`Search failed for "${query}":`, err)
    postMessage({ type: RESULT, data: { items: [] } })
  }
}

addEventListener("message", async ev => {
  const message = ev.data
  switch (message.type) {
    case SETUP:
      try {
        setup(message.data, await data$, await prebuilt$)
      } catch (err) {
        console.error("Search is unavailable:", err)
      }
      postMessage({ type: READY })
      break
    case QUERY:
      /* Material sends a query per keystroke; answer only the latest of those
         that queued up while a search was running */
      pending = message.data
      if (!scheduled) {
        scheduled = true
        setTimeout(answer, 0)
      }
      break
    default:
      throw new TypeError("Invalid message type")
  }
})
