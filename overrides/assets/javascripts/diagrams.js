/* Render ```kb-diagram``` blocks (Mermaid source in data-diagram) with the site's own copy of
 * Mermaid, loaded only on pages that have such a block. Material would fetch
 * Mermaid from a CDN for ".mermaid" blocks; this site makes no third-party
 * requests, hence the separate class. Re-runs on every instant navigation. */
(function () {
  "use strict";
  var script = document.currentScript;
  var mermaidUrl = new URL("vendor/mermaid/mermaid.min.js", script ? script.src : location.href).href;
  var loading = null;

  function loadMermaid() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = mermaidUrl;
        s.onload = function () {
          window.mermaid.initialize({
            startOnLoad: false,
            securityLevel: "strict",
            theme: document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default",
            flowchart: { htmlLabels: true, useMaxWidth: true }
          });
          resolve(window.mermaid);
        };
        s.onerror = function () { loading = null; reject(new Error("cannot load " + mermaidUrl)); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  var counter = 0;
  function render() {
    var blocks = document.querySelectorAll(".kb-diagram:not([data-rendered])");
    if (!blocks.length) return;
    loadMermaid().then(function (mermaid) {
      blocks.forEach(function (block) {
        block.setAttribute("data-rendered", "pending");
        var id = "kb-diagram-" + (++counter);
        mermaid.render(id, block.getAttribute("data-diagram") || "").then(function (result) {
          var figure = document.createElement("div");
          figure.className = "kb-diagram-svg";
          figure.setAttribute("role", "img");
          figure.setAttribute("aria-label", block.getAttribute("aria-label") || "");
          figure.innerHTML = result.svg; // produced by Mermaid with securityLevel "strict"
          block.replaceWith(figure);
        }).catch(function (err) {
          block.setAttribute("data-rendered", "failed");
          console.warn("diagram not rendered:", err);
        });
      });
    }).catch(function (err) { console.warn(err.message); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  } else {
    document.addEventListener("DOMContentLoaded", render);
  }
})();
