"""The page model: every page's front matter, parsed and validated once per build.

``load`` reads each Markdown file under docs/ once, splits and parses its
front matter once (``frontmatter.parse``), validates it once against the
schemas and data/units.yaml, and keeps the result as a ``Page``. Everything
that needs a page's metadata reads it from here: the MkDocs plugin
(scripts/build/plugin.py), the procedure catalogue and navigation, the
review schedule, what's new, descriptions, edit links, and the editors'
commands. Pages generated during the build (contacts, glossary...) join the
model through ``PageModel.add_generated``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from scripts import ROOT
from scripts.pages import frontmatter
from scripts.yamlstrict import Document, InvalidInput, Problem, read_text

_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)

# Page kinds.
PROCEDURE, PAGE, GENERATED = "procedure", "page", "generated"


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Page:
    """One page: where it is, its front matter as written, and what it says."""

    rel: str  # docs-relative, e.g. "thu-tuc/huy-to-khai.md"
    name: str  # as reported to editors, e.g. "docs/thu-tuc/huy-to-khai.md"
    kind: str  # PROCEDURE, PAGE or GENERATED
    meta: dict  # front matter (dates as written: strings)
    doc: Document | None  # positions of the front matter; None if it did not parse
    text: str  # the whole source
    body: str  # the Markdown after the front matter
    body_line: int  # file line the body starts on
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return self.doc is not None and not self.problems

    @cached_property
    def title(self) -> str:
        """Front-matter title, else the first H1, else the file name."""
        title = _text(self.meta.get("title"))
        if title:
            return title
        h1 = _H1.search(self.body)
        return h1.group(1).strip() if h1 else Path(self.rel).stem

    @property
    def owner(self) -> str:
        return _text(self.meta.get("owner"))

    @property
    def status(self) -> str:
        return _text(self.meta.get("status"))

    @property
    def description(self) -> str:
        return _text(self.meta.get("description"))

    @property
    def review_in(self) -> str:
        return _text(self.meta.get("review_in"))

    @property
    def last_reviewed(self) -> dt.date | None:
        return frontmatter.as_date(self.meta.get("last_reviewed"))

    @property
    def review_due(self) -> dt.date | None:
        return frontmatter.review_due(self.meta)

    @property
    def last_reviewed_line(self) -> int:
        return self.doc.where(("last_reviewed",))[0] if self.doc else 1

    @property
    def source(self) -> str | None:
        """The repository file this page's edit link opens instead of itself."""
        for key in ("edit_source", "generated_from"):
            if isinstance(self.meta.get(key), str):
                return self.meta[key]
        return None

    @property
    def procedure(self) -> dict:
        meta = self.meta.get("procedure")
        return meta if isinstance(meta, dict) else {}


@dataclass
class PageModel:
    """Every page of one build, by docs-relative path, and what was wrong."""

    root: Path
    docs_dir: Path
    units: dict[str, str]  # unit id -> unit name (data/units.yaml)
    pages: dict[str, Page] = field(default_factory=dict)
    unit_problems: list[Problem] = field(default_factory=list)  # data/units.yaml, read here

    def __iter__(self):
        return iter(self.pages.values())

    def get(self, rel: str) -> Page | None:
        return self.pages.get(rel)

    @property
    def problems(self) -> list[Problem]:
        """data/units.yaml (when read here), then the pages' front matter, in file order."""
        return self.unit_problems + [p for page in self for p in page.problems]

    def of_kind(self, kind: str) -> list[Page]:
        return [page for page in self if page.kind == kind]

    def add_generated(self, rel: str, content: str) -> Page:
        """A page generated during the build (its front matter is the generator's)."""
        page = read_page(rel, f"{rel} (generated)", content, GENERATED)
        self.pages[rel] = page
        return page


def read_page(rel: str, name: str, text: str, kind: str) -> Page:
    """Split and parse a page's front matter once; a parse error becomes its problem."""
    body, body_line = frontmatter.split(text)[1:]
    try:
        doc = frontmatter.parse(text, name)
    except InvalidInput as e:
        return Page(rel, name, kind, {}, None, text, body, body_line, tuple(e.problems))
    return Page(rel, name, kind, doc.data, doc, text, body, body_line)


def _display_name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def load(
    root: Path = ROOT,
    docs_dir: Path | None = None,
    units: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> PageModel:
    """Read, parse and validate every page under ``docs_dir`` (default root/docs).

    ``units`` (id -> name) comes from the validated data files when the
    caller has them (the build); otherwise data/units.yaml is read here and
    its problems join the model's. Without units, owners are not checked.
    """
    root = Path(root)
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    unit_problems: list[Problem] = []
    if units is None:
        try:
            units = frontmatter.unit_names(root)
        except InvalidInput as e:
            units, unit_problems = {}, list(e.problems)
    model = PageModel(root, docs_dir, units, unit_problems=unit_problems)
    for md in sorted(docs_dir.rglob("*.md")):
        rel = md.relative_to(docs_dir)
        kind = PROCEDURE if frontmatter.is_procedure(rel) else PAGE
        name = _display_name(md, root)
        try:
            text = read_text(md, name)
        except InvalidInput as e:
            model.pages[rel.as_posix()] = Page(
                rel.as_posix(), name, kind, {}, None, "", "", 1, tuple(e.problems)
            )
            continue
        page = read_page(rel.as_posix(), name, text, kind)
        if page.doc is not None:
            problems = frontmatter.page_problems(page.doc, rel, set(units), today, root)
            if problems:
                page = replace(page, problems=tuple(problems))
        model.pages[page.rel] = page
    return model
