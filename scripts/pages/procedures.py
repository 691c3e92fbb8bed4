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

Pages come from the page model (scripts/pages/model.py): each is read and
its front matter parsed once per build, whatever reads it.
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

from scripts import ROOT
from scripts.config import DEFAULT_OWNER, DEFAULT_REVIEW_IN
from scripts.escape import html_text, md_text
from scripts.pages import frontmatter
from scripts.pages.model import PROCEDURE, Page, PageModel
from scripts.pages.model import load as load_model
from scripts.search import boosts
from scripts.vietnamese import fold
from scripts.yamlstrict import Problem

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

# What scripts/editor/new_procedure.py writes under each heading; a section still
# holding it, or holding nothing but comments, is not finished.
PLACEHOLDER = "Điền mục «{section}» theo văn bản pháp luật; ghi rõ điều, khoản."
_COMMENT = re.compile(r"<!--.*?-->", re.S)

SECTION_DIR = "thu-tuc"
CATALOGUE = f"{SECTION_DIR}/index.md"  # docs-relative, generated
NAV_SECTION_ENTRY = CATALOGUE  # marks the nav section to extend
FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_H2 = re.compile(r"^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


def full_template() -> list[str]:
    """Required and optional sections in the order a page may use them."""
    out = []
    for section in TEMPLATE_SECTIONS:
        out.append(section)
        out += [opt for opt, after in OPTIONAL_SECTIONS.items() if after == section]
    return out


def fields() -> list[str]:
    """The fields (lĩnh vực) in catalogue order, as the schema lists them."""
    return list(
        frontmatter.schema("procedure.schema.json")["properties"]["procedure"]["properties"]["field"]["enum"]
    )


@dataclass(frozen=True)
class Procedure:
    path: str  # docs-relative, e.g. "thu-tuc/huy-to-khai.md"
    title: str
    short_name: str
    field: str
    code: str
    time_limit: str
    fee: str
    legal_basis: tuple[str, ...]
    owner: str
    last_reviewed: str
    status: str = ""

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def nav_title(self) -> str:
        return self.short_name or self.title


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def from_page(page: Page) -> Procedure:
    """One page's metadata, tolerant of mistakes (the schema check reports those)."""
    meta = page.procedure
    basis = meta.get("legal_basis")
    return Procedure(
        path=page.rel,
        title=page.title,
        short_name=_text(meta.get("short_name")),
        field=_text(meta.get("field")),
        code=_text(meta.get("code")),
        time_limit=_text(meta.get("time_limit")),
        fee=_text(meta.get("fee")),
        legal_basis=tuple(b for b in basis if isinstance(b, str)) if isinstance(basis, list) else (),
        owner=page.owner,
        last_reviewed=_text(page.meta.get("last_reviewed")),
        status=_text(page.meta.get("status")),
    )


def load(model: PageModel) -> list[Procedure]:
    """Every readable procedure page of the model, sorted by field (schema order) then title.

    Pages whose front matter cannot be parsed are skipped here: the model
    holds their problems, which stop the build.
    """
    return sorted(
        (from_page(page) for page in model.of_kind(PROCEDURE) if page.doc is not None), key=sort_key
    )


def sort_key(proc: Procedure) -> tuple:
    order = fields()
    rank = order.index(proc.field) if proc.field in order else len(order)
    return (rank, fold(proc.field).casefold(), fold(proc.nav_title).casefold(), proc.path)


# --- template check ---------------------------------------------------------


def h2_headings(text: str) -> list[tuple[int, str]]:
    """(file line, heading text) of every ATX H2 outside fenced code."""
    _, body, first_line = frontmatter.split(text)
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


def section_bodies(text: str) -> list[tuple[int, str, str]]:
    """(file line, heading, Markdown up to the next H2) for every H2 of the page."""
    _, body, first_line = frontmatter.split(text)
    lines = body.splitlines()
    headings = h2_headings(text)
    out = []
    for index, (line, heading) in enumerate(headings):
        start = line - first_line + 1
        end = headings[index + 1][0] - first_line if index + 1 < len(headings) else len(lines)
        out.append((line, heading, "\n".join(lines[start:end])))
    return out


def content_problems(text: str, file: str) -> list[Problem]:
    """Template sections left empty, or still holding the template's note."""
    problems = []
    order = full_template()
    for line, heading, content in section_bodies(text):
        if heading not in order:
            continue
        if PLACEHOLDER.format(section=heading) in content:
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    (
                        f"mục «{heading}» vẫn còn dòng hướng dẫn của mẫu («Điền mục …»); "
                        "điền nội dung rồi xóa dòng đó"
                    ),
                )
            )
        elif not _COMMENT.sub("", content).strip():
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    (
                        f"mục «{heading}» đang trống; điền nội dung theo văn bản pháp luật (ghi rõ điều, khoản), "
                        "hoặc ghi rõ «Chưa xác minh» nếu chưa có nguồn"
                    ),
                )
            )
    return problems


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
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    (
                        f"«## {heading}» không phải là mục của mẫu công bố thủ tục hành chính; "
                        f"đổi thành tiêu đề con «###» trong một trong các mục: {listing}"
                    ),
                )
            )
            continue
        if heading in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    (f"mục «## {heading}» xuất hiện hai lần (lần đầu ở dòng {seen[heading]}); giữ một mục"),
                )
            )
            continue
        seen[heading] = line
        rank = order.index(heading)
        if rank < last_rank:
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    (f"mục «## {heading}» phải đứng trước «## {last_heading}»; thứ tự của mẫu là: {listing}"),
                )
            )
        else:
            last_rank, last_heading = rank, heading
    end_line = text.count("\n") + 1
    for section in TEMPLATE_SECTIONS:
        if section not in seen:
            following = [ln for ln, h in headings if h in order and order.index(h) > order.index(section)]
            problems.append(
                Problem(
                    file,
                    min(following, default=end_line),
                    1,
                    "",
                    (
                        f"thiếu mục «## {section}» của mẫu công bố thủ tục hành chính; "
                        f"các mục, theo thứ tự, là: {listing}"
                    ),
                )
            )
    return problems + content_problems(text, file)


def check(model: PageModel) -> list[Problem]:
    """Template and file-name problems of every procedure page."""
    problems = []
    if CATALOGUE in model.pages:
        problems.append(
            Problem(
                model.pages[CATALOGUE].name,
                1,
                1,
                "",
                ("danh mục thủ tục được sinh tự động từ phần đầu các trang thủ tục; xóa tệp viết tay này"),
            )
        )
    for page in model.of_kind(PROCEDURE):
        if not FILE_NAME.match(PurePosixPath(page.rel).name):
            problems.append(
                Problem(
                    page.name,
                    1,
                    1,
                    "",
                    (
                        "tên tệp của trang thủ tục trở thành địa chỉ web: dùng chữ thường không dấu, "
                        "chữ số và dấu gạch ngang, ví dụ huy-to-khai.md"
                    ),
                )
            )
        if not page.text:
            continue  # unreadable: the model holds its problem
        problems += template_problems(page.text, page.name)
    return problems


# --- catalogue and navigation ----------------------------------------------

# How a draft procedure (front matter ``status: draft``) is marked in the
# catalogue and the menu: published, but never mistaken for one in force.
DRAFT_LABEL = "dự thảo"
DRAFT_MARK = '<span class="kb-draft-mark">Dự thảo</span>'


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
        "owner": owners.most_common(1)[0][0] if owners else DEFAULT_OWNER,
        # As current as its least recently reviewed entry.
        "last_reviewed": reviewed[0] if reviewed else None,
        "review_in": DEFAULT_REVIEW_IN,
        "title": "Danh mục thủ tục hải quan",
        "description": (
            f"Danh mục {len(procs)} thủ tục hải quan theo lĩnh vực, kèm thời hạn "
            "giải quyết, phí, lệ phí và liên kết đến hướng dẫn từng thủ tục."
        ),
        # "Edit this page" opens the renderer (rows come from each procedure page).
        "edit_source": "scripts/pages/procedures.py",
        # A hub listing every procedure (scripts/search/boosts.py), found by
        # how businesses ask for the whole list (scripts/search/keywords.py).
        "search": {
            "boost": boosts.CATALOGUE,
            "keywords": ["tất cả thủ tục", "danh sách thủ tục", "xem các thủ tục"],
        },
    }
    lines = ["---"]
    lines += [
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value is not None
    ]
    lines += ["---", "", "# Danh mục thủ tục hải quan", ""]
    lines += [
        "Mỗi thủ tục có một trang hướng dẫn theo mẫu công bố thủ tục hành chính: "
        + "; ".join(TEMPLATE_SECTIONS)
        + ".",
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
        lines += [
            f"## {md_text(field)}",
            "",
            "| Thủ tục | Thời hạn giải quyết | Phí, lệ phí |",
            "| --- | --- | --- |",
        ]
        for p in members:
            name = PurePosixPath(p.path).relative_to(SECTION_DIR).as_posix()
            cell = f"[{md_text(p.title)}]({name})"
            if p.code:
                cell += f" (mã {md_text(p.code)})"
            if p.draft:
                cell += f" {DRAFT_MARK}"
            lines.append(
                f"| {cell} | {md_text(p.time_limit or 'chưa ghi')} | {md_text(p.fee or 'chưa ghi')} |"
            )
        lines.append("")
    lines += [
        "<small>Trang này được tạo tự động khi dựng trang từ phần đầu (front matter) "
        "của từng trang thủ tục; muốn sửa một dòng, sửa trang thủ tục đó.</small>",
        "",
    ]
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
            title = html_text(proc.nav_title)
            section.append({f"{title} ({DRAFT_LABEL})" if proc.draft else title: proc.path})
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["catalogue", "sections", "check"])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    args = parser.parse_args(argv)
    if args.command == "sections":
        print("\n".join(f"## {s}" for s in TEMPLATE_SECTIONS))
        return 0
    model = load_model(args.root.resolve())
    if args.command == "catalogue":
        sys.stdout.write(catalogue_markdown(load(model)))
    else:
        problems = check(model)
        for p in problems:
            print(p, file=sys.stderr)
        return 2 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
