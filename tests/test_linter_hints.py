"""Editors read the Markdown linter's findings in Vietnamese: every rule the
project enables has a plain-words hint, and pymarkdown's English never
reaches the message."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from scripts import ROOT
from scripts.editor import linters


def enabled_rules() -> set[str]:
    """Rule ids pymarkdown runs under the project's .pymarkdown.json."""
    out = subprocess.run(
        [
            str(Path(sys.executable).parent / "pymarkdown"),
            "--config",
            str(ROOT / ".pymarkdown.json"),
            "plugins",
            "list",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rules = set()
    for line in out.splitlines():
        m = re.match(r"\s+(md\d+|pml\d+)\s.*?\s(True|False)\s+(True|False)\s", line)
        if m and m.group(3) == "True":
            rules.add(m.group(1).upper())
    return rules


def test_every_enabled_rule_has_a_vietnamese_hint():
    rules = enabled_rules()
    assert {"MD001", "MD009", "MD026", "MD029"} <= rules  # the listing was read
    assert sorted(rules - set(linters.MARKDOWN_HINTS)) == []
    for rule, hint in linters.MARKDOWN_HINTS.items():
        assert hint == unicodedata.normalize("NFC", hint), rule


def test_findings_of_rules_once_left_in_english_are_vietnamese(tmp_path):
    shutil.copy(ROOT / ".pymarkdown.json", tmp_path / ".pymarkdown.json")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "trang.md").write_text(
        "# Trang thử\n\n## Thời hạn:\n\n1. Một\n3. Ba\n\n> Trích dẫn\n\n> Trích dẫn khác\n",
        encoding="utf-8",
    )
    problems, error = linters.lint_markdown(tmp_path)
    assert error is None
    assert problems == [
        f"docs/trang.md:3: {linters.MARKDOWN_HINTS['MD026']} (quy tắc Markdown MD026)",
        f"docs/trang.md:6: {linters.MARKDOWN_HINTS['MD029']} (quy tắc Markdown MD029)",
        f"docs/trang.md:9: {linters.MARKDOWN_HINTS['MD028']} (quy tắc Markdown MD028)",
    ]
