"""The contacts directory page (/lien-he/): the organisation, then a card per unit."""
from __future__ import annotations

from scripts import escape
from scripts.escape import md_text
from scripts.contacts.pages import (CONTACTS_PAGE, PAGE_SOURCES, admonition, bullet_list, channel_item, front_matter,
                                    phone_link, unit_link, vn_date)

UNVERIFIED = ("Thông tin liên hệ của đơn vị này chưa được biên tập viên đối chiếu với nguồn chính thức. "
              "Hãy kiểm tra lại trước khi dựa vào; biên tập viên ghi ngày xác minh khi đã đối chiếu.")
NO_PHONE_UNVERIFIED = ("Số điện thoại đang được xác minh, chưa công bố trên trang này. Trong khi chờ, "
                       "dùng các kênh đã xác minh ở mục «Kênh công khai đã xác minh» của trang này.")
NO_PHONE = "Chưa có số điện thoại công bố."
KIND_NAMES = {"bo": "Bộ", "cuc": "Cục", "chi-cuc": "Chi cục Hải quan khu vực",
              "hai-quan-cua-khau": "Hải quan cửa khẩu", "doi": "Đội", "phong": "Phòng"}




def ordered_units(data) -> list[dict]:
    """The site's own unit first, then the others as written."""
    home = data.organization.data["organization"]["unit"]
    units = data.units.data["units"]
    return [u for u in units if u["id"] == home] + [u for u in units if u["id"] != home]


def org_tree(data) -> str:
    units = data.units.data["units"]
    home = data.organization.data["organization"]["unit"]
    children: dict = {}
    for u in units:
        children.setdefault(u.get("parent"), []).append(u)

    def walk(parent, depth):
        out = ""
        for u in children.get(parent, []):
            name = unit_link(data, u["id"], CONTACTS_PAGE)
            if u["id"] == home:
                name = f"**{name}**"
            out += f"{'    ' * depth}- {name}\n" + walk(u["id"], depth + 1)
        return out

    return walk(None, 0)


def card(data, unit: dict) -> str:
    uid = unit["id"]
    out = f"## {md_text(unit['name'])} {{ #{uid} }}\n\n"
    verified = "verified_on" in unit
    if not verified:
        out += admonition("warning", "Chưa xác minh", md_text(UNVERIFIED))
    rows = []
    if "short_name" in unit:
        rows.append(("Tên gọi ngắn", md_text(unit["short_name"])))
    rows.append(("Loại đơn vị", md_text(KIND_NAMES[unit["kind"]])))
    if "parent" in unit:
        rows.append(("Trực thuộc", unit_link(data, unit["parent"], CONTACTS_PAGE)))
    phones = unit.get("phones", [])
    if phones:
        links = []
        for p in phones:
            links.append(phone_link(p["number"], verified) + (f" ({md_text(p['label'])})" if "label" in p else ""))
        rows.append(("Điện thoại", "; ".join(links)))
    else:
        rows.append(("Điện thoại", md_text(NO_PHONE if verified else NO_PHONE_UNVERIFIED)))
    if "hotline" in unit:
        h = unit["hotline"]
        rows.append(("Đường dây nóng", phone_link(h, verified)))
    if "email" in unit:
        e = unit["email"]
        rows.append(("Thư điện tử", f"[{md_text(e)}]({escape.url('mailto:' + e)})" if verified
                     else f"{md_text(e)} (chưa xác minh)"))
    if "address" in unit:
        value = md_text(unit["address"])
        if "map_url" in unit:
            value += f" ([xem bản đồ]({escape.url(unit['map_url'])}))"
        rows.append(("Địa chỉ", value))
    elif not verified:
        rows.append(("Địa chỉ", md_text("Đang được xác minh.")))
    if "former_address" in unit:
        fa = unit["former_address"]
        rows.append(("Địa chỉ cũ (trước năm 2025, chưa xác minh cho đơn vị hiện nay)",
                     f"{md_text(fa['address'])}. {md_text(fa['note'])}"))
    if "hours" in unit:
        rows.append(("Giờ làm việc", md_text(unit["hours"])))
    if "website" in unit:
        w = unit["website"]
        rows.append(("Trang thông tin", f"[{md_text(w)}]({escape.url(w)})"))
    if verified:
        sources = "; ".join(md_text(s) for s in unit.get("sources", []))
        rows.append(("Xác minh", f"ngày {md_text(vn_date(unit['verified_on']))}"
                     + (f", theo: {sources}" if sources else "")))
    out += "".join(f"- **{md_text(label)}:** {value}\n" for label, value in rows)
    if unit.get("handles"):
        out += "\n**Tiếp nhận, giải quyết:**\n\n" + bullet_list(unit["handles"])
    if unit.get("notes"):
        out += "\n**Ghi chú:**\n\n" + bullet_list(unit["notes"])
    out += f"\n[Lưu vào danh bạ điện thoại (vCard)](vcard/{uid}.vcf)\n\n"
    return out


def render(data) -> str:
    org = data.organization.data["organization"]
    meta = data.units.data.get("page", {})
    out = front_matter(meta, PAGE_SOURCES[CONTACTS_PAGE])
    out += f"# {md_text(meta.get('title', 'Liên hệ'))}\n\n"
    out += escape.md_paragraphs(org["summary"]) + "\n\n"
    out += "## Cơ cấu tổ chức { #co-cau-to-chuc }\n\n" + org_tree(data) + "\n"
    out += "Căn cứ:\n\n" + bullet_list(org["legal_basis"]) + "\n"
    if org.get("history"):
        out += "Lịch sử:\n\n" + bullet_list(org["history"]) + "\n"
    if org.get("uncertain"):
        out += admonition("note", "Chưa xác minh", "Các nội dung sau chưa được xác minh, không dùng làm căn cứ:\n\n"
                          + bullet_list(org["uncertain"]))
    channels = [c for c in data.channels.data["channels"] if "verified_on" in c]
    if channels:
        out += "## Kênh công khai đã xác minh { #kenh-cong-khai }\n\n"
        out += ("Các kênh dưới đây do cơ quan nhà nước công bố và đã được đối chiếu với nguồn ghi kèm; "
                "dùng được ngay cả khi thông tin liên hệ của đơn vị bên dưới chưa được xác minh.\n\n")
        out += "".join(channel_item(c) for c in channels) + "\n"
    out += ("Tải toàn bộ danh bạ: [tệp vCard cho điện thoại](danh-ba.vcf) · "
            "[dữ liệu JSON](contacts.json) ([lược đồ](contacts.schema.json))\n\n")
    for unit in ordered_units(data):
        out += card(data, unit)
    return out
