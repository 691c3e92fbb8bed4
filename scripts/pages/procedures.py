"""Procedure pages (docs/thu-tuc/*.md): template check, catalogue, navigation.

Each procedure page follows the national template for publishing an
administrative procedure (TEMPLATE_SECTIONS, as H2 headings, in order) and
carries its structured metadata in front matter under ``procedure:``
(contract: data/schemas/procedure.schema.json, validated by
scripts/pages/frontmatter.py). From that metadata alone this module renders the
catalogue page (one table per field) and the "Thủ tục hải quan" navigation,
so neither is ever maintained by hand.

    python -m scripts.pages.procedures catalogue   # print the catalogue Markdown
    python -m scripts.pages.procedures sections    # print the template's headings
    python -m scripts.pages.procedures check       # template problems, exit 2 if any
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scripts import DOCS_DIR, ROOT
from scripts.escape import html_text, md_text
from scripts.pages import frontmatter
from scripts.vietnamese import fold
from scripts.yamlstrict import InvalidInput, Problem, read_text

# The national template, in its published order. Every procedure page has
# each of these as an H2 heading, in this order (the editor-workflow
# scaffold reuses this list).
TEMPLATE_SECTIONS: tuple[str, ...] = (
    "Trình tự thực hiện",
    "Cách thức thực hiện",
    "Thành phần, số lượng hồ sơ",
    "Thời hạn giải quyết",
    "Đối tượng thực hiện",
    "Cơ quan thực hiện",
    "Kết quả thực hiện thủ tục hành chính",
    "Phí, lệ phí",
    "Mẫu đơn, mẫu tờ khai",
    "Yêu cầu, điều kiện",
    "Căn cứ pháp lý",
)
# Sections the classic template also has but a page may omit; value: the
# required section it follows.
OPTIONAL_SECTIONS: dict[str, str] = {
    "Thời gian tiếp nhận và trả kết quả": "Trình tự thực hiện",
}

SECTION_DIR = "thu-tuc"
CATALOGUE = f"{SECTION_DIR}/index.md"       # docs-relative, generated
NAV_SECTION_ENTRY = CATALOGUE                # marks the nav section to extend
FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_H2 = re.compile(r"^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


def full_template() -> list[str]:
    """Required and optional sections in the order a page may use them."""
    out = []
    for section in TEMPLATE_SECTIONS:
        out.append(section)
        out += [opt for opt, after in OPTIONAL_SECTIONS.items() if after == section]
    return out


def fields() -> list[str]:
    """The fields (lĩnh vực) in catalogue order, as the schema lists them."""
    return list(frontmatter.schema("procedure.schema.json")
                ["properties"]["procedure"]["properties"]["field"]["enum"])


@dataclass(frozen=True)
class Procedure:
    path: str                  # docs-relative, e.g. "thu-tuc/huy-to-khai.md"
    title: str
    short_name: str
    field: str
    code: str
    time_limit: str
    fee: str
    legal_basis: tuple[str, ...]
    owner: str
    last_reviewed: str

    @property
    def nav_title(self) -> str:
        return self.short_name or self.title


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _body(text: str) -> tuple[str, int]:
    """The Markdown after the front matter, and the file line it starts on."""
    if text.startswith("---\n"):
        end = text.find("\n---", 3)
        if end >= 0:
            after = text.find("\n", end + 4)
            after = len(text) if after < 0 else after + 1
            return text[after:], text[:after].count("\n") + 1
    return text, 1


def procedure_files(docs_dir: Path) -> list[Path]:
    """Procedure pages on disk, sorted by path."""
    base = docs_dir / SECTION_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob("*.md")
                  if frontmatter.is_procedure(p.relative_to(docs_dir)))


def read_procedure(md: Path, docs_dir: Path, root: Path = ROOT) -> Procedure:
    """One page's metadata, tolerant of mistakes (the schema check reports those)."""
    name = _display_name(md, root)
    text = read_text(md, name)
    data = frontmatter.parse(text, name).data
    meta = data.get("procedure") if isinstance(data.get("procedure"), dict) else {}
    title = _text(data.get("title"))
    if not title:
        h1 = _H1.search(_body(text)[0])
        title = h1.group(1).strip() if h1 else md.stem
    basis = meta.get("legal_basis")
    return Procedure(
        path=md.relative_to(docs_dir).as_posix(),
        title=title,
        short_name=_text(meta.get("short_name")),
        field=_text(meta.get("field")),
        code=_text(meta.get("code")),
        time_limit=_text(meta.get("time_limit")),
        fee=_text(meta.get("fee")),
        legal_basis=tuple(b for b in basis if isinstance(b, str)) if isinstance(basis, list) else (),
        owner=_text(data.get("owner")),
        last_reviewed=_text(data.get("last_reviewed")),
    )


def load(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Procedure]:
    """Every readable procedure page, sorted by field (schema order) then title.

    Pages whose front matter cannot be parsed are skipped here: the front
    matter check (scripts/pages/frontmatter.py) reports them and stops the build.
    """
    out = []
    for md in procedure_files(docs_dir):
        try:
            out.append(read_procedure(md, docs_dir, root))
        except InvalidInput:
            continue
    return sorted(out, key=sort_key)


def sort_key(proc: Procedure) -> tuple:
    order = fields()
    rank = order.index(proc.field) if proc.field in order else len(order)
    return (rank, fold(proc.field).casefold(), fold(proc.nav_title).casefold(), proc.path)


def _display_name(md: Path, root: Path) -> str:
    return str(md.relative_to(root)) if md.is_relative_to(root) else str(md)


# --- template check ---------------------------------------------------------

def h2_headings(text: str) -> list[tuple[int, str]]:
    """(file line, heading text) of every ATX H2 outside fenced code."""
    body, first_line = _body(text)
    out, fence = [], None
    for i, line in enumerate(body.splitlines()):
        m = _FENCE.match(line)
        if m:
            marker = m.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None and (h := _H2.match(line)):
            heading = unicodedata.normalize("NFC", _ATTR_LIST.sub("", h.group(1)).strip())
            out.append((first_line + i, heading))
    return out


def template_problems(text: str, file: str) -> list[Problem]:
    """Problems with a procedure page's sections against the national template."""
    order = full_template()
    listing = "; ".join(TEMPLATE_SECTIONS)
    problems = []
    headings = h2_headings(text)
    seen: dict[str, int] = {}
    last_rank, last_heading = -1, ""
    for line, heading in headings:
        if heading not in order:
            problems.append(Problem(file, line, 1, "", (
                f"'## {heading}' is not a section of the national procedure template; "
                f"make it a '###' sub-heading of one of: {listing}")))
            continue
        if heading in seen:
            problems.append(Problem(file, line, 1, "", (
                f"section '## {heading}' appears twice (first on line {seen[heading]}); keep one")))
            continue
        seen[heading] = line
        rank = order.index(heading)
        if rank < last_rank:
            problems.append(Problem(file, line, 1, "", (
                f"section '## {heading}' must come before '## {last_heading}'; "
                f"the template's order is: {listing}")))
        else:
            last_rank, last_heading = rank, heading
    end_line = text.count("\n") + 1
    for section in TEMPLATE_SECTIONS:
        if section not in seen:
            following = [ln for ln, h in headings if h in order and order.index(h) > order.index(section)]
            problems.append(Problem(file, min(following, default=end_line), 1, "", (
                f"missing section '## {section}' of the national procedure template; "
                f"the sections, in order, are: {listing}")))
    return problems


def check(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Problem]:
    """Template and file-name problems of every procedure page."""
    problems = []
    hand_written = docs_dir / CATALOGUE
    if hand_written.exists():
        problems.append(Problem(_display_name(hand_written, root), 1, 1, "", (
            "the procedure catalogue is generated from the procedure pages' front matter; "
            "delete this hand-written file")))
    for md in procedure_files(docs_dir):
        name = _display_name(md, root)
        if not FILE_NAME.match(md.name):
            problems.append(Problem(name, 1, 1, "", (
                "a procedure page's file name becomes its web address: use lowercase "
                "letters without accents, digits and hyphens, e.g. huy-to-khai.md")))
        try:
            problems += template_problems(read_text(md, name), name)
        except InvalidInput:
            continue  # unreadable: the front-matter check reports it
    return problems


# --- catalogue and navigation ----------------------------------------------

def _anchor_link(field: str) -> str:
    from scripts.vietnamese import slugify
    return f"[{md_text(field)}](#{slugify(field)})"


def grouped(procs: list[Procedure]) -> list[tuple[str, list[Procedure]]]:
    """Procedures by field, fields in catalogue order, each sorted by title."""
    groups: dict[str, list[Procedure]] = {}
    for proc in sorted(procs, key=sort_key):
        groups.setdefault(proc.field or "Chưa phân lĩnh vực", []).append(proc)
    return list(groups.items())


def catalogue_markdown(procs: list[Procedure]) -> str:
    """The catalogue page (front matter included), from metadata only."""
    owners = Counter(p.owner for p in procs if p.owner)
    reviewed = sorted(p.last_reviewed for p in procs if p.last_reviewed)
    meta = {
        "owner": owners.most_common(1)[0][0] if owners else "chi-cuc-hq-kv3",
        # As current as its least recently reviewed entry.
        "last_reviewed": reviewed[0] if reviewed else None,
        "review_in": "6 months",
        "title": "Danh mục thủ tục hải quan",
        "description": (f"Danh mục {len(procs)} thủ tục hải quan theo lĩnh vực, kèm thời hạn "
                        "giải quyết, phí, lệ phí và liên kết đến hướng dẫn từng thủ tục."),
        # "Edit this page" opens the renderer (rows come from each procedure page).
        "edit_source": "scripts/pages/procedures.py",
        # A hub listing every procedure: ranks below the procedures themselves.
        "search": {"boost": 0.5},
    }
    lines = ["---"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}"
              for key, value in meta.items() if value is not None]
    lines += ["---", "", "# Danh mục thủ tục hải quan", ""]
    lines += [
        "Mỗi thủ tục có một trang hướng dẫn theo mẫu công bố thủ tục hành chính: "
        + "; ".join(TEMPLATE_SECTIONS) + ".",
        "",
        "Thời hạn và phí, lệ phí dưới đây là tóm tắt; căn cứ pháp lý (luật, nghị định, "
        "thông tư và điều khoản) của từng thời hạn ghi ở mục *Thời hạn giải quyết* và "
        "*Căn cứ pháp lý* của trang thủ tục. Văn bản pháp luật gốc là căn cứ cuối cùng.",
        "",
    ]
    groups = grouped(procs)
    if not groups:
        lines += ["Chưa có trang thủ tục nào.", ""]
    else:
        lines += ["**Lĩnh vực:** " + " · ".join(_anchor_link(f) for f, _ in groups), ""]
    for field, members in groups:
        lines += [f"## {md_text(field)}", "",
                  "| Thủ tục | Thời hạn giải quyết | Phí, lệ phí |",
                  "| --- | --- | --- |"]
        for p in members:
            name = PurePosixPath(p.path).relative_to(SECTION_DIR).as_posix()
            cell = f"[{md_text(p.title)}]({name})"
            if p.code:
                cell += f" (mã {md_text(p.code)})"
            lines.append(f"| {cell} | {md_text(p.time_limit or 'chưa ghi')} "
                         f"| {md_text(p.fee or 'chưa ghi')} |")
        lines.append("")
    lines += ["<small>Trang này được tạo tự động khi dựng trang từ phần đầu (front matter) "
              "của từng trang thủ tục; muốn sửa một dòng, sửa trang thủ tục đó.</small>", ""]
    return "\n".join(lines)


def _nav_paths(items) -> set[str]:
    found = set()
    for item in items or []:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _nav_paths(value) if isinstance(value, list) else {value}
    return found


def _find_section(items):
    """The nav list that holds the catalogue entry, or None."""
    for item in items or []:
        if isinstance(item, str) and item == NAV_SECTION_ENTRY:
            return items
        if isinstance(item, dict):
            for value in item.values():
                if value == NAV_SECTION_ENTRY:
                    return items
                if isinstance(value, list) and (found := _find_section(value)) is not None:
                    return found
    return None


def extend_nav(nav: list | None, procs: list[Procedure]) -> bool:
    """Add every procedure page not already listed to the nav section that
    holds the catalogue, sorted by field then title. False if no such section.

    One flat list rather than a sub-section per field: several fields hold a
    single procedure (an extra tap for one link), and on phones every link of
    a folded sub-section still takes a Tab stop. The catalogue groups by field.
    """
    section = _find_section(nav)
    if section is None:
        return False
    listed = _nav_paths(nav)
    for proc in sorted(procs, key=sort_key):
        if proc.path not in listed:
            # The theme prints nav titles without escaping (MkDocs' Jinja has
            # no autoescape), so escape editor text here.
            section.append({html_text(proc.nav_title): proc.path})
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["catalogue", "sections", "check"])
    parser.add_argument("--docs-dir", type=Path, default=DOCS_DIR)
    args = parser.parse_args(argv)
    docs_dir = args.docs_dir.resolve()
    if args.command == "sections":
        print("\n".join(f"## {s}" for s in TEMPLATE_SECTIONS))
    elif args.command == "catalogue":
        sys.stdout.write(catalogue_markdown(load(docs_dir)))
    else:
        problems = check(docs_dir)
        for p in problems:
            print(p, file=sys.stderr)
        return 2 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
