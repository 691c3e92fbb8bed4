"""The register page (/van-ban-phap-luat/): every instrument in data/legal.yaml
with its status, dates, successor, sources and the pages that cite it."""

from __future__ import annotations

from scripts.contacts.pages import PAGE_SOURCES, front_matter
from scripts.escape import md_paragraphs, md_text, url
from scripts.legal.refs import normalize
from scripts.legal.registry import KIND_LABELS, STATUS_LABELS, vn_date
from scripts.legal.render import LEGAL_PAGE, anchor, badge
from scripts.search import boosts

PAGE = LEGAL_PAGE
KIND_ORDER = ("luat", "nghi-quyet", "nghi-dinh", "thong-tu", "quyet-dinh")
KIND_HEADINGS = {
    "luat": "Luật",
    "nghi-quyet": "Nghị quyết",
    "nghi-dinh": "Nghị định",
    "thong-tu": "Thông tư",
    "quyet-dinh": "Quyết định",
}


def _change(registry, change: dict) -> str:
    target = registry.get(change["number"])
    name = md_text(registry.name(change["number"]))
    link = f"[{name}](#{anchor(target['number'])})" if target else name
    art = f", Điều {md_text(change['article'])}" if change.get("article") else ""
    what = f": {md_text(change['what'])}" if change.get("what") else ""
    return f"{link}{art}, có hiệu lực từ {vn_date(change['date'])}{what}"


def _facts(registry, item: dict) -> str:
    rows = [
        ("Số hiệu", md_text(item["number"])),
        ("Loại văn bản", KIND_LABELS[item["kind"]]),
        ("Cơ quan ban hành", md_text(item["issuer"])),
    ]
    if item.get("signed_by"):
        rows.append(("Người ký", md_text(item["signed_by"])))
    rows.append(("Ngày ban hành", vn_date(item.get("issued")) or "chưa xác minh"))
    rows.append(("Ngày có hiệu lực", vn_date(item.get("in_force")) or "chưa xác minh"))
    rows.append(("Tình trạng", badge(item["status"])))
    for change in item.get("amended_by", []):
        rows.append(("Sửa đổi bởi", _change(registry, change)))
    if item.get("replaced_by"):
        rows.append(("Thay thế bởi", _change(registry, item["replaced_by"])))
    if item.get("expired_on"):
        rows.append(("Hết hiệu lực từ", vn_date(item["expired_on"])))
    return "".join(f"- **{k}:** {v}\n" for k, v in rows)


def _sources(sources: list[dict]) -> str:
    out = ""
    for s in sources:
        kind = "nguồn chính thức" if s.get("official") else "nguồn tham khảo"
        what = f" ({md_text(s['what'])})" if s.get("what") else ""
        out += (
            f"- [{md_text(s['url'])}]({url(s['url'])}){{: .kb-law-source }}: {kind}{what}, "
            f"kiểm tra ngày {vn_date(s['verified_on'])}\n"
        )
    return out


def _articles(registry, item: dict) -> str:
    out = ""
    for art in item.get("articles", []):
        line = f"- **Điều {md_text(art['article'])}** – {md_text(art['subject'])}: {badge(art['status'])}"
        for change in art.get("amended_by", []):
            line += f"; sửa đổi bởi {_change(registry, change)}"
        if art.get("replaced_by"):
            line += f"; thay thế bởi {_change(registry, art['replaced_by'])}"
        if not art["verified"]:
            line += ". *Chưa xác minh đầy đủ*"
        if art.get("note"):
            line += f". {md_text(art['note'])}"
        out += line + "\n"
        for s in art.get("sources", []):
            out += f"    - Nguồn: [{md_text(s['url'])}]({url(s['url'])}), kiểm tra ngày {vn_date(s['verified_on'])}\n"
    return out


def _citing(pages: dict[str, str]) -> str:
    if not pages:
        return "Chưa trang nào dẫn văn bản này.\n"
    return "".join(f"- [{md_text(title)}]({uri})\n" for uri, title in sorted(pages.items()))


def entry(registry, item: dict, pages: dict[str, str]) -> str:
    out = f"### {md_text(item['short_title'])} {{ #{anchor(item['number'])} }}\n\n"
    out += f"{md_text(item['title'])}\n\n" + _facts(registry, item) + "\n"
    if not item["verified"]:
        out += f'!!! warning "Chưa đối chiếu với văn bản gốc"\n\n    {md_text(item.get("note", ""))}\n\n'
    elif item.get("note"):
        out += f"{md_text(item['note'])}\n\n"
    if item.get("articles"):
        out += "**Các điều được trang dẫn chiếu:**\n\n" + _articles(registry, item) + "\n"
    out += "**Nguồn đã kiểm tra:**\n\n" + _sources(item["sources"]) + "\n"
    out += "**Trang dẫn chiếu văn bản này:**\n\n" + _citing(pages) + "\n"
    return out


def summary_table(registry) -> str:
    out = "| Văn bản | Tình trạng | Hiệu lực từ | Sửa đổi, thay thế |\n|---|---|---|---|\n"
    for item in ordered(registry):
        later = [registry.name(c["number"]) for c in item.get("amended_by", [])]
        if item.get("replaced_by"):
            later.append("thay thế bởi " + registry.name(item["replaced_by"]["number"]))
        out += (
            f"| [{md_text(item['short_title'])}](#{anchor(item['number'])}) | {badge(item['status'])} | "
            f"{vn_date(item.get('in_force')) or 'chưa xác minh'} | "
            f"{md_text('; '.join(later)) if later else '–'} |\n"
        )
    return out + "\n"


def ordered(registry) -> list[dict]:
    def key(item):
        num = normalize(item["number"])
        year = num.split("/")[1] if num.count("/") == 2 else "0000"
        return (KIND_ORDER.index(item["kind"]), -int(year), num)

    return sorted(registry.items, key=key)


def render(data, citing: dict[str, dict[str, str]]) -> str:
    """``citing``: instrument key -> {docs-relative page: title} (scripts.legal.scan.citing_pages)."""
    registry = data.registry
    # Every instrument number is on this page: a lower weight (scripts/search/boosts.py).
    meta = boosts.with_boost(data.legal.data.get("page", {}), boosts.REGISTER)
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta.get('title', 'Văn bản pháp luật'))}\n\n"
    if data.legal.data.get("intro"):
        out += md_paragraphs(data.legal.data["intro"]) + "\n\n"
    counts = {s: sum(1 for i in registry.items if i["status"] == s) for s in STATUS_LABELS}
    out += (
        "Tình trạng: "
        + "; ".join(f"{STATUS_LABELS[s].lower()}: {n}" for s, n in counts.items() if n)
        + ".\n\n"
    )
    out += "## Tóm tắt { #tom-tat }\n\n" + summary_table(registry)
    for kind in KIND_ORDER:
        items = [i for i in ordered(registry) if i["kind"] == kind]
        if not items:
            continue
        out += f"## {KIND_HEADINGS[kind]} {{ #{kind} }}\n\n"
        for item in items:
            pages = {
                uri: title for uri, title in citing.get(normalize(item["number"]), {}).items() if uri != PAGE
            }
            out += entry(registry, item, pages)
    return out
