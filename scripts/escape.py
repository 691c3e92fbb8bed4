"""The one escaping path: editor text (YAML data, front matter, commit subjects)
made inert in every output format it reaches.

Generated Markdown goes through Python-Markdown with extensions (attr_list,
abbr, footnotes, def_list, admonition, snippets, md_in_html), so escaping HTML
is not enough: ``*[X]: y`` would define an abbreviation, ``{: onclick=…}`` set
attributes, ``--8<--`` include a file. Text is therefore written with every
ASCII punctuation character that any of them reads anywhere in a line as a
numeric character reference, which no extension interprets and every browser
shows as the character itself.

Front-matter ``title`` and ``description`` are printed by Material's templates
without autoescaping (``<title>``, navigation, meta tags, search index):
``html_text`` escapes them once, as ``Markup`` so that a later ``| e`` filter
does not escape them twice.
"""

from __future__ import annotations

import html
import posixpath
import re
import string
from urllib.parse import quote

from markupsafe import Markup

# Punctuation that Markdown only reads at the start of a line (lists, definitions,
# headings) stays readable inside the text; everything else, and any
# punctuation at the very start, becomes a numeric character reference.
_READABLE_INSIDE = set(".,:;()-/?@%'!$")
_ENTITY = {c: f"&#{ord(c)};" for c in string.punctuation}


def md_text(value: object) -> str:
    """One line of inline Markdown that renders exactly as ``value`` reads."""
    text = " ".join(str(value).split())  # newlines would start new blocks
    out = []
    leading_digits = True
    for i, c in enumerate(text):
        # "1." at the start would open an ordered list
        inside = i > 0 and not (leading_digits and c == ".")
        leading_digits = leading_digits and c.isdigit()
        out.append(c if (c in _READABLE_INSIDE and inside) or c not in _ENTITY else _ENTITY[c])
    return "".join(out)


def md_paragraphs(value: object) -> str:
    """Blank-line separated paragraphs of escaped text."""
    parts = [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return "\n\n".join(md_text(p) for p in parts)


def url(value: str) -> str:
    """A validated http(s)/tel/mailto URL made safe inside ``[text](…)``.

    Schemas already reject spaces, quotes and angle brackets; parentheses and
    the few remaining Markdown-significant characters are percent-encoded.
    """
    if not re.match(r"^(https?://|tel:\+|mailto:)", value):
        raise ValueError(f"refusing to link to {value!r}")
    return quote(value, safe=":/?#@!$&'*+,;=%-._~[]")


def mermaid_label(value: object) -> str:
    """Text for a quoted Mermaid label: only letters, digits and spaces literal.

    Everything else becomes Mermaid's ``#<code>;`` entity, so no quote, bracket
    or HTML in the data can end the label or reach the SVG as markup.
    """
    text = " ".join(str(value).split())
    return "".join(c if (c.isalnum() or c == " ") else f"#{ord(c)};" for c in text)


def vcard_text(value: object) -> str:
    """A vCard (RFC 6350 §3.4) TEXT value: backslash, comma, semicolon, newline escaped."""
    text = str(value)
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def page_link(target_rel: str, from_rel: str) -> str:
    """Relative ``[text](…)`` target between two docs-relative page sources.

    Percent-encoded, so a file name with spaces or parentheses cannot end the
    link; MkDocs decodes it when it validates and rewrites the link.
    """
    rel = posixpath.relpath(target_rel, posixpath.dirname(from_rel) or ".")
    return quote(rel, safe="/._-~")


def html_text(value: object) -> Markup:
    """Plain text (one line) for a template that prints it unescaped."""
    if isinstance(value, Markup):  # already escaped once
        return value
    return Markup(html.escape(" ".join(str(value).split()), quote=True))
