"""Pieces shared by the generated pages: front matter, deadlines, notices."""
from __future__ import annotations

import datetime

import yaml

from scripts import escape
from scripts.escape import md_text

UNIT_WORDS = {"working-days": "ngày làm việc", "days": "ngày", "working-hours": "giờ làm việc"}

# Where each generated page comes from: its "edit this page" link opens this file.
PAGE_SOURCES = {
    "lien-he/index.md": "data/units.yaml",
    "phan-anh/index.md": "data/escalation.yaml",
    "phan-anh/to-cao-vi-pham.md": "data/escalation.yaml",
    "thuat-ngu.md": "data/glossary.yaml",
    "van-ban-phap-luat.md": "data/legal.yaml",
}
CONTACTS_PAGE = "lien-he/index.md"


def front_matter(meta: dict, source: str) -> str:
    """YAML front matter for a generated page.

    Title and description stay plain text here, as in a hand-written page:
    overrides/hooks/web_meta.py escapes them once for every page.
    """
    out = {k: v for k, v in meta.items()}
    for key in ("last_reviewed", "effective_date"):
        if isinstance(out.get(key), str):  # unquoted, as in hand-written pages
            out[key] = datetime.date.fromisoformat(out[key])
    out["generated_from"] = source
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


def amount(deadline: dict) -> str:
    """'05 ngày làm việc': two digits, as Vietnamese legal texts write them; a
    limit that keeps running from an earlier level says it is not a new one."""
    text = f"{deadline['value']:02d} {UNIT_WORDS[deadline['unit']]}"
    return f"{text} (không tính lại)" if deadline.get("continues") else text


def basis(data, deadline: dict) -> str:
    """The deadline's legal basis, its instruments linked with their status."""
    from scripts.legal.render import inline
    return inline(data.registry, deadline["basis"])


def deadline_line(data, deadline: dict) -> str:
    return f"**{md_text(amount(deadline))}**: {md_text(deadline['what'])} (căn cứ: {basis(data, deadline)})"


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


def phone_link(number: str, verified: bool) -> str:
    """National form; a ``tel:`` link (E.164) only for a verified number."""
    shown = md_text(phone_national(number))
    return f"[{shown}]({escape.url('tel:' + number)})" if verified else f"{shown} (chưa xác minh)"


def vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def source_links(sources: list) -> str:
    return "; ".join(f"[{md_text(s['title'])}]({escape.url(s['url'])})" for s in sources)


USE_WORDS = {"question": "hỏi, nêu vướng mắc", "escalation": "chuyển cấp, phản ánh", "misconduct": "báo sai phạm"}


def channel_item(ch: dict, full: bool = True) -> str:
    """One public channel as a Markdown list item: how to reach it, what it
    takes and what not, and where and when it was verified. ``full=False``
    (inline at an escalation step) leaves out hours, notes and basis."""
    verified = "verified_on" in ch
    ways = []
    if "hotline" in ch:
        ways.append("gọi " + phone_link(ch["hotline"], verified))
    if "email" in ch:
        ways.append(f"thư điện tử [{md_text(ch['email'])}]({escape.url('mailto:' + ch['email'])})"
                    if verified else f"thư điện tử {md_text(ch['email'])} (chưa xác minh)")
    if "url" in ch:
        ways.append(f"trực tuyến [{md_text(ch['url'])}]({escape.url(ch['url'])})")
    if "address" in ch:
        ways.append(f"địa chỉ {md_text(ch['address'])}")
    out = f"- **{md_text(ch['name'])}**: {'; '.join(ways)}.\n"
    if ch.get("hours") and full:
        out += f"    - Thời gian: {md_text(ch['hours'])}\n"
    out += "".join(f"    - Dùng cho: {md_text(x)}\n" for x in ch["for"])
    out += "".join(f"    - Lưu ý: {md_text(x)}\n" for x in ch.get("not_for", []))
    out += "".join(f"    - Ghi chú: {md_text(x)}\n" for x in ch.get("notes", []) if full)
    if ch.get("basis") and full:
        out += f"    - Căn cứ: {md_text(ch['basis'])}\n"
    if verified:
        out += f"    - Xác minh ngày {md_text(vn_date(ch['verified_on']))} theo: {source_links(ch['sources'])}\n"
    else:
        out += "    - Chưa xác minh với nguồn chính thức.\n"
    return out


def unit_route(data, channel: dict, from_page: str) -> str:
    """A level's or step's unit with how to reach it; a unit without verified
    details says so and points to the verified channels listed beside it."""
    unit = data.unit(channel["unit"])
    out = f"- {unit_link(data, unit['id'], from_page)}: {md_text(channel['how'])}"
    if "verified_on" not in unit:
        return out + (" *Địa chỉ, điện thoại của đơn vị này chưa được xác minh: hãy dùng kênh đã xác minh "
                      "ngay dưới đây (hỏi tại đó nơi nhận văn bản).*\n")
    ways = [phone_link(p["number"], True) for p in unit.get("phones", [])]
    if "hotline" in unit:
        ways.append(phone_link(unit["hotline"], True))
    if "email" in unit:
        ways.append(f"[{md_text(unit['email'])}]({escape.url('mailto:' + unit['email'])})")
    if "address" in unit:
        ways.append(md_text(unit["address"]))
    return out + (f" Liên hệ: {'; '.join(ways)}.\n" if ways else "\n")


def public_channels(data, item: dict) -> str:
    refs = item.get("public_channels", [])
    if not refs:
        return ""
    return "\n**Kênh đã xác minh dùng ở bước này:**\n\n" + "".join(channel_item(data.channel(r), full=False) for r in refs)


def unit_link(data, unit_id: str, from_page: str) -> str:
    """Link to a unit's card on the contacts page."""
    prefix = "../" * from_page.count("/")
    target = "" if from_page == CONTACTS_PAGE else f"{prefix}{CONTACTS_PAGE}"
    return f"[{md_text(data.unit(unit_id)['name'])}]({target}#{unit_id})"
