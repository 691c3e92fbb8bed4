"""Hostile and careless input (issue 14): every probe either renders as
harmless text or is refused with one ``file:line`` message, exit status 2,
and the last good site/ left untouched.

One copy of the project carrying the hostile-but-allowed text is built once
(``hostile_site``); each refused input gets its own broken copy, stopped
before mkdocs by the build's preflight. Those also run through `make check`
share one copy holding them all and one check run (``refused_by_check``).
The commands' other hostile cases
(killed builds, make serve, very large pages, check-links):
test_hostile_commands.py.
"""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.hostile import MARKER, PAGE, project_with_site, run
from helpers.project import copy_project

PAGE_URL = "tuyen-ngon-phuc-vu/gop-y-phan-hoi/index.html"
NO_TITLE_PAGE = "docs/tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep.md"
NO_TITLE_URL = "tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep/index.html"
TITLE = "Góp ý \"A & B\" { onclick=alert(1) } *[DN]: x 'y'"
DESCRIPTION = "Mô tả có \"ngoặc kép\" & dấu 'nháy' và {: .x } cùng &lt;b&gt; viết sẵn."
H1 = "Quyền &lt;/title&gt;&lt;meta http-equiv=refresh content=0;url=https://evil.example/&gt;"
UNIT_NAME = "Đội { onclick=alert(1) }"
DATA_DESCRIPTION = 'Hỏi "A & B" về danh bạ các đơn vị hải quan liên quan đến Chi cục.'


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def front_matter_value(path: Path, key: str, value: str) -> None:
    """Replace ``key:`` in a page's front matter by ``value`` (as a YAML string)."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(
        rf"(?m)^{key}:.*$", lambda _: f"{key}: {json.dumps(value, ensure_ascii=False)}", text, count=1
    )
    assert n == 1, f"no {key} in {path}"
    path.write_text(new, encoding="utf-8")


def refused_problems(root: Path, result) -> list[str]:
    """The problem lines of a run that must be a refusal: exit status 2, no
    traceback, and site/ as it was."""
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "Traceback" not in out, out
    assert sorted(p.name for p in (root / "site").iterdir()) == ["index.html"]
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == MARKER
    return [line for line in out.splitlines() if re.match(r"^[\w./-]+:\d+(:\d+)?: ", line)]


def assert_refused(root: Path, expected: list[str], command=("scripts.build",)) -> str:
    """The command exits 2, prints exactly ``expected`` as its problem lines,
    no traceback, and site/ is as it was."""
    result = run(root, *command)
    out = result.stdout + result.stderr
    assert refused_problems(root, result) == expected, out
    return out


# --- hostile but allowed: rendered as text --------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    front_matter_value(root / PAGE, "title", TITLE)
    front_matter_value(root / PAGE, "description", DESCRIPTION)
    page = root / NO_TITLE_PAGE
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title:.*\n", "", text, count=1)
    # the body's first heading (front matter may hold YAML comments, "# …", too)
    end = text.index("\n---\n", 3) + 5
    text = text[:end] + re.sub(r"(?m)^# .*$", lambda _: f"# {H1}", text[end:], count=1)
    page.write_text(text, encoding="utf-8")
    edit(
        root / "data/units.yaml",
        "    name: Chi cục Hải quan khu vực III\n",
        f"    name: {json.dumps(UNIT_NAME, ensure_ascii=False)}\n",
    )
    units = root / "data/units.yaml"
    units.write_text(
        re.sub(
            r"(?m)^  description: Danh bạ.*$",
            lambda _: f"  description: {json.dumps(DATA_DESCRIPTION, ensure_ascii=False)}",
            units.read_text(encoding="utf-8"),
            count=1,
        ),
        encoding="utf-8",
    )
    # Careless but allowed too: the page and a data file saved with a byte
    # order mark (test_page_saved_with_a_byte_order_mark_builds).
    for path in (root / PAGE, units):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run(root, "scripts.build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class _Page(HTMLParser):
    """Elements with their attributes, the <title> text and the text of links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.title_parts: list[str] = []
        self.link_texts: list[str] = []
        self.h2_texts: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("title", "a", "h2"):
            self._in.append(tag)
            if tag == "a":
                self.link_texts.append("")
            if tag == "h2":
                self.h2_texts.append("")

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if "title" in self._in:
            self.title_parts.append(data)
        if "a" in self._in:
            self.link_texts[-1] += data
        if "h2" in self._in:
            self.h2_texts[-1] += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def meta(page: _Page, **match) -> str:
    for tag, attrs in page.elements:
        if tag == "meta" and all(attrs.get(k) == v for k, v in match.items()):
            return attrs["content"]
    raise AssertionError(f"no <meta {match}>")


def test_no_event_handler_or_refresh_anywhere(hostile_site):
    for path in hostile_site.rglob("*.html"):
        for tag, attrs in parse(path).elements:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            assert not (tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh"), path


def test_front_matter_title_is_text_in_title_nav_and_link_previews(hostile_site):
    page = parse(hostile_site / PAGE_URL)
    assert "".join(page.title_parts).startswith(TITLE + " - ")
    assert meta(page, property="og:title") == TITLE
    home = parse(hostile_site / "index.html")
    assert " ".join(TITLE.split()) in [" ".join(t.split()) for t in home.link_texts]


def test_front_matter_description_escaped_once(hostile_site):
    page = parse(hostile_site / PAGE_URL)
    assert meta(page, name="description") == DESCRIPTION
    assert meta(page, property="og:description") == DESCRIPTION
    contacts = parse(hostile_site / "lien-he/index.html")
    assert meta(contacts, name="description") == DATA_DESCRIPTION  # not &amp;quot;


def test_heading_title_with_entities_does_not_close_title(hostile_site):
    page = parse(hostile_site / NO_TITLE_URL)
    shown = html.unescape(H1)
    assert "".join(page.title_parts).startswith(shown + " - ")
    assert not [a for t, a in page.elements if t == "meta" and a.get("http-equiv", "").lower() == "refresh"]


def test_search_index_titles_decode_to_the_text(hostile_site):
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    # Material's search shows titles as HTML: decoded once, they are the text.
    heading = titles["tuyen-ngon-phuc-vu/quyen-cua-doanh-nghiep/"]
    assert "<" not in heading and html.unescape(heading) == html.unescape(H1)
    assert not [t for t in titles.values() if "<script" in t or "<meta" in t]


def test_unit_name_is_a_plain_heading_on_the_review_schedule(hostile_site):
    page = parse(hostile_site / "bien-tap/lich-ra-soat/index.html")
    assert UNIT_NAME in [t.removesuffix("¶") for t in page.h2_texts]  # ¶: the permalink
    h2 = [attrs for tag, attrs in page.elements if tag == "h2"]
    assert all(set(attrs) <= {"id"} for attrs in h2), h2


# --- refused: one file:line message, exit 2, site untouched ----------------

PLAIN_TEXT = (
    "chỉ được viết văn bản thuần: bỏ dấu '<', '>' và ký tự điều khiển; tiêu đề và mô tả "
    "hiện ở thẻ <title>, trình đơn, kết quả tìm kiếm và bản xem trước liên kết, "
    "những nơi không dùng được HTML"
)


def title_markup(root: Path) -> list[str]:
    """Markup in a page title; the problem lines it must give."""
    front_matter_value(
        root / PAGE,
        "title",
        "x</title><meta http-equiv=refresh content='0;url=https://evil.example/'><title>",
    )
    return [f"{PAGE}:5:8: title: {PLAIN_TEXT}"]


def test_markup_in_a_front_matter_title_is_refused(tmp_path, refused_by_check):
    root = project_with_site(tmp_path)
    assert_refused(root, title_markup(root))
    result, problems, _ = refused_by_check
    assert result.returncode == 2 and f"{PAGE}:5:8: title: {PLAIN_TEXT}" in result.stdout


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` holding ``text`` (data files grow; tests follow)."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_markup_in_a_data_page_description_is_refused(tmp_path):
    root = project_with_site(tmp_path)
    line = line_of(root / "data/units.yaml", "  description: Danh bạ")
    edit(root / "data/units.yaml", "  description: Danh bạ", "  description: <b>Danh</b> bạ")
    assert_refused(root, [f"data/units.yaml:{line}:16: page.description: {PLAIN_TEXT}"])


# --- YAML and files: aliases, encoding, empty, deleted, BOM -----------------

ALIAS_BOMB = "".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]\n"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)]
)


def test_yaml_alias_bomb_is_refused_at_once(tmp_path):
    assert len(ALIAS_BOMB.encode()) < 800  # 9**9 items once expanded
    root = project_with_site(tmp_path)
    with (root / "data/glossary.yaml").open("a", encoding="utf-8") as f:
        f.write(ALIAS_BOMB)
    line = (root / "data/glossary.yaml").read_text(encoding="utf-8").count("\n") - ALIAS_BOMB.count("\n") + 1
    expected = [
        f"data/glossary.yaml:{line}:4: không dùng neo '&a' của YAML trong tệp này; "
        "hãy viết đầy đủ giá trị ở từng chỗ cần dùng"
    ]
    assert_refused(root, expected)
    assert_refused(root, expected, ("scripts.contacts", "check"))


def test_yaml_anchor_in_front_matter_is_refused(tmp_path):
    root = project_with_site(tmp_path)
    edit(root / PAGE, "review_in: 6 months", "review_in: &p 6 months\nx: *p")
    assert_refused(
        root,
        [
            f"{PAGE}:4:12: không dùng neo '&p' của YAML trong tệp này; "
            "hãy viết đầy đủ giá trị ở từng chỗ cần dùng"
        ],
    )


NOT_UTF8 = (
    "data/glossary.yaml:{line}:5: tệp không phải văn bản UTF-8 (byte 0xFF); mở tệp bằng "
    "trình soạn thảo và lưu lại với mã hóa UTF-8"
)


def not_utf8(root: Path) -> list[str]:
    """Bytes that are not UTF-8 in a data file; the problem lines it must give."""
    path = root / "data/glossary.yaml"
    line = path.read_bytes().count(b"\n") + 1
    with path.open("ab") as f:
        f.write(b'x: "\xff caf\xe9"\n')
    return [NOT_UTF8.format(line=line)]


def test_non_utf8_data_file_is_one_message_in_build_and_check(tmp_path, refused_by_check):
    root = project_with_site(tmp_path)
    assert_refused(root, not_utf8(root))
    result = assert_printed_by_check(refused_by_check, not_utf8)
    assert "UnicodeDecodeError" not in result.stdout + result.stderr


MISSING = (
    "data/units.yaml:1:1: tệp không tồn tại (đã bị xóa hoặc đổi tên?); trang web cần tệp này: "
    "khôi phục nó, ví dụ bằng `git checkout -- data/units.yaml`"
)


def deleted_units(root: Path) -> list[str]:
    """data/units.yaml deleted; the problem lines it must give."""
    (root / "data/units.yaml").unlink()
    return [MISSING]


# `make check` (scripts.editor.check): the next test, on the copy holding every
# refusal that make check is run on (refused_by_check).
@pytest.mark.parametrize(
    "command", [("scripts.build",), ("scripts.pages.review",), ("scripts.contacts", "check")]
)
def test_deleted_data_file_is_one_message_in_every_command(tmp_path, command):
    root = project_with_site(tmp_path)
    assert_refused(root, deleted_units(root), command)


def test_deleted_data_file_is_one_message_in_make_check(refused_by_check):
    result, problems, by_mistake = refused_by_check
    assert by_mistake[deleted_units] == [MISSING]
    assert [p for p in problems if p == MISSING] == [MISSING], result.stdout


def test_empty_data_file_says_so(tmp_path):
    root = project_with_site(tmp_path)
    (root / "data/glossary.yaml").write_text("# chỉ có chú thích\n", encoding="utf-8")
    assert_refused(
        root,
        [
            "data/glossary.yaml:1:1: tệp trống (không có dữ liệu nào); khôi phục nội dung "
            "tệp từ lịch sử Git hoặc xem tệp mẫu cùng thư mục"
        ],
    )


def test_page_saved_with_a_byte_order_mark_builds(hostile_site):
    # hostile_site built, with its page and data/units.yaml saved with a BOM:
    # the page's front matter and the data are read.
    built = parse(hostile_site / PAGE_URL)
    assert "".join(built.title_parts).startswith(TITLE + " - ")
    review = parse(hostile_site / "bien-tap/lich-ra-soat/index.html")
    assert UNIT_NAME in [t.removesuffix("¶") for t in review.h2_texts]


# --- snippets: only snippets/, one message per bad marker -----------------


def test_snippet_outside_the_snippets_folder_is_refused(tmp_path):
    root = project_with_site(tmp_path)
    (root / ".git").mkdir()
    (root / ".git/config").write_text(
        "[http]\n\textraheader = AUTHORIZATION: basic SECRET\n", encoding="utf-8"
    )
    (root / "snippets/leak.md").symlink_to(root / ".git/config")
    lines = (root / PAGE).read_text(encoding="utf-8").count("\n")
    with (root / PAGE).open("a", encoding="utf-8") as f:
        f.write(
            '\n--8<-- ".git/config"\n\n--8<-- "leak.md"\n\n--8<--\n../.git/config\n--8<--\n'
            '\n;--8<-- "escaped.md"\n'
        )
    outside = (
        "chỉ được chèn tệp nằm trong thư mục snippets/, ghi đường dẫn tính từ thư mục đó "
        "(ví dụ \"luu-y-chung.md\"); '../.git/config' nằm ngoài hoặc không phải đường dẫn tệp"
    )
    out = assert_refused(
        root,
        [
            f"{PAGE}:{lines + 2}:9: không có tệp snippets/.git/config để chèn; kiểm tra tên tệp hoặc tạo "
            "tệp trong snippets/",
            f"{PAGE}:{lines + 4}:9: snippets/leak.md trỏ ra ngoài thư mục snippets/ (liên kết tượng trưng); "
            "không được chèn",
            f"{PAGE}:{lines + 7}:1: {outside}",
            "snippets/leak.md:1:1: liên kết tượng trưng (symlink) không được phép trong thư mục nội dung: nó có "
            "thể đưa tệp bên ngoài (như .git/config) lên trang; hãy thay bằng một tệp thật",
        ],
    )
    assert "SECRET" not in out


def missing_snippet(root: Path) -> list[str]:
    """A snippet marker naming no file; the problem lines it must give."""
    lines = (root / PAGE).read_text(encoding="utf-8").count("\n")
    with (root / PAGE).open("a", encoding="utf-8") as f:
        f.write('\n--8<-- "khong-co.md"\n')
    return [
        f"{PAGE}:{lines + 2}:9: không có tệp snippets/khong-co.md để chèn; kiểm tra tên tệp "
        "hoặc tạo tệp trong snippets/"
    ]


def test_missing_snippet_is_one_message(tmp_path, refused_by_check):
    root = project_with_site(tmp_path)
    assert_refused(root, missing_snippet(root))
    assert_printed_by_check(refused_by_check, missing_snippet)


def test_snippets_extension_itself_cannot_reach_git(tmp_path):
    """Second line: even without the check, mkdocs.yml's snippets settings
    find nothing outside snippets/ (run from the repository root, as builds are)."""
    import markdown
    from mkdocs.config import load_config
    from pymdownx.snippets import SnippetMissingError

    root = copy_project(tmp_path / "p")
    (root / ".git").mkdir()
    (root / ".git/config").write_text("SECRET\n", encoding="utf-8")
    (root / "snippets/ok.md").write_text("đoạn dùng chung\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    cwd = os.getcwd()
    os.chdir(root)
    try:
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        assert "đoạn dùng chung" in md.convert('--8<-- "ok.md"')
        for target in (".git/config", "../.git/config", "../p/.git/config", str(root / ".git/config")):
            with pytest.raises(SnippetMissingError):
                md.reset().convert(f'--8<-- "{target}"')
    finally:
        os.chdir(cwd)


# --- raw HTML: the allow-list in the source, nh3 on the rendered page -------

RAW_HTML = (
    "\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
    '<iframe src="https://evil.example"></iframe>\n\n'
    '<meta http-equiv=refresh content="0;url=https://evil.example/">\n\n'
    "[x](javascript:alert(1))\n\nĐoạn văn\n{: onclick=alert(1) }\n\n"
    '<object data="x.swf"></object><base href="https://evil.example/">\n'
)


def raw_html_expected(first: int) -> list[str]:
    dangerous = (
        "thẻ <{}> không được phép trong trang: nội dung không được chạy mã, nhúng hay chuyển "
        "sang trang khác; hãy xóa thẻ này"
    )
    event = (
        "thuộc tính sự kiện '{}' không được phép: trang không chạy mã JavaScript từ nội dung; "
        "hãy xóa thuộc tính này"
    )
    return [
        f"{PAGE}:{first + 1}:1: {dangerous.format('script')}",
        f"{PAGE}:{first + 3}:1: {event.format('onerror')}",
        f"{PAGE}:{first + 5}:1: {dangerous.format('iframe')}",
        f"{PAGE}:{first + 7}:1: {dangerous.format('meta')}",
        f"{PAGE}:{first + 9}:5: liên kết 'javascript:' không được phép; chỉ dùng địa chỉ https://, "
        "http://, mailto:, tel: hoặc liên kết tương đối đến trang khác",
        f"{PAGE}:{first + 12}:1: {event.format('onclick')}",
        f"{PAGE}:{first + 14}:1: {dangerous.format('object')}",
        f"{PAGE}:{first + 14}:31: {dangerous.format('base')}",
    ]


def raw_html(root: Path) -> list[str]:
    """RAW_HTML appended to a page; the problem lines it must give."""
    first = (root / PAGE).read_text(encoding="utf-8").count("\n")
    with (root / PAGE).open("a", encoding="utf-8") as f:
        f.write(RAW_HTML)
    return raw_html_expected(first + 1)


def test_raw_html_outside_the_allow_list_is_refused_with_file_line(tmp_path, refused_by_check):
    root = project_with_site(tmp_path)
    assert_refused(root, raw_html(root))
    result = assert_printed_by_check(refused_by_check, raw_html)
    assert result.returncode == 2


# The refused inputs above are independent of one another, so `make check`
# (`python -m scripts.editor.check`, build and linters) runs once on a copy
# holding them all: each test finds its own lines there, and this one that
# there is nothing else, nothing twice.
REFUSED_BY_CHECK = (title_markup, not_utf8, deleted_units, missing_snippet, raw_html)


@pytest.fixture(scope="module")
def refused_by_check(tmp_path_factory):
    """(result, problem lines, {mistake: its expected lines}) of one real
    `make check` of a copy with every mistake of REFUSED_BY_CHECK; the run is
    a refusal (refused_problems)."""
    root = project_with_site(tmp_path_factory.mktemp("refused-by-check"))
    expected = {make_mistake: make_mistake(root) for make_mistake in REFUSED_BY_CHECK}
    result = run(root, "scripts.editor.check")
    return result, refused_problems(root, result), expected


def assert_printed_by_check(refused_by_check, make_mistake):
    """The shared check run printed ``make_mistake``'s lines, in order; the run."""
    result, problems, by_mistake = refused_by_check
    expected = by_mistake[make_mistake]  # its lines in the copy holding every mistake
    assert [p for p in problems if p in expected] == expected, result.stdout
    return result


def test_make_check_prints_each_refusal_once_and_nothing_else(refused_by_check):
    result, problems, expected = refused_by_check
    assert sorted(problems) == sorted(line for lines in expected.values() for line in lines), result.stdout


def test_the_sites_own_raw_html_passes_the_policy():
    from helpers.project import ROOT
    from scripts.safety import rawhtml

    for path in sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "CONTRIBUTING.md"]:
        assert rawhtml.problems(path.read_text(encoding="utf-8")) == [], path


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory) -> Path:
    """The hostile page built with the source check switched off (as if it had
    a bug): only the nh3 sanitiser stands between the page and the site."""
    root = copy_project(tmp_path_factory.mktemp("unchecked") / "p")
    scan = root / "scripts/safety/scan.py"
    scan.write_text(
        scan.read_text(encoding="utf-8") + "\n\ndef check(root=None):\n    return []\n", encoding="utf-8"
    )
    with (root / PAGE).open("a", encoding="utf-8") as f:
        f.write(
            RAW_HTML + '\n<a href="jav&#x09;ascript:alert(2)">y</a> <p style="position:fixed">z</p>\n'
            '<form action="https://evil.example"><input name=p></form>\n'
        )
    result = run(root, "mkdocs", "build", "--strict", "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_sanitiser_removes_what_the_check_would_have_refused(unchecked_site):
    page = parse(unchecked_site / PAGE_URL)
    text = (unchecked_site / PAGE_URL).read_text(encoding="utf-8")
    content = text[text.index('<article class="md-content__inner md-typeset">') : text.index("</article>")]
    for tag, attrs in parse_fragment(content).elements:
        assert tag not in ("script", "iframe", "meta", "object", "base", "form", "input"), (tag, attrs)
        assert not [a for a in attrs if a.startswith("on") or a == "style"], (tag, attrs)
        for name in ("href", "src"):
            assert (
                not (attrs.get(name) or "")
                .lower()
                .replace("\t", "")
                .startswith(("javascript", "data:", "vbscript"))
            ), attrs
    assert "alert(1)</script>" not in content
    assert not [a for t, a in page.elements if t == "meta" and a.get("http-equiv", "").lower() == "refresh"]
    assert "Đoạn văn" in content  # the text stays


def parse_fragment(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


@pytest.mark.browser
def test_nothing_runs_or_redirects_in_chromium(unchecked_site, desktop_page):
    from helpers.project import serve_directory

    dialogs, requests = [], []
    desktop_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    desktop_page.on("request", lambda r: requests.append(r.url))
    with serve_directory(unchecked_site) as url:
        target = url + "tuyen-ngon-phuc-vu/gop-y-phan-hoi/"
        desktop_page.goto(target)
        desktop_page.wait_for_timeout(1500)
        desktop_page.get_by_text("Đoạn văn").click()
        desktop_page.wait_for_timeout(300)
        assert desktop_page.url.split("#")[0] == target  # navigation.tracking adds a #heading
    assert dialogs == []
    assert not [r for r in requests if "evil.example" in r]


# --- invisible and bidirectional characters ---------------------------------


def test_invisible_and_bidi_characters_are_flagged_with_line_and_column(tmp_path):
    root = project_with_site(tmp_path)
    first = (root / PAGE).read_text(encoding="utf-8").count("\n") + 1
    with (root / PAGE).open("a", encoding="utf-8") as f:
        f.write("\nNội\u200bdung xu\u00adất nh\u2060ập kh\ufeffẩu\n\ngiá \u202e001 đồng\n")
    glossary_line = line_of(root / "data/glossary.yaml", "Bảng chữ viết tắt")
    edit(root / "data/glossary.yaml", "Bảng chữ viết tắt", "Bảng chữ\u200b viết tắt")
    invisible = "ký tự vô hình U+{:04X} ({}): chữ chứa nó không tìm được như khi nhìn thấy; hãy xóa nó"
    expected = [
        f"data/glossary.yaml:{glossary_line}:24: " + invisible.format(0x200B, "ZERO WIDTH SPACE"),
        f"{PAGE}:{first + 1}:4: " + invisible.format(0x200B, "ZERO WIDTH SPACE"),
        f"{PAGE}:{first + 1}:12: " + invisible.format(0xAD, "SOFT HYPHEN"),
        f"{PAGE}:{first + 1}:18: " + invisible.format(0x2060, "WORD JOINER"),
        f"{PAGE}:{first + 1}:24: " + invisible.format(0xFEFF, "ZERO WIDTH NO-BREAK SPACE"),
        f"{PAGE}:{first + 3}:5: ký tự điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE) làm chữ hiển thị "
        "khác với nội dung thật; hãy xóa nó",
    ]
    assert_refused(root, expected)
