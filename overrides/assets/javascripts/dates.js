/*
 * Dates as Vietnamese readers write them (dd/mm/yyyy), shared by the site's
 * scripts: first in the bundle (scripts/web/asset_bundle.py), so the letter
 * builders and the review warnings format a date the same way.
 */
(function () {
  "use strict";

  /* Two digits: 5 → "05". */
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* dd/mm/yyyy of a Date: its UTC fields when `utc` (a calendar date made
     with Date.UTC), else the reader's local ones (today on this device). */
  function format(date, utc) {
    return utc
      ? pad(date.getUTCDate()) + "/" + pad(date.getUTCMonth() + 1) + "/" + date.getUTCFullYear()
      : pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + date.getFullYear();
  }

  window.KbDate = Object.freeze({ pad: pad, format: format });
})();
