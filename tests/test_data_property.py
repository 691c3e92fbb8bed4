"""Property: any random mutation of valid data either generates every output or
fails with exit status 2 and at least one 'file:line:col: …' message, never an
exception or traceback."""

import io
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.data import FIXTURE
from scripts.contacts.cli import main
from scripts.contacts.load import DATA_FILES as STEMS  # noqa: E402

TEXTS = {stem: (FIXTURE / "data" / f"{stem}.yaml").read_text(encoding="utf-8") for stem in STEMS}
# Values an editor might type by mistake, including YAML and Markdown syntax.
JUNK = st.sampled_from(
    [
        "",
        " ",
        "-",
        ":",
        "- x",
        "[",
        "]",
        "{a: 1}",
        "null",
        "~",
        "yes",
        "12",
        "-3",
        "1.5",
        '"',
        "'",
        "&a",
        "*a",
        "!!binary x",
        "<b>",
        "{#x}",
        "*[DN]: y",
        "+84",
        "2026-02-30",
        "level: 0",
        "own_chain: 1",
        "  - unit: x",
        "parent: doi-mau",
        "đ",
        "\t",
        "#",
        "|",
        ">",
        "%",
        "@",
        "`",
        "\\",
    ]
)


@st.composite
def mutated(draw):
    stem = draw(st.sampled_from(STEMS))
    lines = TEXTS[stem].split("\n")
    i = draw(st.integers(0, len(lines) - 1))
    kind = draw(
        st.sampled_from(["delete", "duplicate", "replace-value", "insert", "indent", "swap", "chars"])
    )
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "replace-value" and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {draw(JUNK)}"
    elif kind == "insert":
        lines.insert(i, " " * draw(st.integers(0, 8)) + draw(JUNK))
    elif kind == "indent":
        lines[i] = (
            " " * draw(st.integers(0, 3)) + lines[i].lstrip() if draw(st.booleans()) else "  " + lines[i]
        )
    elif kind == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        text = lines[i]
        if text:
            k = draw(st.integers(0, len(text) - 1))
            lines[i] = text[:k] + draw(st.text(min_size=0, max_size=3)) + text[k + 1 :]
    return stem, "\n".join(lines)


PROBLEM = re.compile(r"^data/[a-z]+\.yaml:\d+:\d+: .+", re.M)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_data_generates_or_fails_cleanly(mutation):
    stem, text = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "data").mkdir()
        for other in STEMS:
            shutil.copy(FIXTURE / "data" / f"{other}.yaml", root / "data")
        (root / "data" / f"{stem}.yaml").write_text(text, encoding="utf-8")
        err, out = io.StringIO(), io.StringIO()
        with redirect_stderr(err), redirect_stdout(out):
            status = main(
                [
                    "--root",
                    str(root),
                    "generate",
                    "--out",
                    str(root / "out"),
                    "--site-url",
                    "https://example.test/",
                ]
            )
        if status == 0:
            assert (root / "out" / "lien-he" / "index.md").is_file()
        else:
            assert status == 2
            assert PROBLEM.search(err.getvalue()), err.getvalue()
            assert not (root / "out").exists()
