/* Render ```kb-diagram``` blocks (Mermaid source in data-diagram) with the site's own copy of
 * Mermaid, loaded only on pages that have such a block. Material would fetch
 * Mermaid from a CDN for ".mermaid" blocks; this site makes no third-party
 * requests, hence the separate class. Runs on Material's document$ (also on
 * pages swapped in, should instant navigation be switched on again).
 * Each diagram is followed by the ordered list it is drawn from
 * (scripts/contacts/diagram.py): where the SVG would have to shrink its text
 * below MIN_TEXT_PX to fit the column (a wide chart on a phone), the list is
 * shown instead; otherwise the chart, and the list is hidden. */
(function () {
  "use strict";
  var script = document.currentScript;
  var mermaidUrl = new URL("vendor/mermaid/mermaid.min.js", script ? script.src : location.href).href;
  var loading = null;
  var MIN_TEXT_PX = 12;
  var CHART_TEXT_PX = 16;   // Mermaid's default label size, in SVG units

  /* Show the chart when its text stays legible at the block's width, else the list. */
  function fit(block) {
    var figure = block.querySelector(".kb-diagram-svg");
    var svg = figure && figure.querySelector("svg");
    var list = block.querySelector(".kb-diagram__steps");
    if (!svg || !list) return;
    var natural = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0;
    var scale = natural ? Math.min(1, block.clientWidth / natural) : 1;
    var legible = CHART_TEXT_PX * scale >= MIN_TEXT_PX;
    figure.hidden = !legible;
    list.hidden = legible;
  }

  function fitAll() {
    document.querySelectorAll(".kb-diagram-block").forEach(fit);
  }

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
          if (figure.parentNode) fit(figure.parentNode);
        }).catch(function (err) {
          block.setAttribute("data-rendered", "failed");
          console.warn("diagram not rendered:", err);
        });
      });
    }).catch(function (err) { console.warn(err.message); });
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(fitAll, 150);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  } else {
    document.addEventListener("DOMContentLoaded", render);
  }
})();
