"""The one escaping path (scripts/escape.py), judged by what a reader sees:
escaped text goes through Python-Markdown with the site's own extensions
(read from mkdocs.yml) and must come out as exactly that text, with no
element or attribute of its own."""

import html
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.hostile import MARKUP_FRAGMENTS
from helpers.project import ROOT
from scripts import escape

TEXT = st.one_of(
    st.sampled_from(MARKUP_FRAGMENTS),
    st.lists(
        st.sampled_from(MARKUP_FRAGMENTS + ["Hải quan", " ", "1.", "(", ")", ":"]), min_size=1, max_size=5
    ).map("".join),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
)


@pytest.fixture(scope="module")
def render():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def _render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return _render


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def _parse(rendered: str) -> _Elements:
    parser = _Elements()
    parser.feed(rendered)
    return parser


def _shown(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_md_text_renders_as_one_paragraph_of_that_text(render, value):
    if not value.strip():
        return
    parsed = _parse(render(escape.md_text(value)))
    assert parsed.tags == [("p", [])], (value, parsed.tags)
    assert "".join(parsed.text) == _shown(value)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_md_text_in_a_heading_and_a_table_cell_stays_text(render, a, b):
    if not a.strip() or not b.strip():
        return
    rendered = render(
        f"## {escape.md_text(a)}\n\n| x | y |\n| --- | --- |\n| {escape.md_text(a)} | {escape.md_text(b)} |\n"
    )
    parsed = _parse(rendered)
    heading = parsed.tags[0]
    assert heading[0] == "h2" and [k for k, _ in heading[1]] == ["id"], heading
    assert {tag for tag, _ in parsed.tags[1:]} <= {"a", "table", "thead", "tbody", "tr", "th", "td"}
    assert not any(attrs for tag, attrs in parsed.tags[1:] if tag != "a" and tag != "h2")
    text = "".join(parsed.text)
    assert _shown(a) in text and _shown(b) in text


def test_md_paragraphs_keeps_paragraphs_as_text(render):
    parsed = _parse(render(escape.md_paragraphs("<b>a</b> {: .x }\n\n*[DN]: y")))
    assert [tag for tag, _ in parsed.tags] == ["p", "p"]
    assert "".join(parsed.text).replace("\n", "") == "<b>a</b> {: .x }*[DN]: y"


def test_page_link_survives_odd_file_names(render):
    link = escape.page_link("thu-tuc/a (b) c.md", "bien-tap/x.md")
    parsed = _parse(render(f"[{escape.md_text('x')}]({link})"))
    assert parsed.tags == [("p", []), ("a", [("href", "../thu-tuc/a%20%28b%29%20c.md")])]


def test_html_text_escapes_once():
    once = escape.html_text('x</title><meta http-equiv=refresh> "A & B"')
    assert str(once) == "x&lt;/title&gt;&lt;meta http-equiv=refresh&gt; &quot;A &amp; B&quot;"
    assert escape.html_text(once) == once
    assert html.unescape(str(once)) == 'x</title><meta http-equiv=refresh> "A & B"'


def test_url_refuses_other_schemes():
    for bad in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example"):
        with pytest.raises(ValueError):
            escape.url(bad)
