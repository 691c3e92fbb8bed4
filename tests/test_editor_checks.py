"""`make check` and `make build` on broken copies of the project: every
editor mistake gives one `file:line: message` and exit status 2; the last
good site stays in place."""

import shutil
from pathlib import Path

import pytest

from helpers.editor_project import append_line, copy_project, output, run, set_front_matter

PAGE = "docs/bien-tap/index.md"  # the editors' page: hand-written, owned by these tests' feature


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


# Mistakes that do not stop one another (links and anchors, which the build
# finds, and one for each linter) are made in one copy and checked by one real
# `make check` run, which reports them all; each test reads its own line.
WORKFLOW = ".github/workflows/test.yml"
YAML_FILE = ".github/workflows/review.yml"


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    """(project, {mistake: line}, result of scripts.editor.check) for one copy holding them all."""
    project = copy_project(tmp_path_factory.mktemp("mistakes") / "project")
    lines = {
        "broken link": append_line(project / PAGE, "Xem [trang không có](../khong-co-trang-nay.md)."),
        "missing anchor": append_line(project / PAGE, "Xem [mục không có](../index.md#muc-khong-ton-tai)."),
        "same-page anchor": append_line(project / PAGE, "Xem [mục dưới](#khong-co-muc-nay)."),
        "heading": append_line(project / PAGE, "## Mục mới\nngay dưới tiêu đề"),
    }
    yaml_file = project / YAML_FILE
    text = yaml_file.read_text(encoding="utf-8").split("\n")
    text[0] += "   "
    yaml_file.write_text("\n".join(text), encoding="utf-8")
    workflow = project / WORKFLOW
    steps = workflow.read_text(encoding="utf-8").rstrip("\n").split("\n")
    steps += ["      - name: typo", "        runs: make test"]
    workflow.write_text("\n".join(steps) + "\n", encoding="utf-8")
    lines["workflow typo"] = len(steps) - 1
    (project / "scripts" / "zz_lint.py").write_text("import os\n", encoding="utf-8")
    js = project / "overrides" / "assets" / "javascripts" / "zz-lint.js"
    js.write_text('"use strict"\nundefinedThing()\n', encoding="utf-8")
    return project, lines, run(project, "scripts.editor.check")


# Markup the Markdown linter must accept (.pymarkdown.json): admonitions,
# attribute lists, tables and Material's cards.
ACCEPTED_MARKUP = "\n".join(
    [
        '!!! note "Lưu ý"',
        "",
        "    Nội dung ghi chú thụt vào bốn dấu cách.",
        "",
        "## Mục có mã riêng {#muc-rieng}",
        "",
        "| Dịch vụ | Thời hạn |",
        "|---|---|",
        "| Kiểm tra hồ sơ | 02 giờ làm việc |",
        "",
        '<div class="grid cards" markdown>',
        "",
        "-   **Thẻ**",
        "",
        "    ---",
        "",
        "    Nội dung thẻ.",
        "",
        "</div>",
    ]
)


# A page over the 200 KB size warning (about 280 KB): over the limit is what
# counts here; how long `make check` takes on a 1 MB page is for
# tools/bench/check_large_page.py to print.
LARGE_PAGE = "docs/bien-tap/trang-rat-dai.md"


def add_large_page(project: Path) -> int:
    """LARGE_PAGE, in the menu after PAGE; its size in KB."""
    front_matter = (project / PAGE).read_text(encoding="utf-8").split("\n---\n", 1)[0]
    paragraphs = "".join(
        f"\nĐoạn văn thử số {i} về thủ tục hải quan và quy chế phối hợp.\n" for i in range(3_300)
    )
    (project / LARGE_PAGE).write_text(
        f"{front_matter}\n---\n\n# Trang rất dài\n{paragraphs}", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    entry = "      - bien-tap/index.md\n"
    text = config.read_text(encoding="utf-8")
    assert text.count(entry) == 1
    config.write_text(text.replace(entry, entry + "      - bien-tap/trang-rat-dai.md\n"), encoding="utf-8")
    return (project / LARGE_PAGE).stat().st_size // 1024


@pytest.fixture(scope="module")
def committed_check(tmp_path_factory):
    """(result, size of LARGE_PAGE in KB) of one real `make check` of the
    project as committed plus what it must accept: ACCEPTED_MARKUP appended to
    a page, and LARGE_PAGE. Added text cannot hide a problem of the committed
    project, so the tests below fail if any of them must."""
    project = copy_project(tmp_path_factory.mktemp("committed") / "project")
    append_line(project / PAGE, ACCEPTED_MARKUP)
    kb = add_large_page(project)
    return run(project, "scripts.editor.check"), kb


def test_the_project_as_committed_passes_every_check(committed_check):
    result, _ = committed_check
    assert result.returncode == 0, output(result)
    assert "mọi kiểm tra đều đạt" in result.stdout
    for check in (
        "dựng thử nghiêm ngặt",
        "cách viết Markdown",
        "cách viết YAML",
        "quy trình GitHub Actions",
        "mã Python",
        "mã JavaScript",
    ):
        assert f"-- {check}" in result.stdout


def test_broken_link_is_named_with_file_and_line(mistakes):
    _, lines, result = mistakes
    assert result.returncode == 2, output(result)
    assert (
        f"{PAGE}:{lines['broken link']}: liên kết hỏng '../khong-co-trang-nay.md': "
        "không có tệp docs/khong-co-trang-nay.md"
    ) in result.stdout


def test_missing_anchor_is_named_with_file_and_line(mistakes):
    _, lines, result = mistakes
    assert result.returncode == 2, output(result)
    assert (
        f"{PAGE}:{lines['missing anchor']}: liên kết '../index.md#muc-khong-ton-tai' trỏ tới "
        "'#muc-khong-ton-tai', nhưng docs/index.md không có tiêu đề hay neo nào mang mã đó"
    ) in result.stdout


def test_missing_anchor_on_the_same_page(mistakes):
    _, lines, result = mistakes
    assert result.returncode == 2, output(result)
    assert (
        f"{PAGE}:{lines['same-page anchor']}: liên kết '#khong-co-muc-nay' trỏ tới tiêu đề hay neo mà "
        "chính trang này không có" in result.stdout
    )


# Front-matter mistakes stop the build before links are checked, so they
# share a run of their own: each on its own page, all reported at once.
FRONT_MATTER_MISTAKES = [
    ("docs/bien-tap/index.md", "owner", None, "thiếu trường bắt buộc 'owner'; thêm dòng đó"),
    (
        "docs/soan-van-ban/to-cao.md",
        "last_reviewed",
        None,
        "thiếu trường bắt buộc 'last_reviewed'; thêm dòng đó",
    ),
    ("docs/soan-van-ban/vuong-mac.md", "review_in", None, "thiếu trường bắt buộc 'review_in'; thêm dòng đó"),
    (
        "docs/tin-tuc/index.md",
        "last_reviewed",
        "28/11/2026",
        "last_reviewed: cần một ngày có thật, viết YYYY-MM-DD",
    ),
    (
        "docs/tin-tuc/2018-07-06-hoi-nghi-so-ket-6-thang-dau-nam-2018.md",
        "last_reviewed",
        "2026-02-30",
        "last_reviewed: cần một ngày có thật, viết YYYY-MM-DD",
    ),
    (
        "docs/quy-che-phoi-hop/du-thao-quy-che-kiem-tra-cong-vu.md",
        "last_reviewed",
        "2999-01-01",
        "last_reviewed: ngày 2999-01-01 ở tương lai",
    ),
    (
        "docs/tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.md",
        "review_in",
        "sáu tháng",
        "review_in: cần một chu kỳ như '6 months'",
    ),
    (
        "docs/tuyen-ngon-phuc-vu/nhung-viec-cong-chuc-khong-duoc-lam.md",
        "owner",
        "doi-khong-ton-tai",
        "owner: không có đơn vị mang id 'doi-khong-ton-tai'; các id trong data/units.yaml",
    ),
]
UNCLOSED = "docs/tuyen-ngon-phuc-vu/index.md"
OWNER_PAGE = "docs/tuyen-ngon-phuc-vu/nhung-viec-cong-chuc-khong-duoc-lam.md"


@pytest.fixture(scope="module")
def front_matter_mistakes(tmp_path_factory):
    """({page: line of the mistake}, result of scripts.editor.check) for one copy holding them all."""
    project = copy_project(tmp_path_factory.mktemp("front-matter") / "project")
    lines = {
        page: set_front_matter(project / page, key, value) for page, key, value, _ in FRONT_MATTER_MISTAKES
    }
    unclosed = project / UNCLOSED
    unclosed.write_text(unclosed.read_text(encoding="utf-8").replace("\n---\n", "\n", 1), encoding="utf-8")
    # A broken link too, which the build reports only once the front matter is
    # right (test_every_problem_is_reported_in_one_run).
    append_line(project / PAGE, "[hỏng](../khong-co.md)")
    return lines, run(project, "scripts.editor.check")


@pytest.mark.parametrize("page,key,value,message", FRONT_MATTER_MISTAKES)
def test_front_matter_mistakes(front_matter_mistakes, page, key, value, message):
    lines, result = front_matter_mistakes
    assert result.returncode == 2, output(result)
    # A missing field is reported where the front matter starts (line 2).
    expected_line = 2 if value is None else lines[page]
    matching = [ln for ln in result.stdout.splitlines() if message in ln and ln.startswith(f"{page}:")]
    assert matching, output(result)
    assert matching[0].startswith(f"{page}:{expected_line}:"), matching


def test_unclosed_front_matter_is_reported(front_matter_mistakes):
    _, result = front_matter_mistakes
    assert result.returncode == 2, output(result)
    assert (
        f"{UNCLOSED}:1:1: phần đầu trang mở bằng dòng '---' nhưng không có dòng '---' đóng lại"
        in result.stdout
    )


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    """A copy of the project with the site/ of a real, successful build."""
    project = copy_project(tmp_path_factory.mktemp("good-build") / "project")
    good = run(project, "scripts.build")
    assert good.returncode == 0, output(good)
    return project


@pytest.fixture
def built_project(good_build, tmp_path):
    """A fresh copy of good_build (site/ included) for a test to break."""
    return shutil.copytree(good_build, tmp_path / "project", symlinks=True)


def test_build_exits_2_before_mkdocs_and_keeps_the_last_good_site(built_project):
    project = built_project
    index = project / "site" / "index.html"
    before = index.read_bytes()
    set_front_matter(project / PAGE, "owner", "doi-khong-ton-tai")
    bad = run(project, "scripts.build")
    assert bad.returncode == 2, output(bad)
    assert f"{PAGE}:2:8: owner: không có đơn vị mang id 'doi-khong-ton-tai'" in bad.stderr
    assert "được giữ nguyên" in bad.stderr
    assert index.read_bytes() == before
    assert not list(project.glob(".site-*")), "the temporary build directory was left behind"


def test_build_exits_2_on_a_broken_link_and_keeps_the_site(built_project):
    project = built_project
    before = (project / "site" / "bien-tap" / "index.html").read_bytes()
    line = append_line(project / PAGE, "[hỏng](../khong-co.md)")
    bad = run(project, "scripts.build")
    assert bad.returncode == 2, output(bad)
    assert f"{PAGE}:{line}: liên kết hỏng '../khong-co.md'" in bad.stderr
    assert (project / "site" / "bien-tap" / "index.html").read_bytes() == before


def test_build_failure_that_is_not_the_editors_exits_1(project):
    # A hook that does not exist is a broken installation, not an editor mistake.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "hooks:\n", "hooks:\n  - overrides/hooks/no_such_hook.py\n", 1
        ),
        encoding="utf-8",
    )
    result = run(project, "scripts.build")
    assert result.returncode == 1, output(result)
    assert not (project / "site").exists()


def test_markdown_linter_names_file_line_and_rule(mistakes):
    _, lines, result = mistakes
    assert result.returncode == 2, output(result)
    assert (
        f"{PAGE}:{lines['heading']}: để một dòng trống trước và sau tiêu đề (quy tắc Markdown MD022)"
        in result.stdout
    )


def test_markdown_linter_accepts_admonitions_attr_lists_tables_and_cards(committed_check):
    result, _ = committed_check
    assert result.returncode == 0, output(result)


def test_page_over_200_kb_is_a_warning_not_a_problem(committed_check):
    result, kb = committed_check
    assert kb > 250
    assert result.returncode == 0, output(result)
    assert (
        f"{LARGE_PAGE}:1: cảnh báo: trang nặng {kb} KB (trên 200 KB), chậm với điện thoại và với bước kiểm tra "
        "kiểu Markdown; nên tách thành nhiều trang"
    ) in result.stdout.splitlines()


def test_yaml_linter_names_file_and_line(mistakes):
    _, _, result = mistakes
    assert result.returncode == 2, output(result)
    assert f"{YAML_FILE}:1: YAML: xóa dấu cách ở cuối dòng (quy tắc trailing-spaces)" in result.stdout


def test_workflow_linter_names_the_misspelt_key(mistakes):
    _, lines, result = mistakes
    assert result.returncode == 2, output(result)
    problem = [ln for ln in result.stdout.splitlines() if ln.startswith(f"{WORKFLOW}:")]
    assert problem, output(result)
    assert f"{WORKFLOW}:{lines['workflow typo']}: workflow jobs.test.steps" in problem[0]
    assert "Additional properties are not allowed ('runs' was unexpected)" in problem[0]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a network-less run")
def test_workflow_linter_works_without_network(project, tmp_path):
    """check-jsonschema must use its vendored schema, not download one."""
    import subprocess
    import sys

    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare -n is not permitted here")
    workflow = project / ".github" / "workflows" / "test.yml"
    workflow.write_text(
        workflow.read_text(encoding="utf-8") + "      - name: typo\n        runs: x\n", encoding="utf-8"
    )
    code = (
        "from pathlib import Path; from scripts.editor.linters import lint_workflows; "
        "p, err = lint_workflows(Path('.')); print(err); print(*p, sep='\\n')"
    )
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("None\n"), result.stdout
    assert "'runs' was unexpected" in result.stdout


def test_every_problem_is_reported_in_one_run(front_matter_mistakes, mistakes):
    # The copy with front-matter mistakes also has a broken link: its run
    # reports the front matter (an owner among it) and exits 2.
    lines, result = front_matter_mistakes
    assert result.returncode == 2
    assert (
        f"{OWNER_PAGE}:{lines[OWNER_PAGE]}:8: owner: không có đơn vị mang id 'doi-khong-ton-tai'"
        in result.stdout
    )
    # The build waits for the front matter to be fixed; then reports the link
    # (the mistakes copy: the same link, front matter right).
    _, mistake_lines, fixed = mistakes
    assert f"{PAGE}:{mistake_lines['broken link']}: liên kết hỏng" in fixed.stdout


def test_a_mistake_found_by_two_checks_is_printed_once(project):
    """A duplicate key in data/units.yaml is found by the data check and by the
    YAML linter on the same line: the editor reads it once, in Vietnamese."""
    units = project / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(
        text.replace("  - id: chi-cuc-hq-kv3\n", "  - id: chi-cuc-hq-kv3\n    id: x\n", 1), encoding="utf-8"
    )
    result = run(project, "scripts.editor.check")
    assert result.returncode == 2, output(result)
    line = text.splitlines().index("  - id: chi-cuc-hq-kv3") + 2
    hits = [ln for ln in result.stdout.splitlines() if ln.startswith(f"data/units.yaml:{line}:")]
    assert len(hits) == 1, result.stdout
    assert "khóa 'id' được viết hai lần" in hits[0], hits


def test_python_and_javascript_lint_problems_are_named_with_file_and_line(mistakes):
    _, _, result = mistakes
    assert result.returncode == 2, output(result)
    assert "scripts/zz_lint.py:1: Python: F401" in result.stdout, output(result)
    assert (
        "overrides/assets/javascripts/zz-lint.js:2: JavaScript: 'undefinedThing' is not defined (no-undef)"
    ) in result.stdout, output(result)
