"""The escalation page (/phan-anh/, /en/phan-anh/): diagram, levels table, then each level in detail."""

from __future__ import annotations

from scripts import i18n
from scripts.contacts import diagram
from scripts.contacts.pages import (
    PAGE_SOURCES,
    amount,
    channel_item,
    front_matter,
    route_details,
    tr,
)
from scripts.escape import md_paragraphs, md_text

PAGE = "phan-anh/index.md"

LABELS = {
    "vi": {
        "title": "Phản ánh và chuyển cấp",
        "table": "| Cấp | Ai xử lý | Thời hạn | Căn cứ pháp lý |",
        "level": "Cấp",
        "include": "Doanh nghiệp nên gửi kèm",
        "danger": (
            '!!! danger "Công chức nhũng nhiễu, gây phiền hà?"\n\n'
            "    Đừng chuyển cấp theo đường dưới đây: hãy dùng "
            "[kênh báo cáo sai phạm]({misconduct}), không đi qua người bị báo cáo "
            "và cấp quản lý trực tiếp của họ.\n\n"
        ),
        "builder": (
            '!!! tip "Soạn văn bản nêu vướng mắc"\n\n'
            "    [Soạn văn bản nêu vướng mắc](../soan-van-ban/vuong-mac.md) theo Điều 6 Quy chế phối hợp: "
            "trang kiểm tra đủ thông tin, in ra một trang A4 và tính ngày phải có trả lời ở từng cấp.\n\n"
        ),
        "chart": "Sơ đồ chuyển cấp",
        "chart_level": "cấp",
        "h_chart": "Sơ đồ chuyển cấp",
        "h_levels": "Các cấp và thời hạn",
        "h_detail": "Chi tiết từng cấp",
        "print_channels": ("Kênh liên hệ đã xác minh", "chi tiết và nguồn của các kênh nêu ở từng cấp"),
    },
    "en": {
        "title": "Escalating a difficulty",
        "table": "| Level | Who handles it | Time limit | Legal basis |",
        "level": "Level",
        "include": "Attach",
        "danger": (
            '!!! danger "Harassed or asked for money by an official?"\n\n'
            "    Do not escalate along the route below: use the "
            "[misconduct reporting route]({misconduct}), which does not pass through the "
            "person reported or their direct managers.\n\n"
        ),
        "builder": (
            '!!! tip "Writing the letter"\n\n'
            "    The [letter builder](../soan-van-ban/vuong-mac.en.md) (explained in English; the letter is in Vietnamese) "
            "follows Article 6 of the cooperation regulation: it checks that nothing is missing, prints "
            "one A4 page and works out the date an answer is due at each level.\n\n"
        ),
        "chart": "Escalation chart",
        "chart_level": "level",
        "h_chart": "Escalation chart",
        "h_levels": "Levels and time limits",
        "h_detail": "Each level in detail",
        "print_channels": ("Verified channels", "details and sources of the channels named at each level"),
    },
}


def table(data, levels: list[dict], lang: str = i18n.DEFAULT) -> str:
    out = LABELS[lang]["table"] + "\n|---|---|---|---|\n"
    for lv in levels:
        limits = "<br>".join(
            f"{md_text(amount(d, lang))}: {md_text(tr(d, 'what', lang))}" for d in lv["deadlines"]
        )
        bases = "<br>".join(dict.fromkeys(md_text(tr(d, "basis", lang)) for d in lv["deadlines"]))
        out += (
            f"| [{lv['level']}](#cap-{lv['level']}) | {md_text(tr(lv, 'who', lang))} | {limits} | {bases} |\n"
        )
    return out + "\n"


def level_section(data, lv: dict, lang: str = i18n.DEFAULT) -> str:
    L, page = LABELS[lang], i18n.translation_path(PAGE, lang)
    out = f"### {L['level']} {lv['level']}: {md_text(tr(lv, 'who', lang))} {{ #cap-{lv['level']} }}\n\n"
    # On paper only each channel's first line is printed here; its details
    # and sources are printed once, in the final channel list.
    out += route_details(data, lv, page, L["include"], lang, channels_class="kb-level-channels")
    return out + "\n"


def render(data, lang: str = i18n.DEFAULT) -> str:
    esc = data.escalation.data
    meta = esc.get("page", {})
    levels = esc["levels"]
    L = LABELS[lang]
    out = front_matter(meta, PAGE_SOURCES[PAGE], lang)
    out += f"# {md_text(tr(meta, 'title', lang, L['title']))}\n\n"
    if esc.get("intro"):
        out += md_paragraphs(tr(esc, "intro", lang)) + "\n\n"
    out += L["danger"].format(misconduct=i18n.translation_path("to-cao-vi-pham.md", lang))
    out += L["builder"]
    out += f"## {L['h_chart']} {{ #so-do }}\n\n"
    summary = f"{L['chart']}: " + "; ".join(
        f"{L['chart_level']} {lv['level']} {tr(lv, 'who', lang)}" for lv in levels
    )
    out += diagram.fence(diagram.escalation_chart(levels, lang), summary) + "\n"
    # The summary table is screen-only: on paper the diagram and the levels'
    # details below carry every deadline with its legal basis.
    out += (
        f'<div class="kb-screen-only" markdown>\n\n## {L["h_levels"]} {{ #cac-cap }}\n\n'
        + table(data, levels, lang)
        + "</div>\n\n"
    )
    out += f"## {L['h_detail']} {{ #chi-tiet }}\n\n"
    out += "".join(level_section(data, lv, lang) for lv in levels)
    return out + print_channels(data, levels, lang)


def print_channels(data, levels: list[dict], lang: str = i18n.DEFAULT) -> str:
    """Every public channel named at a level, once, with its details and
    sources: printed at the end of the page instead of at every level."""
    refs = list(dict.fromkeys(r for lv in levels for r in lv.get("public_channels", [])))
    if not refs:
        return ""
    items = "".join(channel_item(data.channel(r), full=False, lang=lang) for r in refs)
    title, note = LABELS[lang]["print_channels"]
    return f'<div class="kb-print-only" markdown>\n\n**{title}** ({note})\n\n{items}\n</div>\n'
