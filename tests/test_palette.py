"""The colour palette switch (overrides/assets/javascripts/palette.js) in place of
Material's palette component: the page is coloured before the first paint,
nothing restyles <body> after the page has loaded, and the switch still cycles
"follow the system" → light → dark, by mouse and keyboard, and is remembered."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from scripts import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OURS = ROOT / "overrides" / "partials" / "palette.html"

# Records every change of a data-md-color-* attribute on <body>, and whether
# the DOMContentLoaded event had fired when it happened.
RECORDER = """
window.__colourChanges = [];
window.__loaded = false;
document.addEventListener('DOMContentLoaded', () => { window.__loaded = true; });
new MutationObserver(records => {
  for (const r of records)
    if (r.target === document.body && r.attributeName.startsWith('data-md-color'))
      window.__colourChanges.push({name: r.attributeName, value: r.target.getAttribute(r.attributeName),
                                   afterLoad: window.__loaded});
}).observe(document, {subtree: true, attributes: true});
"""


def test_partial_is_materials_form_without_its_component():
    """If a Material upgrade changes its palette form, this fails: copy the new
    form into overrides/partials/palette.html and check palette.js against it."""
    material_form = (MATERIAL / "partials" / "palette.html").read_text(encoding="utf-8")
    material_form = material_form.split("-#}\n", 1)[1]
    assert 'data-md-component="palette"' in material_form
    ours = OURS.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert ours == material_form.replace('data-md-component="palette"', "data-kb-palette")


def test_built_page_loads_the_switch_after_the_form_not_materials_component(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="palette"' not in html
    form = html.index('<form class="md-header__option" data-kb-palette>')
    script = html.index("assets/javascripts/palette.js")
    assert form < script < html.index("</header>")
    assert "md-palette.js" not in html


def open_page(browser, url, scheme: str, storage: dict | None = None):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    context.add_init_script(RECORDER)
    if storage:
        context.add_init_script(
            "".join(f"localStorage.setItem({json.dumps(k)}, {json.dumps(v)});" for k, v in storage.items())
        )
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


def state(page) -> dict:
    return page.evaluate(
        """() => ({
          scheme: document.body.getAttribute('data-md-color-scheme'),
          visible: [...document.querySelectorAll('[data-kb-palette] label')]
                     .filter(l => !l.hidden).map(l => l.getAttribute('for')),
          checked: document.querySelector('[data-kb-palette] input:checked')?.id,
          colorScheme: document.querySelector('meta[name=color-scheme]')?.content,
          themeColor: document.querySelector('meta[name=theme-color]')?.content,
          switching: document.body.hasAttribute('data-md-color-switching'),
          changesAfterLoad: window.__colourChanges.filter(c => c.afterLoad),
        })"""
    )


@pytest.mark.parametrize("scheme,expected,meta", [("light", "default", "light"), ("dark", "slate", "dark")])
def test_first_visit_follows_the_system_before_load_and_never_restyles_after(
    browser, hosted_site_url, scheme, expected, meta
):
    context, page = open_page(browser, hosted_site_url + "tuyen-ngon-phuc-vu/", scheme)
    s = state(page)
    context.close()
    assert s["scheme"] == expected
    assert s["checked"] == "__palette_0"  # "follow the system"
    assert s["visible"] == ["__palette_1"]  # one switch, to the next option
    assert s["colorScheme"] == meta
    assert re.fullmatch(r"#[0-9a-f]{6}", s["themeColor"] or ""), s
    assert not s["switching"]
    assert s["changesAfterLoad"] == []


def test_switch_cycles_is_remembered_and_works_by_keyboard(browser, hosted_site_url):
    context, page = open_page(browser, hosted_site_url, "dark")
    assert state(page)["scheme"] == "slate"
    page.locator("label[for=__palette_1]").click()  # → light
    s = state(page)
    assert (s["scheme"], s["checked"], s["visible"], s["colorScheme"]) == (
        "default",
        "__palette_1",
        ["__palette_2"],
        "light",
    )
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    page.reload(wait_until="networkidle")
    assert state(page)["scheme"] == "default"  # remembered over the system's dark
    assert state(page)["changesAfterLoad"] == []
    page.locator("label[for=__palette_2]").click()  # → dark
    assert state(page)["scheme"] == "slate"
    page.focus("#__palette_2")
    page.keyboard.press("Enter")  # → follow the system (dark)
    s = state(page)
    context.close()
    assert (s["checked"], s["visible"], s["scheme"]) == ("__palette_0", ["__palette_1"], "slate")


def test_a_choice_saved_by_materials_component_still_applies(browser, hosted_site_url):
    """Readers who chose a palette before this switch existed keep it: the
    storage key and format are Material's."""
    from scripts.config import site_config

    scope = re.sub(r"^https?://[^/]+", "", site_config(ROOT).get("site_url") or "/")
    saved = {"index": 2, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate"}}
    context, page = open_page(browser, hosted_site_url, "light", {f"{scope}.__palette": json.dumps(saved)})
    s = state(page)
    context.close()
    assert (s["scheme"], s["checked"], s["visible"]) == ("slate", "__palette_2", ["__palette_0"])
