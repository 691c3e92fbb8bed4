"""Review dates: the period arithmetic, `make review` (grouped by owner, a
CI flag that fails while a page is overdue) and the procedure scaffold."""

import datetime as dt
import re

import pytest

from helpers.editor_project import copy_project, output, run, set_front_matter
from scripts.pages.frontmatter import add_months, period_months, review_due

OVERDUE_PAGE = "docs/bien-tap/index.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize(
    "day,months,due",
    [
        ("2026-11-28", 6, "2027-05-28"),
        ("2026-08-31", 6, "2027-02-28"),  # no 31 February: end of month
        ("2027-08-31", 6, "2028-02-29"),  # leap year
        ("2026-01-15", 12, "2027-01-15"),
    ],
)
def test_add_months(day, months, due):
    assert add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(due)


@pytest.mark.parametrize(
    "text,months",
    [
        ("6 months", 6),
        ("1 month", 1),
        ("6 tháng", 6),
        ("1 year", 12),
        ("2 năm", 24),
        ("six months", None),
        ("6", None),
        (6, None),
        ("0 months", None),
    ],
)
def test_review_periods(text, months):
    assert period_months(text) == months


def test_review_due_accepts_strings_and_dates():
    expected = dt.date(2027, 5, 28)
    assert review_due({"last_reviewed": "2026-11-28", "review_in": "6 months"}) == expected
    assert review_due({"last_reviewed": dt.date(2026, 11, 28), "review_in": "6 tháng"}) == expected
    assert review_due({"last_reviewed": "28/11/2026", "review_in": "6 months"}) is None


def test_overdue_page_is_listed_under_its_owner_and_fails_ci(project):
    line = set_front_matter(project / OVERDUE_PAGE, "last_reviewed", "2020-01-01")
    set_front_matter(project / "docs" / "tin-tuc" / "index.md", "owner", "cuc-hai-quan")
    news_line = set_front_matter(project / "docs" / "tin-tuc" / "index.md", "last_reviewed", "2021-03-01")
    today = dt.date.today()
    report = run(project, "scripts.pages.review")
    assert report.returncode == 0, output(report)
    text = report.stdout
    days = (today - dt.date(2020, 7, 1)).days
    assert (
        f"  {OVERDUE_PAGE}:{line}: OVERDUE by {days} day(s) (review by 2020-07-01, "
        "last reviewed 2020-01-01)" in text
    ), text
    # Grouped by owner: each page appears after its own owner's heading.
    groups = dict(re.findall(r"\n([^\n]+):\n((?:  [^\n]*\n?)+)", text))
    assert OVERDUE_PAGE in groups["Chi cục Hải quan khu vực III"]
    assert f"docs/tin-tuc/index.md:{news_line}: OVERDUE" in groups["Cục Hải quan"]
    assert "docs/tin-tuc/index.md" not in groups["Chi cục Hải quan khu vực III"]
    ci = run(project, "scripts.pages.review", "--fail-if-overdue")
    assert ci.returncode == 1, output(ci)


def test_no_overdue_page_passes_ci(project):
    from scripts.pages import model, review

    earliest = min(r.last_reviewed for r in review.collect(model.load(project)))
    result = run(project, "scripts.pages.review", "--fail-if-overdue", "--today", earliest.isoformat())
    assert result.returncode == 0, output(result)


def test_page_due_soon_is_listed_without_failing_ci(project):
    line = set_front_matter(project / OVERDUE_PAGE, "last_reviewed", "2026-06-01")
    result = run(project, "scripts.pages.review", "--today", "2026-11-20", "--fail-if-overdue")
    assert f"{OVERDUE_PAGE}:{line}: due in 11 day(s) (review by 2026-12-01" in result.stdout, output(result)
    assert result.returncode == 0, output(result)
    assert f"{OVERDUE_PAGE}: OVERDUE" not in result.stdout


def test_review_refuses_invalid_front_matter(project):
    set_front_matter(project / OVERDUE_PAGE, "last_reviewed", "hôm qua")
    result = run(project, "scripts.pages.review")
    assert result.returncode == 2
    assert f"{OVERDUE_PAGE}:3:16: last_reviewed: cần một ngày có thật" in result.stderr


def test_new_procedure_scaffold_uses_the_template_and_names_what_to_fill(project):
    from scripts.pages.procedures import TEMPLATE_SECTIONS

    result = run(
        project,
        "scripts.editor.new_procedure",
        "--slug",
        "thu-tuc-thu-nghiem",
        "--title",
        "Thủ tục thử nghiệm của biên tập viên",
    )
    assert result.returncode == 0, output(result)
    page = project / "docs" / "thu-tuc" / "thu-tuc-thu-nghiem.md"
    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == list(TEMPLATE_SECTIONS)
    assert "\nstatus: draft\n" in text
    check = run(project, "scripts.editor.check")
    assert check.returncode == 2, output(check)
    name = "docs/thu-tuc/thu-tuc-thu-nghiem.md"
    for field in (
        "description",
        "procedure.field",
        "procedure.time_limit",
        "procedure.fee",
        "procedure.legal_basis",
    ):
        assert re.search(rf"^{re.escape(name)}:\d+:\d+: {re.escape(field)}: ", check.stdout, re.M), (
            field,
            check.stdout,
        )
    # Every section of the scaffold is still the template's note: each is
    # named at its heading's line, once.
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("## "):
            hits = [ln for ln in check.stdout.splitlines() if ln.startswith(f"{name}:{number}:1: ")]
            assert len(hits) == 1 and "vẫn còn dòng hướng dẫn của mẫu" in hits[0], (line, check.stdout)
    again = run(project, "scripts.editor.new_procedure", "--slug", "thu-tuc-thu-nghiem", "--title", "X")
    assert again.returncode == 2 and "đã có; chọn SLUG khác" in again.stderr
    bad = run(project, "scripts.editor.new_procedure", "--slug", "Thủ tục", "--title", "X")
    assert bad.returncode == 2 and "SLUG chỉ gồm" in bad.stderr
