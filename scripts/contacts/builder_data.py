"""soan-van-ban/du-lieu.json: what the letter builders (letter-builder.js)
read at page load, taken from the validated data so that no time limit,
holiday or channel is written twice: escalation levels and misconduct steps
with their deadlines (data/escalation.yaml), days off (data/holidays.yaml),
the receiving units and their e-mail only when verified (data/units.yaml),
and the verified public channels (data/channels.yaml)."""

from __future__ import annotations

from scripts.contacts import jsonfeed

URI = "soan-van-ban/du-lieu.json"
DEADLINE_FIELDS = ("value", "unit", "what", "basis")


def _deadlines(item: dict) -> list[dict]:
    return [{k: d[k] for k in DEADLINE_FIELDS} for d in item["deadlines"]]


def _unit(data, unit_id: str) -> dict:
    unit = data.unit(unit_id)
    out = {"id": unit_id, "name": unit["name"], "verified": "verified_on" in unit}
    if out["verified"] and "email" in unit:  # a mailto: only for a verified address
        out["email"] = unit["email"]
    return out


def _channel(ch: dict) -> dict:
    out = {k: ch[k] for k in ("id", "name", "kind", "uses", "url", "hotline", "email") if k in ch}
    out["verified_on"] = ch["verified_on"]
    return out


def document(data) -> dict:
    esc = data.escalation.data
    levels = [
        {
            "level": lv["level"],
            "who": lv["who"],
            "when": lv["when"],
            "own_chain": lv["own_chain"],
            "units": [c["unit"] for c in lv["channels"]],
            "channels": lv.get("public_channels", []),
            "deadlines": _deadlines(lv),
        }
        for lv in esc["levels"]
    ]
    steps = [
        {
            "step": s["step"],
            "who": s["who"],
            "when": s["when"],
            "units": [c["unit"] for c in s["channels"]],
            "channels": s.get("public_channels", []),
            "deadlines": _deadlines(s),
        }
        for s in esc["misconduct"]["steps"]
    ]
    unit_ids = dict.fromkeys(u for item in levels + steps for u in item["units"])
    hol = data.holidays.data
    return {
        "sources": ["data/escalation.yaml", "data/holidays.yaml", "data/units.yaml", "data/channels.yaml"],
        "levels": levels,
        "steps": steps,
        "units": [_unit(data, u) for u in unit_ids],
        "channels": [_channel(c) for c in data.channels.data["channels"] if "verified_on" in c],
        "holidays": {
            "basis": hol["basis"],
            "years": [
                {
                    "year": y["year"],
                    "announced": y["announced"],
                    "days_off": y["days_off"],
                    "work_days": y.get("work_days", []),
                    "uncertain": y.get("uncertain", []),
                }
                for y in hol["years"]
            ],
        },
    }


def dumps(data) -> str:
    return jsonfeed.dumps(document(data))
