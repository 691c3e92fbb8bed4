"""The misconduct-reporting page (/phan-anh/to-cao-vi-pham/): a route that bypasses the
reported officer's own chain, and what is owed to the person reporting."""
from __future__ import annotations

from scripts.contacts import diagram
from scripts.escape import md_paragraphs, md_text
from scripts.contacts.pages import (PAGE_SOURCES, admonition, amount, basis, bullet_list, deadline_line,
                                    front_matter, public_channels, unit_route)

PAGE = "phan-anh/to-cao-vi-pham.md"


def render(data) -> str:
    esc = data.escalation.data
    mis = esc["misconduct"]
    levels, steps = esc["levels"], mis["steps"]
    meta = mis["page"]
    out = front_matter(meta, PAGE_SOURCES[PAGE])
    out += f"# {md_text(meta['title'])}\n\n" + md_paragraphs(mis["intro"]) + "\n\n"
    bypass = "".join(f"- {md_text(lv['who'])} ([cấp {lv['level']}](index.md#cap-{lv['level']}))\n"
                     for lv in levels if lv["own_chain"])
    out += admonition("danger", "Không gửi qua người bị tố cáo",
                      "Tố cáo không gửi cho công chức bị tố cáo, cũng không gửi qua:\n\n" + bypass)
    out += admonition("tip", "Soạn đơn tố cáo",
                      "[Soạn đơn tố cáo](../soan-van-ban/to-cao.md) với đủ nội dung Luật Tố cáo yêu cầu, "
                      "gửi thẳng cấp có thẩm quyền, không qua người bị tố cáo.")
    if mis.get("what_counts"):
        out += "## Hành vi cần báo cáo { #hanh-vi }\n\n" + bullet_list(mis["what_counts"]) + "\n"
    out += "## Sơ đồ { #so-do }\n\n"
    summary = "Sơ đồ tố cáo: " + "; ".join(f"bước {s['step']} {s['who']}" for s in steps)
    out += diagram.fence(diagram.misconduct_chart(levels, steps), summary) + "\n"
    out += "## Gửi tố cáo tới ai { #gui-toi-ai }\n\n"
    out += "| Bước | Gửi tới | Khi nào | Thời hạn |\n|---|---|---|---|\n"
    for s in steps:
        limits = "<br>".join(f"{md_text(amount(d))} ({basis(data, d)})" for d in s["deadlines"])
        out += f"| [{s['step']}](#buoc-{s['step']}) | {md_text(s['who'])} | {md_text(s['when'])} | {limits} |\n"
    out += "\n"
    for s in steps:
        out += f"### Bước {s['step']}: {md_text(s['who'])} {{ #buoc-{s['step']} }}\n\n"
        out += f"**Khi nào:** {md_text(s['when'])}\n\n**Gửi tới:**\n\n"
        out += "".join(unit_route(data, c, PAGE) for c in s["channels"])
        out += public_channels(data, s)
        out += "\n**Thời hạn:**\n\n" + "".join(f"- {deadline_line(data, d)}\n" for d in s["deadlines"])
        if s.get("include"):
            out += "\n**Nội dung đơn tố cáo:**\n\n" + bullet_list(s["include"])
        out += "\n"
    conf = mis["confidentiality"]
    out += "## Bí mật và bảo vệ người tố cáo { #bao-ve-nguoi-to-cao }\n\n"
    out += bullet_list(conf["text"]) + f"\nCăn cứ: {md_text(conf['basis'])}.\n"
    return out
