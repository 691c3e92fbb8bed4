"""The editors' documents stay true to the code: every check message that
CONTRIBUTING.md explains is one the code really prints, the procedure
sections it lists are the template's, and .github/ holds what reviewers need."""
import re

import pytest

from helpers.project import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# Messages are written as implicitly joined string literals over several lines.
SOURCES = re.sub(r'"\s*\n\s*f?"', "", "\n".join(
    p.read_text(encoding="utf-8") for p in [*(ROOT / "scripts").rglob("*.py"),
                                            ROOT / "data" / "schemas" / "page.schema.json"]))


@pytest.mark.parametrize("fragment", [
    "; add it",
    "unknown unit id",
    "expected a real date written YYYY-MM-DD",
    "is in the future",
    "expected a period such as '6 months'",
    "write one sentence of 20–200 characters",
    "expected one of: draft, in-force, superseded",
    "front matter opened with '---' is never closed",
    "YAML syntax error",
    "duplicate key",
    "does not exist in the repository",
    "broken link",
    "has no heading or anchor with that id",
    "points at a heading or anchor that this page does not have",
    "is not a page or file of this site",
    "starts with '/'",
    "which does not exist under docs/",
    "this page is not in the nav of",
    "(Markdown rule",
    "check the spelling of the key",
])
def test_contributing_explains_messages_the_code_prints(fragment):
    assert fragment in CONTRIBUTING, f"CONTRIBUTING.md does not explain '{fragment}'"
    assert fragment in SOURCES, f"no script prints '{fragment}' any more: update CONTRIBUTING.md"


def test_contributing_lists_the_procedure_template_sections_in_order():
    from scripts.pages.procedures import TEMPLATE_SECTIONS
    listed = re.findall(r"^\d+\. (.+)$", CONTRIBUTING.split("## Thêm một thủ tục", 1)[1], flags=re.M)
    assert listed[:len(TEMPLATE_SECTIONS)] == list(TEMPLATE_SECTIONS)


def test_contributing_has_no_relative_links():
    """It is shown both on GitHub and on the site, where relative links differ."""
    links = re.findall(r"\]\(([^)]+)\)", CONTRIBUTING)
    assert all(re.match(r"^(https?://|mailto:)", link) for link in links), links


def test_pull_request_template_asks_for_source_legal_basis_and_review_date():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, flags=re.M)
    for needed in ("nguồn của thay đổi", "căn cứ pháp lý", "ngày rà soát"):
        assert any(needed in box.lower() for box in boxes), needed


def test_codeowners_maps_existing_sections_and_says_teams_are_placeholders():
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "PLACEHOLDERS" in text
    rules = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for pattern, *owners in rules:
        assert owners and all(o.startswith("@") for o in owners), pattern
        if pattern != "*" and "*" not in pattern:
            assert (ROOT / pattern.strip("/")).exists(), f"CODEOWNERS names {pattern}, which does not exist"
    patterns = [rule[0] for rule in rules]
    for section in ("/docs/thu-tuc/", "/docs/tuyen-ngon-phuc-vu/", "/data/escalation.yaml",
                    "/data/units.yaml"):
        assert section in patterns


def test_make_test_runs_make_check():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(r"^test:(.*)$", makefile, flags=re.M).group(1).split()
    assert "check" in prerequisites
    assert re.search(r"^check:.*\n\t\$\(PY\) -m scripts\.editor\.check", makefile, flags=re.M)
