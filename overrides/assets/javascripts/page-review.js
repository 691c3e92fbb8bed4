/*
 * Review warnings computed on the reader's own date.
 *
 * The build cannot know when a page will be read: a site built in May is
 * still served in December. Each page's review box (partials/page-review.html)
 * carries data-review-due="YYYY-MM-DD"; after that day the hidden warning is
 * shown at the top of the article. On the editors' review schedule the
 * status cells are recomputed the same way. It runs on Material's document$:
 * once per page load, and on every swapped page if instant navigation is
 * ever switched on again (mkdocs.yml says why it is off).
 */
(function () {
  "use strict";

  var DAY_MS = 24 * 60 * 60 * 1000;
  // The review window and the status labels come from Python (scripts/config.py)
  // in the page's kb-constants JSON block (overrides/main.html).
  var block = document.getElementById("kb-constants");
  var constants = block ? JSON.parse(block.textContent) : {};
  var SOON_DAYS = constants.review_soon_days;
  var LABELS = constants.review_labels || {};

  /* Days from the reader's local today to an ISO date (negative: in the past). */
  function daysUntil(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) return null;
    var due = Date.UTC(+parts[1], +parts[2] - 1, +parts[3]);
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    return Math.round((due - today) / DAY_MS);
  }

  function statusOf(iso) {
    var days = daysUntil(iso);
    if (days === null || typeof SOON_DAYS !== "number") return null;
    if (days < 0) return "overdue";
    return days <= SOON_DAYS ? "due-soon" : "ok";
  }

  function showPageWarning(root) {
    var box = root.querySelector(".page-review[data-review-due]");
    if (!box) return;
    var warning = box.querySelector(".page-review__overdue");
    var days = daysUntil(box.getAttribute("data-review-due"));
    if (!warning || days === null || days >= 0) return;
    var count = warning.querySelector(".page-review__overdue-days");
    if (count) count.textContent = count.dataset.lang === "en"
      ? " (" + -days + " days overdue)" : " (quá hạn " + -days + " ngày)";
    // Readers must see it before the content, not only below it.
    var article = root.querySelector("article.md-content__inner");
    var heading = article && article.querySelector("h1");
    if (heading) heading.insertAdjacentElement("afterend", warning);
    else if (article) article.insertBefore(warning, article.firstChild);
    warning.hidden = false;
  }

  function updateSchedule(root) {
    var cells = root.querySelectorAll(".page-review-status[data-review-due]");
    var counts = { overdue: 0, "due-soon": 0, ok: 0 };
    Array.prototype.forEach.call(cells, function (cell) {
      var status = statusOf(cell.getAttribute("data-review-due"));
      if (!status) return;
      counts[status] += 1;
      cell.textContent = LABELS[status];
      cell.className = "page-review-status page-review-status--" + status;
    });
    var summary = root.querySelector(".page-review-summary");
    if (!summary || !cells.length) return;
    var now = new Date();
    // dates.js, earlier in the same bundle.
    summary.textContent = "Hôm nay " + KbDate.format(now, false) + ": " + counts.overdue + " trang quá hạn rà soát, " + counts["due-soon"] +
      " trang sắp đến hạn (trong " + SOON_DAYS + " ngày), trên tổng số " + cells.length + " trang.";
  }

  function run() {
    showPageWarning(document);
    updateSchedule(document);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
