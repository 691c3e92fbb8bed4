"""The register of legal instruments (data/legal.yaml), validated once.

``scripts.contacts.load`` reads and schema-checks the file with the other data
files; this module adds what the schema cannot say (unique numbers, every
successor registered, a replaced text names what replaced it…) and answers
the questions the checks and the renderers ask: which instrument is this
number, what is its status on the site, what replaced it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from scripts.legal.refs import normalize
from scripts.yamlstrict import Document, Problem

STATUS_LABELS = {
    "in-force": "Còn hiệu lực",
    "amended": "Còn hiệu lực, đã được sửa đổi",
    "replaced": "Đã được thay thế",
    "expired": "Hết hiệu lực",
    "unknown": "Chưa xác minh được tình trạng",
}
STATUS_LABELS_EN = {
    "in-force": "In force",
    "amended": "In force, amended",
    "replaced": "Replaced",
    "expired": "No longer in force",
    "unknown": "Status not verified",
}
# Statuses whose citation must name what came after.
SUPERSEDED = ("replaced", "expired")
KIND_LABELS = {
    "luat": "Luật",
    "nghi-dinh": "Nghị định",
    "thong-tu": "Thông tư",
    "quyet-dinh": "Quyết định",
    "nghi-quyet": "Nghị quyết",
}


def vn_date(iso: str | None) -> str:
    """'2026-02-01' -> '01/02/2026' (as Vietnamese texts write dates)."""
    if not iso:
        return ""
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y")


@dataclass
class Registry:
    """Lookups over a schema-valid data/legal.yaml."""

    doc: Document

    def __post_init__(self):
        self.items: list[dict] = self.doc.data["instruments"]
        self.by_key: dict[str, dict] = {}
        for item in self.items:
            self.by_key.setdefault(normalize(item["number"]), item)

    def get(self, number: str) -> dict | None:
        return self.by_key.get(normalize(number))

    def article(self, number: str, article: str | None) -> dict | None:
        item = self.get(number)
        if item is None or article is None:
            return None
        return next((a for a in item.get("articles", []) if a["article"] == article), None)

    def status(self, number: str, article: str | None = None) -> str:
        """The article's status when the register lists it, else the instrument's."""
        art = self.article(number, article)
        return (art or self.get(number))["status"]

    def successor(self, number: str, article: str | None = None) -> dict | None:
        """What replaced the cited article (if registered) or instrument, if anything did."""
        art = self.article(number, article)
        if art is not None and art["status"] in SUPERSEDED:
            return art.get("replaced_by")
        if art is not None:
            return None
        return self.get(number).get("replaced_by")

    def amendments(self, number: str, article: str | None = None) -> list[dict]:
        art = self.article(number, article)
        return (art or self.get(number)).get("amended_by", [])

    def url(self, item: dict) -> str:
        """The source to link: the official one when the register has it."""
        sources = item["sources"]
        return next((s["url"] for s in sources if s.get("official")), sources[0]["url"])

    def name(self, number: str) -> str:
        item = self.get(number)
        return item["short_title"] if item else number


def _registered(doc: Document, path: tuple, number: str, keys: set[str]) -> list[Problem]:
    if normalize(number) in keys:
        return []
    return [
        doc.problem(
            path,
            f"văn bản '{number}' chưa có trong data/legal.yaml; đăng ký văn bản đó "
            "(một mục '- number: …' riêng) trước khi dẫn nó ở đây",
        )
    ]


def _status_problems(doc: Document, path: tuple, item: dict, keys: set[str]) -> list[Problem]:
    problems = []
    status = item["status"]
    if status == "replaced" and "replaced_by" not in item:
        problems.append(
            doc.problem(
                path + ("status",),
                "tình trạng 'replaced' cần 'replaced_by': số hiệu văn bản thay thế và ngày có hiệu lực",
            )
        )
    if status == "expired" and "expired_on" not in item and "replaced_by" not in item:
        problems.append(
            doc.problem(
                path + ("status",),
                "tình trạng 'expired' cần 'expired_on' (ngày hết hiệu lực) hoặc 'replaced_by'",
            )
        )
    if status == "amended" and "amended_by" not in item:
        problems.append(
            doc.problem(
                path + ("status",),
                "tình trạng 'amended' cần 'amended_by': danh sách văn bản sửa đổi và ngày có hiệu lực",
            )
        )
    if not item["verified"] and "note" not in item:
        problems.append(
            doc.problem(
                path + ("verified",),
                "'verified: false' cần 'note' nói rõ điều gì "
                "chưa xác minh được; trang web hiển thị ghi chú đó",
            )
        )
    for i, change in enumerate(item.get("amended_by", [])):
        problems += _registered(doc, path + ("amended_by", i, "number"), change["number"], keys)
    if "replaced_by" in item:
        problems += _registered(doc, path + ("replaced_by", "number"), item["replaced_by"]["number"], keys)
    return problems


def registry_problems(doc: Document) -> list[Problem]:
    """Checks across records of a schema-valid data/legal.yaml."""
    items = doc.data["instruments"]
    keys = {normalize(i["number"]) for i in items}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        path = ("instruments", i)
        key = normalize(item["number"])
        if key in seen:
            problems.append(
                doc.problem(
                    path + ("number",),
                    f"văn bản '{item['number']}' đã được đăng ký ở "
                    f"instruments[{seen[key]}]; mỗi văn bản chỉ đăng ký một lần",
                )
            )
        else:
            seen[key] = i
        problems += _status_problems(doc, path, item, keys)
        arts: dict[str, int] = {}
        for j, art in enumerate(item.get("articles", [])):
            apath = path + ("articles", j)
            if art["article"] in arts:
                problems.append(
                    doc.problem(
                        apath + ("article",),
                        f"Điều {art['article']} đã có ở "
                        f"articles[{arts[art['article']]}]; mỗi điều chỉ ghi một lần",
                    )
                )
            arts.setdefault(art["article"], j)
            problems += _status_problems(doc, apath, art, keys)
    return problems
