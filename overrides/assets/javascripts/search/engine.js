/*
 * Query analysis and ranking: the JavaScript port of scripts/search/query.py
 * and scripts/search/engine.py (read those for the reasoning). Ranking
 * constants, question phrases and glossary expansions are not written here:
 * they come from search/vi_search.json, generated at build time.
 * Needs lunr (2.3.9) and ViNormalize; works in the worker and in Node.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("../vendor/lunr-2.3.9.min.js"), require("./normalize.js"))
  else root.ViEngine = factory(root.lunr, root.ViNormalize)
})(typeof self !== "undefined" ? self : this, function (lunr, N) {
  "use strict"

  function isUpper(s) {
    return s === s.toUpperCase() && s !== s.toLowerCase()
  }

  function sameList(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i])
  }

  function addAlt(concept, phrase) {
    if (phrase.length && !sameList(phrase, [concept.word]) &&
        !concept.alternatives.some(p => sameList(p, phrase)))
      concept.alternatives.push(phrase)
  }

  function find(words, phrase) {
    const out = []
    for (let i = 0; i + phrase.length <= words.length; i++)
      if (sameList(words.slice(i, i + phrase.length), phrase)) out.push(i)
    return out
  }

  /* scripts.search.query.analyze */
  function analyzeQuery(query, data) {
    const keys = new Map()
    for (const entry of data.glossary)
      for (const k of entry.keys)
        if (!keys.has(k.key)) keys.set(k.key, [entry, k.caps_only])
    const { folded, offsets } = N.foldLower(query)
    const concepts = []
    const extras = []
    for (const m of folded.matchAll(N.RUN)) {
      const typed = query.slice(offsets[m.index], offsets[m.index + m[0].length - 1] + 1)
      const runTokens = N.tokens(typed)
      const joined = runTokens.reduce((a, t) => t.term.length > a.length ? t.term : a, "")
      const hit = keys.get(joined)
      if (hit && (!hit[1] || isUpper(typed) || N.SEP.test(typed))) {
        const entry = hit[0]
        const concept = { word: joined, exact: null, prefix: false, question: false, alternatives: [] }
        for (const phrase of entry.term) addAlt(concept, phrase)
        for (const other of entry.keys) addAlt(concept, [other.key])
        concepts.push(concept)
        continue
      }
      for (const t of runTokens) {
        if (t.word) {
          const exact = N.exactForm(typed, t)
          const accented = N.foldLower(exact).folded !== exact
          concepts.push({ word: t.term, exact: accented ? exact : null,
                          prefix: false, question: false, alternatives: [] })
        } else if (!extras.includes(t.term)) {
          extras.push(t.term)
        }
      }
    }
    if (concepts.length && query && !/\s/.test(query[query.length - 1]) &&
        !concepts[concepts.length - 1].alternatives.length)
      concepts[concepts.length - 1].prefix = true
    const words = concepts.map(c => c.word)
    for (const phrase of data.questions)
      for (const i of find(words, phrase))
        for (const c of concepts.slice(i, i + phrase.length)) c.question = true
    for (const entry of data.glossary)
      for (const phrase of [...entry.term, ...entry.en])
        for (const i of find(words, phrase))
          for (const c of concepts.slice(i, i + phrase.length)) {
            if (c.question) continue
            for (const k of entry.keys) addAlt(c, [k.key])
            if (entry.en.some(p => sameList(p, phrase)))
              for (const vi of entry.term) addAlt(c, vi)
          }
    return { concepts, extras }
  }

  function round6(x) {
    return Math.round(x * 1e6) / 1e6
  }

  /* scripts.search.prebuilt.checksum: FNV-1a over the documents' locations */
  function checksum(docs) {
    const encoder = new TextEncoder()
    let h = 0x811c9dc5
    for (const d of docs)
      for (const byte of encoder.encode(d.location + "\n")) {
        h ^= byte
        h = Math.imul(h, 0x01000193) >>> 0
      }
    return h >>> 0
  }

  /* scripts.search.prebuilt.weights: lunr's BM25 field-vector weights from the
     shipped term frequencies, same arithmetic in the same order; per term a
     Float64Array parallel to its postings */
  function weights(index) {
    const n = index.count, k1 = index.k1, b = index.b, lengths = index.lengths
    const total = [0, 0]
    lengths.forEach((len, ref) => { total[ref & 1] += len })
    const avg = total.map(t => n ? t / n : 0)
    return index.postings.map(postings => {
      const df = postings.length / 2
      const idf = Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)))
      const row = new Float64Array(df)
      let ref = 0
      for (let j = 0; j < postings.length; j += 2) {
        ref += postings[j]
        const tf = postings[j + 1]
        const f = ref & 1
        const norm = k1 * (1 - b + b * (lengths[ref] / avg[f]))
        const score = idf * ((k1 + 1) * tf) / (norm + tf) * index.boosts[f] *
          (index.doc_boosts[String(ref >> 1)] || 1)
        row[j / 2] = Number(score.toFixed(3))
      }
      return row
    })
  }

  /* scripts.search.engine.Engine; with `prebuilt` (search/vi_index.json) it
     scores lunr's weights directly instead of building lunr's index here */
  class Engine {
    constructor(docs, data, prebuilt) {
      this.docs = docs
      this.data = data
      this.r = data.ranking
      this.pageOf = docs.map(d => d.location.split("#")[0])
      this.pageTitle = new Map()
      docs.forEach((d, i) => {
        if (!this.pageTitle.has(this.pageOf[i])) this.pageTitle.set(this.pageOf[i], d.title || "")
      })
      this.cache = new Map()
      if (prebuilt && prebuilt.format === data.index_format && prebuilt.count === docs.length &&
          prebuilt.checksum === checksum(docs)) {
        this.prebuilt = prebuilt
        this.weights = weights(prebuilt)
        this.termIndex = new Map(prebuilt.terms.map((t, i) => [t, i]))
        this.tokenSet = lunr.TokenSet.fromArray([...prebuilt.terms].sort())
        return
      }
      this.prebuilt = null
      const builder = new lunr.Builder()
      builder.ref("id")
      builder.field("title", { boost: this.r.title_boost })
      builder.field("text")
      docs.forEach((d, i) => {
        builder.add({ id: String(i),
                      title: N.terms(N.htmlToText(d.title || "")),
                      text: N.terms(N.htmlToText(d.text || "")) },
                    d.boost ? { boost: d.boost } : undefined)
      })
      this.index = builder.build()
      this.tokenSet = this.index.tokenSet
    }

    has(term) {
      return this.prebuilt ? this.termIndex.has(term)
        : Object.prototype.hasOwnProperty.call(this.index.invertedIndex, term)
    }

    expand(tokenSet) {
      return this.tokenSet.intersect(tokenSet).toArray()
    }

    /* lunr's Index#query for OPTIONAL, pipeline-free clauses: per field,
       dot(query vector, field vector) / |query vector|, summed over fields;
       terms visited in term-index order, as lunr's Vector#dot does */
    scorePrebuilt(clauses) {
      const terms = [...clauses.keys()].filter(t => this.termIndex.has(t))
        .sort((a, b) => this.termIndex.get(a) - this.termIndex.get(b))
      let sumOfSquares = 0
      for (const t of terms) sumOfSquares += clauses.get(t) * clauses.get(t)
      const magnitude = Math.sqrt(sumOfSquares)
      const dots = new Float64Array(this.docs.length * 2)
      const seen = new Uint8Array(this.docs.length * 2)
      const touched = []
      for (const t of terms) {
        const boost = clauses.get(t)
        const k = this.termIndex.get(t)
        const list = this.prebuilt.postings[k]
        const row = this.weights[k]
        let ref = 0
        for (let j = 0; j < list.length; j += 2) {
          ref += list[j]
          if (!seen[ref]) {
            seen[ref] = 1
            touched.push(ref)
          }
          dots[ref] += boost * row[j / 2]
        }
      }
      const scores = new Map()
      for (const ref of touched.sort((a, b) => a - b)) {
        const doc = ref >> 1
        const score = magnitude ? dots[ref] / magnitude : 0
        scores.set(doc, scores.has(doc) ? scores.get(doc) + score : score)
      }
      return [...scores]
    }

    conceptTerms(plan) {
      const r = this.r
      return plan.concepts.map(c => {
        const weight = c.question ? r.question_boost : r.exact_boost
        const found = new Map()
        const add = (t, b) => found.set(t, (found.get(t) || 0) + b)
        if (this.has(c.word)) found.set(c.word, weight)
        if (c.prefix && c.word.length >= r.prefix_min) {
          for (const t of this.expand(lunr.TokenSet.fromString(c.word + "*")))
            add(t, weight * r.prefix_boost)
        } else if (!this.has(c.word) && c.word.length >= r.fuzzy_min && !c.question) {
          for (const t of this.expand(lunr.TokenSet.fromFuzzyString(c.word, 1)))
            add(t, weight * r.fuzzy_boost)
        }
        return found
      })
    }

    fields(ref) {
      const d = this.docs[ref]
      const pageTitle = this.pageTitle.get(this.pageOf[ref])
      const title = d.title || ""
      return pageTitle === title ? [title, d.text || ""] : [pageTitle, title, d.text || ""]
    }

    /* Word sequence (null between fields) and term set of a section with its page title */
    features(ref) {
      let f = this.cache.get(ref)
      if (!f) {
        const seq = []
        const all = new Set()
        for (const value of this.fields(ref)) {
          for (const term of N.terms(N.htmlToText(value))) {
            all.add(term)
            if (!term.includes("/") && !term.includes("-")) seq.push(term)
          }
          seq.push(null)
        }
        const page = this.pageOf[ref]
        let titleTerms = this.cache.get(page)
        if (!titleTerms) {
          titleTerms = new Set(N.terms(N.htmlToText(this.pageTitle.get(page))))
          this.cache.set(page, titleTerms)
        }
        f = { seq, all, titleTerms, exact: null }
        this.cache.set(ref, f)
      }
      return f
    }

    /* Words as written (lower-case, accented), only needed for accented queries */
    exactWords(ref) {
      const f = this.features(ref)
      if (!f.exact) {
        f.exact = new Set()
        for (const value of this.fields(ref)) {
          const text = N.htmlToText(value)
          for (const t of N.tokens(text)) if (t.word) f.exact.add(N.exactForm(text, t))
        }
      }
      return f.exact
    }

    search(query) {
      const r = this.r
      const plan = analyzeQuery(query, this.data)
      const perConcept = this.conceptTerms(plan)
      const clauses = new Map()
      const add = (t, b) => clauses.set(t, (clauses.get(t) || 0) + b)
      plan.concepts.forEach((c, i) => {
        for (const [t, b] of perConcept[i]) add(t, b)
        for (const phrase of c.alternatives)
          for (const t of phrase)
            if (this.has(t)) add(t, r.alt_boost * (c.question ? r.question_boost : 1))
      })
      for (const t of plan.extras) if (this.has(t)) add(t, r.extra_boost)
      if (!clauses.size) return { plan, perConcept, pages: [] }
      const terms = [...clauses.keys()].sort()
      const hits = (this.prebuilt ? this.scorePrebuilt(clauses) : this.index.query(q => {
        for (const t of terms)
          q.term(t, { boost: clauses.get(t), usePipeline: false,
                      presence: lunr.Query.presence.OPTIONAL })
      }).map(h => [Number(h.ref), h.score]))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      const sections = hits.slice(0, r.candidates)
        .map(([ref, score]) => this.rerank(ref, score, plan, perConcept))
        .sort((a, b) => b.final - a.final || a.ref - b.ref)
      const pages = new Map()
      for (const s of sections) {
        const page = this.pageOf[s.ref]
        if (!pages.has(page)) {
          if (pages.size >= r.max_pages) continue
          pages.set(page, { page, score: s.final, sections: [] })
        }
        pages.get(page).sections.push(s)
      }
      return { plan, perConcept, pages: [...pages.values()] }
    }

    rerank(ref, score, plan, perConcept) {
      const r = this.r
      const { seq, all, titleTerms } = this.features(ref)
      const satisfied = terms => plan.concepts.map((c, i) =>
        [...perConcept[i].keys()].some(t => terms.has(t)) ||
        c.alternatives.some(phrase => phrase.every(t => terms.has(t))))
      const sat = satisfied(all), inTitle = satisfied(titleTerms)
      const content = []
      plan.concepts.forEach((c, i) => { if (!c.question) content.push(i) })
      const basis = content.length ? content : plan.concepts.map((_, i) => i)
      const coverage = basis.length ? basis.filter(i => sat[i]).length / basis.length : 0
      const titleCoverage = basis.length ? basis.filter(i => inTitle[i]).length / basis.length : 0
      const pairs = []
      for (let k = 0; k + 1 < content.length; k++)
        if (content[k + 1] === content[k] + 1) pairs.push([content[k], content[k + 1]])
      let adjacent = 0
      for (const [a, b] of pairs) {
        const fa = perConcept[a], fb = perConcept[b]
        for (let p = 0; p + 1 < seq.length; p++)
          if (seq[p] !== null && seq[p + 1] !== null && fa.has(seq[p]) && fb.has(seq[p + 1])) {
            adjacent++
            break
          }
      }
      const adjacency = pairs.length ? adjacent / pairs.length : 0
      const accented = plan.concepts.filter(c => c.exact && !c.question)
      const exact = accented.length ? this.exactWords(ref) : null
      const accent = accented.length
        ? accented.filter(c => exact.has(c.exact)).length / accented.length : 0
      const final = score * (1 + r.coverage_weight * coverage ** 2) *
        (1 + r.adjacency_weight * adjacency) * (1 + r.accent_weight * accent) *
        (1 + r.page_title_weight * titleCoverage ** 2)
      return { ref, location: this.docs[ref].location, score, final: round6(final) }
    }
  }

  return { analyzeQuery, Engine, checksum, weights }
})
