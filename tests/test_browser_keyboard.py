"""Keyboard users on the home page: every Tab stop shows where focus is
(WCAG 2.2 SC 2.4.11 and 2.4.13: a ring of at least 2 px with 3:1 contrast
against what surrounds it), and the edit and view buttons are reached in the
order they are seen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The focused element, its visible box and its focus ring: the ring of the
# element itself, or of the label that shows a visually hidden input; the
# colour behind the ring is read just outside it (elementsFromPoint), up to
# the first opaque background.
FOCUS_JS = r"""() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '')
    .trim().replace(/\s+/g, ' ').slice(0, 40);
  const id = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${name}"`;
  let shown = el;
  if (el.matches('input.md-option')) shown = el.nextElementSibling;
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(shown);
  const width = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
  const offset = parseFloat(s.outlineOffset) || 0;
  const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
  let behindAt = null;
  const behind = () => {
    const out = offset >= 0 ? offset + width + 1 : -1;   // an inset ring sits on the element itself
    let x = r.left - out, y = r.top + r.height / 2;
    if (x < 1) x = r.right + out;
    const px = Math.min(x, innerWidth - 1), py = Math.max(1, Math.min(y, innerHeight - 1));
    const stack = document.elementsFromPoint(px, py);
    behindAt = `(${Math.round(px)},${Math.round(py)}) ${stack.length}`;
    const seen = n => { for (let a = n; a; a = a.parentElement) {
      const st = getComputedStyle(a); if (st.visibility === 'hidden' || Number(st.opacity) < 0.1) return false; }
      return true; };
    const node = offset < 0 ? stack[0] : stack.find(n => !shown.contains(n) && seen(n));
    behindAt += node ? ` ${node.tagName}.${[...node.classList].join('.')}` : ' none';
    // Composite the backgrounds from the point down to the page (white).
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const st = getComputedStyle(n);
      if (st.visibility === 'hidden' || Number(st.opacity) < 0.1) continue;
      const c = rgb(st.backgroundColor);
      const a = c.length === 4 ? c[3] : 1;
      if (a > 0) layers.push([c[0], c[1], c[2], a]);
      if (a >= 0.999) break;
    }
    let out3 = [255, 255, 255];
    for (const [cr, cg, cb, a] of layers.reverse()) {
      out3 = [cr * a + out3[0] * (1 - a), cg * a + out3[1] * (1 - a), cb * a + out3[2] * (1 - a)];
    }
    return out3;
  };
  const back = behind();
  return {id, visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
          x: r.left, y: r.top, width, at: behindAt, ring: rgb(s.outlineColor).slice(0, 3), back,
          button: el.classList.contains('md-content__button') ? el.getAttribute('title') : null};
}"""


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# FOCUS_JS once the page is at rest. Material opens and closes the search
# sheet a frame or more after focus moves (its own focus handlers), and then
# slides it in or out: a measure taken in between reads a ring over a
# half-drawn sheet. So: after each frame, wait for every finite running
# animation and transition to finish, and measure again, until the same
# result comes three frames in a row.
SETTLED_FOCUS_JS = (
    """async () => {
  const measure = """
    + FOCUS_JS
    + """;
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const finite = a => a.playState === 'running' && a.effect
    && a.effect.getComputedTiming().endTime !== Infinity;
  let last, same = 0;
  for (let i = 0; i < 200 && same < 3; i++) {
    await frame();
    await Promise.all(document.getAnimations().filter(finite).map(a => a.finished.catch(() => null)));
    const now = JSON.stringify(measure());
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return JSON.parse(last);
}"""
)


def tab_through(page, limit=60):
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(SETTLED_FOCUS_JS)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("width", [360, 1280])
def test_every_tab_stop_on_the_home_page_shows_a_strong_focus_ring(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    stops = tab_through(page)
    context.close()
    assert len(stops) >= 10, stops
    problems = []
    for stop in stops:
        if not stop["visible"]:
            problems.append(f"{stop['id']}: focus on something not visible")
        elif stop["width"] < 2:
            problems.append(f"{stop['id']}: focus ring {stop['width']}px")
        elif contrast(stop["ring"], stop["back"]) < 3:
            problems.append(
                f"{stop['id']}: ring {stop['ring']} on {stop['back']} ({stop['at']}): "
                f"{contrast(stop['ring'], stop['back']):.2f}:1"
            )
    assert problems == [], "\n".join(problems)


def test_edit_and_view_buttons_are_reached_left_to_right(site_url, desktop_page):
    desktop_page.goto(site_url + "tuyen-ngon-phuc-vu/", wait_until="networkidle")
    buttons = [s for s in tab_through(desktop_page) if s["button"]]
    assert len(buttons) == 2, buttons
    assert buttons[0]["x"] < buttons[1]["x"], buttons
    assert abs(buttons[0]["y"] - buttons[1]["y"]) < 2, buttons


def test_the_search_results_box_takes_no_tab_stop_and_search_closes_behind_tab(site_url, desktop_page):
    desktop_page.goto(site_url, wait_until="networkidle")
    stops = tab_through(desktop_page)
    assert not any("md-search__scrollwrap" in s["id"] for s in stops)
    assert any("md-search__input" in s["id"] for s in stops)
    # Focus has moved on to the page: the search is closed, no overlay over it.
    assert desktop_page.evaluate("document.getElementById('__search').checked") is False
