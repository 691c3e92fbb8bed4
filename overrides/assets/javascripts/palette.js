// The colour palette switch (light, dark, follow the system), in place of
// Material's palette component (partials/palette.html says why).
// It runs in the header, right after the palette form, before the first
// paint: it applies the saved choice (or the system's) by touching only the
// <body> attributes that differ from the server's defaults, so a page whose
// colours match them is never restyled by script. Switching animations are
// suppressed only when the reader switches, as Material does.
// Storage is Material's (__md_get/__md_set from md-base.js, key "__palette"),
// so a choice made before this file existed still applies.
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-palette]");
  if (!form) return;
  var inputs = form.querySelectorAll("input[name=__palette]");
  var light = matchMedia("(prefers-color-scheme: light)");
  var body = document.body;
  var current = 0;

  function savedIndex() {
    var saved = __md_get("__palette");
    var index = saved && typeof saved.index === "number" ? saved.index : -1;
    if (index < 0) {
      index = Array.prototype.findIndex.call(inputs, function (input) {
        return matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
    }
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  // The colours an option stands for; "follow the system" takes those of the
  // option written for the system's current preference.
  function colours(input) {
    var media = input.getAttribute("data-md-color-media");
    var source = input;
    if (media === "(prefers-color-scheme)") {
      source = form.querySelector(light.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']") || input;
    }
    return {
      media: media,
      scheme: source.getAttribute("data-md-color-scheme"),
      primary: source.getAttribute("data-md-color-primary"),
      accent: source.getAttribute("data-md-color-accent")
    };
  }

  function meta(name) {
    var el = document.head.querySelector("meta[name='" + name + "']");
    if (!el) {
      el = document.createElement("meta");
      el.name = name;
      document.head.appendChild(el);
    }
    return el;
  }

  // The browser's own bars take the header's colour. Read after a switch, or
  // once the loaded page has been drawn (styles are then up to date, so the
  // read forces no restyle); never while the page is being parsed.
  function updateThemeColour() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    var rgb = getComputedStyle(header).backgroundColor.match(/\d+/g);
    if (rgb) meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (v) {
      return (+v).toString(16).padStart(2, "0");
    }).join("");
  }

  function apply(index, switching) {
    var color = colours(inputs[index]);
    current = index;
    if (switching) body.setAttribute("data-md-color-switching", "");
    Object.keys(color).forEach(function (key) {
      var name = "data-md-color-" + key;
      if (color[key] && body.getAttribute(name) !== color[key]) body.setAttribute(name, color[key]);
    });
    inputs[index].checked = true;
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    var scheme = color.scheme === "slate" ? "dark" : "light";
    if (meta("color-scheme").content !== scheme) meta("color-scheme").content = scheme;
    if (switching) {
      updateThemeColour();
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    }
    return color;
  }

  apply(savedIndex(), false);
  window.addEventListener("load", function () {
    requestAnimationFrame(function () { setTimeout(updateThemeColour); });
  });

  form.addEventListener("change", function (event) {
    var index = Array.prototype.indexOf.call(inputs, event.target);
    if (index < 0) return;
    __md_set("__palette", { index: index, color: apply(index, true) });
  });
  // Enter on a focused option moves to the next one, as in Material.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // "Follow the system" follows it live.
  light.addEventListener("change", function () {
    if (inputs[current].getAttribute("data-md-color-media") === "(prefers-color-scheme)") apply(current, true);
  });
})();
