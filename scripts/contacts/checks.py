"""Checks that span records or files, which JSON Schema cannot express.

Unique ids, references to unknown units, parent cycles, escalation levels in
order, a misconduct route that never passes through the reported officer's own
chain, unique abbreviations, and the legal citations of every file against
data/legal.yaml (scripts.legal.checks). Each check only runs on files whose schema check
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
            problems.append(
                doc.problem(
                    path + (i, key),
                    f"{what} '{value}' bị trùng (đã có ở "
                    f"{path[-1]}[{seen[value]}]); mỗi {what} phải khác nhau",
                )
            )
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
            problems.append(
                doc.problem(
                    ("units", i, "parent"),
                    f"các đơn vị cấp trên tạo thành vòng lặp "
                    f"({loop}); một đơn vị không thể là cấp trên của chính nó",
                )
            )
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
            problems.append(
                doc.problem(
                    path + (i, key),
                    f"{what} {item[key]} {before}; đánh số các "
                    f"{what} 1, 2, 3… theo thứ tự doanh nghiệp đi qua "
                    f"(ở đây cần số {i + 1})",
                )
            )
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
                        problems.append(
                            _unknown_unit(doc, base + (i, "channels", j, "unit"), channel["unit"], ids)
                        )
    by_id = {lv["id"]: lv for lv in levels}
    own = [lv["id"] for lv in levels if lv["own_chain"]]
    for i, step in enumerate(steps):
        ref = step.get("same_as_level")
        if ref is None:
            continue
        path = ("misconduct", "steps", i, "same_as_level")
        if ref not in by_id:
            problems.append(
                doc.problem(
                    path, f"không có cấp chuyển tiếp mang id '{ref}'; dùng một trong: {', '.join(by_id)}"
                )
            )
        elif by_id[ref]["own_chain"]:
            problems.append(
                doc.problem(
                    path,
                    f"cấp '{ref}' thuộc chính dây quản lý của công chức bị "
                    f"báo cáo (own_chain: true); kênh báo cáo sai phạm phải bỏ qua "
                    f"{', '.join(own)}: trỏ bước này tới một cấp cao hơn",
                )
            )
    if not own:
        problems.append(
            doc.problem(
                ("levels",),
                "chưa cấp nào có 'own_chain: true'; đánh dấu các cấp "
                "thuộc dây quản lý trực tiếp của công chức xử lý hồ sơ, là các cấp "
                "mà kênh báo cáo sai phạm bỏ qua",
            )
        )
    return problems


def channel_problems(doc: Document, unit_ids: set[str] | None) -> list[Problem]:
    channels = doc.data["channels"]
    problems = _duplicates(doc, channels, "id", ("channels",), "mã kênh")
    for i, ch in enumerate(channels):
        if unit_ids is not None and "unit" in ch and ch["unit"] not in unit_ids:
            problems.append(_unknown_unit(doc, ("channels", i, "unit"), ch["unit"], unit_ids))
        if not any(k in ch for k in ("url", "hotline", "email", "address")):
            problems.append(
                doc.problem(
                    ("channels", i),
                    f"kênh '{ch['id']}' chưa có url, hotline, email hay address; "
                    "ghi thông tin liên hệ mà nguồn của kênh công bố",
                )
            )
    return problems


def public_channel_problems(
    esc: Document, channels: Document | None, units: Document | None
) -> list[Problem]:
    """Every level and step names known channels fit for it, and offers at
    least one verified way in: a verified unit or a verified public channel."""
    by_id = {c["id"]: c for c in channels.data["channels"]} if channels is not None else None
    verified_units = (
        {u["id"] for u in units.data["units"] if "verified_on" in u} if units is not None else set()
    )
    problems = []
    data = esc.data
    for base, items, what, use in (
        (("levels",), data["levels"], "cấp", ("question", "escalation")),
        (("misconduct", "steps"), data["misconduct"]["steps"], "bước", ("misconduct",)),
    ):
        for i, item in enumerate(items):
            refs = item.get("public_channels", [])
            ok = any(c["unit"] in verified_units for c in item["channels"])
            for j, ref in enumerate(refs):
                path = base + (i, "public_channels", j)
                if by_id is None:
                    continue
                if ref not in by_id:
                    problems.append(
                        esc.problem(
                            path,
                            f"không có kênh mang id '{ref}'; dùng một id trong "
                            f"data/channels.yaml: {', '.join(sorted(by_id))}",
                        )
                    )
                elif not set(use) & set(by_id[ref]["uses"]):
                    problems.append(
                        esc.problem(
                            path,
                            f"kênh '{ref}' không dùng cho {' hay '.join(use)} "
                            f"(kênh này dùng cho: {', '.join(by_id[ref]['uses'])}); chọn kênh "
                            "tiếp nhận việc này",
                        )
                    )
                elif "verified_on" in by_id[ref]:
                    ok = True
            if by_id is not None and units is not None and not ok:
                number = item["level" if what == "cấp" else "step"]
                problems.append(
                    esc.problem(
                        base + (i,),
                        f"{what} {number} chưa có kênh nào đã xác minh: các đơn vị ở đây "
                        "chưa có verified_on và public_channels không có kênh đã xác minh; thêm "
                        "một kênh trong data/channels.yaml để doanh nghiệp làm được bước này",
                    )
                )
    return problems


def holiday_problems(doc: Document) -> list[Problem]:
    import datetime

    problems = []
    years = doc.data["years"]
    problems += _duplicates(doc, years, "year", ("years",), "năm")
    for i, y in enumerate(years):
        for j, d in enumerate(y["days_off"]):
            start, end = datetime.date.fromisoformat(d["from"]), datetime.date.fromisoformat(d["to"])
            if end < start:
                problems.append(
                    doc.problem(
                        ("years", i, "days_off", j, "to"),
                        f"'to' ({d['to']}) đứng trước "
                        f"'from' ({d['from']}); ghi ngày đầu ở 'from', ngày cuối ở 'to'",
                    )
                )
            if start.year != y["year"] or end.year != y["year"]:
                problems.append(
                    doc.problem(
                        ("years", i, "days_off", j, "from"),
                        f"ngày nghỉ ghi dưới năm {y['year']} phải thuộc năm {y['year']}",
                    )
                )
        for j, w in enumerate(y.get("work_days", [])):
            day = datetime.date.fromisoformat(w["date"])
            if day.weekday() < 5:
                problems.append(
                    doc.problem(
                        ("years", i, "work_days", j, "date"),
                        f"{w['date']} là ngày thường trong tuần; "
                        "work_days chỉ ghi các ngày thứ Bảy, Chủ nhật được lịch nghỉ chuyển "
                        "thành ngày làm việc",
                    )
                )
    return problems


def glossary_problems(doc: Document) -> list[Problem]:
    terms = doc.data["terms"]
    problems = _duplicates(doc, terms, "abbr", ("terms",), "chữ viết tắt")
    abbrs = {t["abbr"] for t in terms}
    for i, term in enumerate(terms):
        for j, variant in enumerate(term.get("variants", [])):
            if variant in abbrs:
                problems.append(
                    doc.problem(
                        ("terms", i, "variants", j),
                        f"biến thể '{variant}' cũng là "
                        "một chữ viết tắt trong tệp này; xóa ở một trong hai chỗ",
                    )
                )
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
    if schema_ok.get("channels"):
        problems += channel_problems(docs["channels"], ids)
    if schema_ok.get("holidays"):
        problems += holiday_problems(docs["holidays"])
    if schema_ok.get("escalation"):
        problems += public_channel_problems(
            docs["escalation"],
            docs["channels"] if schema_ok.get("channels") else None,
            docs["units"] if schema_ok.get("units") else None,
        )
    if schema_ok.get("glossary"):
        problems += glossary_problems(docs["glossary"])
        if ids is not None:
            problems += page_owner_problems(docs["glossary"], ("page",), ids)
    problems += legal_problems(docs, schema_ok, ids)
    return problems


def legal_problems(
    docs: dict[str, Document], schema_ok: dict[str, bool], ids: set[str] | None
) -> list[Problem]:
    """data/legal.yaml in itself, then every instrument the other files cite and every deadline's basis."""
    from scripts.legal import checks as legal_checks
    from scripts.legal.registry import Registry, registry_problems

    if not schema_ok.get("legal"):
        return []
    problems = registry_problems(docs["legal"])
    if ids is not None:
        problems += page_owner_problems(docs["legal"], ("page",), ids)
    registry = Registry(docs["legal"])
    for stem, doc in docs.items():
        if stem != "legal" and schema_ok.get(stem):
            problems += legal_checks.data_problems(doc, registry)
    if schema_ok.get("escalation"):
        problems += legal_checks.deadline_problems(docs["escalation"], registry)
    return problems
