"""Every kind of editor mistake that CONTRIBUTING.md explains, made for real
and run through the code that reports it, so the document can be compared
with what editors actually see (tests/test_editor_docs.py).

``render(tmp)`` returns {scenario: [message lines]}; each line is exactly
what ``make check`` prints (``file:line[:col]: message``).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from helpers.data import FIXTURE, ROOT, copy_data
from scripts.build import buildlog
from scripts.pages import frontmatter, procedures

PAGE = "docs/tin-tuc/index.md"
TODAY = dt.date(2026, 12, 2)
GOOD = (
    "---\nowner: chi-cuc-hq-kv3\nlast_reviewed: 2026-11-28\nreview_in: 6 months\n"
    "title: Tin tức\ndescription: Tin tức và cập nhật của Hải quan khu vực III.\n---\n\n# Tin tức\n"
)

# Front matter: (scenario, text of the page).
FRONT_MATTER = {
    "missing-owner": GOOD.replace("owner: chi-cuc-hq-kv3\n", ""),
    "unknown-owner": GOOD.replace("owner: chi-cuc-hq-kv3", "owner: doi-khong-co"),
    "bad-date": GOOD.replace("2026-11-28", "28/11/2026"),
    "future-date": GOOD.replace("2026-11-28", "2999-01-01"),
    "bad-period": GOOD.replace("6 months", "sáu tháng"),
    "short-description": GOOD.replace("Tin tức và cập nhật của Hải quan khu vực III.", "Tin tức."),
    "bad-status": GOOD.replace("review_in: 6 months\n", "review_in: 6 months\nstatus: active\n"),
    "unclosed": GOOD.replace("\n---\n\n# Tin tức", "\n\n# Tin tức"),
    "yaml-syntax": GOOD.replace("title: Tin tức", "title: [Tin tức"),
    "duplicate-key": GOOD.replace("title: Tin tức\n", "title: Tin tức\ntitle: Tin\n"),
    "missing-edit-source": GOOD.replace(
        "title: Tin tức\n", "title: Tin tức\nedit_source: data/khong-co.yaml\n"
    ),
}


def front_matter_messages() -> dict[str, list[str]]:
    units = set(frontmatter.unit_names(ROOT))
    out = {}
    for name, text in FRONT_MATTER.items():
        try:
            doc = frontmatter.parse(text, PAGE)
        except frontmatter.InvalidInput as e:
            out[name] = [str(p) for p in e.problems]
            continue
        problems = frontmatter.page_problems(doc, Path("tin-tuc/index.md"), units, TODAY, ROOT)
        out[name] = [str(p) for p in problems]
    return out


def _procedure(sections: list[str], body: str = "Nội dung theo Điều 1.") -> str:
    return "\n".join(f"## {s}\n\n{body}\n" for s in sections)


def procedure_messages(tmp: Path) -> dict[str, list[str]]:
    file = "docs/thu-tuc/huy-to-khai.md"
    sections = list(procedures.TEMPLATE_SECTIONS)
    swapped = sections[:]
    swapped[0], swapped[1] = swapped[1], swapped[0]
    empty = _procedure(sections).replace("## Phí, lệ phí\n\nNội dung theo Điều 1.", "## Phí, lệ phí\n")
    note = procedures.PLACEHOLDER.format(section="Phí, lệ phí")
    cases = {
        "missing-section": _procedure([s for s in sections if s != "Phí, lệ phí"]),
        "section-order": _procedure(swapped),
        "foreign-section": _procedure(sections) + "\n## Ghi chú\n\nx\n",
        "section-twice": _procedure(sections) + _procedure(["Phí, lệ phí"]),
        "empty-section": empty,
        "placeholder-section": _procedure(sections).replace(
            "## Phí, lệ phí\n\nNội dung theo Điều 1.", f"## Phí, lệ phí\n\n<!-- {note} -->"
        ),
    }
    out = {name: [str(p) for p in procedures.template_problems(text, file)] for name, text in cases.items()}
    docs = tmp / "docs"
    (docs / "thu-tuc").mkdir(parents=True)
    (docs / "thu-tuc" / "Huy To Khai.md").write_text(GOOD + _procedure(sections), encoding="utf-8")
    out["file-name"] = [str(p) for p in procedures.check(docs, tmp)]
    return out


# MkDocs 1.6.1's own warnings for a page with broken links, as its log writes them.
MKDOCS_LOG = """\
WARNING -  Doc file 'tin-tuc/index.md' contains a link 'khong-co.md', but the target 'tin-tuc/khong-co.md' is not found among documentation files.
WARNING -  Doc file 'tin-tuc/index.md' contains a link '../index.md#khong-co', but the doc 'index.md' does not contain an anchor '#khong-co'.
WARNING -  Doc file 'tin-tuc/index.md' contains a link '#muc-khong-co', but there is no such anchor on this page.
WARNING -  Doc file 'tin-tuc/index.md' contains an unrecognized relative link 'tep-la', it was left as is.
WARNING -  Doc file 'tin-tuc/index.md' contains an absolute link '/lien-he/', it was left as is.
WARNING -  A reference to 'khong-co.md' is included in the 'nav' configuration, which is not found in the documentation files.
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - trang-moi.md
"""
LINK_SCENARIOS = (
    "broken-link",
    "missing-anchor",
    "missing-own-anchor",
    "unrecognized-link",
    "absolute-link",
    "nav-missing",
    "not-in-nav",
)


def link_messages(tmp: Path) -> dict[str, list[str]]:
    docs = tmp / "docs"
    (docs / "tin-tuc").mkdir(parents=True, exist_ok=True)
    (docs / "tin-tuc" / "index.md").write_text(
        GOOD + "\n[a](khong-co.md) [b](../index.md#khong-co) [c](#muc-khong-co) [d](tep-la) [e](/lien-he/)\n",
        encoding="utf-8",
    )
    (tmp / "mkdocs.yml").write_text("nav:\n  - khong-co.md\n", encoding="utf-8")
    log = MKDOCS_LOG.replace("INFO    -  The following", "WARNING -  The following")
    problems, others = buildlog.translate(log, docs, tmp / "mkdocs.yml")
    assert not others, others
    return dict(zip(LINK_SCENARIOS, ([p] for p in problems)))


def data_messages(tmp: Path) -> dict[str, list[str]]:
    """A phone number written the local way in the contacts fixture."""
    root = copy_data(FIXTURE, tmp / "data-copy")
    units = root / "data" / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace('"+842250000002"', '"0225 000 0002"', 1), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "scripts.contacts", "--root", str(root), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    return {"data-phone": [ln for ln in (result.stdout + result.stderr).splitlines() if ln.strip()]}


def render(tmp: Path) -> dict[str, list[str]]:
    out = front_matter_messages()
    out.update(procedure_messages(tmp / "procedures"))
    out.update(link_messages(tmp / "links"))
    out.update(data_messages(tmp))
    return out


if __name__ == "__main__":  # print them: what CONTRIBUTING.md is written from
    import tempfile

    for scenario, lines in render(Path(tempfile.mkdtemp())).items():
        print(f"[{scenario}]", *lines, sep="\n  ")
