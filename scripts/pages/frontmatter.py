"""Front matter of the Markdown pages: parse strictly, validate, report.

Every content page carries ``owner``, ``last_reviewed`` and ``review_in``;
procedure pages (``docs/thu-tuc/*.md`` other than the catalogue) add their
structured ``procedure`` metadata. Schemas live in ``data/schemas/`` so
editors' tools can use them too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

from scripts import ROOT, i18n
from scripts.yamlstrict import Document, InvalidInput, Problem, loads, schema_problems
from scripts.yamlstrict import load as yamlstrict_load

SCHEMA_DIR = ROOT / "data" / "schemas"


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def is_procedure(rel: Path) -> bool:
    """docs-relative path of a procedure page (the catalogue index is not one)."""
    return (
        rel.parts[0] == "thu-tuc"
        and len(rel.parts) == 2
        and not rel.name.startswith("index.")
        and not i18n.is_translation(rel.as_posix())
    )


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, Markdown body, file line the body starts on).

    The one front-matter splitter of the project: a page opens with a
    ``---`` line and the YAML runs to the next line starting with ``---``.
    An opening without a close leaves the whole text as the body (``parse``
    reports it).
    """
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---", 3)
    if end < 0:
        return None, text, 1
    after = text.find("\n", end + 4)
    after = len(text) if after < 0 else after + 1
    return text[4 : end + 1], text[after:], text[:after].count("\n") + 1


def parse(text: str, file: str) -> Document:
    """The front matter of a page as a Document (empty mapping when absent)."""
    if not text.startswith("---\n"):
        return Document(file, {}, {(): (1, 1)})
    yaml_text = split(text)[0]
    if yaml_text is None:
        raise InvalidInput(
            [Problem(file, 1, 1, "", "phần đầu trang mở bằng dòng '---' nhưng không có dòng '---' đóng lại")]
        )
    doc = loads(yaml_text, file, line_offset=1)
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise InvalidInput([doc.problem((), "phần đầu trang phải gồm các dòng 'khóa: giá trị'")])
    return doc


# "6 months", "6 tháng", "1 year", "1 năm": the review period of a page.
_PERIOD = re.compile(r"^([1-9][0-9]?) (months?|tháng|years?|năm)$")
# A clock a day ahead of the build machine's (another time zone) is not a mistake.
_FUTURE_TOLERANCE = dt.timedelta(days=1)


def as_date(value) -> dt.date | None:
    """A YYYY-MM-DD string (strict loader) or a date (MkDocs' own loader) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            return None
    return None


def period_months(review_in) -> int | None:
    """Number of months in a review period such as "6 months" (None if malformed)."""
    match = _PERIOD.match(review_in) if isinstance(review_in, str) else None
    if not match:
        return None
    n = int(match.group(1))
    return n * 12 if match.group(2).startswith(("year", "năm")) else n


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` ahead; 31 August + 6 months is 28/29 February."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(meta: dict) -> dt.date | None:
    """Date by which a page must be reviewed again, from its front matter."""
    last, months = as_date(meta.get("last_reviewed")), period_months(meta.get("review_in"))
    return add_months(last, months) if last and months else None


def page_problems(
    doc: Document, rel: Path, unit_ids: set[str], today: dt.date | None = None, root: Path = ROOT
) -> list[Problem]:
    problems = schema_problems(doc, schema("page.schema.json"))
    if is_procedure(rel):
        problems += schema_problems(doc, schema("procedure.schema.json"))
    owner = doc.data.get("owner")
    if isinstance(owner, str) and unit_ids and owner not in unit_ids:
        problems.append(
            doc.problem(
                ("owner",),
                f"không có đơn vị mang id '{owner}'; "
                f"các id trong data/units.yaml: {', '.join(sorted(unit_ids))}",
            )
        )
    source = doc.data.get("edit_source")
    if isinstance(source, str) and not (root / source).is_file():
        problems.append(doc.problem(("edit_source",), f"không có tệp '{source}' trong kho"))
    last = as_date(doc.data.get("last_reviewed"))
    today = today or dt.date.today()
    if last and last > today + _FUTURE_TOLERANCE:
        problems.append(
            doc.problem(
                ("last_reviewed",), f"ngày {last.isoformat()} ở tương lai; ghi ngày thực sự đã rà soát trang"
            )
        )
    return problems


def unit_names(root: Path = ROOT) -> dict[str, str]:
    """Unit id -> unit name, from data/units.yaml (InvalidInput if it is broken)."""
    doc = yamlstrict_load(root / "data" / "units.yaml", root)
    units = doc.data.get("units") if isinstance(doc.data, dict) else None
    if not isinstance(units, list):
        raise InvalidInput([doc.problem(("units",), "cần một danh sách đơn vị dưới 'units:'")])
    return {
        u["id"]: str(u.get("name") or u["id"])
        for u in units
        if isinstance(u, dict) and isinstance(u.get("id"), str)
    }


def main(argv=None) -> int:
    """``python -m scripts.pages.frontmatter``: check every page; exit 2 on problems."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Check the front matter of every page under docs/.")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    args = parser.parse_args(argv)
    from scripts.pages import model

    try:
        units = unit_names(args.root)
    except InvalidInput as e:
        print(e, file=sys.stderr)
        return 2
    problems = model.load(args.root, units=units).problems
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
