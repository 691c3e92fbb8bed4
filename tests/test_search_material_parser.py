"""The build's page parser for Material's search (scripts/search/material_parser.py)
gives Material's sections, hence Material's search_index.json, byte for byte."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search
from mkdocs.config import load_config

from scripts import ROOT
from scripts.build.plugin import KnowledgeBase
from scripts.search.material_parser import FastParser, MaterialParser
from tools.bench.material_parser import capture


def sections(parser_class, html: str):
    """Every section as data, or the exception the parser stopped with."""
    parser = parser_class()
    try:
        parser.feed(html)
        parser.close()
    except Exception as e:  # Material's parser raises on some HTML; ours must too
        return ("raised", type(e).__name__, str(e))
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text, s.is_excluded()) for s in parser.data]


# ---------------------------------------------------------------------------
# Random HTML from the tags and attributes Material's parser looks at


TAGS = [
    *(f"h{x}" for x in range(1, 7)),
    "div",
    "details",
    "summary",
    "section",
    "span",
    "a",
    "table",
    "td",
    "hx",
    "p",
    "li",
    "ol",
    "ul",
    "sub",
    "sup",
    "pre",
    "code",  # Material keeps these
    "script",
    "style",
    "object",  # and skips these
]
VOID = ["br", "img", "hr", "input", "wbr", "source"]
ATTRS = [
    'id="a"',
    'id="b-2"',
    "id",
    'id=""',
    "data-search-exclude",
    'data-search-exclude=""',
    'data-search-exclude="true"',
    'class="headerlink"',
    'class="linenodiv"',
    'class="other"',
    "class",
    'href="#a"',
    'title="x &amp; y"',
]
TEXTS = [
    "",
    " ",
    "\n",
    "  \n\t ",
    "\n\n",
    "a",
    "x  y\nz",
    " lead",
    "trail ",
    "Hải Phòng",
    "&amp;",
    "&lt;b&gt;",
    "a & b",
    "<",
    ">",
    "a<b",
    "&nbsp;",
    "&#x41;&#66;",
    "&notanentity;",
    "¶",
    "1 < 2 > 0",
    "<!-- c -->",
    "<!doctype html>",
    "<?pi?>",
    "<![CDATA[x]]>",
]

ops = st.lists(
    st.one_of(
        st.tuples(
            st.just("open"),
            st.sampled_from(TAGS),
            st.lists(st.sampled_from(ATTRS), max_size=3),
            st.booleans(),  # upper case
        ),
        st.tuples(st.just("close_top")),
        st.tuples(st.just("close"), st.sampled_from(TAGS)),
        st.tuples(st.just("void"), st.sampled_from(VOID), st.lists(st.sampled_from(ATTRS), max_size=2)),
        st.tuples(st.just("self_closing"), st.sampled_from(TAGS + VOID)),
        st.tuples(st.just("text"), st.sampled_from(TEXTS)),
    ),
    max_size=60,
)


def render(program, close_all: bool) -> str:
    out, stack = [], []
    for op in program:
        if op[0] == "open":
            _, tag, attrs, upper = op
            out.append(f"<{tag.upper() if upper else tag}{''.join(' ' + a for a in attrs)}>")
            stack.append(tag)
        elif op[0] == "close_top":
            if stack:
                out.append(f"</{stack.pop()}>")
        elif op[0] == "close":  # mismatched or not, as it comes
            out.append(f"</{op[1]}>")
        elif op[0] == "void":
            out.append(f"<{op[1]}{''.join(' ' + a for a in op[2])}>")
        elif op[0] == "self_closing":
            out.append(f"<{op[1]}/>")
        else:
            out.append(op[1])
    if close_all:
        out.extend(f"</{tag}>" for tag in reversed(stack))
    return "".join(out)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=ops, close_all=st.booleans())
def test_random_html_gives_materials_sections(program, close_all):
    html = render(program, close_all)
    assert sections(FastParser, html) == sections(MaterialParser, html), html


@pytest.mark.parametrize(
    "html",
    [
        # a permalink in a title; a heading nested in details, then text after it
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>x</p>'
        '<details><summary>s</summary><h2 id="n">Nested</h2><p>in</p></details><p>after</p>',
        # an excluded div inside an excluded div: Material un-skips "div" at the inner close
        "<div data-search-exclude><div data-search-exclude>a</div>b</div>c",
        "<div data-search-exclude><div>a</div>b<div>c</div></div>d",
        # script stays skipped once excluded; an excluded script
        "<p>a<script data-search-exclude>x</script>b</p><style>s</style><p>c</p>",
        # kept tags, empty and not, whitespace in pre
        "<p> </p><ul><li></li><li>x</li></ul><pre><code>a\n\n  b\n</code></pre><sub> </sub><sup>2</sup>",
        # line numbers, headings without id, a first heading that is not h1
        '<h3>no id</h3><h2 id="x">two</h2><table><td class="linenodiv"><pre>1\n2</pre></td></table>',
        # closing tags with no opening tag in the section: Material raises ValueError
        '<p><h2 id="z">t</h2></p>',
        "<p>unclosed <b>bold</p></div></p>",
        "&lt;code&gt; &amp; &unknown; <P>Upper</P>",
        "",
    ],
)
def test_hand_written_cases(html):
    assert sections(FastParser, html) == sections(MaterialParser, html)


# ---------------------------------------------------------------------------
# The shipped site, built with and without the replacement


def test_shipped_site_is_the_same_with_materials_own_parser(built_site, tmp_path):
    """The shipped site built with Material's own parser (the benchmark's
    capture build): both parsers give the same sections on every page it
    indexes, and every file is the same as the normal build's."""
    site = tmp_path / "site"
    captured = capture(ROOT, site, "--strict")
    assert len(captured) >= 40
    assert [
        url for url, html in captured if sections(MaterialParser, html) != sections(FastParser, html)
    ] == []
    ours = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    materials = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert ours == materials
    search = [p for p in ours if p.parts[0] == "search"]
    assert len(search) > 10 and any(p.name == "search_index.json" for p in search)
    for path in ours:  # search/ first in mind, but the whole site is the same
        assert (built_site / path).read_bytes() == (site / path).read_bytes(), path


def test_the_build_hook_installs_the_parser(monkeypatch):
    monkeypatch.setattr(material_search, "Parser", MaterialParser)
    config = load_config(str(ROOT / "mkdocs.yml"))
    KnowledgeBase().on_config(config)
    assert material_search.Parser is FastParser
