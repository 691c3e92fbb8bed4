"""Pieces shared by the generated pages: front matter, deadlines, notices."""

from __future__ import annotations

import datetime

import yaml

from scripts import escape, i18n
from scripts.escape import md_text

UNIT_WORDS = {"working-days": "ngày làm việc", "days": "ngày", "working-hours": "giờ làm việc"}
UNIT_WORDS_EN = {"working-days": "working days", "days": "days", "working-hours": "working hours"}

# Where each generated page comes from: its "edit this page" link opens this file.
PAGE_SOURCES = {
    "lien-he/index.md": "data/units.yaml",
    "phan-anh/index.md": "data/escalation.yaml",
    "phan-anh/to-cao-vi-pham.md": "data/escalation.yaml",
    "thuat-ngu.md": "data/glossary.yaml",
    "van-ban-phap-luat.md": "data/legal.yaml",
}
# The English pages (scripts/i18n.py) come from the same files.
PAGE_SOURCES.update(
    {
        i18n.translation_path(page, lang): source
        for page, source in list(PAGE_SOURCES.items())
        for lang in i18n.TRANSLATIONS
    }
)
CONTACTS_PAGE = "lien-he/index.md"


def tr(item: dict, key: str, lang: str = i18n.DEFAULT, default=None):
    """``item[key]`` in ``lang``: the English text sits beside it as ``key_en``
    (required by the schemas wherever the Vietnamese one is given)."""
    name = key if lang == i18n.DEFAULT else f"{key}_{lang}"
    return item.get(name, default)


def front_matter(meta: dict, source: str, lang: str = i18n.DEFAULT) -> str:
    """YAML front matter for a generated page.

    Title and description stay plain text here, as in a hand-written page:
    overrides/hooks/web_meta.py escapes them once for every page.
    """
    out = {k: v for k, v in meta.items() if k[-3:] != "_en"}
    for key in ("title", "description"):
        if tr(meta, key, lang) is not None:
            out[key] = tr(meta, key, lang)
    for key in ("last_reviewed", "effective_date"):
        if isinstance(out.get(key), str):  # unquoted, as in hand-written pages
            out[key] = datetime.date.fromisoformat(out[key])
    out["generated_from"] = source
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


def amount(deadline: dict, lang: str = i18n.DEFAULT) -> str:
    """'05 ngày làm việc': two digits, as Vietnamese legal texts write them; a
    limit that keeps running from an earlier level says it is not a new one."""
    words = UNIT_WORDS if lang == i18n.DEFAULT else UNIT_WORDS_EN
    text = f"{deadline['value']:02d} {words[deadline['unit']]}"
    if not deadline.get("continues"):
        return text
    return f"{text} (không tính lại)" if lang == i18n.DEFAULT else f"{text} (not restarted)"


def basis(data, deadline: dict, lang: str = i18n.DEFAULT) -> str:
    """The deadline's legal basis, its instruments linked with their status."""
    from scripts.legal.render import inline

    return inline(data.registry, tr(deadline, "basis", lang), lang)


def deadline_line(data, deadline: dict, lang: str = i18n.DEFAULT) -> str:
    label = "căn cứ" if lang == i18n.DEFAULT else "legal basis"
    return (
        f"**{md_text(amount(deadline, lang))}**: {md_text(tr(deadline, 'what', lang))} "
        f"({label}: {basis(data, deadline, lang)})"
    )


def bullet_list(items, indent: str = "") -> str:
    return "".join(f"{indent}- {md_text(item)}\n" for item in items)


def admonition(kind: str, title: str, body: str) -> str:
    """A Material admonition; ``body`` is already-escaped Markdown."""
    lines = "".join(f"    {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))
    return f'!!! {kind} "{md_text(title)}"\n\n{lines}\n'


def phone_national(number: str) -> str:
    """An E.164 number (+84…) as Vietnamese readers write it: 1900 9299,
    0225 3xxx xxx (landline, 4-digit area code), 024 3xxx xxxx (Hà Nội,
    TP HCM), 0912 345 678 (mobile)."""
    rest = number[3:]
    if rest.startswith(("1800", "1900")):
        return f"{rest[:4]} {rest[4:]}" if len(rest) == 8 else f"{rest[:4]} {rest[4:7]} {rest[7:]}"
    national = "0" + rest
    if len(national) == 11 and national.startswith(("024", "028")):
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    if len(national) == 11:
        return f"{national[:4]} {national[4:8]} {national[8:]}"
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    return national


def phone_link(number: str, verified: bool, lang: str = i18n.DEFAULT) -> str:
    """National form; a ``tel:`` link (E.164) only for a verified number."""
    shown = md_text(phone_national(number))
    if verified:
        return f"[{shown}]({escape.url('tel:' + number)})"
    return f"{shown} ({W[lang]['unverified']})"


def vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def source_links(sources: list) -> str:
    return "; ".join(f"[{md_text(s['title'])}]({escape.url(s['url'])})" for s in sources)


USE_WORDS = {
    "question": "hỏi, nêu vướng mắc",
    "escalation": "chuyển cấp, phản ánh",
    "misconduct": "báo sai phạm",
}

# Labels of the channel and route lines, per language.
W = {
    "vi": {
        "unverified": "chưa xác minh",
        "call": "gọi",
        "email": "thư điện tử",
        "online": "trực tuyến",
        "address": "địa chỉ",
        "hours": "Thời gian",
        "for": "Dùng cho",
        "not_for": "Lưu ý",
        "notes": "Ghi chú",
        "basis": "Căn cứ",
        "verified": "Xác minh ngày {date} theo: {sources}",
        "not_verified": "Chưa xác minh với nguồn chính thức.",
        "unit_unverified": (
            "Địa chỉ, điện thoại của đơn vị này chưa được xác minh: hãy dùng kênh đã xác minh "
            "ngay dưới đây (hỏi tại đó nơi nhận văn bản)."
        ),
        "contact": "Liên hệ",
        "step_channels": "Kênh đã xác minh dùng ở bước này:",
        "when": "Khi nào",
        "to": "Gửi tới",
        "limits": "Thời hạn",
    },
    "en": {
        "unverified": "not verified",
        "call": "call",
        "email": "email",
        "online": "online",
        "address": "address",
        "hours": "Hours",
        "for": "For",
        "not_for": "Note",
        "notes": "Remark",
        "basis": "Legal basis",
        "verified": "Verified on {date} against: {sources}",
        "not_verified": "Not verified against an official source.",
        "unit_unverified": (
            "This body's address and phone are not verified: use the verified channel "
            "just below (ask there where to send letters)."
        ),
        "contact": "Contact",
        "step_channels": "Verified channels for this step:",
        "when": "When",
        "to": "Send to",
        "limits": "Time limits",
    },
}


def channel_item(ch: dict, full: bool = True, lang: str = i18n.DEFAULT) -> str:
    """One public channel as a Markdown list item: how to reach it, what it
    takes and what not, and where and when it was verified. ``full=False``
    (inline at an escalation step) leaves out hours, notes and basis."""
    verified = "verified_on" in ch
    w = W[lang]
    ways = []
    if "hotline" in ch:
        ways.append(f"{w['call']} " + phone_link(ch["hotline"], verified, lang))
    if "email" in ch:
        ways.append(
            f"{w['email']} [{md_text(ch['email'])}]({escape.url('mailto:' + ch['email'])})"
            if verified
            else f"{w['email']} {md_text(ch['email'])} ({w['unverified']})"
        )
    if "url" in ch:
        ways.append(f"{w['online']} [{md_text(ch['url'])}]({escape.url(ch['url'])})")
    if "address" in ch:
        ways.append(f"{w['address']} {md_text(ch['address'])}")
    out = f"- **{md_text(tr(ch, 'name', lang))}**: {'; '.join(ways)}.\n"
    if ch.get("hours") and full:
        out += f"    - {w['hours']}: {md_text(tr(ch, 'hours', lang))}\n"
    out += "".join(f"    - {w['for']}: {md_text(x)}\n" for x in tr(ch, "for", lang))
    out += "".join(f"    - {w['not_for']}: {md_text(x)}\n" for x in tr(ch, "not_for", lang, []))
    out += "".join(f"    - {w['notes']}: {md_text(x)}\n" for x in tr(ch, "notes", lang, []) if full)
    if ch.get("basis") and full:
        out += f"    - {w['basis']}: {md_text(tr(ch, 'basis', lang))}\n"
    if verified:
        date = vn_date(ch["verified_on"]) if lang == i18n.DEFAULT else ch["verified_on"]
        out += "    - " + w["verified"].format(date=md_text(date), sources=source_links(ch["sources"])) + "\n"
    else:
        out += f"    - {w['not_verified']}\n"
    return out


def unit_route(data, channel: dict, from_page: str, lang: str = i18n.DEFAULT) -> str:
    """A level's or step's unit with how to reach it; a unit without verified
    details says so and points to the verified channels listed beside it."""
    unit = data.unit(channel["unit"])
    w = W[lang]
    out = f"- {unit_link(data, unit['id'], from_page, lang)}: {md_text(tr(channel, 'how', lang))}"
    if "verified_on" not in unit:
        return out + f" *{w['unit_unverified']}*\n"
    ways = [phone_link(p["number"], True, lang) for p in unit.get("phones", [])]
    if "hotline" in unit:
        ways.append(phone_link(unit["hotline"], True, lang))
    if "email" in unit:
        ways.append(f"[{md_text(unit['email'])}]({escape.url('mailto:' + unit['email'])})")
    if "address" in unit:
        ways.append(md_text(unit["address"]))
    return out + (f" {w['contact']}: {'; '.join(ways)}.\n" if ways else "\n")


def public_channels(data, item: dict, lang: str = i18n.DEFAULT) -> str:
    refs = item.get("public_channels", [])
    if not refs:
        return ""
    return f"\n**{W[lang]['step_channels']}**\n\n" + "".join(
        channel_item(data.channel(r), full=False, lang=lang) for r in refs
    )


def unit_link(data, unit_id: str, from_page: str, lang: str = i18n.DEFAULT) -> str:
    """Link to a unit's card on the contacts page (of the same language)."""
    prefix = "../" * from_page.count("/")
    contacts = i18n.translation_path(CONTACTS_PAGE, lang)
    target = "" if from_page in (CONTACTS_PAGE, contacts) else f"{prefix}{contacts}"
    return f"[{md_text(tr(data.unit(unit_id), 'name', lang))}]({target}#{unit_id})"


def route_details(
    data, item: dict, from_page: str, include_label: str, lang: str = i18n.DEFAULT, channels_class: str = ""
) -> str:
    """What both route pages (escalation levels, misconduct steps) say under
    each heading: when, to whom (units, then verified channels, wrapped in a
    ``channels_class`` block when given), the time limits and what to attach."""
    words = W[lang]
    out = f"**{words['when']}:** {md_text(tr(item, 'when', lang))}\n\n**{words['to']}:**\n\n"
    out += "".join(unit_route(data, c, from_page, lang) for c in item["channels"])
    channels = public_channels(data, item, lang)
    if channels and channels_class:
        channels = f'\n<div class="{channels_class}" markdown>\n{channels}\n</div>\n'
    out += channels
    out += f"\n**{words['limits']}:**\n\n" + "".join(
        f"- {deadline_line(data, d, lang)}\n" for d in item["deadlines"]
    )
    if item.get("include"):
        out += f"\n**{include_label}:**\n\n" + bullet_list(tr(item, "include", lang))
    return out
