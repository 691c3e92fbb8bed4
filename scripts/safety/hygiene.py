"""Invisible and bidirectional control characters, and oversized pages.

A zero-width space or soft hyphen inside a word makes it unfindable as it
looks; a right-to-left override makes text read differently from what it
is. Each one is reported with ``line:col`` and its Unicode name. Search
folds the harmless ones away as well (scripts/search/normalize.py).
"""

from __future__ import annotations

import re
import unicodedata

# U+00AD soft hyphen, U+200B–U+200F zero-width and direction marks,
# U+202A–U+202E embeddings and overrides, U+2060–U+2064 word joiner and
# invisible operators, U+2066–U+2069 isolates, U+FEFF inside text.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Pages over this size are slow for editors' tools and for readers on a phone.
PAGE_SIZE_WARNING = 200 * 1024

MSG_BIDI = (
    "ký tự điều khiển hướng chữ U+{code:04X} ({name}) làm chữ hiển thị khác với nội dung thật; hãy xóa nó"
)
MSG_INVISIBLE = (
    "ký tự vô hình U+{code:04X} ({name}): chữ chứa nó không tìm được như khi nhìn thấy; hãy xóa nó"
)


def problems(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) for every invisible or bidirectional character."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for m in INVISIBLE.finditer(line):
            char = m.group(0)
            message = MSG_BIDI if char in BIDI else MSG_INVISIBLE
            found.append(
                (number, m.start() + 1, message.format(code=ord(char), name=unicodedata.name(char, "?")))
            )
    return found


def size_warning(size: int) -> str | None:
    if size <= PAGE_SIZE_WARNING:
        return None
    return (
        f"cảnh báo: trang nặng {size // 1024} KB (trên {PAGE_SIZE_WARNING // 1024} KB), chậm với "
        "điện thoại và với bước kiểm tra kiểu Markdown; nên tách thành nhiều trang"
    )
