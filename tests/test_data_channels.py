"""Public channels on the generated pages and in the builders' data: phones in
national form with E.164 tel: links only when verified, every escalation level
and misconduct step naming a verified channel inline, and the builders'
deadlines taken from the same data as the escalation page."""

import json
import re

import pytest

from helpers.data import ROOT
from scripts.contacts import builder_data
from scripts.contacts.load import load_data
from scripts.contacts.outputs import generate
from scripts.contacts.pages import phone_national


@pytest.mark.parametrize(
    "e164, shown",
    [
        ("+8419009299", "1900 9299"),
        ("+842253836123", "0225 3836 123"),
        ("+842438221234", "024 3822 1234"),
        ("+84912345678", "0912 345 678"),
    ],
)
def test_phones_are_shown_in_national_form(e164, shown):
    assert phone_national(e164) == shown


@pytest.fixture(scope="module")
def site_files():
    data = load_data(ROOT)
    return data, generate(data, "https://example.test/")


def sections(markdown: str, heading: str) -> list[str]:
    return re.split(rf"^### {heading} ", markdown, flags=re.M)[1:]


@pytest.mark.parametrize(
    "page, heading", [("phan-anh/index.md", "Cấp"), ("phan-anh/to-cao-vi-pham.md", "Bước")]
)
def test_every_level_and_step_shows_a_verified_channel_inline(site_files, page, heading):
    data, files = site_files
    parts = sections(files[page], heading)
    assert len(parts) >= 3
    for part in parts:
        assert "**Kênh đã xác minh dùng ở bước này:**" in part, part[:80]
        assert re.search(r"\]\((tel:\+84\d+|https?://[^)]+)\)", part), part[:80]
        assert "Xác minh ngày" in part
        assert "trực tiếp tại nơi làm thủ tục" not in part


def test_no_unverified_number_becomes_a_tel_link(site_files):
    data, files = site_files
    verified = {u.get("hotline") for u in data.units.data["units"] if "verified_on" in u}
    verified |= {
        p["number"] for u in data.units.data["units"] if "verified_on" in u for p in u.get("phones", [])
    }
    verified |= {
        c["hotline"] for c in data.channels.data["channels"] if "verified_on" in c and "hotline" in c
    }
    for name, text in files.items():
        if name.endswith(".md"):
            for number in re.findall(r"\(tel:(\+\d+)\)", text):
                assert number in verified, f"{name}: tel:{number} is not a verified number"


def test_builders_read_the_escalation_deadlines_and_holidays_from_the_data(site_files):
    data, files = site_files
    doc = json.loads(files[builder_data.URI])
    esc = data.escalation.data
    assert [lv["deadlines"] for lv in doc["levels"]] == [
        [{k: d[k] for k in ("value", "unit", "what", "basis")} for d in lv["deadlines"]]
        for lv in esc["levels"]
    ]
    assert [s["deadlines"][0]["value"] for s in doc["steps"]] == [
        s["deadlines"][0]["value"] for s in esc["misconduct"]["steps"]
    ]
    assert doc["holidays"]["years"][0]["days_off"] == data.holidays.data["years"][0]["days_off"]
    # an e-mail reaches the builders (and so a mailto:) only for a verified unit
    for unit in doc["units"]:
        assert "email" not in unit or unit["verified"]
