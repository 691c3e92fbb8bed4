"""The "Thay đổi gần đây" page, from change notes written for readers.

Editors describe what changed for a business, in Vietnamese, in
``data/changes.yaml`` (schema: data/schemas/changes.schema.json)::

    changes:
      - date: 2026-11-28
        pages: [tuyen-ngon-phuc-vu/index.md]
        note: Thêm bảng cam kết thời hạn, mỗi thời hạn kèm căn cứ pháp lý.

The page lists them newest first, each linking to the pages it names. It is
never made from commit messages: those are written for developers, in
English. The page is generated at each build, never committed.

    python -m scripts.pages.whats_new          # print the page's Markdown
    python -m scripts.pages.whats_new check    # problems in data/changes.yaml, exit 2 if any
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scripts import ROOT
from scripts.escape import md_text, page_link
from scripts.pages.frontmatter import as_date, parse, schema
from scripts.yamlstrict import InvalidInput, load, schema_problems

PAGE = "tin-tuc/thay-doi-gan-day.md"
SOURCE = "data/changes.yaml"
MAX_ENTRIES = 60
# Letters only Vietnamese uses: a note without any is not written for readers here.
_VIETNAMESE = re.compile(r"[đĐăĂâÂêÊôÔơƠưƯ]|[\u0300-\u0323]")


@dataclass(frozen=True)
class Note:
    date: dt.date
    pages: tuple[str, ...]
    note: str


def generated_pages() -> set[str]:
    """Pages that exist only in the build (a note may name them)."""
    from scripts.contacts.pages import PAGE_SOURCES
    from scripts.pages import editor_guide, procedures, review

    return {*PAGE_SOURCES, procedures.CATALOGUE, review.REPORT_PAGE, editor_guide.PAGE, PAGE}


def load_notes(root: Path = ROOT, today: dt.date | None = None) -> list[Note]:
    """The validated notes, newest first (InvalidInput names every problem)."""
    path = root / SOURCE
    if not path.is_file():
        return []
    doc = load(path, root)
    problems = schema_problems(doc, schema("changes.schema.json"))
    if problems:
        raise InvalidInput(problems)
    today = today or dt.date.today()
    known = generated_pages()
    notes = []
    for i, item in enumerate(doc.data.get("changes") or []):
        day = as_date(item["date"])
        if day is None:
            problems.append(doc.problem(("changes", i, "date"), "cần một ngày có thật, viết YYYY-MM-DD"))
            continue
        if day > today + dt.timedelta(days=1):
            problems.append(doc.problem(("changes", i, "date"), f"ngày {day.isoformat()} ở tương lai"))
        for j, page in enumerate(item["pages"]):
            if page not in known and not (root / "docs" / page).is_file():
                problems.append(
                    doc.problem(
                        ("changes", i, "pages", j),
                        (
                            f"không có trang docs/{page}; ghi đường dẫn tệp .md tính từ docs/, "
                            "ví dụ tuyen-ngon-phuc-vu/index.md"
                        ),
                    )
                )
        text = unicodedata.normalize("NFC", item["note"])
        if not _VIETNAMESE.search(unicodedata.normalize("NFD", text)):
            problems.append(
                doc.problem(
                    ("changes", i, "note"),
                    (
                        "ghi chú dành cho người đọc: viết bằng tiếng Việt có dấu, nói trang đã thay đổi điều gì"
                    ),
                )
            )
        notes.append(Note(day, tuple(item["pages"]), " ".join(text.split())))
    if problems:
        raise InvalidInput(problems)
    return sorted(notes, key=lambda n: n.date, reverse=True)[:MAX_ENTRIES]


def title_of(text: str, rel: str) -> str:
    """A page's title from its Markdown: front matter ``title``, else its H1."""
    try:
        meta = parse(text, rel).data
    except InvalidInput:
        meta = {}
    if isinstance(meta.get("title"), str):
        import html

        return html.unescape(meta["title"])
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return rel


FRONT_MATTER = "\n".join(
    [
        "---",
        "owner: chi-cuc-hq-kv3",
        "title: Thay đổi gần đây",
        "description: Những trang vừa được thêm hoặc sửa trên cơ sở tri thức, "
        "kèm ngày thay đổi và nội dung thay đổi.",
        f"edit_source: {SOURCE}",
        # How readers ask for this page (scripts/search/keywords.py).
        'search: {keywords: ["có gì mới", "mới cập nhật", "trang vừa sửa"]}',
        "---",
        "",
    ]
)


def page_markdown(notes: list[Note], titles: dict[str, str]) -> str:
    """The whole page: front matter and ``body_markdown``."""
    return FRONT_MATTER + body_markdown(notes, titles)


def body_markdown(notes: list[Note], titles: dict[str, str]) -> str:
    """The page after its front matter; ``titles``: docs path -> page title."""
    out = [
        "# Thay đổi gần đây",
        "",
        "Những thay đổi nội dung mà doanh nghiệp cần biết, mới nhất ở trên, do biên tập viên ghi. "
        "Văn bản pháp luật gốc luôn là căn cứ cuối cùng.",
        "",
    ]
    if not notes:
        out += ["Chưa có thay đổi nào để hiển thị.", ""]
        return "\n".join(out)
    current = None
    for note in notes:
        if note.date != current:
            current = note.date
            out += ["", f"## Ngày {note.date.strftime('%d/%m/%Y')} {{#ngay-{note.date.isoformat()}}}", ""]
        links = ", ".join(f"[{md_text(titles.get(rel, rel))}]({page_link(rel, PAGE)})" for rel in note.pages)
        out.append(f"- {links}: {md_text(note.note)}")
    out.append("")
    return "\n".join(out)


def _disk_titles(root: Path, notes: list[Note]) -> dict[str, str]:
    titles = {}
    for rel in {rel for n in notes for rel in n.pages}:
        path = root / "docs" / rel
        if path.is_file():
            titles[rel] = title_of(path.read_text(encoding="utf-8"), rel)
    return titles


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        notes = load_notes(ROOT)
    except InvalidInput as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return 2
    if argv[:1] == ["check"]:
        return 0
    print(page_markdown(notes, _disk_titles(ROOT, notes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
