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
    const spans = []  // each concept's place in the query
    const extras = []
    const keyed = []  // the concepts that are glossary abbreviations
    for (const m of folded.matchAll(N.RUN)) {
      const start = offsets[m.index]
      const typed = query.slice(start, offsets[m.index + m[0].length - 1] + 1)
      const runTokens = N.tokens(typed)
      const joined = runTokens.reduce((a, t) => t.term.length > a.length ? t.term : a, "")
      const hit = keys.get(joined)
      if (hit && (!hit[1] || isUpper(typed) || N.SEP.test(typed))) {
        const entry = hit[0]
        const concept = { word: joined, exact: null, prefix: false, question: false, alternatives: [] }
        for (const phrase of entry.term) addAlt(concept, phrase)
        for (const other of entry.keys) addAlt(concept, [other.key])
        keyed.push(concept)
        concepts.push(concept)
        spans.push([start, start + typed.length])
        continue
      }
      for (const t of runTokens) {
        if (t.word) {
          const exact = N.exactForm(typed, t)
          const accented = N.foldLower(exact).folded !== exact
          concepts.push({ word: t.term, exact: accented ? exact : null,
                          prefix: false, question: false, alternatives: [] })
          spans.push([start + t.start, start + t.end])
        } else if (!extras.includes(t.term)) {
          extras.push(t.term)
        }
      }
    }
    for (const q of N.quantities(folded)) {
      if (!extras.includes(q.term)) extras.push(q.term)
      // A number with its unit is one concept ("8 tiếng" → "8-gio")
      const from = offsets[q.start], to = offsets[q.end - 1] + 1
      const inside = []
      spans.forEach(([a, b], i) => { if (from <= a && b <= to) inside.push(i) })
      if (inside.length) {
        const n = inside[inside.length - 1] - inside[0] + 1
        concepts.splice(inside[0], n, { word: q.term, exact: null, prefix: false, question: false,
                                        alternatives: [] })
        spans.splice(inside[0], n, [from, to])
      }
    }
    if (concepts.length && query && !/\s/.test(query[query.length - 1]) &&
        !concepts[concepts.length - 1].alternatives.length)
      concepts[concepts.length - 1].prefix = true
    const words = concepts.map(c => c.word)
    for (const phrase of data.questions)
      for (const i of find(words, phrase))
        for (const c of concepts.slice(i, i + phrase.length)) c.question = true
    for (const phrase of data.not_questions || [])
      for (const i of find(words, phrase))
        for (const c of concepts.slice(i, i + phrase.length)) c.question = false
    for (const entry of data.glossary)
      for (const phrase of [...entry.term, ...entry.en])
        for (const i of find(words, phrase))
          for (const c of concepts.slice(i, i + phrase.length)) {
            if (c.question) continue
            for (const k of entry.keys) addAlt(c, [k.key])
            if (entry.en.some(p => sameList(p, phrase)))
              for (const vi of entry.term) addAlt(c, vi)
          }
    for (const entry of data.synonyms || [])
      for (const phrase of entry.also)
        for (const i of find(words, phrase))
          for (const c of concepts.slice(i, i + phrase.length))
            if (!c.question) for (const sitePhrase of entry.term) addAlt(c, sitePhrase)
    const intents = intentsOf(concepts, words, extras, keyed, data.intents || [])
    return intents.length ? { concepts, extras, intents } : { concepts, extras }
  }

  /* scripts.search.query._intents: the pages of the intents the query meets */
  function intentsOf(concepts, words, extras, keyed, intents) {
    const pages = []
    for (const intent of intents) {
      const own = new Set()
      for (const phrase of intent.words)
        for (const i of find(words, phrase))
          for (let k = 0; k < phrase.length; k++) own.add(i + k)
      if (!own.size) continue
      // the query's other content words
      const rest = concepts.filter((c, i) => !own.has(i) && !c.question)
      let met
      if (intent.with === "reference") met = extras.some(t => /\d\/\d/.test(t))
      else if (intent.with === "names") met = rest.every(c => intent.names.includes(c.word))
      else met = rest.length > 0 && rest.every(c => keyed.includes(c))
      if (met && !pages.includes(intent.page)) pages.push(intent.page)
    }
    return pages
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

  /* lunr's BM25 field-vector weights of one term from its shipped term
     frequencies (scripts.search.prebuilt.weights: same arithmetic, same
     order); a Float64Array parallel to the postings */
  function averages(index) {
    const total = [0, 0]
    index.lengths.forEach((len, ref) => { total[ref & 1] += len })
    return total.map(t => index.count ? t / index.count : 0)
  }

  function termWeights(index, avg, postings) {
    const n = index.count, k1 = index.k1, b = index.b, lengths = index.lengths
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
  }

  /* Every term's weights of a whole prebuilt index (tests compare with lunr.py) */
  function weights(index) {
    const avg = averages(index)
    return index.postings.map(postings => termWeights(index, avg, postings))
  }

  /* scripts.search.shards.fnv1a / bucket_of */
  const ENCODER = new TextEncoder()
  function fnv1a(text) {
    let h = 0x811c9dc5
    for (const byte of ENCODER.encode(text)) {
      h ^= byte
      h = Math.imul(h, 0x01000193) >>> 0
    }
    return h >>> 0
  }

  const PREFIX_HASH = new Map()
  function prefixHash(term) {
    const key = [...term].slice(0, 3).join("")
    let h = PREFIX_HASH.get(key)
    if (h === undefined) PREFIX_HASH.set(key, h = fnv1a(key))
    return h
  }

  function bucketOf(term, buckets) {
    return prefixHash(term) % buckets
  }

  /* scripts.search.shards.pair_bucket_of */
  function pairBucketOf(first, second, buckets) {
    return ((Math.imul(prefixHash(first), 31) + prefixHash(second)) >>> 0) % buckets
  }

  function refSet(deltas, withFrequencies) {
    const out = new Set()
    let ref = 0
    for (let j = 0; j < deltas.length; j += withFrequencies ? 2 : 1) {
      ref += deltas[j]
      out.add(ref)
    }
    return out
  }

  /* scripts.search.engine.Engine over the split index of scripts/search/shards.py.
     `load(name)` returns a promise of a parsed file under search/vi/<version>/;
     `search` fetches only the buckets its terms live in, then ranks exactly
     as the terminal does (postings stand in for the texts: a term, word pair
     or accented word is "in" a section when it is in its title, its text or
     its page's title, the three fields the Python engine reads). */
  class Engine {
    constructor(meta, data, load) {
      /* the documents' boosts come as runs [first, count, boost] (shards.py) */
      const doc_boosts = {}
      for (const [first, count, boost] of meta.boost_runs)
        for (let i = first; i < first + count; i++) doc_boosts[i] = boost
      meta = { ...meta, doc_boosts }
      this.meta = meta
      this.data = data
      this.r = data.ranking
      this.load = load
      this.avg = averages(meta)
      this.termIndex = new Map(meta.terms.map((t, i) => [t, i]))
      this.tokenSet = lunr.TokenSet.fromArray([...meta.terms].sort())
      this.pageOfDoc = new Int32Array(meta.count)
      /* pages are [path, documents], in document order (shards.py) */
      this.firstOfPage = []
      let first = 0
      meta.pages.forEach(([, count], n) => {
        this.firstOfPage.push(first)
        for (let i = first; i < first + count; i++) this.pageOfDoc[i] = n
        first += count
      })
      this.buckets = new Map()      // k → promise of {postings, bigrams}
      this.side = new Map()         // file name → promise (word pairs, accented words)
      this.loaded = { postings: new Map(), bigrams: new Map(), accented: new Map(), forms: new Map() }
      this.cache = { weights: new Map(), refs: new Map() }
      this.pageDocs = new Map()     // n → promise of Material's documents
    }

    has(term) {
      return this.termIndex.has(term)
    }

    expand(tokenSet) {
      return this.tokenSet.intersect(tokenSet).toArray()
    }

    fetchBucket(k) {
      if (!this.buckets.has(k)) {
        const p = this.load(`s${k}.json`).then(b => {
          for (const t in b.postings) this.loaded.postings.set(t, b.postings[t])
          for (const t in b.forms || {}) this.loaded.forms.set(t, b.forms[t])
        })
        p.catch(() => this.buckets.delete(k))  // a failed file is fetched again next time
        this.buckets.set(k, p)
      }
      return this.buckets.get(k)
    }

    /* a side file: word pairs (b) or accented words (a) */
    fetchSide(prefix, k) {
      const name = `${prefix}${k}.json`
      if (!this.side.has(name)) {
        const kind = prefix === "b" ? "bigrams" : "accented"
        const p = this.load(name).then(b => {
          for (const w in b) this.loaded[kind].set(w, b[w])
        })
        p.catch(() => this.side.delete(name))
        this.side.set(name, p)
      }
      return this.side.get(name)
    }

    /* Material's documents of the pages `ns` (for previews) */
    docsOf(ns) {
      return Promise.all(ns.map(n => {
        if (!this.pageDocs.has(n)) {
          const p = this.load(`p${n}.json`)
          p.catch(() => this.pageDocs.delete(n))
          this.pageDocs.set(n, p)
        }
        return this.pageDocs.get(n)
      }))
    }

    /* The most frequent accented form of a folded word, once its bucket is loaded */
    formOf(t) {
      return this.loaded.forms.get(t)
    }

    postingsOf(t) {
      return this.loaded.postings.get(t)
    }

    weightsOf(t) {
      let w = this.cache.weights.get(t)
      if (!w) {
        w = termWeights(this.meta, this.avg, this.postingsOf(t))
        this.cache.weights.set(t, w)
      }
      return w
    }

    /* scripts.search.engine.Engine._idf: lunr's idf over refs, 0 when absent */
    idf(t) {
      if (!this.has(t)) return 0
      const df = this.postingsOf(t).length / 2
      return Number(Math.log(1 + Math.abs((this.meta.count - df + 0.5) / (df + 0.5))).toFixed(3))
    }

    /* scripts.search.engine.Engine._rarity: the idf of the concept's rarest term */
    rarity(plan, perConcept, i) {
      let found = [...perConcept[i].keys()]
      if (!found.length) found = plan.concepts[i].alternatives.flat()
      return found.reduce((best, t) => Math.max(best, this.idf(t)), 0)
    }

    /* scripts.search.engine.edge_terms: terms at one end of concept i in the text */
    edgeTerms(plan, perConcept, i, end) {
      const out = new Set(perConcept[i].keys())
      if (this.r.alt_adjacency)
        for (const phrase of plan.concepts[i].alternatives)
          out.add(phrase[end === 0 ? 0 : phrase.length - 1])
      return out
    }

    refsOf(kind, key) {
      const id = kind + "\u0000" + key
      let set = this.cache.refs.get(id)
      if (!set) {
        const list = this.loaded[kind].get(key)
        set = list ? refSet(list, kind === "postings") : new Set()
        this.cache.refs.set(id, set)
      }
      return set
    }

    /* Is the term (word pair, accented word) in section `doc`'s three fields? */
    inSection(kind, key, doc) {
      const set = this.refsOf(kind, key)
      if (!set.size) return false
      const article = this.firstOfPage[this.pageOfDoc[doc]]
      return set.has(doc * 2) || set.has(doc * 2 + 1) || set.has(article * 2)
    }

    inPageTitle(kind, key, doc) {
      return this.refsOf(kind, key).has(this.firstOfPage[this.pageOfDoc[doc]] * 2)
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
        }
        /* the word being typed too, from last_fuzzy_min letters (0: never) */
        const fuzzyMin = c.prefix ? r.last_fuzzy_min : r.fuzzy_min
        if (!this.has(c.word) && fuzzyMin && c.word.length >= fuzzyMin && !c.question) {
          for (const t of this.expand(lunr.TokenSet.fromFuzzyString(c.word, 1)))
            add(t, weight * r.fuzzy_boost)
        }
        return found
      })
    }

    clauses(plan, perConcept) {
      const r = this.r
      const clauses = new Map()
      const add = (t, b) => clauses.set(t, (clauses.get(t) || 0) + b)
      plan.concepts.forEach((c, i) => {
        for (const [t, b] of perConcept[i]) add(t, b)
        for (const phrase of c.alternatives)
          for (const t of phrase)
            if (this.has(t)) add(t, r.alt_boost * (c.question ? r.question_boost : 1))
      })
      for (const t of plan.extras) if (this.has(t)) add(t, r.extra_boost)
      return clauses
    }

    /* Fetch what ranking `query` needs; resolves to [plan, perConcept, clauses] */
    async prepare(query) {
      const plan = analyzeQuery(query, this.data)
      const perConcept = this.conceptTerms(plan)
      const clauses = this.clauses(plan, perConcept)
      const n = this.meta.buckets, side = this.meta.side
      const wanted = new Set([...clauses.keys()].map(t => bucketOf(t, n)))
      const files = new Set()
      for (const c of plan.concepts)
        if (c.exact && !c.question) files.add(`a${fnv1a(c.exact) % side}`)
      for (const [a, b] of this.pairs(plan))
        for (const x of this.edgeTerms(plan, perConcept, a, -1))
          for (const y of this.edgeTerms(plan, perConcept, b, 0)) files.add(`b${pairBucketOf(x, y, side)}`)
      await Promise.all([...[...wanted].map(k => this.fetchBucket(k)),
                         ...[...files].map(f => this.fetchSide(f[0], f.slice(1)))])
      return [plan, perConcept, clauses]
    }

    /* lunr's Index#query for OPTIONAL, pipeline-free clauses: per field,
       dot(query vector, field vector) / |query vector|, summed over fields;
       terms visited in term-index order, as lunr's Vector#dot does */
    score(clauses) {
      const terms = [...clauses.keys()].filter(t => this.termIndex.has(t))
        .sort((a, b) => this.termIndex.get(a) - this.termIndex.get(b))
      let sumOfSquares = 0
      for (const t of terms) sumOfSquares += clauses.get(t) * clauses.get(t)
      const magnitude = Math.sqrt(sumOfSquares)
      const dots = new Map()
      for (const t of terms) {
        const boost = clauses.get(t)
        const list = this.postingsOf(t)
        const row = this.weightsOf(t)
        let ref = 0
        for (let j = 0; j < list.length; j += 2) {
          ref += list[j]
          dots.set(ref, (dots.get(ref) || 0) + boost * row[j / 2])
        }
      }
      const scores = new Map()
      for (const ref of [...dots.keys()].sort((a, b) => a - b)) {
        const doc = ref >> 1
        const score = magnitude ? dots.get(ref) / magnitude : 0
        scores.set(doc, scores.has(doc) ? scores.get(doc) + score : score)
      }
      return [...scores]
    }

    async search(query) {
      const r = this.r
      const [plan, perConcept, clauses] = await this.prepare(query)
      if (!clauses.size) return { plan, perConcept, pages: [] }
      const hits = this.score(clauses).sort((a, b) => b[1] - a[1] || a[0] - b[0])
      /* how telling each concept is: the same for every candidate, so once per query */
      const rarity = plan.concepts.map((_, i) => r.title_rarity ? this.rarity(plan, perConcept, i) : 1)
      const sections = hits.slice(0, r.candidates)
        .map(([ref, score]) => this.rerank(ref, score, plan, perConcept, rarity))
        .sort((a, b) => b.final - a.final || a.ref - b.ref)
      /* a page ranks by its best section plus page_support × its next two */
      const pages = new Map()
      for (const s of sections) {
        const n = this.pageOfDoc[s.ref]
        const p = pages.get(n)
        if (!p) pages.set(n, { page: this.meta.pages[n][0], n, score: s.final, sections: [s] })
        else {
          if (p.sections.length < 3) p.score = round6(p.score + r.page_support * s.final)
          p.sections.push(s)
        }
      }
      const ranked = [...pages.values()]
        .sort((a, b) => b.score - a.score || a.sections[0].ref - b.sections[0].ref)
      return { plan, perConcept, pages: ranked.slice(0, r.max_pages) }
    }

    /* Per concept: is it satisfied by section `doc` (in its fields, or its page
       title)? With `strict`, a word typed with accents counts by its own folded
       form only where the typed form is (scripts.search.engine: satisfied) */
    satisfied(doc, plan, perConcept, where, strict) {
      const check = where === "title"
        ? (kind, t) => this.inPageTitle(kind, t, doc)
        : (kind, t) => this.inSection(kind, t, doc)
      const inside = t => check("postings", t)
      return plan.concepts.map((c, i) => {
        const own = strict && c.exact && !c.question
        return [...perConcept[i].keys()].some(t => !(own && t === c.word) && inside(t)) ||
          (perConcept[i].has(c.word) && inside(c.word) && (!own || check("accented", c.exact))) ||
          c.alternatives.some(phrase => phrase.every(inside))
      })
    }

    /* Adjacent content concepts: the pairs whose adjacency counts */
    pairs(plan) {
      const content = []
      plan.concepts.forEach((c, i) => { if (!c.question) content.push(i) })
      const pairs = []
      for (let k = 0; k + 1 < content.length; k++)
        if (content[k + 1] === content[k] + 1) pairs.push([content[k], content[k + 1]])
      return pairs
    }

    rerank(doc, score, plan, perConcept, rarity) {
      const r = this.r
      const sat = this.satisfied(doc, plan, perConcept, "section", r.accent_strict >= 2)
      const inTitle = this.satisfied(doc, plan, perConcept, "title", r.accent_strict >= 1)
      const content = []
      plan.concepts.forEach((c, i) => { if (!c.question) content.push(i) })
      const basis = content.length ? content : plan.concepts.map((_, i) => i)
      const coverage = basis.length ? basis.filter(i => sat[i]).length / basis.length : 0
      let total = 0, inTitleTotal = 0
      basis.forEach(i => {
        total += rarity[i]
        if (inTitle[i]) inTitleTotal += rarity[i]
      })
      const titleCoverage = total ? inTitleTotal / total : 0
      const pairs = this.pairs(plan)
      let adjacent = 0
      for (const [a, b] of pairs) {
        const fb = [...this.edgeTerms(plan, perConcept, b, 0)]
        if ([...this.edgeTerms(plan, perConcept, a, -1)].some(x => fb.some(y =>
          this.inSection("bigrams", `${x} ${y}`, doc)))) adjacent++
      }
      const adjacency = pairs.length ? adjacent / pairs.length : 0
      const accented = plan.concepts.filter(c => c.exact && !c.question)
      const accent = accented.length
        ? accented.filter(c => this.inSection("accented", c.exact, doc)).length / accented.length : 0
      const final = score * (1 + r.coverage_weight * coverage ** 2) *
        (1 + r.adjacency_weight * adjacency) * (1 + r.accent_weight * accent) *
        (1 + r.page_title_weight * titleCoverage ** 2) *
        ((plan.intents || []).includes(this.meta.pages[this.pageOfDoc[doc]][0]) ? 1 + r.intent_weight : 1)
      return { ref: doc, score, final: round6(final) }
    }
  }

  return { analyzeQuery, find, Engine, checksum, weights, bucketOf, pairBucketOf, fnv1a }
})
