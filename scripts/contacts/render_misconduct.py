"""The misconduct-reporting page (/phan-anh/to-cao-vi-pham/, and under /en/): a route that
bypasses the reported officer's own chain, and what is owed to the person reporting."""

from __future__ import annotations

from scripts import i18n
from scripts.contacts import diagram
from scripts.contacts.pages import (
    PAGE_SOURCES,
    W,
    admonition,
    amount,
    basis,
    bullet_list,
    front_matter,
    route_details,
    tr,
)
from scripts.escape import md_paragraphs, md_text

PAGE = "phan-anh/to-cao-vi-pham.md"

LABELS = {
    "vi": {
        "builder_title": "Soạn đơn tố cáo",
        "builder": (
            "[Soạn đơn tố cáo](../soan-van-ban/to-cao.md) với đủ nội dung Luật Tố cáo yêu cầu, "
            "gửi thẳng cấp có thẩm quyền, không qua người bị tố cáo."
        ),
        "bypass_title": "Không gửi qua người bị tố cáo",
        "bypass": "Tố cáo không gửi cho công chức bị tố cáo, cũng không gửi qua:",
        "level": "cấp",
        "h_what": "Hành vi cần báo cáo",
        "h_chart": "Sơ đồ",
        "chart": "Sơ đồ tố cáo",
        "step_word": "bước",
        "h_to": "Gửi tố cáo tới ai",
        "table": "| Bước | Gửi tới | Khi nào | Thời hạn |",
        "step": "Bước",
        "include": "Nội dung đơn tố cáo",
        "h_protect": "Bí mật và bảo vệ người tố cáo",
    },
    "en": {
        "builder_title": "Writing the denunciation",
        "builder": (
            "The [denunciation builder](../soan-van-ban/to-cao.en.md) (explained in English; the letter is in Vietnamese) "
            "covers everything the Law on Denunciations requires and sends it straight to the competent "
            "level, not through the person reported."
        ),
        "bypass_title": "Never through the person reported",
        "bypass": "A denunciation never goes to the official reported, nor through:",
        "level": "level",
        "h_what": "What to report",
        "h_chart": "Chart",
        "chart": "Reporting chart",
        "step_word": "step",
        "h_to": "Where to send a denunciation",
        "table": "| Step | Send to | When | Time limit |",
        "step": "Step",
        "include": "What the denunciation should contain",
        "h_protect": "Confidentiality and protection of the person reporting",
    },
}


def render(data, lang: str = i18n.DEFAULT) -> str:
    esc = data.escalation.data
    mis = esc["misconduct"]
    levels, steps = esc["levels"], mis["steps"]
    meta = mis["page"]
    L, page = LABELS[lang], i18n.translation_path(PAGE, lang)
    escalation = i18n.translation_path("index.md", lang)
    out = front_matter(meta, PAGE_SOURCES[PAGE], lang)
    out += f"# {md_text(tr(meta, 'title', lang))}\n\n" + md_paragraphs(tr(mis, "intro", lang)) + "\n\n"
    bypass = "".join(
        f"- {md_text(tr(lv, 'who', lang))} ([{L['level']} {lv['level']}]({escalation}#cap-{lv['level']}))\n"
        for lv in levels
        if lv["own_chain"]
    )
    out += admonition("danger", L["bypass_title"], L["bypass"] + "\n\n" + bypass)
    out += admonition("tip", L["builder_title"], L["builder"])
    if mis.get("what_counts"):
        out += f"## {L['h_what']} {{ #hanh-vi }}\n\n" + bullet_list(tr(mis, "what_counts", lang)) + "\n"
    out += f"## {L['h_chart']} {{ #so-do }}\n\n"
    summary = f"{L['chart']}: " + "; ".join(
        f"{L['step_word']} {s['step']} {tr(s, 'who', lang)}" for s in steps
    )
    out += diagram.fence(diagram.misconduct_chart(levels, steps, lang), summary) + "\n"
    out += f"## {L['h_to']} {{ #gui-toi-ai }}\n\n"
    out += L["table"] + "\n|---|---|---|---|\n"
    for s in steps:
        limits = "<br>".join(f"{md_text(amount(d, lang))} ({basis(data, d, lang)})" for d in s["deadlines"])
        out += (
            f"| [{s['step']}](#buoc-{s['step']}) | {md_text(tr(s, 'who', lang))} "
            f"| {md_text(tr(s, 'when', lang))} | {limits} |\n"
        )
    out += "\n"
    for s in steps:
        out += f"### {L['step']} {s['step']}: {md_text(tr(s, 'who', lang))} {{ #buoc-{s['step']} }}\n\n"
        out += route_details(data, s, page, L["include"], lang) + "\n"
    conf = mis["confidentiality"]
    out += f"## {L['h_protect']} {{ #bao-ve-nguoi-to-cao }}\n\n"
    out += (
        bullet_list(tr(conf, "text", lang)) + f"\n{W[lang]['basis']}: {md_text(tr(conf, 'basis', lang))}.\n"
    )
    return out
