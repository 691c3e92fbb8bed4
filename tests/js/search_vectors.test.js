// The JavaScript half of the search normalisation spec: tests/search_vectors.json.
// Run by `node --test tests/js/search_vectors.test.js` (tests/test_search_vectors.py does, inside `make test`).
const test = require("node:test")
const assert = require("node:assert/strict")
const path = require("node:path")
const fs = require("node:fs")

const JS = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "search")
const N = require(path.join(JS, "normalize.js"))
const { analyzeQuery } = require(path.join(JS, "engine.js"))
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "search_vectors.json"), "utf8"))

for (const c of spec.tokens)
  test(`tokens ${JSON.stringify(c.input)}`, () => {
    const text = c.html ? N.htmlToText(c.input) : c.input
    assert.deepEqual(N.terms(text), c.tokens)
  })

for (const c of spec.queries)
  test(`query ${JSON.stringify(c.input)}`, () => {
    const plan = analyzeQuery(c.input, { glossary: spec.glossary, synonyms: spec.synonyms, questions: spec.questions,
                                          not_questions: spec.not_questions, intents: spec.intents })
    assert.deepEqual(plan, c.plan)
  })
