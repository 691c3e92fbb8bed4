"""Translate MkDocs' strict-build warnings into ``file:line: message``.

MkDocs names the page but not the line ("Doc file 'x.md' contains a link
'y.md', but the target is not found among documentation files."); editors
need the line, and a sentence saying what to do. The line is found by
looking for the link target in the page's source.
"""

from __future__ import annotations

import re
from pathlib import Path

_LEVEL = re.compile(r"^(WARNING|ERROR|INFO|DEBUG)\s+-\s+(.*)$")
_NOT_FOUND = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but the target '(?P<target>[^']+)' is not found among documentation files\."
)
_ANCHOR_OTHER = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)'\."
)
_ANCHOR_SELF = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but there is no such anchor on this page\."
)
_UNRECOGNIZED = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains an unrecognized relative link "
    r"'(?P<link>[^']+)', it was left as is\.(?P<rest>.*)$"
)
_ABSOLUTE = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains an absolute link '(?P<link>[^']+)', "
    r"it was left as is\.(?P<rest>.*)$"
)
_NAV_MISSING = re.compile(
    r"^A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, "
    r"which is not found in the documentation files\."
)
_NOT_IN_NAV = re.compile(
    r"^The following pages exist in the docs directory, but are not included "
    r"in the \"nav\" configuration:"
)
_PROBLEM_LINE = re.compile(r"^\S+:\d+(:\d+)?: ")
_SKIP = re.compile(
    r"^(Aborted with \d+ warnings? in strict mode!|Cleaning site directory|"
    r"Building documentation to directory|Documentation built in)"
)


def _records(output: str):
    """(level, message with its continuation lines) for each log record."""
    level, lines = None, []
    for raw in output.splitlines():
        match = _LEVEL.match(raw)
        if match:
            if level:
                yield level, "\n".join(lines)
            level, lines = match.group(1), [match.group(2).strip()]
        elif level:
            lines.append(raw)
        elif raw.strip():
            yield "PLAIN", raw.strip()
    if level:
        yield level, "\n".join(lines)


def _line_of(path: Path, needle: str) -> int:
    """First line of ``path`` that links to ``needle`` (1 when it cannot be found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    patterns = [f"]({needle}", f"]({needle} ", f"]: {needle}", f'href="{needle}"', f"<{needle}>"]
    for pattern in patterns + [needle]:
        for number, line in enumerate(lines, 1):
            if pattern in line:
                return number
    return 1


def _page(docs_rel: str, docs_dir: Path, root: Path) -> tuple[str, Path]:
    """Repository-relative name of a docs page and its path on disk."""
    path = docs_dir / docs_rel
    try:
        return path.relative_to(root).as_posix(), path
    except ValueError:
        return path.as_posix(), path


def translate(output: str, docs_dir: Path, config_file: Path) -> tuple[list[str], list[str]]:
    """``file:line: message`` lines for a failed strict build's log.

    Returns (editor problems, other messages): broken links, anchors, nav
    entries and problems that hooks already report as ``file:line:`` are the
    editor's; anything else (a configuration error, a crash) is not, and
    ``scripts.build`` then exits 1 instead of 2.
    """
    root = config_file.parent
    config_name = config_file.name
    problems: list[str] = []
    others: list[str] = []
    for level, message in _records(output):
        first = message.splitlines()[0] if message else ""
        if level in ("INFO", "DEBUG") or _SKIP.match(first):
            continue
        if m := _NOT_FOUND.match(first):
            name, path = _page(m["doc"], docs_dir, root)
            problems.append(
                f"{name}:{_line_of(path, m['link'])}: liên kết hỏng '{m['link']}': "
                f"không có tệp docs/{m['target']}; kiểm tra tên tệp và thư mục (liên kết "
                "trỏ tới tệp .md, tính từ thư mục của trang này)"
            )
        elif m := _ANCHOR_OTHER.match(first):
            name, path = _page(m["doc"], docs_dir, root)
            problems.append(
                f"{name}:{_line_of(path, m['link'])}: liên kết '{m['link']}' trỏ tới "
                f"'#{m['anchor']}', nhưng docs/{m['target']} không có tiêu đề hay neo nào "
                "mang mã đó; kiểm tra mã của tiêu đề (bỏ dấu, đ thành d, dấu cách thành -) "
                "hoặc {#mã} sau tiêu đề"
            )
        elif m := _ANCHOR_SELF.match(first):
            name, path = _page(m["doc"], docs_dir, root)
            problems.append(
                f"{name}:{_line_of(path, m['link'])}: liên kết '{m['link']}' trỏ tới "
                "tiêu đề hay neo mà chính trang này không có; kiểm tra mã"
            )
        elif m := _UNRECOGNIZED.match(first):
            name, path = _page(m["doc"], docs_dir, root)
            hint = m["rest"].strip()
            problems.append(
                f"{name}:{_line_of(path, m['link'])}: liên kết '{m['link']}' không trỏ tới "
                "trang hay tệp nào của trang web; hãy trỏ tới tệp .md của trang"
                + (f" ({hint})" if hint else "")
            )
        elif m := _ABSOLUTE.match(first):
            name, path = _page(m["doc"], docs_dir, root)
            problems.append(
                f"{name}:{_line_of(path, m['link'])}: liên kết '{m['link']}' bắt đầu bằng '/'; "
                "viết tương đối với trang này (ví dụ ../lien-he/index.md)"
            )
        elif m := _NAV_MISSING.match(first):
            problems.append(
                f"{config_name}:{_line_of(config_file, m['ref'])}: menu (nav) có "
                f"'{m['ref']}', nhưng docs/ không có tệp đó; sửa đường dẫn hoặc "
                "xóa dòng"
            )
        elif _NOT_IN_NAV.match(first):
            for item in message.splitlines()[1:]:
                page = item.strip().removeprefix("- ").strip()
                if page:
                    name, _ = _page(page, docs_dir, root)
                    problems.append(
                        f"{name}:1: trang này chưa có trong menu (nav) của {config_name}; "
                        "thêm vào đó để người đọc tìm tới được"
                    )
        else:
            for line in message.splitlines():
                line = line.strip()
                if not line or _SKIP.match(line) or (line.endswith(":") and not _PROBLEM_LINE.match(line)):
                    continue
                # Hooks report editor errors already as file:line: message.
                if _PROBLEM_LINE.match(line):
                    problems.append(line)
                else:
                    others.append(f"{config_name}:1: {line}")
    return list(dict.fromkeys(problems)), list(dict.fromkeys(others))


def is_problem_line(line: str) -> bool:
    """True for a line already written as ``file:line: message``."""
    return bool(_PROBLEM_LINE.match(line))
