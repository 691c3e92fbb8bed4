"""Vietnamese text folding shared by heading slugs and search.

``fold`` removes tone and vowel marks (NFD, drop combining marks) and maps
đ/Đ to d, which Unicode does not decompose. Slugs use it so that
"Đăng ký tờ khai" becomes ``dang-ky-to-khai`` rather than ``ang-ky-to-khai``.
"""
import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Return ``text`` without diacritics, đ→d, case kept."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(value: str, separator: str = "-") -> str:
    """Heading slug for Python-Markdown's toc extension (signature it expects)."""
    return _NON_SLUG.sub(separator, fold(value).lower()).strip(separator)
