"""The second line: every rendered page's content cleaned by nh3 (the Rust
Ammonia sanitiser) with the allow-list of policy.py, whatever slipped past
the source check (an extension's output, a future Markdown quirk)."""

from __future__ import annotations

from functools import lru_cache

import nh3

from scripts.safety import policy

# Removed with their content, not just unwrapped to text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript"})


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    attributes = {"*": set(policy.GENERIC_ATTRIBUTES)}
    for tag, names in policy.ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(names)
    # Python-Markdown's tables align columns with style="text-align: …".
    for tag in ("td", "th"):
        attributes.setdefault(tag, set()).add("style")
    return nh3.Cleaner(
        tags=set(policy.TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=attributes,
        url_schemes=set(policy.URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return _cleaner().clean(html)
