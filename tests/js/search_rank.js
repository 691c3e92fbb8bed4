// Ranks queries with the browser's engine (search/engine.js) over a built site,
// for comparison with `python -m scripts.search`. Usage:
//   node tests/js/search_rank.js SITE_DIR < queries.json  →  [[page, …], …] (top 5 per query)
// With SEARCH_NO_PREBUILT=1 it indexes with lunr.js instead of loading search/vi_index.json.
const fs = require("node:fs")
const path = require("node:path")
const { Engine } = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "search", "engine.js"))

const site = process.argv[2]
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"))
const data = JSON.parse(fs.readFileSync(path.join(site, "search", "vi_search.json"), "utf8"))
const prebuiltFile = path.join(site, "search", "vi_index.json")
const prebuilt = process.env.SEARCH_NO_PREBUILT ? null
  : JSON.parse(fs.readFileSync(prebuiltFile, "utf8"))
const engine = new Engine(index.docs, data, prebuilt)
if (prebuilt && !engine.prebuilt) throw new Error("vi_index.json does not match search_index.json")
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(queries.map(q => engine.search(q).pages.slice(0, 5).map(p => p.page))))
