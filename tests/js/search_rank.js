// Ranks queries with the browser's engine (search/engine.js) over a built site,
// for comparison with `python -m scripts.search`. Reads the split index the
// browser fetches (search/vi_meta.json, search/vi/<version>/) from disk; with
// LANG "en", the English edition's (search/en_meta.json, queries read through
// search/english.js as the worker reads them). Usage:
//   node tests/js/search_rank.js SITE_DIR [LANG] < queries.json  →  [[page, …], …] (top 5 per query)
const fs = require("node:fs")
const path = require("node:path")
const scripts = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "search")
const { Engine } = require(path.join(scripts, "engine.js"))
const english = require(path.join(scripts, "english.js"))

const site = process.argv[2]
const read = (...parts) => JSON.parse(fs.readFileSync(path.join(site, "search", ...parts), "utf8"))
const lang = process.argv[3] || "vi"
const analyze = lang === "en" ? english.analyze : q => q
const meta = read(`${lang}_meta.json`)
const data = read(`${lang}_search.json`)
const engine = new Engine(meta, data, name => Promise.resolve(read(lang, meta.version, name)))
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
;(async () => {
  const out = []
  for (const q of queries) out.push((await engine.search(analyze(q))).pages.slice(0, 5).map(p => p.page))
  process.stdout.write(JSON.stringify(out))
})().catch(err => { console.error(err); process.exit(1) })
