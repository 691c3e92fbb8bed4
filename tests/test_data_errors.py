"""One test per class of editor mistake in data/*.yaml: the message names the
file, line and field, every problem is reported, the exit status is 2, and
generated output is left exactly as it was."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.data import FIXTURE, ROOT, copy_data
from scripts.contacts.cli import main

DEADLINE_L1 = """    deadlines:
      - value: 5
        unit: working-days
        what: Trả lời vướng mắc
        what_en: EN Trả lời vướng mắc
        basis: Thông tư mẫu 1/2000/TT-MAU, Điều 1
        basis_en: EN Thông tư mẫu 1/2000/TT-MAU, Điều 1
"""

# (id, file, old text, new text, marker on the reported line, field, words of the message)
CASES = [
    ("yaml-syntax", "units", "    kind: cuc\n", "    kind: [cuc\n", None, "", "lỗi cú pháp YAML"),
    (
        "duplicate-key",
        "units",
        "    name: Cục Hải quan\n",
        "    name: Cục Hải quan\n    name: Cục khác\n",
        "    name: Cục khác",
        "units[1].name",
        "khóa 'name' được viết hai lần",
    ),
    (
        "unknown-field",
        "units",
        "    kind: bo\n",
        "    kind: bo\n    fax: '123'\n",
        "    fax:",
        "units[0].fax",
        "không có trường 'fax'",
    ),
    (
        "wrong-type",
        "escalation",
        "    own_chain: true\n",
        "    own_chain: có\n",
        "    own_chain: có",
        "levels[0].own_chain",
        "cần true hoặc false",
    ),
    (
        "phone",
        "units",
        '"+842250000002"',
        '"0225 000 0002"',
        "0225 000 0002",
        "units[2].phones[1].number",
        "E.164",
    ),
    (
        "email",
        "units",
        "lien-he@example.org",
        "lien-he at example.org",
        "lien-he at example.org",
        "units[2].email",
        "cần địa chỉ thư điện tử",
    ),
    (
        "url",
        "units",
        "website: https://example.org/",
        "website: www.example.org",
        "www.example.org",
        "units[2].website",
        "bắt đầu bằng https://",
    ),
    (
        "date",
        "units",
        "verified_on: 2026-11-01",
        "verified_on: 2026-02-30",
        "2026-02-30",
        "units[2].verified_on",
        "YYYY-MM-DD",
    ),
    (
        "unknown-unit",
        "escalation",
        "- unit: doi-mau",
        "- unit: doi-khong-co",
        "doi-khong-co",
        "levels[0].channels[0].unit",
        "không có đơn vị mang id 'doi-khong-co'",
    ),
    (
        "unknown-parent",
        "units",
        "    parent: bo-tai-chinh\n",
        "    parent: bo-tai-chin\n",
        "bo-tai-chin\n",
        "units[1].parent",
        "không có đơn vị mang id 'bo-tai-chin'",
    ),
    (
        "unknown-owner",
        "glossary",
        "  owner: chi-cuc-hq-kv3\n",
        "  owner: chi-cuc-kv9\n",
        "chi-cuc-kv9",
        "page.owner",
        "không có đơn vị mang id 'chi-cuc-kv9'",
    ),
    (
        "levels-out-of-order",
        "escalation",
        "  - level: 2\n",
        "  - level: 3\n",
        "  - level: 3",
        "levels[1].level",
        "cấp 3 đứng sau cấp 1",
    ),
    (
        "level-without-deadline",
        "escalation",
        DEADLINE_L1,
        "    deadlines: []\n",
        "    deadlines: []",
        "levels[0].deadlines",
        "mỗi cấp cần ít nhất một thời hạn",
    ),
    (
        "missing-english-name",
        "units",
        "    name_en: EN Cục Hải quan\n",
        "",
        "  - id: cuc-hai-quan",
        "units[1]",
        "thiếu trường bắt buộc 'name_en'",
    ),
    (
        "parent-cycle",
        "units",
        "    name_en: EN Bộ Tài chính\n    kind: bo\n",
        "    name_en: EN Bộ Tài chính\n    kind: bo\n    parent: chi-cuc-hq-kv3\n",
        "    parent: chi-cuc-hq-kv3",
        "units[0].parent",
        "vòng lặp",
    ),
    (
        "misconduct-through-own-chain",
        "escalation",
        "same_as_level: lanh-dao",
        "same_as_level: cong-chuc",
        "same_as_level: cong-chuc",
        "misconduct.steps[0].same_as_level",
        "dây quản lý của công chức bị báo cáo",
    ),
    (
        "duplicate-abbreviation",
        "glossary",
        "  - abbr: HQ\n",
        "  - abbr: DN\n",
        "  - abbr: DN\n    term: hải quan",
        "terms[1].abbr",
        "chữ viết tắt 'DN' bị trùng",
    ),
    (
        "duplicate-unit-id",
        "units",
        "  - id: doi-mau\n",
        "  - id: cuc-hai-quan\n",
        None,
        "units[3].id",
        "id đơn vị 'cuc-hai-quan' bị trùng",
    ),
    (
        "verified-without-sources",
        "units",
        "    verified_on: 2026-11-01\n    sources:",
        "    verified_on: 2026-11-01\n    x_sources:",
        "verified_on: 2026-11-01",
        "units[2].verified_on",
        "nên cũng phải có 'sources'",
    ),
    (
        "channel-verified-without-sources",
        "channels",
        "    sources:\n      - title: Trang mẫu",
        "    x_sources:\n      - title: Trang mẫu",
        "verified_on: 2026-11-01",
        "channels[0].verified_on",
        "nên cũng phải có 'sources'",
    ),
    (
        "unknown-public-channel",
        "escalation",
        "public_channels: [kenh-mau]",
        "public_channels: [kenh-khong-co]",
        "kenh-khong-co",
        "levels[0].public_channels[0]",
        "không có kênh mang id 'kenh-khong-co'",
    ),
    (
        "level-without-verified-channel",
        "escalation",
        "    public_channels: [kenh-mau]\n",
        "",
        "  - level: 1",
        "levels[0]",
        "chưa có kênh nào đã xác minh",
    ),
    (
        "only-an-unverified-channel",
        "escalation",
        "public_channels: [kenh-mau]",
        "public_channels: [kenh-chua-xac-minh]",
        "  - level: 1",
        "levels[0]",
        "chưa có kênh nào đã xác minh",
    ),
    (
        "work-day-on-a-weekday",
        "holidays",
        "{date: 2026-01-10,",
        "{date: 2026-01-12,",
        "2026-01-12",
        "years[0].work_days[0].date",
        "là ngày thường trong tuần",
    ),
]


def mutate(tmp_path: Path, stem: str, old: str, new: str) -> str:
    root = copy_data(FIXTURE, tmp_path)
    path = root / "data" / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {stem}.yaml"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1 + (1 if marker.startswith("\n") else 0)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_error_class_is_reported_with_file_line_and_field(tmp_path, capsys, case):
    _name, stem, old, new, marker, field, words = case
    text = mutate(tmp_path, stem, old, new)
    assert main(["--root", str(tmp_path), "check"]) == 2
    err = capsys.readouterr().err
    lines = [l for l in err.splitlines() if l.startswith(f"data/{stem}.yaml:")]
    matching = [l for l in lines if words in l and (not field or f": {field}: " in l)]
    assert matching, f"no '{words}' problem for {field!r} in:\n{err}"
    if marker is not None:
        expected_line = line_of(text, marker)
        assert any(l.split(":")[1] == str(expected_line) for l in matching), (
            f"expected line {expected_line} in:\n{err}"
        )
    assert "Traceback" not in err


def test_every_problem_is_reported_not_just_the_first(tmp_path, capsys):
    root = copy_data(FIXTURE, tmp_path)
    units = root / "data" / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8")
        .replace('"+842250000002"', '"02250000002"')
        .replace("lien-he@example.org", "khong-phai-email"),
        encoding="utf-8",
    )
    esc = root / "data" / "escalation.yaml"
    esc.write_text(
        esc.read_text(encoding="utf-8").replace("  - level: 2\n", "  - level: 5\n"), encoding="utf-8"
    )
    assert main(["--root", str(root), "check"]) == 2
    err = capsys.readouterr().err
    assert "units[2].phones[1].number" in err and "units[2].email" in err and "levels[1].level" in err


def test_bad_data_leaves_the_output_directory_exactly_as_it_was(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("bản cũ", encoding="utf-8")
    before = sorted((p.relative_to(out), p.read_bytes()) for p in out.rglob("*") if p.is_file())
    mutate(tmp_path / "proj", "units", "    kind: cuc\n", "    kind: chi-cuc-xyz\n")
    assert main(["--root", str(tmp_path / "proj"), "generate", "--out", str(out)]) == 2
    after = sorted((p.relative_to(out), p.read_bytes()) for p in out.rglob("*") if p.is_file())
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "proj"], "temporary directory left behind"


def test_real_command_exits_2_without_traceback(tmp_path):
    mutate(tmp_path, "units", "    kind: cuc\n", "    kind: [cuc\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.contacts", "--root", str(tmp_path), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("data/units.yaml:")
    assert "Traceback" not in result.stderr


def test_the_sites_own_data_is_valid(capsys):
    assert main(["check"]) == 0, capsys.readouterr().err


def test_every_data_file_names_its_schema_on_the_first_line():
    from scripts.contacts.load import DATA_FILES

    for stem in DATA_FILES:
        first = (ROOT / "data" / f"{stem}.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema=schemas/{stem}.schema.json", stem
        assert (ROOT / "data" / "schemas" / f"{stem}.schema.json").is_file()
