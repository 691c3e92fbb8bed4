"""The "what's new" page: recent content changes, read from git history.

Businesses see which pages changed, when and why (the commit subject),
without reading git. The page is generated at each build, never committed.
A build without history (a source archive, no git) or with a shallow clone
still succeeds: the page says what it could not show. In a shallow clone the
oldest commit present looks as if it added every file, so its file list is
ignored rather than reported as "everything changed".
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import ROOT, i18n
from scripts.escape import md_text, page_link
from scripts.pages.frontmatter import InvalidInput, parse

PAGE = "tin-tuc/thay-doi-gan-day.md"
MAX_ENTRIES = 40
# Pages businesses do not need to hear about.
EXCLUDED_PREFIXES = ("bien-tap/",)
_RS, _US = "\x1e", "\x1f"


@dataclass(frozen=True)
class Change:
    date: dt.date
    rel: str          # docs-relative page source
    title: str
    subject: str
    added: bool


@dataclass(frozen=True)
class History:
    changes: list
    available: bool   # False: no git, or not a repository
    shallow: bool     # True: only part of the history was cloned


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _title(path: Path, rel: str) -> str:
    text = path.read_text(encoding="utf-8")
    try:
        meta = parse(text, rel).data
    except InvalidInput:
        meta = {}
    if isinstance(meta.get("title"), str):
        return meta["title"]
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return rel


def generated_sources(pages) -> dict[str, list[tuple[str, str]]]:
    """Data file -> [(page, title)] for generated pages, from their front matter.

    ``pages`` yields (docs-relative path, Markdown text). A generated page
    names its source in ``generated_from`` or ``edit_source``; a change to
    that file (say data/units.yaml) is a change of the page (the contacts).
    """
    import yaml

    sources: dict[str, list[tuple[str, str]]] = {}
    for rel, text in pages:
        if not text.startswith("---\n") or (end := text.find("\n---", 3)) < 0:
            continue
        try:
            meta = yaml.safe_load(text[4:end])
        except yaml.YAMLError:
            continue
        if not isinstance(meta, dict):
            continue
        source = meta.get("generated_from") or meta.get("edit_source")
        if isinstance(source, str) and source.startswith("data/"):
            title = str(meta.get("title") or rel)
            sources.setdefault(source, []).append((rel, title))
    return sources


def history(root: Path = ROOT, limit: int = MAX_ENTRIES,
            sources: dict[str, list[tuple[str, str]]] | None = None) -> History:
    """Recent changes to pages under docs/ that still exist, newest first.

    ``sources`` maps data files to the pages generated from them
    (``generated_sources``), so a new phone number shows as a change of the
    contacts page.
    """
    sources = sources or {}
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return History([], available=False, shallow=False)
    root_prefix = root.resolve().relative_to(Path(top.strip()).resolve()).as_posix() + "/"
    root_prefix = "" if root_prefix == "./" else root_prefix
    docs_prefix = root_prefix + "docs/"
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    graft_file = _git(root, "rev-parse", "--git-path", "shallow")
    grafts = set()
    if shallow and graft_file:
        graft_path = Path(graft_file.strip())
        graft_path = graft_path if graft_path.is_absolute() else root / graft_path
        if graft_path.is_file():
            grafts = set(graft_path.read_text().split())
    log = _git(root, "log", "--max-count=500", "--format=" + _RS + "%H" + _US + "%cs" + _US + "%s",
               "--name-status", "--no-renames", "--", "docs", *sorted(sources))
    if log is None:
        # An empty repository (no commit yet) has no history to show.
        return History([], available=False, shallow=shallow)
    changes: list[Change] = []
    seen = set()
    for record in log.split(_RS)[1:]:
        header, _, files = record.partition("\n")
        sha, day, subject = header.split(_US, 2)
        if sha in grafts:
            continue
        for line in files.splitlines():
            status, _, path = line.partition("\t")
            if status[:1] not in ("A", "M"):
                continue
            repo_path = path[len(root_prefix):] if path.startswith(root_prefix) else path
            if repo_path in sources:
                pages = [(rel, title, False) for rel, title in sources[repo_path]]
            elif path.startswith(docs_prefix) and path.endswith(".md"):
                rel = path[len(docs_prefix):]
                source = root / "docs" / rel
                if not source.is_file():
                    continue
                pages = [(rel, _title(source, rel), status.startswith("A"))]
            else:
                continue
            for rel, title, added in pages:
                # English pages are not on the Vietnamese "what's new" page.
                if (rel == PAGE or rel.startswith(EXCLUDED_PREFIXES) or (sha, rel) in seen
                        or i18n.is_translation(rel)):
                    continue
                seen.add((sha, rel))
                changes.append(Change(dt.date.fromisoformat(day), rel, title, subject.strip(), added))
                if len(changes) >= limit:
                    return History(changes, True, shallow)
    return History(changes, True, shallow)


def page_markdown(hist: History) -> str:
    out = [
        "---",
        "owner: chi-cuc-hq-kv3",
        "title: Thay đổi gần đây",
        "description: Những trang vừa được thêm hoặc sửa trên cơ sở tri thức, "
        "kèm ngày thay đổi và nội dung thay đổi.",
        "edit_source: scripts/pages/whats_new.py",
        "---",
        "",
        "# Thay đổi gần đây",
        "",
        "Danh sách tự động lấy từ lịch sử chỉnh sửa của trang, mới nhất ở trên. "
        "Văn bản pháp luật gốc luôn là căn cứ cuối cùng.",
        "",
    ]
    if not hist.available:
        out += ["!!! note \"Chưa có lịch sử thay đổi\"", "",
                "    Bản dựng này không kèm lịch sử chỉnh sửa, nên chưa liệt kê được các thay đổi.", ""]
        return "\n".join(out)
    if hist.shallow:
        out += ["!!! note \"Lịch sử chưa đầy đủ\"", "",
                "    Bản dựng này chỉ có một phần lịch sử chỉnh sửa; các thay đổi cũ hơn không hiện ở đây.",
                ""]
    if not hist.changes:
        out += ["Chưa có thay đổi nào để hiển thị.", ""]
        return "\n".join(out)
    current = None
    for change in hist.changes:
        if change.date != current:
            current = change.date
            out += ["", f"## Ngày {change.date.strftime('%d/%m/%Y')} {{#ngay-{change.date.isoformat()}}}", ""]
        kind = "Trang mới" if change.added else "Cập nhật"
        out.append(f"- **{kind}:** [{md_text(change.title)}]({page_link(change.rel, PAGE)}) "
                   f"— {md_text(change.subject)}")
    out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    """``python -m scripts.pages.whats_new [OUT]``: print (or write) the page's Markdown."""
    argv = sys.argv[1:] if argv is None else argv
    text = page_markdown(history(ROOT))
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
