"""Vietnamese text folding shared by heading slugs and search.

``fold`` removes tone and vowel marks (NFD, drop combining marks) and maps
đ/Đ to d, which Unicode does not decompose. Slugs use it so that
"Đăng ký tờ khai" becomes ``dang-ky-to-khai`` rather than ``ang-ky-to-khai``.
Invisible characters pasted inside words (soft hyphen, zero-width space and
joiners, word joiner, BOM) are dropped, so "hải\u200bquan" is found as
"hải quan" looks; ``make check`` reports them too (scripts/safety/hygiene.py).
"""

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# The JavaScript port (overrides/assets/javascripts/search/normalize.js) drops the same.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def fold(text: str) -> str:
    """Return ``text`` without diacritics, đ→d, case kept."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _INVISIBLE)


def slugify(value: str, separator: str = "-") -> str:
    """Heading slug for Python-Markdown's toc extension (signature it expects)."""
    return _NON_SLUG.sub(separator, fold(value).lower()).strip(separator)
