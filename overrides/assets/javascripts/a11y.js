// Keyboard and screen-reader access to Material's navigation on phones.
// - The menu and search buttons are <label for="__drawer|__search">: a finger
//   can tap them, but a keyboard cannot reach them and a screen reader hears
//   no name (and ARIA allows neither a role nor a name on <label>). A real
//   <button> with a name is laid over each; it toggles the same checkbox and
//   reports aria-expanded.
// - The closed navigation drawer sits off screen yet its links stay in the Tab
//   order: it is made inert while closed, and opening it from the keyboard
//   moves focus to its first link.
// - The search overlay is a role="dialog" without a name: it gets one.
// - On wide screens focusing the search box opens the search, and it stayed
//   open after Tab left it: the page was then tabbed through under a dark
//   overlay. Focus moving outside the search closes it.
(function () {
  var NAMES = { __drawer: "Mở menu điều hướng", __search: "Mở ô tìm kiếm" };
  // Below this width Material shows the navigation as a drawer.
  var drawerLayout = window.matchMedia("(max-width: 76.234375em)");

  function drawerNav() {
    return document.querySelector(".md-sidebar--primary");
  }

  function sync() {
    var drawer = document.getElementById("__drawer");
    var nav = drawerNav();
    if (drawer && nav) nav.inert = drawerLayout.matches && !drawer.checked;
    document.querySelectorAll(".kb-header-button").forEach(function (button) {
      var toggle = document.getElementById(button.dataset.toggle);
      if (toggle) button.setAttribute("aria-expanded", String(toggle.checked));
    });
  }

  function addButton(label) {
    var id = label.htmlFor;
    if (!NAMES[id] || label.querySelector(".kb-header-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-header-button";
    button.dataset.toggle = id;
    button.setAttribute("aria-label", NAMES[id]);
    // A click on interactive content inside a <label> does not activate the
    // label, so the checkbox is toggled here, once.
    button.addEventListener("click", function (event) {
      var toggle = document.getElementById(id);
      toggle.click();
      sync();
      var first = drawerNav() && drawerNav().querySelector("a[href]");
      if (id === "__drawer" && toggle.checked && event.detail === 0 && first) first.focus();
    });
    label.appendChild(button);
  }

  function enhance() {
    document.querySelectorAll("label.md-header__button[for]").forEach(addButton);
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Tìm kiếm");
    sync();
  }

  document.addEventListener("change", function (event) {
    if (event.target && /^__(drawer|search)$/.test(event.target.id)) sync();
  });
  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    var target = event.target;
    if (!toggle || !toggle.checked || !target || !target.closest) return;
    if (target.closest(".md-search") || target.closest("label[for=__search]")) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
  drawerLayout.addEventListener("change", sync);
  enhance();
  if (window.document$) window.document$.subscribe(enhance);
})();
