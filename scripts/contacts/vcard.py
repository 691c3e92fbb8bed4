"""vCard 3.0 files (RFC 2426, escaping as RFC 6350) for one unit or all of them.

Every value goes through escape.vcard_text, lines are folded at 75 octets
without splitting a UTF-8 character, and a unit whose details are not verified
says so in its NOTE, as its card on the site does.
"""

from __future__ import annotations

from scripts.escape import vcard_text

UNVERIFIED_NOTE = "Thông tin liên hệ chưa được xác minh với nguồn chính thức; kiểm tra lại trước khi dùng."


def fold(line: str) -> str:
    out, current = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += b
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def card(unit: dict, page_url: str) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{vcard_text(unit['name'])}",
        "N:;;;;",
        f"ORG:{vcard_text(unit['name'])}",
        f"UID:{vcard_text(page_url + '#' + unit['id'])}",
    ]
    # Unverified numbers and addresses never reach a phone's address book.
    verified = "verified_on" in unit
    for p in unit.get("phones", []) if verified else []:
        lines.append(f"TEL;TYPE=WORK,VOICE:{p['number']}")
    if "hotline" in unit and verified:
        lines.append(f"TEL;TYPE=WORK,VOICE,PREF:{unit['hotline']}")
    if "email" in unit and verified:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{unit['email']}")
    if "address" in unit:
        lines.append(f"ADR;TYPE=WORK:;;{vcard_text(unit['address'])};;;;Việt Nam")
    if "website" in unit:
        lines.append(f"URL:{unit['website']}")
    notes = []
    if "verified_on" not in unit:
        notes.append(UNVERIFIED_NOTE)
    else:
        notes.append(f"Xác minh ngày {unit['verified_on']}.")
    if "hours" in unit:
        notes.append(f"Giờ làm việc: {unit['hours']}")
    notes.append(f"Xem thêm: {page_url}#{unit['id']}")
    lines.append(f"NOTE:{vcard_text(' '.join(notes))}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def all_cards(units: list[dict], page_url: str) -> str:
    return "".join(card(u, page_url) for u in units)
