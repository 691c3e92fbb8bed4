"""Review schedule of the pages: which are due or overdue, grouped by owner.

Every page's front matter says who owns it (``owner``), when it was last
checked (``last_reviewed``) and how often it must be (``review_in``). This
module turns that into a report for editors: ``python -m scripts.pages.review``
(``make review``) prints it; ``--fail-if-overdue`` makes it exit 1 while a
page is overdue, for a scheduled CI job. The same data feeds the generated
editors' page (``report_markdown``); its status column is recomputed in the
reader's browser, so a page built months ago does not claim "on time".
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import ROOT, i18n
from scripts.config import DEFAULT_OWNER, REVIEW_SOON_DAYS
from scripts.escape import md_text, page_link
from scripts.pages.model import Page, PageModel
from scripts.pages.model import load as load_model
from scripts.search import boosts
from scripts.yamlstrict import InvalidInput

# A page is "due soon" this many days before its review date (scripts/config.py;
# the browser reads the same number from the generated constants file).
DUE_SOON_DAYS = REVIEW_SOON_DAYS
STATUS_LABEL = {"overdue": "Quá hạn", "due-soon": "Sắp đến hạn", "ok": "Còn hạn"}
# URL of the generated editors' page (docs-relative source path).
REPORT_PAGE = "bien-tap/lich-ra-soat.md"


@dataclass(frozen=True)
class PageReview:
    path: str  # repository-relative source, e.g. docs/thu-tuc/index.md
    rel: str  # docs-relative, e.g. thu-tuc/index.md
    title: str
    owner: str
    owner_name: str
    last_reviewed: dt.date
    review_in: str
    due: dt.date
    line: int = 1  # line of last_reviewed in the source, where the editor updates it
    outdated_from: tuple[str, ...] = ()  # a translation: originals revised since it was made

    def status(self, today: dt.date, soon_days: int = DUE_SOON_DAYS) -> str:
        if today > self.due:
            return "overdue"
        if (self.due - today).days <= soon_days:
            return "due-soon"
        return "ok"


def vn_date(day: dt.date) -> str:
    """28/11/2026: how dates are written in Vietnamese."""
    return day.strftime("%d/%m/%Y")


def page_context(page: Page | None, units: dict[str, str]) -> dict | None:
    """What overrides/partials/page-review.html shows for one page (None: nothing).

    Generated pages have an owner but no review dates of their own.
    """
    if page is None or not page.owner:
        return None
    last, due = page.last_reviewed, page.review_due
    return {
        "owner": page.owner,
        "owner_name": units.get(page.owner, page.owner),
        "last_reviewed": vn_date(last) if last else None,
        "due": vn_date(due) if due else None,
        "due_iso": due.isoformat() if due else None,
        "generated_from": page.meta.get("edit_source") if not last else None,
    }


def collect(model: PageModel) -> list[PageReview]:
    """Every hand-written page's review data; InvalidInput if any front matter is invalid."""
    problems = model.problems
    if problems:
        raise InvalidInput(problems)
    result = [
        PageReview(
            path=page.name,
            rel=page.rel,
            title=page.title,
            owner=page.owner,
            owner_name=model.units.get(page.owner, page.owner),
            last_reviewed=page.last_reviewed,
            review_in=page.review_in,
            due=page.review_due,
            line=page.last_reviewed_line,
        )
        for page in model
        if page.kind != "generated"
    ]
    metas = {page.rel: page.meta for page in model if page.kind != "generated"}
    result = [_with_freshness(r, metas) for r in result]
    return sorted(result, key=lambda p: (p.owner_name, p.due, p.path))


def _with_freshness(review: PageReview, metas: dict[str, dict]) -> PageReview:
    if not i18n.is_translation(review.rel):
        return review

    def revised_on(path):
        return (metas.get(path) or {}).get("last_reviewed")

    outdated = tuple(i18n.outdated_originals(metas[review.rel], revised_on))
    return dataclasses.replace(review, outdated_from=outdated) if outdated else review


def originals(reviews: list[PageReview]) -> list[PageReview]:
    """The pages of the Vietnamese site (the editors' page links only those)."""
    return [r for r in reviews if not i18n.is_translation(r.rel)]


def by_owner(reviews: list[PageReview]) -> dict[str, list[PageReview]]:
    groups: dict[str, list[PageReview]] = {}
    for review in reviews:
        groups.setdefault(review.owner_name, []).append(review)
    return groups


def report_text(reviews: list[PageReview], today: dt.date, soon_days: int = DUE_SOON_DAYS) -> str:
    """Plain-text report of the pages due within ``soon_days`` or overdue."""
    due = [r for r in reviews if r.status(today, soon_days) != "ok"]
    if not due:
        return "\n".join(
            [
                f"No page is due for review within {soon_days} days "
                f"({len(reviews)} pages checked, today {today.isoformat()}).",
                *outdated_translations_text(reviews),
            ]
        )
    lines = [f"Pages due for review within {soon_days} days or overdue (today {today.isoformat()}):"]
    for owner_name, group in by_owner(due).items():
        lines.append(f"\n{owner_name}:")
        for r in group:
            days = (today - r.due).days
            when = (
                f"OVERDUE by {days} day(s)"
                if days > 0
                else f"due in {-days} day(s)"
                if days < 0
                else "due today"
            )
            lines.append(
                f"  {r.path}:{r.line}: {when} (review by {r.due.isoformat()}, "
                f"last reviewed {r.last_reviewed.isoformat()}) - {r.title}"
            )
    overdue = sum(r.status(today, soon_days) == "overdue" for r in due)
    lines += outdated_translations_text(reviews)
    lines.append(f"\n{len(due)} page(s) due, {overdue} overdue, of {len(reviews)}.")
    return "\n".join(lines)


def outdated_translations_text(reviews: list[PageReview]) -> list[str]:
    """English pages whose Vietnamese original was revised after their translation."""
    stale = [r for r in reviews if r.outdated_from]
    if not stale:
        return []
    lines = ["\nTranslations that may be out of date (update them, then their translation_of):"]
    for owner_name, group in by_owner(stale).items():
        lines.append(f"\n{owner_name}:")
        for r in group:
            lines.append(
                f"  {r.path}:1: translation may be out of date: "
                f"{', '.join('docs/' + p for p in r.outdated_from)} revised since - {r.title}"
            )
    return lines


def summary_sentence(reviews: list[PageReview], day: dt.date) -> str:
    overdue = sum(r.status(day) == "overdue" for r in reviews)
    soon = sum(r.status(day) == "due-soon" for r in reviews)
    return (
        f"Ngày {vn_date(day)}: {overdue} trang quá hạn rà soát, {soon} trang sắp đến hạn "
        f"(trong {DUE_SOON_DAYS} ngày), trên tổng số {len(reviews)} trang."
    )


def report_markdown(reviews: list[PageReview], built_on: dt.date, page_rel: str = REPORT_PAGE) -> str:
    """The editors' review schedule page: every page, grouped by owner, soonest first.

    Each status cell carries ``data-review-due``; overrides/assets/javascripts/
    page-review.js recomputes it on the reader's own date.
    """
    out = [
        "---",
        f"owner: {DEFAULT_OWNER}",
        "title: Lịch rà soát nội dung",
        "description: Danh sách các trang của cơ sở tri thức theo đơn vị phụ trách, "
        "với ngày rà soát lần cuối và hạn rà soát tiếp theo.",
        # Generated: no review dates of its own; "edit" opens the generator.
        "edit_source: scripts/pages/review.py",
        f"search: {{boost: {boosts.EDITORS}}}",
        "---",
        "",
        "# Lịch rà soát nội dung",
        "",
        "Mỗi trang ghi đơn vị phụ trách, ngày rà soát lần cuối và chu kỳ rà soát trong phần "
        "đầu trang (front matter). Bảng dưới đây sinh tự động từ các thông tin đó; cột "
        "*Tình trạng* được tính lại theo ngày trên máy của bạn khi mở trang. "
        "Chạy `make review` để xem cùng danh sách trong cửa sổ lệnh.",
        "",
        # page-review.js rewrites this sentence with the reader's date.
        f'<p class="page-review-summary" data-soon-days="{DUE_SOON_DAYS}" markdown>'
        f"{summary_sentence(reviews, built_on)}</p>",
        "",
    ]
    for owner_name, group in by_owner(reviews).items():
        out += [
            f"## {md_text(owner_name)}",
            "",
            "| Trang | Rà soát lần cuối | Cần rà soát trước | Tình trạng |",
            "|---|---|---|---|",
        ]
        for r in group:
            status = r.status(built_on)
            cell = (
                f'<span class="page-review-status page-review-status--{status}" '
                f'data-review-due="{r.due.isoformat()}">{STATUS_LABEL[status]}</span>'
            )
            out.append(
                f"| [{md_text(r.title)}]({page_link(r.rel, page_rel)}) "
                f"| {vn_date(r.last_reviewed)} | {vn_date(r.due)} | {cell} |"
            )
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="List pages due or overdue for review, by owner.")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="date to compare with (YYYY-MM-DD; default: today)",
    )
    parser.add_argument(
        "--within",
        type=int,
        default=DUE_SOON_DAYS,
        metavar="DAYS",
        help=f"also list pages due within DAYS days (default {DUE_SOON_DAYS})",
    )
    parser.add_argument(
        "--fail-if-overdue", action="store_true", help="exit with status 1 when a page is overdue (for CI)"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        reviews = collect(load_model(args.root))
    except InvalidInput as e:
        print(e, file=sys.stderr)
        print("fix the front matter above first (see CONTRIBUTING.md)", file=sys.stderr)
        return 2
    print(report_text(reviews, args.today, args.within))
    overdue = any(r.status(args.today) == "overdue" for r in reviews)
    return 1 if overdue and args.fail_if_overdue else 0


if __name__ == "__main__":
    sys.exit(main())
