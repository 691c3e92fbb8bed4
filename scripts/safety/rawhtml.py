"""Raw HTML, attribute lists and link targets in Markdown source, checked
against the allow-list in policy.py, each problem with ``line:col``.

Front matter and code (fenced blocks, inline code spans) are blanked first,
keeping positions,
so HTML shown as an example is not flagged. Autolinks (``<https://…>``) are
Markdown, not tags. Attribute lists (``{: #id .class key=value }``) are read
with Python-Markdown's own attr_list parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder

from scripts.safety import policy

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
# [text](target "title") and ![alt](target); [ref]: target
_INLINE_LINK = re.compile(r"\]\([ \t]*<?([^\s)>]*)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)", re.M)

MSG_DANGEROUS = (
    "thẻ <{tag}> không được phép trong trang: nội dung không được chạy mã, nhúng hay "
    "chuyển sang trang khác; hãy xóa thẻ này"
)
MSG_TAG = (
    "thẻ <{tag}> không có trong danh sách thẻ HTML được phép (CONTRIBUTING.md, mục "
    '"HTML trong trang"); hãy dùng cú pháp Markdown'
)
MSG_EVENT = (
    "thuộc tính sự kiện '{name}' không được phép: trang không chạy mã JavaScript từ nội dung; "
    "hãy xóa thuộc tính này"
)
MSG_ATTRIBUTE = (
    "thuộc tính '{name}' không được phép trên thẻ <{tag}>; dùng id, class, title hoặc lang "
    '(xem CONTRIBUTING.md, mục "HTML trong trang")'
)
MSG_ATTR_LIST = (
    "thuộc tính '{name}' không được phép trong {{: … }}; chỉ dùng #id, .class, title "
    'hoặc lang (xem CONTRIBUTING.md, mục "HTML trong trang")'
)
MSG_URL = (
    "liên kết '{scheme}:' không được phép; chỉ dùng địa chỉ https://, http://, mailto:, tel: "
    "hoặc liên kết tương đối đến trang khác"
)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_front_matter(text: str) -> str:
    """``text`` with its YAML front matter (not Markdown: its values are
    validated and escaped where they are shown) replaced by blank lines."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    end = text.find("\n", end + 1)
    end = len(text) if end < 0 else end
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]


def blank_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans replaced by spaces
    (line breaks kept, so every position stays where it was)."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group("fence")
            lines[i] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            lines[i] = " " * len(line)
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        self.found += [(line, col + 1, message) for message in tag_problems(tag, attrs)]

    handle_startendtag = handle_starttag


def tag_problems(tag: str, attrs) -> list[str]:
    if tag in policy.DANGEROUS_TAGS:
        return [MSG_DANGEROUS.format(tag=tag)]
    if tag not in policy.TAGS:
        return [MSG_TAG.format(tag=tag)]
    out = []
    for name, value in attrs:
        out += attribute_problems(tag, name, value)
    return out


def attribute_problems(tag: str, name: str, value: str | None) -> list[str]:
    name = name.lower()
    if name.startswith("on"):
        return [MSG_EVENT.format(name=name)]
    if not (policy.allowed_attribute(tag, name) or name in policy.SOURCE_ONLY_ATTRIBUTES):
        return [(MSG_ATTR_LIST if tag == "*" else MSG_ATTRIBUTE).format(name=name, tag=tag)]
    if name in policy.URL_ATTRIBUTES and value is not None and not policy.url_allowed(value):
        return [MSG_URL.format(scheme=policy.url_scheme(value))]
    return []


def problems(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) for every policy problem in a Markdown text."""
    source = blank_code(blank_front_matter(text))
    found: list[tuple[int, int, str]] = []
    parser = _Tags()
    parser.feed(_AUTOLINK.sub(_blank, source))
    parser.close()
    found += parser.found
    for m in _ATTR_LIST.finditer(source):
        attrs, rest = get_attrs_and_remainder(m.group(1))
        if rest.strip():
            continue  # not an attribute list, just braces in text
        line, col = _position(source, m.start())
        for name, value in attrs:
            if name in ("#", ".", "id", "class"):
                continue
            # The element is not known here: only attributes allowed on every one.
            found += [(line, col, msg) for msg in attribute_problems("*", name, value)]
    for pattern in (_INLINE_LINK, _REF_DEF):
        for m in pattern.finditer(source):
            if not (
                policy.url_allowed(m.group(1))
                or policy.url_scheme(m.group(1)) in policy.MARKDOWN_LINK_SCHEMES
            ):
                line, col = _position(source, m.start(1))
                found.append((line, col, MSG_URL.format(scheme=policy.url_scheme(m.group(1)))))
    return sorted(set(found))
