"""The contacts directory page (/lien-he/): the organisation, then a card per unit."""

from __future__ import annotations

from scripts import escape, i18n
from scripts.contacts.pages import (
    CONTACTS_PAGE,
    PAGE_SOURCES,
    admonition,
    bullet_list,
    channel_item,
    front_matter,
    phone_link,
    tr,
    unit_link,
    vn_date,
)
from scripts.escape import md_text

PAGE = CONTACTS_PAGE
UNVERIFIED = (
    "Thông tin liên hệ của đơn vị này chưa được biên tập viên đối chiếu với nguồn chính thức. "
    "Hãy kiểm tra lại trước khi dựa vào; biên tập viên ghi ngày xác minh khi đã đối chiếu."
)
NO_PHONE_UNVERIFIED = (
    "Số điện thoại đang được xác minh, chưa công bố trên trang này. Trong khi chờ, "
    "dùng các kênh đã xác minh ở mục «Kênh công khai đã xác minh» của trang này."
)
NO_PHONE = "Chưa có số điện thoại công bố."
CHANNELS_INTRO = (
    "Các kênh dưới đây do cơ quan nhà nước công bố và đã được đối chiếu với nguồn ghi kèm; "
    "dùng được ngay cả khi thông tin liên hệ của đơn vị bên dưới chưa được xác minh."
)
# What the verified channels are, named in their section's heading so that a
# reader (and the search) sees "hotline" there without opening the section.
CHANNEL_KINDS = {
    "hotline": "đường dây nóng",
    "portal": "cổng trực tuyến",
    "email": "thư điện tử",
    "office": "nơi tiếp nhận trực tiếp",
    "post": "đường bưu chính",
}
KIND_NAMES = {
    "bo": "Bộ",
    "cuc": "Cục",
    "chi-cuc": "Chi cục Hải quan khu vực",
    "hai-quan-cua-khau": "Hải quan cửa khẩu",
    "doi": "Đội",
    "phong": "Phòng",
}
# The English page (/en/lien-he/): the same cards, these words in English.
ENGLISH = {
    UNVERIFIED: (
        "The contact details of this unit have not yet been checked by the editors against an "
        "official source. Check them before relying on them; the editors record the date once verified."
    ),
    NO_PHONE_UNVERIFIED: (
        "The phone number is being verified and is not published here yet. Meanwhile, "
        "contact the office where you carry out the formalities directly."
    ),
    NO_PHONE: "No phone number published.",
    CHANNELS_INTRO: (
        "The channels below are published by state bodies and have been checked against the source "
        "given with each; they can be used even where a unit's contact details below are not verified."
    ),
    "Kênh công khai đã xác minh": "Verified public channels",
    "đường dây nóng": "hotline",
    "cổng trực tuyến": "online portal",
    "thư điện tử": "e-mail",
    "nơi tiếp nhận trực tiếp": "office",
    "đường bưu chính": "post",
    "chưa xác minh": "not verified",
    "Bộ": "Ministry",
    "Cục": "Department",
    "Chi cục Hải quan khu vực": "Regional customs sub-department",
    "Hải quan cửa khẩu": "Border-gate customs office",
    "Đội": "Team",
    "Phòng": "Division",
    "Chưa xác minh": "Not verified",
    "Tên gọi ngắn": "Short name",
    "Loại đơn vị": "Type of unit",
    "Trực thuộc": "Part of",
    "Điện thoại": "Phone",
    "Đường dây nóng": "Hotline",
    "Thư điện tử": "E-mail",
    "xem bản đồ": "map",
    "Địa chỉ": "Address",
    "Đang được xác minh.": "Being verified.",
    "Địa chỉ cũ (trước năm 2025, chưa xác minh cho đơn vị hiện nay)": "Former address (before 2025, not verified for the current unit)",
    "Giờ làm việc": "Office hours",
    "Trang thông tin": "Website",
    "Xác minh": "Verified",
    "ngày": "on",
    "theo": "source",
    "Tiếp nhận, giải quyết": "Handles",
    "Ghi chú": "Notes",
    "Lưu vào danh bạ điện thoại (vCard)": "Save to your phone's contacts (vCard)",
    "Liên hệ": "Contacts",
    "Cơ cấu tổ chức": "Organisation",
    "Căn cứ": "Legal basis",
    "Lịch sử": "History",
    "Các nội dung sau chưa được xác minh, không dùng làm căn cứ:": "The following has not been verified and must not be relied on:",
    "Tải toàn bộ danh bạ": "Download the whole directory",
    "tệp vCard cho điện thoại": "vCard file for phones",
    "dữ liệu JSON": "JSON data",
    "lược đồ": "schema",
}


def _(text: str, lang: str) -> str:
    return text if lang == i18n.DEFAULT else ENGLISH[text]


def ordered_units(data) -> list[dict]:
    """The site's own unit first, then the others as written."""
    home = data.organization.data["organization"]["unit"]
    units = data.units.data["units"]
    return [u for u in units if u["id"] == home] + [u for u in units if u["id"] != home]


def org_tree(data, lang: str = i18n.DEFAULT) -> str:
    units = data.units.data["units"]
    home = data.organization.data["organization"]["unit"]
    children: dict = {}
    for u in units:
        children.setdefault(u.get("parent"), []).append(u)

    def walk(parent, depth):
        out = ""
        for u in children.get(parent, []):
            name = unit_link(data, u["id"], CONTACTS_PAGE, lang)
            if u["id"] == home:
                name = f"**{name}**"
            out += f"{'    ' * depth}- {name}\n" + walk(u["id"], depth + 1)
        return out

    return walk(None, 0)


def card(data, unit: dict, lang: str = i18n.DEFAULT) -> str:
    uid = unit["id"]
    out = f"## {md_text(tr(unit, 'name', lang))} {{ #{uid} }}\n\n"
    verified = "verified_on" in unit
    if not verified:
        out += admonition("warning", _("Chưa xác minh", lang), md_text(_(UNVERIFIED, lang)))
    rows = []
    if "short_name" in unit:
        rows.append((_("Tên gọi ngắn", lang), md_text(tr(unit, "short_name", lang))))
    rows.append((_("Loại đơn vị", lang), md_text(_(KIND_NAMES[unit["kind"]], lang))))
    if "parent" in unit:
        rows.append((_("Trực thuộc", lang), unit_link(data, unit["parent"], CONTACTS_PAGE, lang)))
    phones = unit.get("phones", [])
    if phones:
        links = []
        for p in phones:
            links.append(
                phone_link(p["number"], verified, lang)
                + (f" ({md_text(tr(p, 'label', lang))})" if "label" in p else "")
            )
        rows.append((_("Điện thoại", lang), "; ".join(links)))
    else:
        rows.append((_("Điện thoại", lang), md_text(_(NO_PHONE if verified else NO_PHONE_UNVERIFIED, lang))))
    if "hotline" in unit:
        h = unit["hotline"]
        rows.append((_("Đường dây nóng", lang), phone_link(h, verified, lang)))
    if "email" in unit:
        e = unit["email"]
        rows.append(
            (
                _("Thư điện tử", lang),
                f"[{md_text(e)}]({escape.url('mailto:' + e)})"
                if verified
                else f"{md_text(e)} ({_('chưa xác minh', lang)})",
            )
        )
    if "address" in unit:
        value = md_text(unit["address"])
        if "map_url" in unit:
            value += f" ([{_('xem bản đồ', lang)}]({escape.url(unit['map_url'])}))"
        rows.append((_("Địa chỉ", lang), value))
    elif not verified:
        rows.append((_("Địa chỉ", lang), md_text(_("Đang được xác minh.", lang))))
    if "former_address" in unit:
        fa = unit["former_address"]
        rows.append(
            (
                _("Địa chỉ cũ (trước năm 2025, chưa xác minh cho đơn vị hiện nay)", lang),
                f"{md_text(fa['address'])}. {md_text(tr(fa, 'note', lang))}",
            )
        )
    if "hours" in unit:
        rows.append((_("Giờ làm việc", lang), md_text(tr(unit, "hours", lang))))
    if "website" in unit:
        w = unit["website"]
        rows.append((_("Trang thông tin", lang), f"[{md_text(w)}]({escape.url(w)})"))
    if verified:
        sources = "; ".join(md_text(s) for s in unit.get("sources", []))
        rows.append(
            (
                _("Xác minh", lang),
                f"{_('ngày', lang)} {md_text(vn_date(unit['verified_on']))}"
                + (f", {_('theo', lang)}: {sources}" if sources else ""),
            )
        )
    out += "".join(f"- **{md_text(label)}:** {value}\n" for label, value in rows)
    if unit.get("handles"):
        out += f"\n**{_('Tiếp nhận, giải quyết', lang)}:**\n\n" + bullet_list(tr(unit, "handles", lang))
    if unit.get("notes"):
        out += f"\n**{_('Ghi chú', lang)}:**\n\n" + bullet_list(tr(unit, "notes", lang))
    out += f"\n[{_('Lưu vào danh bạ điện thoại (vCard)', lang)}](vcard/{uid}.vcf)\n\n"
    return out


def render(data, lang: str = i18n.DEFAULT) -> str:
    org = data.organization.data["organization"]
    meta = data.units.data.get("page", {})
    out = front_matter(meta, PAGE_SOURCES[CONTACTS_PAGE], lang)
    out += f"# {md_text(tr(meta, 'title', lang, _('Liên hệ', lang)))}\n\n"
    # What the page holds, as its first paragraph (the search reads it too).
    if tr(meta, "description", lang):
        out += md_text(tr(meta, "description", lang)) + "\n\n"
    out += escape.md_paragraphs(tr(org, "summary", lang)) + "\n\n"
    out += f"## {_('Cơ cấu tổ chức', lang)} {{ #co-cau-to-chuc }}\n\n" + org_tree(data, lang) + "\n"
    out += f"{_('Căn cứ', lang)}:\n\n" + bullet_list(tr(org, "legal_basis", lang)) + "\n"
    if org.get("history"):
        out += f"{_('Lịch sử', lang)}:\n\n" + bullet_list(tr(org, "history", lang)) + "\n"
    if org.get("uncertain"):
        out += admonition(
            "note",
            _("Chưa xác minh", lang),
            _("Các nội dung sau chưa được xác minh, không dùng làm căn cứ:", lang)
            + "\n\n"
            + bullet_list(tr(org, "uncertain", lang)),
        )
    channels = [c for c in data.channels.data["channels"] if "verified_on" in c]
    if channels:
        kinds = ", ".join(
            _(CHANNEL_KINDS[k], lang) for k in CHANNEL_KINDS if any(c["kind"] == k for c in channels)
        )
        out += f"## {_('Kênh công khai đã xác minh', lang)} ({kinds}) {{ #kenh-cong-khai }}\n\n"
        out += _(CHANNELS_INTRO, lang) + "\n\n"
        out += "".join(channel_item(c, lang=lang) for c in channels) + "\n"
    out += (
        f"{_('Tải toàn bộ danh bạ', lang)}: [{_('tệp vCard cho điện thoại', lang)}](danh-ba.vcf) · "
        f"[{_('dữ liệu JSON', lang)}](contacts.json) ([{_('lược đồ', lang)}](contacts.schema.json))\n\n"
    )
    for unit in ordered_units(data):
        out += card(data, unit, lang)
    return out
