"""What a page can pull into the site: snippets and symbolic links.

``--8<-- "file"`` (pymdownx.snippets) includes a file's text into a page.
mkdocs.yml restricts it to one folder, ``snippets/`` (``base_path`` with
``restrict_base_path``); this module checks every marker before mkdocs runs,
so a missing or out-of-bounds snippet is one ``file:line:col`` message rather
than a traceback, and a symbolic link (which ``restrict_base_path`` does not
resolve, and which MkDocs would copy as a page or file) can never bring
``.git/config`` or anything else from outside the content folders into site/.

Run through ``python -m scripts.safety``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

from scripts.yamlstrict import Problem, display_name

SNIPPETS_DIR = "snippets"
# Folders whose files can reach site/ (pages, their images, snippets).
CONTENT_DIRS = ("docs", SNIPPETS_DIR)


@lru_cache(maxsize=1)
def _preprocessor():
    """pymdownx's own snippet preprocessor: its marker patterns and path syntax."""
    import markdown
    from pymdownx.snippets import SnippetExtension

    md = markdown.Markdown(extensions=[SnippetExtension()])
    return md.preprocessors["snippet"]


def snippet_refs(text: str):
    """(line, column, path as written) of every snippet a Markdown text includes,
    read exactly as pymdownx.snippets reads them (inline and block markers,
    ``;`` escapes, line ranges and sections stripped)."""
    from scripts.safety.rawhtml import blank_front_matter  # MkDocs strips it before Markdown

    pre = _preprocessor()
    block = False
    for number, line in enumerate(blank_front_matter(text).splitlines(), 1):
        m = pre.RE_ALL_SNIPPETS.match(line)
        if m:
            if m.group("escape") or (block and m.group("inline_marker")):
                continue
            if not m.group("inline_marker"):
                block = not block
                continue
            raw = m.group("snippet")[1:-1].strip()
            col = m.start("snippet") + 2
        elif block:
            raw = line.strip()
            col = len(line) - len(line.lstrip()) + 1
            if not raw or raw.startswith(";"):
                continue
        else:
            continue
        target = pre.parse_snippet_target(raw)
        yield number, col, (target["path"] if target else "")


def _outside(path: Path, folder: Path) -> bool:
    return not path.resolve().is_relative_to(folder.resolve())


def snippet_problem(written: str, root: Path) -> str | None:
    """Why ``written`` (a snippet path) cannot be included, or None."""
    folder = root / SNIPPETS_DIR
    parts = PurePosixPath(written.replace("\\", "/")).parts
    if not written or written.startswith(("/", "\\")) or ".." in parts or ":" in written:
        return (
            f"chỉ được chèn tệp nằm trong thư mục {SNIPPETS_DIR}/, ghi đường dẫn tính từ thư mục đó "
            f"(ví dụ \"luu-y-chung.md\"); '{written}' nằm ngoài hoặc không phải đường dẫn tệp"
        )
    path = folder / written
    if not path.is_file():
        return f"không có tệp {SNIPPETS_DIR}/{written} để chèn; kiểm tra tên tệp hoặc tạo tệp trong {SNIPPETS_DIR}/"
    if _outside(path, folder):
        return f"{SNIPPETS_DIR}/{written} trỏ ra ngoài thư mục {SNIPPETS_DIR}/ (liên kết tượng trưng); không được chèn"
    return None


def link_problems(root: Path) -> list[Problem]:
    """Symbolic links inside the content folders (one message each)."""
    problems = []
    for folder in CONTENT_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink():
                problems.append(
                    Problem(
                        display_name(path, root),
                        1,
                        1,
                        "",
                        (
                            "liên kết tượng trưng (symlink) không được phép trong thư mục nội dung: nó có thể "
                            "đưa tệp bên ngoài (như .git/config) lên trang; hãy thay bằng một tệp thật"
                        ),
                    )
                )
    return problems
