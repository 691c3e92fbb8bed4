"""Golden tests: the generator's output for the fixture data set, byte for byte.
Regenerate after an intended change: see tests/fixtures/contacts/README.md."""

import pytest

from helpers.data import FIXTURE, FIXTURE_SITE_URL, GOLDEN
from scripts.contacts.load import load_data
from scripts.contacts.outputs import generate

REGENERATE = (
    "regenerate with: .venv/bin/python -m scripts.contacts --root tests/fixtures/contacts "
    "generate --out tests/fixtures/contacts/golden --site-url https://example.test/"
)


@pytest.fixture(scope="module")
def generated():
    return generate(load_data(FIXTURE), FIXTURE_SITE_URL)


def golden_files():
    return sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file())


def test_generator_writes_exactly_the_golden_files(generated):
    assert sorted(generated) == golden_files(), REGENERATE


@pytest.mark.parametrize("rel", golden_files())
def test_generated_file_matches_golden(generated, rel):
    expected = (GOLDEN / rel).read_bytes().decode("utf-8")
    assert generated[rel] == expected, f"{rel} differs from its golden; if intended, {REGENERATE}"


def test_cli_generate_writes_the_same_files(tmp_path):
    from scripts.contacts.cli import main

    out = tmp_path / "out"
    assert main(["--root", str(FIXTURE), "generate", "--out", str(out), "--site-url", FIXTURE_SITE_URL]) == 0
    for rel in golden_files():
        assert (out / rel).read_bytes() == (GOLDEN / rel).read_bytes(), rel
