"""The generated vCards, contacts.json and abbreviations, for the fixture and the
site's own data: real parsers, the published schema, and one edit reaching every output."""

import json
import re

import jsonschema
import pytest
import vobject
import yaml

from helpers.data import FIXTURE, FIXTURE_SITE_URL, ROOT, copy_data
from scripts import i18n
from scripts.contacts import render_contacts, render_glossary
from scripts.contacts.load import load_data
from scripts.contacts.outputs import generate
from scripts.escape import md_text
from scripts.vietnamese import fold

SCHEMA = json.loads((ROOT / "data" / "schemas" / "contacts.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["fixture", "site"])
def outputs(request):
    root = FIXTURE if request.param == "fixture" else ROOT
    data = load_data(root)
    return data, generate(data, FIXTURE_SITE_URL)


def test_every_vcard_parses_with_vobject(outputs):
    data, files = outputs
    units = data.units.data["units"]
    for unit in units:
        card = vobject.readOne(files[f"lien-he/vcard/{unit['id']}.vcf"])
        assert card.fn.value == unit["name"]  # HTML/Markdown in names comes back as plain text
        tels = [t.value for t in card.contents.get("tel", [])]
        if "verified_on" in unit:
            assert tels == [p["number"] for p in unit.get("phones", [])] + (
                [unit["hotline"]] if "hotline" in unit else []
            )
        else:  # an unverified number never reaches a phone's address book
            assert tels == [] and "email" not in card.contents
            assert "chưa được xác minh" in card.note.value
    everyone = list(vobject.readComponents(files["lien-he/danh-ba.vcf"]))
    assert sorted(c.fn.value for c in everyone) == sorted(u["name"] for u in units)


def test_contacts_json_validates_against_its_schema(outputs):
    data, files = outputs
    doc = json.loads(files["lien-he/contacts.json"])
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [e.message for e in validator.iter_errors(doc)]
    assert errors == []
    assert [u["id"] for u in doc["units"]] == [u["id"] for u in data.units.data["units"]]
    assert all(u["verified"] == ("verified_on" in u) for u in doc["units"])
    # Text stays text, and the file stays inert if embedded in HTML.
    assert "<" not in files["lien-he/contacts.json"] and ">" not in files["lien-he/contacts.json"]


def test_contacts_json_schema_is_published_unchanged(outputs):
    _, files = outputs
    assert json.loads(files["lien-he/contacts.schema.json"]) == SCHEMA


def test_one_phone_edit_reaches_every_page_vcard_and_json(tmp_path):
    root = copy_data(FIXTURE, tmp_path)
    units = root / "data" / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("+842250000001", "+842250000077"), encoding="utf-8"
    )
    files = generate(load_data(root), FIXTURE_SITE_URL)
    assert "tel:+842250000077" in files["lien-he/index.md"]
    assert "+842250000077" in files["lien-he/vcard/chi-cuc-hq-kv3.vcf"]
    assert "+842250000077" in files["lien-he/danh-ba.vcf"]
    assert "+842250000077" in files["lien-he/contacts.json"]
    assert not any("+842250000001" in content for content in files.values())


def test_the_sites_data_shows_no_unverified_contact_as_verified():
    data = load_data(ROOT)
    files = generate(data, FIXTURE_SITE_URL)
    page = files["lien-he/index.md"]
    for unit in data.units.data["units"]:
        card = page.split(f"{{ #{unit['id']} }}", 1)[1].split("\n## ", 1)[0]
        if "verified_on" not in unit:
            assert '!!! warning "Chưa xác minh"' in card, unit["id"]
            if not unit.get("phones"):
                assert "Số điện thoại đang được xác minh" in card


def test_abbreviation_definitions_cover_terms_and_variants():
    data = load_data(FIXTURE)
    lines = render_glossary.abbreviations(data).splitlines()
    assert "*[DN]: doanh nghiệp" in lines
    assert "*[C/O]: giấy chứng nhận xuất xứ" in lines and "*[CO]: giấy chứng nhận xuất xứ" in lines


def test_each_glossary_entry_is_its_own_section_in_both_languages(outputs):
    """One heading per abbreviation, with the same anchor on both pages: each
    entry is its own search result and link (/thuat-ngu/#c-o)."""
    data, files = outputs
    terms = data.glossary.data["terms"]
    pages = {
        "vi": (files[render_glossary.PAGE], "Viết tắt của: "),
        "en": (files[i18n.translation_path(render_glossary.PAGE, "en")], "Stands for: "),
    }
    anchors = {}
    for lang, (text, label) in pages.items():
        entries = re.findall(
            r'^## (.+) \{ #([a-z0-9-]+) \.kb-term(?: data-toc-label="([^"]+)")? \}\n\n(.*)$', text, re.M
        )
        assert len(entries) == len(terms), lang
        assert all(line.startswith(label) for *_, line in entries), lang
        # The English table of contents lists "NĐ-CP" as "ND-CP" (no Vietnamese letters in its interface).
        assert all(
            toc == (fold(abbr) if lang == "en" and fold(abbr) != abbr else "") for abbr, _, toc, _ in entries
        ), lang
        anchors[lang] = [a for _, a, *_ in entries]
        assert len(set(anchors[lang])) == len(terms), lang
        assert yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["search"]["boost"] == 0.5, (
            lang
        )
    assert anchors["vi"] == anchors["en"]


def test_glossary_anchors_stay_unique_when_abbreviations_fold_alike():
    gloss = {"terms": [{"abbr": a, "term": "x", "en": "x"} for a in ("C/O", "C.O", "c-o", "Đ")]}
    anchors = [a for _, a in render_glossary.entries(gloss)]
    assert len(set(anchors)) == 4 and {a for a in anchors if a.startswith("c-o")} == {"c-o", "c-o-2", "c-o-3"}
    assert "d" in anchors


def test_contacts_page_opens_with_its_description_and_names_the_verified_channels(outputs):
    data, files = outputs
    meta = data.units.data["page"]
    kinds = [
        k
        for k in render_contacts.CHANNEL_KINDS
        if any(c["kind"] == k and "verified_on" in c for c in data.channels.data["channels"])
    ]
    assert kinds
    for lang, page, heading in (
        ("vi", render_contacts.PAGE, "Kênh công khai đã xác minh"),
        ("en", i18n.translation_path(render_contacts.PAGE, "en"), "Verified public channels"),
    ):
        text = files[page]
        lead = text.split("\n# ", 1)[1].split("\n\n")[1]
        assert lead == md_text(meta["description" if lang == "vi" else "description_en"])
        named = re.search(rf"^## {heading} \((.+)\) \{{ #kenh-cong-khai \}}$", text, re.M)
        assert named, lang
        words = [render_contacts.CHANNEL_KINDS[k] for k in kinds]
        if lang == "en":
            words = [render_contacts.ENGLISH[w] for w in words]
        assert named.group(1) == ", ".join(words)


@pytest.mark.parametrize(
    "repo_url,edit_uri,expected",
    [
        ("https://github.com/o/r", "edit/main/docs/", "https://github.com/o/r/edit/main/data/units.yaml"),
        (
            "https://gitlab.example/g/r/",
            "-/edit/trunk/docs/",
            "https://gitlab.example/g/r/-/edit/trunk/data/units.yaml",
        ),
        ("https://github.com/o/r", None, None),
    ],
)
def test_edit_link_is_derived_from_repo_url_and_edit_uri(repo_url, edit_uri, expected):
    from scripts.pages.editlinks import repo_file_url

    assert repo_file_url(repo_url, edit_uri, str(ROOT / "docs"), str(ROOT), "data/units.yaml") == expected
