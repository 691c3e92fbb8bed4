"""The escalation page (/phan-anh/): diagram, levels table, then each level in detail."""
from __future__ import annotations

from scripts.contacts import diagram
from scripts.escape import md_paragraphs, md_text
from scripts.contacts.pages import (PAGE_SOURCES, amount, bullet_list, channel_item, deadline_line, front_matter,
                                    public_channels, unit_route)

PAGE = "phan-anh/index.md"


def table(data, levels: list[dict]) -> str:
    out = "| Cấp | Ai xử lý | Thời hạn | Căn cứ pháp lý |\n|---|---|---|---|\n"
    for lv in levels:
        limits = "<br>".join(f"{md_text(amount(d))}: {md_text(d['what'])}" for d in lv["deadlines"])
        bases = "<br>".join(dict.fromkeys(md_text(d["basis"]) for d in lv["deadlines"]))
        out += f"| [{lv['level']}](#cap-{lv['level']}) | {md_text(lv['who'])} | {limits} | {bases} |\n"
    return out + "\n"


def level_section(data, lv: dict) -> str:
    out = f"### Cấp {lv['level']}: {md_text(lv['who'])} {{ #cap-{lv['level']} }}\n\n"
    out += f"**Khi nào:** {md_text(lv['when'])}\n\n**Gửi tới:**\n\n"
    out += "".join(unit_route(data, c, PAGE) for c in lv["channels"])
    channels = public_channels(data, lv)
    if channels:
        # On paper only each channel's first line is printed here; its
        # details and sources are printed once, in the final channel list.
        out += f'\n<div class="kb-level-channels" markdown>\n{channels}\n</div>\n'
    out += "\n**Thời hạn:**\n\n" + "".join(f"- {deadline_line(data, d)}\n" for d in lv["deadlines"])
    if lv.get("include"):
        out += "\n**Doanh nghiệp nên gửi kèm:**\n\n" + bullet_list(lv["include"])
    return out + "\n"


def render(data) -> str:
    esc = data.escalation.data
    meta = esc.get("page", {})
    levels = esc["levels"]
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta.get('title', 'Phản ánh và chuyển cấp'))}\n\n"
    if esc.get("intro"):
        out += md_paragraphs(esc["intro"]) + "\n\n"
    out += ("!!! danger \"Công chức nhũng nhiễu, gây phiền hà?\"\n\n"
            "    Đừng chuyển cấp theo đường dưới đây: hãy dùng "
            "[kênh báo cáo sai phạm](to-cao-vi-pham.md), không đi qua người bị báo cáo "
            "và cấp quản lý trực tiếp của họ.\n\n")
    out += ("!!! tip \"Soạn văn bản nêu vướng mắc\"\n\n"
            "    [Soạn văn bản nêu vướng mắc](../soan-van-ban/vuong-mac.md) theo Điều 6 Quy chế phối hợp: "
            "trang kiểm tra đủ thông tin, in ra một trang A4 và tính ngày phải có trả lời ở từng cấp.\n\n")
    out += "## Sơ đồ chuyển cấp { #so-do }\n\n"
    summary = "Sơ đồ chuyển cấp: " + "; ".join(f"cấp {lv['level']} {lv['who']}" for lv in levels)
    out += diagram.fence(diagram.escalation_chart(levels), summary) + "\n"
    # The summary table is screen-only: on paper the diagram and the levels'
    # details below carry every deadline with its legal basis.
    out += ('<div class="kb-screen-only" markdown>\n\n## Các cấp và thời hạn { #cac-cap }\n\n'
            + table(data, levels) + "</div>\n\n")
    out += "## Chi tiết từng cấp { #chi-tiet }\n\n"
    out += "".join(level_section(data, lv) for lv in levels)
    return out + print_channels(data, levels)


def print_channels(data, levels: list[dict]) -> str:
    """Every public channel named at a level, once, with its details and
    sources: printed at the end of the page instead of at every level."""
    refs = list(dict.fromkeys(r for lv in levels for r in lv.get("public_channels", [])))
    if not refs:
        return ""
    items = "".join(channel_item(data.channel(r), full=False) for r in refs)
    return ('<div class="kb-print-only" markdown>\n\n'
            "**Kênh liên hệ đã xác minh** (chi tiết và nguồn của các kênh nêu ở từng cấp)\n\n"
            f"{items}\n</div>\n")
