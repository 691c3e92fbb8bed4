"""The English edition: which files are translations, and of what.

Translations sit beside their original with a language suffix
(``docs/thu-tuc/index.en.md`` translates ``docs/thu-tuc/index.md``) and are
published under ``/en/`` by mkdocs-static-i18n (scripts/build/i18n.py).
"""

from __future__ import annotations

from pathlib import PurePosixPath

DEFAULT = "vi"
LANGUAGES = ("vi", "en")
TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != DEFAULT)


def language_of(path: str | PurePosixPath) -> str:
    """'en' for ``x.en.md``, the default language otherwise."""
    suffixes = PurePosixPath(path).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in TRANSLATIONS:
        return suffixes[-2][1:]
    return DEFAULT


def is_translation(path: str | PurePosixPath) -> bool:
    return language_of(path) != DEFAULT


def original_of(path: str) -> str:
    """docs-relative path of the original a translation translates."""
    lang = language_of(path)
    return path if lang == DEFAULT else path[: -len(f".{lang}.md")] + ".md"


def translation_path(path: str, lang: str) -> str:
    """``lien-he/index.md`` -> ``lien-he/index.en.md``."""
    return path if lang == DEFAULT else path[: -len(".md")] + f".{lang}.md"


def translated_versions(meta: dict) -> list[tuple[str, object]]:
    """``translation_of`` of a translation's front matter as (original path, date) pairs.

    One original: ``translation_of: {path: x.md, last_reviewed: 2026-11-28}``;
    a summary of several pages lists several. ``last_reviewed`` is the
    original's own ``last_reviewed`` at the time it was translated.
    """
    value = meta.get("translation_of")
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    return [(str(i.get("path")), i.get("last_reviewed")) for i in items if isinstance(i, dict)]


def outdated_originals(meta: dict, revised_on) -> list[str]:
    """Originals revised after the version this translation records.

    ``revised_on(path)`` returns an original's current ``last_reviewed`` (a
    date) or None; dates are compared as ISO strings.
    """
    out = []
    for path, translated in translated_versions(meta):
        current = revised_on(path)
        if current is not None and translated is not None and str(current) > str(translated):
            out.append(path)
    return out
