"""'Trang này có giúp ích không?' on every page: a plain link to the GitHub
issue form with the page's address filled in, the form asks for it, and no
e-mail link unless mkdocs.yml configures an address."""

from urllib.parse import parse_qs, urlparse

import yaml

from helpers.data import ROOT
from helpers.webchecks import built_pages

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "phan-hoi-trang.yml"


def test_issue_form_asks_for_the_page_and_what_is_wrong():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"page_url", "what_is_wrong"} <= ids


def test_every_page_links_to_the_prefilled_form(built_site):
    import re

    checked = 0
    for rel in built_pages(built_site):
        if rel == "404.html":
            continue
        html = (built_site / (rel + "index.html" if not rel.endswith(".html") else rel)).read_text(
            encoding="utf-8"
        )
        question = "Was this page helpful?" if rel.startswith("en/") else "Trang này có giúp ích không?"
        assert question in html, rel
        href = re.search(r'<aside class="kb-page-feedback".*?<a href="([^"]+)"', html, re.S).group(1)
        query = parse_qs(urlparse(href.replace("&amp;", "&")).query)
        assert query["template"] == ["phan-hoi-trang.yml"], rel
        assert query["page_url"][0].endswith("/" + rel), rel
        assert "mailto:" not in html.split('class="kb-page-feedback"')[1].split("</aside>")[0], (
            "e-mail offered although extra.feedback_email is not set"
        )
        checked += 1
    assert checked > 10
