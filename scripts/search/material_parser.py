"""Material's page parser for search, made cheaper with the same output.

Material's search plugin (9.8.1, pinned) cuts each page into sections with
``Parser``, an ``html.parser.HTMLParser`` subclass; at 2,000 pages that is
the largest single cost of the build's search (issue 13h,
scripts/search/README.md). ``FastParser`` keeps HTMLParser's tokenizer and
Material's logic, callback for callback, and changes only how the state is
asked:

* ``self.skip.intersection(self.context)``, ``"pre" in self.context`` and
  ``self.section.el in self.context`` compare ``Element`` objects, which are
  equal to a tag string or an element *by tag* (``Element.__eq__`` and
  ``__hash__``), through Python-level ``__eq__`` calls on every text and tag
  callback. Here the context also keeps a count per tag, so each question is
  a dictionary lookup, and ``skip`` is the set of tags it stands for (set
  operations on it only ever see tags);
* the heading test uses a constant set rather than a list built per tag;
* HTMLParser's line and column count (``updatepos``, read only by
  ``getpos``, which neither parser calls) is not kept.

The ``Section`` objects (element, depth, id, title and text lists) are those
of Material's parser on every input: tests/test_search_material_parser.py
compares both on the shipped site, on random HTML and (tools/bench/
material_parser.py) on every page of a 2,000-page build;
tests/test_search_material_pin.py fails when Material's parser changes.

``install`` makes Material's plugin use it; the build hook calls it at
``on_config`` (scripts/build/plugin.py). The benchmark's plain Material
baseline replaces ``install`` with a no-op (tools/bench/search.py).
"""

from __future__ import annotations

from material.plugins.search import plugin as material_search
from material.plugins.search.plugin import Element, Section, void

# Material's class, kept before ``install`` replaces the module's name.
MaterialParser = material_search.Parser

_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
# Skipped tags Material never takes out of ``skip`` again
_KEPT_SKIPPED = frozenset(["script", "style", "object"])
_INF = float("inf")


class FastParser(MaterialParser):
    """Material's ``Parser`` with the context counted by tag (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Material's skip set holds tags and elements, which compare by tag:
        # only the tags matter.
        self.skip_tags = {getattr(x, "tag", x) for x in self.skip}
        # Open elements per tag, and how many of them have a skipped tag
        # (Material: ``self.skip.intersection(self.context)`` is not empty).
        self.open = {}
        self.skipped = 0

    def updatepos(self, i, j):
        # HTMLParser counts lines and columns for ``getpos`` (error reports),
        # which nothing here asks for: the position alone is kept.
        return j

    def _skip(self, tag):
        if tag not in self.skip_tags:
            self.skip_tags.add(tag)
            self.skipped += self.open.get(tag, 0)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)

        # Ignore self-closing tags
        if tag in void:
            return
        el = Element(tag, attrs)
        self.context.append(el)
        open_ = self.open
        open_[tag] = open_.get(tag, 0) + 1
        if tag in self.skip_tags:
            self.skipped += 1

        # Handle heading
        if tag in _HEADINGS:
            depth = len(self.context)
            if "id" in attrs:
                # Ensure top-level section
                if tag != "h1" and not self.data:
                    self.section = Section(Element("hx"), depth)
                    self.data.append(self.section)

                # Set identifier, if not first section
                self.section = Section(el, depth)
                if self.data:
                    self.section.id = attrs["id"]

                # Append section to list
                self.data.append(self.section)

        # Handle preface - ensure top-level section
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)

        # Skip block if explicitly excluded from search, or line numbers
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            self._skip(tag)
            return

        # Render opening tag if kept
        if not self.skipped and tag in self.keep:
            section = self.section
            data = section.title if open_.get(section.el.tag) else section.text
            data.append(f"<{tag}>")

    def handle_endtag(self, tag):
        context = self.context
        if not context or context[-1].tag != tag:
            return

        # Exiting the element a nested headline was in: back to the section
        # before it (Material's comment: https://bit.ly/3IxxIJZ)
        if self.section.depth > len(context):
            for section in reversed(self.data):
                if section.depth <= len(context):
                    self.section.depth = _INF
                    self.section = section
                    break

        # Remove element from skip list
        context.pop()
        open_ = self.open
        open_[tag] -= 1
        if tag in self.skip_tags:
            self.skipped -= 1
            if tag not in _KEPT_SKIPPED:
                self.skip_tags.remove(tag)
                self.skipped -= open_[tag]
            return

        # Render closing tag if kept
        if not self.skipped and tag in self.keep:
            section = self.section
            data = section.title if open_.get(section.el.tag) else section.text

            # Search for corresponding opening tag
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break

            # Remove element if empty (or only whitespace)
            if len(data) > index:
                del data[index:]

            # Append to section title or text
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skipped:
            return

        # Collapse whitespace in non-pre contexts
        open_ = self.open
        pre = open_.get("pre")
        if not pre:
            if not data.isspace():
                data = data.replace("\n", " ")
            else:
                data = " "

        # Handle preface - ensure top-level section
        section = self.section
        if not section:
            section = self.section = Section(Element("hx"))
            self.data.append(section)

        # Handle section headline
        if open_.get(section.el.tag):
            permalink = False
            for el in self.context:
                if el.tag == "a" and el.attrs.get("class") == "headerlink":
                    permalink = True

            # Ignore permalinks
            if not permalink:
                section.title.append(_escape(data))

        # Collapse adjacent whitespace (kept as is inside pre)
        elif data.isspace():
            text = section.text
            if not text or not text[-1].isspace() or pre:
                text.append(data)

        # Handle everything else
        else:
            section.text.append(_escape(data))


def _escape(s: str) -> str:
    """``html.escape(s, quote=False)``."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def install() -> None:
    """Material's search plugin parses pages with ``FastParser`` from now on
    (in this process: both editions' builds)."""
    material_search.Parser = FastParser
