// Keyboard access to Material's navigation on phones and tablets.
// - The menu and search buttons are <label for="__drawer|__search">: a finger
//   can tap them, but a keyboard cannot reach them and a screen reader hears
//   no name. They become named, focusable buttons that Enter and Space press.
// - The closed navigation drawer sits off screen yet its links stay in the Tab
//   order; it is made inert while closed, and opening it from the keyboard
//   moves focus to its first link.
(function () {
  var NAMES = { __drawer: "Mở menu điều hướng", __search: "Mở ô tìm kiếm" };
  // Below this width Material shows the navigation as a drawer.
  var drawerLayout = window.matchMedia("(max-width: 76.234375em)");

  function drawerNav() {
    return document.querySelector(".md-sidebar--primary");
  }

  function syncDrawer() {
    var toggle = document.getElementById("__drawer");
    var nav = drawerNav();
    if (toggle && nav) nav.inert = drawerLayout.matches && !toggle.checked;
  }

  function enhance() {
    document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
      var name = NAMES[label.htmlFor];
      if (!name || label.hasAttribute("role")) return;
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", name);
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        label.click();
        if (label.htmlFor === "__drawer") {
          syncDrawer();
          var first = drawerNav() && drawerNav().querySelector("a[href]");
          if (document.getElementById("__drawer").checked && first) first.focus();
        }
      });
    });
    syncDrawer();
  }

  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__drawer") syncDrawer();
  });
  drawerLayout.addEventListener("change", syncDrawer);
  enhance();
  if (window.document$) window.document$.subscribe(enhance);
})();
