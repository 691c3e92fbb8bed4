"""The editors' documents stay true to the code: every check message that
CONTRIBUTING.md explains is rendered by the code from a real mistake and compared, the procedure
sections it lists are the template's, and .github/ holds what reviewers need."""

import re

import pytest

from helpers.project import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CHECK_SECTION = CONTRIBUTING.split("## Kiểm tra trước khi gửi", 1)[1].split("\n## ", 1)[0]


# The message tables this test renders (the legal-citation table of
# scripts/legal is not rendered here yet).
RENDERED_TABLES = (
    "### Thông báo về phần đầu trang",
    "### Thông báo về trang thủ tục",
    "### Thông báo về liên kết",
)


def documented_messages() -> list[str]:
    """First cells (in backticks) of the «Thông báo» tables under RENDERED_TABLES."""
    found, in_table, heading = [], False, ""
    for line in CHECK_SECTION.splitlines():
        if line.startswith("### "):
            heading = line
        if line.startswith("| Thông báo |") and heading.startswith(RENDERED_TABLES):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and not line.startswith("|---"):
            found.append(re.match(r"\| `(.+?)`", line).group(1))
    return found


def documented_examples() -> list[str]:
    """The example lines of make check's output shown in the section."""
    block = re.search(r"```text\n(.*?)```", CHECK_SECTION, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def pattern(text: str) -> re.Pattern:
    """A documented message as a pattern: '…' stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in text.split("…")))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[str]]:
    """Every documented kind of mistake, made and reported by the real code."""
    from helpers.editor_messages import render

    return render(tmp_path_factory.mktemp("messages"))


def test_every_documented_message_is_one_the_code_prints(rendered):
    lines = [line for out in rendered.values() for line in out]
    messages = documented_messages()
    assert len(messages) >= 25, messages
    missing = [m for m in messages if not any(pattern(m).search(line) for line in lines)]
    assert missing == [], f"CONTRIBUTING.md explains messages no check prints: {missing}"


def test_every_message_the_code_prints_is_documented(rendered):
    messages = [pattern(m) for m in documented_messages()]
    undocumented = {
        name: out
        for name, out in rendered.items()
        if name != "data-phone" and not all(any(m.search(line) for m in messages) for line in out)
    }
    assert undocumented == {}, f"explain these in CONTRIBUTING.md: {undocumented}"
    assert all(len(out) == 1 for name, out in rendered.items() if name != "data-phone"), rendered


def test_example_lines_are_what_make_check_prints(rendered):
    lines = [line for out in rendered.values() for line in out]
    for example in documented_examples():
        assert any(pattern(example).fullmatch(line) for line in lines), (
            f"no check prints the example {example!r}; closest: {lines}"
        )


def test_contributing_lists_the_procedure_template_sections_in_order():
    from scripts.pages.procedures import TEMPLATE_SECTIONS

    listed = re.findall(r"^\d+\. (.+)$", CONTRIBUTING.split("## Thêm một thủ tục", 1)[1], flags=re.M)
    assert listed[: len(TEMPLATE_SECTIONS)] == list(TEMPLATE_SECTIONS)


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
    for section in (
        "/docs/thu-tuc/",
        "/docs/tuyen-ngon-phuc-vu/",
        "/data/escalation.yaml",
        "/data/units.yaml",
    ):
        assert section in patterns


def test_make_test_runs_make_check():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(r"^test:(.*)$", makefile, flags=re.M).group(1).split()
    assert "check" in prerequisites
    assert re.search(r"^check:.*\n\t\$\(PY\) -m scripts\.editor\.check", makefile, flags=re.M)
