"""Material's header search box as the browser tests drive it."""

from __future__ import annotations

BOX = "input[data-md-component=search-query]"
RESULT_LINKS = ".md-search-result__item > a"


def settle(page, selector: str = RESULT_LINKS) -> list[str]:
    """The ``href`` of every element matching ``selector`` once the list has
    stayed the same for four polls 100 ms apart; up to ~15 s while the worker
    starts. Whatever was last seen (or []) if it never settles."""
    last, stable = None, 0
    for _ in range(150):
        hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")
        stable = stable + 1 if hrefs and hrefs == last else 0
        if stable >= 4:
            return hrefs
        last = hrefs
        page.wait_for_timeout(100)
    return last or []
