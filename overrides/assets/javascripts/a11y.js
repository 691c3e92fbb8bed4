// Keyboard and screen-reader access to Material's navigation on phones.
// - The menu and search buttons are <label for="__drawer|__search">: a finger
//   can tap them, but a keyboard cannot reach them and a screen reader hears
//   no name (and ARIA allows neither a role nor a name on <label>). The header
//   partial (partials/header.html) puts a named <button> over each; this
//   script makes it toggle the same checkbox and report aria-expanded.
// - The closed navigation drawer sits off screen; a11y.css hides it (so its
//   links leave the Tab order) and opening it from the keyboard moves focus
//   to its first link.
// - On wide screens focusing the search box opens the search, and it stayed
//   open after Tab left it: the page was then tabbed through under a dark
//   overlay. Focus moving outside the search closes it.
// Nothing here touches the page while it loads: listeners only, so the first
// render is not restyled by script (issue 16, Lighthouse on phones).
(function () {
  function sync() {
    document.querySelectorAll(".kb-header-button").forEach(function (button) {
      var toggle = document.getElementById(button.dataset.toggle);
      var expanded = String(Boolean(toggle && toggle.checked));
      if (button.getAttribute("aria-expanded") !== expanded) button.setAttribute("aria-expanded", expanded);
    });
  }

  // A click on interactive content inside a <label> does not activate the
  // label, so the checkbox is toggled here, once.
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest(".kb-header-button");
    if (!button) return;
    var id = button.dataset.toggle;
    var toggle = document.getElementById(id);
    if (!toggle) return;
    toggle.click();
    sync();
    var first = document.querySelector(".md-sidebar--primary a[href]");
    if (id === "__drawer" && toggle.checked && event.detail === 0 && first) first.focus();
  });
  document.addEventListener("change", function (event) {
    if (event.target && /^__(drawer|search)$/.test(event.target.id)) sync();
  });
  // A page restored from the back-forward cache keeps its checkboxes' state.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) sync();
  });
  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    var target = event.target;
    if (!toggle || !toggle.checked || !target || !target.closest) return;
    if (target.closest(".md-search") || target.closest("label[for=__search]")) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
})();
