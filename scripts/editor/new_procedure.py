"""``make new-procedure SLUG=... TITLE="..."``: start a procedure page from the template.

Writes docs/thu-tuc/SLUG.md with the page's front matter and one heading per
section of the national procedure template (TEMPLATE_SECTIONS, owned by
scripts/pages/procedures.py). Fields that only the editor can know (time limit,
fee, legal basis, description) are left empty on purpose: ``make check``
names each one until it is filled, so no placeholder reaches readers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from scripts import ROOT
from scripts.config import DEFAULT_OWNER, DEFAULT_REVIEW_IN

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _fields(root: Path) -> list[str]:
    """The allowed 'field' (lĩnh vực) values, from the procedure schema."""
    try:
        schema = json.loads((root / "data" / "schemas" / "procedure.schema.json").read_text(encoding="utf-8"))
        return list(schema["properties"]["procedure"]["properties"]["field"]["enum"])
    except (OSError, KeyError, ValueError):
        return []


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML string


def page_text(title: str, sections, fields: list[str], today: dt.date, owner: str) -> str:
    from scripts.pages.procedures import PLACEHOLDER as placeholder

    lines = [
        "---",
        f"owner: {owner}",
        f"last_reviewed: {today.isoformat()}",
        f"review_in: {DEFAULT_REVIEW_IN}",
        "status: draft",
        f"title: {_yaml_string(title)}",
        "# One sentence (20-200 characters): who uses the procedure and what for.",
        'description: ""',
        "procedure:",
        "  # code: national procedure code (e.g. 1.001193) only when verified on the portal",
        "  # short_name: short name for the menu, e.g. Hủy tờ khai",
    ]
    if fields:
        lines.append("  # field: one of: " + "; ".join(fields))
    lines += [
        '  field: ""',
        "  level: Chi cục Hải quan khu vực",
        "  # time_limit: e.g. 02 giờ làm việc; cite its legal basis in 'Thời hạn giải quyết'",
        '  time_limit: ""',
        "  # fee: e.g. Không; write 'chưa xác minh' rather than guess",
        '  fee: ""',
        "  # legal_basis: one line per document, e.g. - Luật Hải quan 54/2014/QH13, Điều 23",
        "  legal_basis: []",
        "---",
        "",
        f"# {title}",
        "",
    ]
    for section in sections:
        lines += [f"## {section}", "", f"<!-- {placeholder.format(section=section)} -->", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Create docs/thu-tuc/SLUG.md from the procedure template.")
    parser.add_argument("--slug", required=True, help="file name without .md, e.g. huy-to-khai")
    parser.add_argument("--title", required=True, help="full name of the procedure")
    parser.add_argument("--owner", default=DEFAULT_OWNER, help="unit id from data/units.yaml")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not SLUG.match(args.slug or ""):
        print("SLUG chỉ gồm chữ thường không dấu, chữ số và dấu '-', ví dụ SLUG=huy-to-khai", file=sys.stderr)
        return 2
    if not args.title.strip():
        print('thiếu TITLE, ví dụ TITLE="Thủ tục hủy tờ khai hải quan"', file=sys.stderr)
        return 2
    try:
        from scripts.pages.procedures import TEMPLATE_SECTIONS
    except ImportError:
        print("scripts/pages/procedures.py does not define TEMPLATE_SECTIONS", file=sys.stderr)
        return 1
    target = args.root / "docs" / "thu-tuc" / f"{args.slug}.md"
    if target.exists():
        print(f"{target.relative_to(args.root)} đã có; chọn SLUG khác", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        page_text(args.title.strip(), TEMPLATE_SECTIONS, _fields(args.root), dt.date.today(), args.owner),
        encoding="utf-8",
    )
    rel = target.relative_to(args.root)
    print(
        f"đã tạo {rel}\n"
        f"tiếp theo: điền description và procedure (field, time_limit, fee, legal_basis) ở phần đầu "
        f"trang và nội dung từng mục, rồi chạy `make check` cho đến khi không còn lỗi nào ở {rel}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
