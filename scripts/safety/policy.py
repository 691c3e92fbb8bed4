"""The raw-HTML policy: what Markdown pages may contain beyond Markdown.

One allow-list, used by the source check (rawhtml.py, with ``file:line``) and
by the sanitiser of the rendered pages (sanitize.py). It holds what the
site's own pages and Markdown extensions need (admonitions, details,
footnotes, tables, abbreviations, definition lists, attr_list ids and
classes, md_in_html cards, diagram placeholders, highlighted code) and
nothing that runs code, loads another page or redirects: no ``<script>``,
``<iframe>``, ``<object>``, ``<embed>``, ``<meta>``, ``<base>``, ``<link>``,
``<style>``, ``<form>``, no ``on…`` event attribute, no ``style``, and only
http(s), mailto and tel links besides relative ones.
"""

from __future__ import annotations

TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)
# Named in the messages: they run code, load other pages or redirect.
DANGEROUS_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "meta",
        "base",
        "link",
        "style",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "svg",
        "math",
        "template",
        "portal",
    }
)
# Attributes on every allowed element.
GENERIC_ATTRIBUTES = frozenset(
    {"id", "class", "title", "lang", "role", "aria-label", "aria-hidden", "hidden"}
)
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
    "time": {"datetime"},
    # Written by the site's generators (diagrams, review schedule).
    "div": {"data-diagram"},
    "p": {"data-soon-days"},
    "span": {"data-review-due"},
}
# md_in_html's switch: read by Python-Markdown, never reaches the page.
SOURCE_ONLY_ATTRIBUTES = frozenset({"markdown"})
URL_ATTRIBUTES = frozenset({"href", "src"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Markdown links only: [text](vi:page.md#anchor) from an English page to its
# Vietnamese original, turned into a relative URL by the build (scripts/build/i18n.py).
MARKDOWN_LINK_SCHEMES = frozenset({"vi"})


def allowed_attribute(tag: str, name: str) -> bool:
    return name in GENERIC_ATTRIBUTES or name in ATTRIBUTES.get(tag, ())


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in ``value`` (entities decoded, blanks and
    control characters dropped, lower case), or None for a relative URL."""
    import html
    import re

    text = re.sub(r"[\x00-\x20\x7f-\x9f]+", "", html.unescape(value)).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", text)
    return match.group(1) if match else None


def url_allowed(value: str) -> bool:
    scheme = url_scheme(value)
    return scheme is None or scheme in URL_SCHEMES
