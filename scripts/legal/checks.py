"""What an editor must fix about legal citations, with the words to fix it.

Three classes of mistake, each one message naming file and line:

- an instrument number that is not in data/legal.yaml (a typo, or a text
  nobody has checked yet);
- an instrument or article that data/legal.yaml marks as replaced or expired,
  cited without naming its successor in the same paragraph, list item or table
  row (and an article marked amended, cited without the amending text);
- a deadline in data/escalation.yaml whose basis names no registered
  instrument (checked in scripts.contacts.checks with the other data checks).
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.legal import refs as refs_mod
from scripts.legal.refs import Ref, normalize
from scripts.legal.registry import SUPERSEDED, Registry, vn_date
from scripts.yamlstrict import Problem


def _what(ref: Ref) -> str:
    return f"Điều {ref.article} của văn bản '{ref.number}'" if ref.article else f"văn bản '{ref.number}'"


def block_messages(block_refs: list[Ref], block: str, registry: Registry) -> list[tuple[Ref, str]]:
    """(mention, message) for every problem among the mentions of one block
    (a paragraph, a list item, a table row or one YAML value)."""
    out: list[tuple[Ref, str]] = []
    named = {r.key for r in block_refs}
    for ref in block_refs:
        if not refs_mod.NUMBER.fullmatch(ref.number):
            out.append(
                (
                    ref,
                    f"trích dẫn '[[{ref.number}]]' không phải số hiệu văn bản; viết "
                    "[[số hiệu]] hoặc [[số hiệu, Điều N]], ví dụ [[54/2014/QH13, Điều 23]]",
                )
            )
            continue
        item = registry.get(ref.number)
        if item is None:
            out.append(
                (
                    ref,
                    f"văn bản '{ref.number}' chưa có trong data/legal.yaml: sửa số hiệu nếu viết "
                    "nhầm, hoặc đăng ký văn bản (tên, tình trạng, nguồn, ngày kiểm tra) trước khi dẫn",
                )
            )
            continue
        status = registry.status(ref.number, ref.article)
        if status in SUPERSEDED:
            succ = registry.successor(ref.number, ref.article)
            if succ is not None and normalize(succ["number"]) not in named:
                art = f", Điều {succ['article']}" if succ.get("article") else ""
                out.append(
                    (
                        ref,
                        f"{_what(ref)} đã được thay thế bởi {registry.name(succ['number'])}{art} "
                        f"(từ {vn_date(succ['date'])}): nêu văn bản thay thế trong cùng đoạn hoặc cùng mục danh sách, "
                        "hoặc bỏ trích dẫn văn bản cũ",
                    )
                )
            elif succ is None and "hết hiệu lực" not in block:
                out.append(
                    (
                        ref,
                        f"{_what(ref)} đã hết hiệu lực: ghi rõ 'hết hiệu lực' trong cùng đoạn "
                        "hoặc bỏ trích dẫn",
                    )
                )
        elif registry.article(ref.number, ref.article) is not None and status == "amended":
            changes = registry.amendments(ref.number, ref.article)
            if changes and not any(normalize(c["number"]) in named for c in changes):
                names = ", ".join(f"{registry.name(c['number'])} (từ {vn_date(c['date'])})" for c in changes)
                out.append(
                    (
                        ref,
                        f"{_what(ref)} đã được sửa đổi bởi {names}: nêu văn bản sửa đổi trong "
                        "cùng đoạn hoặc cùng mục danh sách",
                    )
                )
    return out


_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|[a-zđ]\)\s|\||#|---$)")


def blocks(text: str) -> list[int]:
    """For each line (0-based), the number of the block it belongs to: blank
    lines end a block; a list item, table row, heading or front-matter fence
    starts one."""
    out, block = [], 0
    for line in text.splitlines():
        if not line.strip() or _BLOCK_START.match(line):
            block += 1
        out.append(block)
    return out


def text_problems(text: str, file: str, registry: Registry) -> list[Problem]:
    """Problems of every citation in a Markdown page, as file:line:col."""
    lines = text.splitlines()
    block_of = blocks(text)
    by_block: dict[int, list[Ref]] = {}
    for ref in refs_mod.text_refs(text):
        by_block.setdefault(block_of[ref.line - 1], []).append(ref)
    problems = []
    for block, block_refs in by_block.items():
        block_text = "\n".join(l for l, b in zip(lines, block_of) if b == block)
        for ref, message in block_messages(block_refs, block_text, registry):
            problems.append(Problem(file, ref.line, ref.col, "", message))
    return problems


def page_problems(docs_dir: Path, root: Path, registry: Registry) -> list[Problem]:
    """Problems of every page under docs/."""
    problems = []
    for md in sorted(docs_dir.rglob("*.md")):
        name = md.relative_to(root).as_posix() if md.is_relative_to(root) else md.as_posix()
        problems += text_problems(md.read_text(encoding="utf-8"), name, registry)
    return problems


def value_problems(doc, path: tuple, value: str, registry: Registry) -> list[Problem]:
    """Problems of the citations in one string of a data file, at its field."""
    problems = []
    for _ref, message in block_messages(refs_mod.text_refs(value), value, registry):
        problems.append(doc.problem(path, message))
    return problems


def strings(node, path: tuple = ()):
    """(path, string) for every string value in parsed YAML."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def data_problems(doc, registry: Registry) -> list[Problem]:
    """Citations anywhere in a data file (contacts, escalation, glossary…)."""
    problems = []
    for path, value in strings(doc.data):
        problems += value_problems(doc, path, value, registry)
    return problems


_DEADLINE_PATHS = (("levels",), ("misconduct", "steps"))


def deadline_problems(doc, registry: Registry) -> list[Problem]:
    """Every deadline in data/escalation.yaml rests on a registered instrument."""
    problems = []
    data = doc.data
    for base in _DEADLINE_PATHS:
        node = data
        for part in base:
            node = node[part]
        for i, item in enumerate(node):
            for j, deadline in enumerate(item["deadlines"]):
                basis = deadline["basis"]
                found = refs_mod.line_refs(basis, 1)
                if not any(registry.get(r.number) for r in found):
                    problems.append(
                        doc.problem(
                            base + (i, "deadlines", j, "basis"),
                            (
                                "thời hạn này không có căn cứ pháp lý trong data/legal.yaml: ghi số hiệu của một văn "
                                "bản đã đăng ký và điều khoản quy định thời hạn (ví dụ 'Luật Hải quan 54/2014/QH13, "
                                "Điều 23'); nếu không có văn bản nào quy định thời hạn này thì xóa thời hạn"
                            ),
                        )
                    )
    return problems
