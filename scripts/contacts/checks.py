"""Checks that span records or files, which JSON Schema cannot express.

Unique ids, references to unknown units, parent cycles, escalation levels in
order, a misconduct route that never passes through the reported officer's own
chain, unique abbreviations. Each check only runs on files whose schema check
passed, so it may rely on their shape.
"""
from __future__ import annotations

from scripts.yamlstrict import Document, Problem


def _duplicates(doc: Document, items: list, key: str, path: tuple, what: str) -> list[Problem]:
    seen: dict = {}
    problems = []
    for i, item in enumerate(items):
        value = item[key]
        if value in seen:
            problems.append(doc.problem(path + (i, key), f"{what} '{value}' bị trùng (đã có ở "
                                        f"{path[-1]}[{seen[value]}]); mỗi {what} phải khác nhau"))
        else:
            seen[value] = i
    return problems


def _unknown_unit(doc: Document, path: tuple, ref: str, ids: set[str]) -> Problem:
    known = ", ".join(sorted(ids))
    return doc.problem(path, f"không có đơn vị mang id '{ref}'; dùng một id trong data/units.yaml: {known}")


def unit_problems(doc: Document) -> list[Problem]:
    units = doc.data["units"]
    problems = _duplicates(doc, units, "id", ("units",), "id đơn vị")
    by_id = {u["id"]: u for u in units}
    for i, unit in enumerate(units):
        parent = unit.get("parent")
        if parent is not None and parent not in by_id:
            problems.append(_unknown_unit(doc, ("units", i, "parent"), parent, set(by_id)))
    # A cycle: following parents from a unit comes back to it.
    reported: set[str] = set()
    for i, unit in enumerate(units):
        chain, current = [unit["id"]], unit.get("parent")
        while current in by_id and current not in chain:
            chain.append(current)
            current = by_id[current].get("parent")
        if current == unit["id"] and unit["id"] not in reported:
            reported.update(chain)
            loop = " → ".join(chain + [unit["id"]])
            problems.append(doc.problem(("units", i, "parent"), f"các đơn vị cấp trên tạo thành vòng lặp "
                                        f"({loop}); một đơn vị không thể là cấp trên của chính nó"))
    return problems


def page_owner_problems(doc: Document, path: tuple, ids: set[str]) -> list[Problem]:
    node = doc.data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict) and isinstance(node.get("owner"), str) and node["owner"] not in ids:
        return [_unknown_unit(doc, path + ("owner",), node["owner"], ids)]
    return []


def _numbered(doc: Document, items: list, key: str, path: tuple, what: str) -> list[Problem]:
    problems = []
    for i, item in enumerate(items):
        if item[key] != i + 1:
            before = f"đứng sau {what} {items[i - 1][key]}" if i else "đứng đầu tiên"
            problems.append(doc.problem(path + (i, key), f"{what} {item[key]} {before}; đánh số các "
                                        f"{what} 1, 2, 3… theo thứ tự doanh nghiệp đi qua "
                                        f"(ở đây cần số {i + 1})"))
    return problems


def escalation_problems(doc: Document, ids: set[str] | None) -> list[Problem]:
    data = doc.data
    levels, steps = data["levels"], data["misconduct"]["steps"]
    problems = _numbered(doc, levels, "level", ("levels",), "cấp")
    problems += _numbered(doc, steps, "step", ("misconduct", "steps"), "bước")
    problems += _duplicates(doc, levels, "id", ("levels",), "id cấp")
    if ids is not None:
        for base, items in ((("levels",), levels), (("misconduct", "steps"), steps)):
            for i, item in enumerate(items):
                for j, channel in enumerate(item["channels"]):
                    if channel["unit"] not in ids:
                        problems.append(_unknown_unit(doc, base + (i, "channels", j, "unit"), channel["unit"], ids))
    by_id = {lv["id"]: lv for lv in levels}
    own = [lv["id"] for lv in levels if lv["own_chain"]]
    for i, step in enumerate(steps):
        ref = step.get("same_as_level")
        if ref is None:
            continue
        path = ("misconduct", "steps", i, "same_as_level")
        if ref not in by_id:
            problems.append(doc.problem(path, f"không có cấp chuyển tiếp mang id '{ref}'; dùng một trong: "
                                        f"{', '.join(by_id)}"))
        elif by_id[ref]["own_chain"]:
            problems.append(doc.problem(path, f"cấp '{ref}' thuộc chính dây quản lý của công chức bị "
                                        f"báo cáo (own_chain: true); kênh báo cáo sai phạm phải bỏ qua "
                                        f"{', '.join(own)}: trỏ bước này tới một cấp cao hơn"))
    if not own:
        problems.append(doc.problem(("levels",), "chưa cấp nào có 'own_chain: true'; đánh dấu các cấp "
                                    "thuộc dây quản lý trực tiếp của công chức xử lý hồ sơ, là các cấp "
                                    "mà kênh báo cáo sai phạm bỏ qua"))
    return problems


def glossary_problems(doc: Document) -> list[Problem]:
    terms = doc.data["terms"]
    problems = _duplicates(doc, terms, "abbr", ("terms",), "chữ viết tắt")
    abbrs = {t["abbr"] for t in terms}
    for i, term in enumerate(terms):
        for j, variant in enumerate(term.get("variants", [])):
            if variant in abbrs:
                problems.append(doc.problem(("terms", i, "variants", j), f"biến thể '{variant}' cũng là "
                                            "một chữ viết tắt trong tệp này; xóa ở một trong hai chỗ"))
    return problems


def known_unit_ids(doc: Document | None) -> set[str] | None:
    """Unit ids written in units.yaml, even when other fields there are wrong."""
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get("units"), list):
        return None
    return {u["id"] for u in doc.data["units"] if isinstance(u, dict) and isinstance(u.get("id"), str)}


def cross_problems(docs: dict[str, Document], schema_ok: dict[str, bool]) -> list[Problem]:
    """Problems between records and files; only for files whose schema check passed."""
    problems: list[Problem] = []
    ids = known_unit_ids(docs.get("units"))
    if schema_ok.get("units"):
        problems += unit_problems(docs["units"])
        problems += page_owner_problems(docs["units"], ("page",), ids)
    if schema_ok.get("organization") and ids is not None:
        ref = docs["organization"].data["organization"]["unit"]
        if ref not in ids:
            problems.append(_unknown_unit(docs["organization"], ("organization", "unit"), ref, ids))
    if schema_ok.get("escalation"):
        problems += escalation_problems(docs["escalation"], ids)
        if ids is not None:
            problems += page_owner_problems(docs["escalation"], ("page",), ids)
            problems += page_owner_problems(docs["escalation"], ("misconduct", "page"), ids)
    if schema_ok.get("glossary"):
        problems += glossary_problems(docs["glossary"])
        if ids is not None:
            problems += page_owner_problems(docs["glossary"], ("page",), ids)
    return problems
