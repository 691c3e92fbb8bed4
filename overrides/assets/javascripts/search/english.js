/*
 * English search on the English edition (/en/, issue 12): the JavaScript port
 * of the query side of scripts/search/english.py (read it for the reasoning).
 * Words of ASCII letters are reduced to lunr's Porter stem and lunr's English
 * stop words dropped, so the query meets the index the build analysed the
 * same way; the worker also marks result text through `term`.
 * Needs lunr (2.3.9); works in the worker and in Node.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("../vendor/lunr-2.3.9.min.js"))
  else root.ViEnglish = factory(root.lunr)
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict"

  const WORD = /(?<![\p{L}\p{N}])[A-Za-z]+(?![\p{L}\p{N}])/gu
  const JOINERS = "/-"
  /* lunr.generateStopWordFilter keeps its list in a closure: ask it word by word */
  const isStop = word => lunr.stopWordFilter(new lunr.Token(word)) === undefined

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString()
  }

  function isUpper(s) {
    return s === s.toUpperCase() && s !== s.toLowerCase()
  }

  /* scripts.search.english.analyze */
  function analyze(text) {
    return text.replace(WORD, (word, offset) => {
      const low = word.toLowerCase()
      const joined = (offset > 0 && JOINERS.includes(text[offset - 1])) ||
        (offset + word.length < text.length && JOINERS.includes(text[offset + word.length]))
      if (!joined && isStop(low)) return ""
      const out = stem(low)
      if (out === low) return word
      if (word.length > 1 && isUpper(word)) return out.toUpperCase()
      return isUpper(word[0]) ? out[0].toUpperCase() + out.slice(1) : out
    })
  }

  /* scripts.search.english.term: one folded search term as the index has it */
  function term(folded) {
    if (!/^[a-z]+$/.test(folded)) return folded
    return isStop(folded) ? "" : stem(folded)
  }

  return { analyze, term, stem }
})
