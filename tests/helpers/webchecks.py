"""Browser-side checks shared by the browser, print and metadata tests."""

from __future__ import annotations

from pathlib import Path

# WCAG 2.x A and AA rule sets of axe-core (2.2 adds only AA rules: target-size).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Installed before any page script runs: records CSP violation reports.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path relative to the site root
    ("" for the home page, "thu-tuc/" for thu-tuc/index.html, "404.html")."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    return pages


# The target-size rule this site holds itself to: WCAG 2.2 SC 2.5.8 (AA).
# A target is any visible element a pointer activates: a, button, input,
# select, textarea, summary, label[for] (Material's header buttons), and any
# [role=button|link|tab|checkbox|menuitem] or [tabindex>=0]. Each target's
# bounding box must be at least 24 × 24 CSS px, unless
#  - spacing: a 24 px circle centred on its box intersects no other target's
#    box and no other undersized target's circle (centres ≥ 24 px apart);
#  - inline: it is a link inside a sentence or paragraph of text, its size
#    set by the line height (WCAG's inline exception);
#  - it is off screen: in a closed drawer (x ≥ viewport width or right edge ≤ 0).
# The function returns the targets that break the rule, with their sizes.
TAP_TARGETS_JS = r"""
() => {
  const MIN = 24;
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    'label[for], [role=button], [role=link], [role=tab], [role=checkbox], [role=menuitem], ' +
    '[tabindex]:not([tabindex="-1"])';
  const vw = document.documentElement.clientWidth;
  const visible = el => {
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || el.closest('[hidden],[inert]')) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.left >= vw || r.right <= 0) return false;
    for (let a = el; a; a = a.parentElement) {
      const st = getComputedStyle(a);
      if (st.display === 'none' || st.visibility === 'hidden' || Number(st.opacity) === 0) return false;
    }
    return true;
  };
  const inlineInText = el => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.closest('p, li, td, th, dd, dt, figcaption, blockquote, h1, h2, h3, h4, h5, h6');
    if (!block) return false;
    const own = (el.textContent || '').trim().length;
    return (block.textContent || '').trim().length > own;
  };
  const targets = [...document.querySelectorAll(SELECTOR)].filter(visible)
    .filter((el, i, all) => !all.some(o => o !== el && o.contains(el) && o.matches('a[href], button, label[for], summary')));
  const box = el => {
    const r = el.getBoundingClientRect();
    return {el, x: r.left, y: r.top + scrollY, w: r.width, h: r.height,
            cx: r.left + r.width / 2, cy: r.top + scrollY + r.height / 2};
  };
  const boxes = targets.map(box);
  const small = boxes.filter(b => b.w < MIN - 0.01 || b.h < MIN - 0.01);
  const circleHitsBox = (c, b) => {
    const dx = Math.max(b.x - c.cx, 0, c.cx - (b.x + b.w));
    const dy = Math.max(b.y - c.cy, 0, c.cy - (b.y + b.h));
    return dx * dx + dy * dy < (MIN / 2) * (MIN / 2);
  };
  const describe = b => {
    const el = b.el;
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '')
      .trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} ` +
           `"${name}" ${b.w.toFixed(1)}x${b.h.toFixed(1)}`;
  };
  const failures = [];
  for (const b of small) {
    if (inlineInText(b.el)) continue;
    const crowded = boxes.some(o => o !== b && !o.el.contains(b.el) && !b.el.contains(o.el) &&
        (circleHitsBox(b, o) ||
         (small.includes(o) && Math.hypot(o.cx - b.cx, o.cy - b.cy) < MIN)));
    if (crowded) failures.push(describe(b));
  }
  return failures;
}
"""

OVERFLOW_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Boxes inside the content that scroll sideways (tables, their wrappers, code):
# at 360 px a table must stack into cards rather than scroll (phone.css).
INNER_OVERFLOW_JS = """() => [...document.querySelectorAll(
    'article table, article .md-typeset__scrollwrap, article .md-typeset__table')]
  .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
  .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.scrollWidth}>${e.clientWidth}`)"""
