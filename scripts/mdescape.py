"""Escape editor-written text for generated Markdown.

Titles and commit subjects end up in Markdown that Python-Markdown turns into
HTML; escaping HTML and then Markdown's own syntax makes them show as text.
"""
import html
import posixpath



def md_text(text: str) -> str:
    """``text`` safe in a Markdown paragraph, table cell or link label."""
    escaped = html.escape(str(text), quote=True)
    for char in "\\`*_[]|#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def md_link(target_rel: str, from_rel: str) -> str:
    """Relative link between two docs-relative page sources (MkDocs validates it)."""
    return posixpath.relpath(target_rel, posixpath.dirname(from_rel) or ".")
