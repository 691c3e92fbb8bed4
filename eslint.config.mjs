// ESLint (pinned in package.json) for the site's own JavaScript under
// overrides/; `make check` runs it. Material's minified copies and the
// vendored lunr are not ours to lint.
import js from "@eslint/js"
import globals from "globals"

export default [
  { ignores: ["**/vendor/**", "overrides/assets/javascripts/md-*.js", "node_modules/**", "site/**",
              "tools/**", "tests/**", "eslint.config.mjs"] },
  js.configs.recommended,
  {
    files: ["overrides/**/*.js"],
    ignores: ["overrides/assets/javascripts/workers/**"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material for MkDocs' page script: the observable of each new page.
        document$: "readonly",
        // overrides/assets/javascripts/dates.js, first in the site's bundle.
        KbDate: "readonly",
        // Material's storage helpers (md-base.js, in <head>).
        __md_get: "readonly",
        __md_set: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-var": "off",
    },
  },
  {
    // UMD modules: loaded by the search worker and by Node's tests.
    files: ["overrides/assets/javascripts/search/*.js"],
    languageOptions: { globals: { ...globals.worker, ...globals.commonjs } },
  },
  {
    // Workers: no window globals (a worker's own `status` is not window.status).
    files: ["overrides/assets/javascripts/workers/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.worker, lunr: "readonly", ViNormalize: "readonly", ViEngine: "readonly", ViEnglish: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
    },
  },
]
