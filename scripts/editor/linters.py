"""Markdown, YAML, workflow, Python and JavaScript linters, reported as
``file:line: message``.

Each runner returns ``(problems, tool_error)``: problems are the editor's to
fix; tool_error (a string, or None) means the linter itself could not run.
Settings live in the repository: .pymarkdown.json, .yamllint.yml, ruff's in
pyproject.toml and ESLint's in eslint.config.mjs (both tools pinned).
GitHub workflows are validated against the github-workflows JSON Schema
vendored inside check-jsonschema (``--builtin-schema``), so the check works
offline; actionlint would need a downloaded binary.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.pages import frontmatter

Result = tuple[list[str], "str | None"]

# Plain-words hints (Vietnamese, for editors), one for every Markdown rule
# enabled in .pymarkdown.json (tests/test_linter_hints.py).
MARKDOWN_HINTS = {
    "MD001": "tiêu đề tăng từng cấp một (## rồi ###, không nhảy từ ## xuống ####)",
    "MD009": "xóa dấu cách ở cuối dòng",
    "MD010": "thay ký tự tab bằng dấu cách",
    "MD012": "xóa dòng trống thừa",
    "MD018": "thêm một dấu cách sau dấu # của tiêu đề",
    "MD019": "sau dấu # của tiêu đề chỉ để một dấu cách",
    "MD022": "để một dòng trống trước và sau tiêu đề",
    "MD023": "tiêu đề phải bắt đầu ở đầu dòng",
    "MD024": "hai tiêu đề cùng cấp trùng tên; đặt tên khác nhau",
    "MD025": "mỗi trang chỉ có một tiêu đề #; các phần dùng ##",
    "MD031": "để một dòng trống trước và sau khối mã ```",
    "MD032": "để một dòng trống trước và sau danh sách",
    "MD034": "viết địa chỉ web thành liên kết: <https://...> hoặc [chữ hiển thị](https://...)",
    "MD037": "xóa dấu cách ngay bên trong dấu * hoặc _ của chữ nhấn mạnh",
    "MD038": "xóa dấu cách ngay bên trong dấu ` của đoạn mã",
    "MD039": "xóa dấu cách ngay bên trong [chữ của liên kết]",
    "MD040": "ghi tên ngôn ngữ sau dấu ``` mở khối mã (ví dụ ```text)",
    "MD042": "liên kết chưa có địa chỉ",
    "MD045": "thêm mô tả cho hình trong [chữ thay thế]",
    "MD047": "cuối tệp cần đúng một dòng trống",
    "MD055": "mọi hàng của bảng bắt đầu và kết thúc giống nhau (cùng có hoặc cùng không có dấu |)",
    "MD056": "hàng này của bảng có số ô khác với hàng tiêu đề",
    "MD058": "để một dòng trống trước và sau bảng",
    "MD003": "viết mọi tiêu đề cùng một kiểu: dấu # ở đầu dòng (## Tiêu đề), không gạch dưới bằng === hay ---",
    "MD004": "các mục của danh sách không đánh số dùng cùng một dấu (- hoặc *) như mục đầu tiên của trang",
    "MD005": "các mục cùng cấp của một danh sách phải thụt lề bằng nhau",
    "MD011": "liên kết viết ngược: viết [chữ hiển thị](địa chỉ), không viết (chữ hiển thị)[địa chỉ]",
    "MD014": "bỏ dấu $ trước lệnh trong khối mã khi không kèm kết quả của lệnh",
    "MD020": "tiêu đề có dấu # ở cả hai đầu: để một dấu cách sau dấu # mở và trước dấu # đóng",
    "MD021": "tiêu đề có dấu # ở cả hai đầu: chỉ để một dấu cách sau dấu # mở và trước dấu # đóng",
    "MD026": "bỏ dấu câu (. , ; : !) ở cuối tiêu đề",
    "MD027": "sau dấu > của trích dẫn chỉ để một dấu cách",
    "MD028": "dòng trống giữa hai trích dẫn: xóa dòng đó, hoặc viết > ở đầu nếu vẫn là một trích dẫn",
    "MD029": "số thứ tự của danh sách đánh số không liền nhau: viết 1. 2. 3. … (hoặc 1. cho mọi mục)",
    "MD035": "mọi đường kẻ ngang trong trang viết cùng một kiểu (---)",
    "MD043": "các tiêu đề của trang không theo đúng mẫu bắt buộc",
    "MD044": "tên riêng viết sai chữ hoa, chữ thường",
    "MD048": "mọi khối mã trong trang mở bằng cùng một loại dấu (``` hoặc ~~~)",
    "MD049": "chữ nghiêng trong cả trang viết cùng một kiểu (*chữ* hoặc _chữ_)",
    "MD050": "chữ đậm trong cả trang viết cùng một kiểu (**chữ** hoặc __chữ__)",
    "MD053": "định nghĩa liên kết [nhãn]: địa chỉ không được dùng ở đâu hoặc bị viết hai lần; xóa định nghĩa thừa",
    "MD054": "kiểu viết liên kết hoặc hình này không được dùng trên trang web này",
    "MD059": "chữ của liên kết phải nói liên kết dẫn tới đâu, không viết 'tại đây', 'xem thêm' hay 'link'",
}

# The same for yamllint's rules (data/, mkdocs.yml); another rule keeps
# yamllint's own words.
YAML_HINTS = {
    "trailing-spaces": "xóa dấu cách ở cuối dòng",
    "indentation": "thụt lề sai: mỗi cấp thụt hai dấu cách, các mục '- ' của một danh sách thẳng hàng",
    "key-duplicates": "trường này được viết hai lần trong cùng một mục; giữ một",
    "syntax": "sai cú pháp YAML: kiểm tra dấu hai chấm, thụt lề và dấu nháy ở dòng này",
    "new-line-at-end-of-file": "cuối tệp cần đúng một dòng trống",
    "empty-lines": "xóa dòng trống thừa",
    "new-lines": "dùng ký tự xuống dòng kiểu Unix (LF)",
    "colons": "viết 'trường: giá trị', không có dấu cách trước dấu hai chấm và một dấu cách sau nó",
    "commas": "sau dấu phẩy để một dấu cách, trước dấu phẩy không có",
    "hyphens": "sau dấu '-' của mục danh sách chỉ để một dấu cách",
    "brackets": "dấu cách trong [ ] không đúng: viết [a, b]",
    "braces": "dấu cách trong { } không đúng: viết {a: 1, b: 2}",
    "comments": "chú thích: để một dấu cách sau # và ít nhất một dấu cách trước #",
    "comments-indentation": "chú thích thụt lề như dòng ngay dưới nó",
    "truthy": "viết true hoặc false (không viết yes, no, on, off)",
    "document-start": "bỏ dòng '---' ở đầu tệp",
    "document-end": "bỏ dòng '...' ở cuối tệp",
    "anchors": "không dùng neo YAML (&, *): viết lại giá trị",
    "octal-values": "số bắt đầu bằng 0 bị hiểu là hệ bát phân: đặt trong dấu nháy",
    "float-values": "viết số thập phân đầy đủ (ví dụ 0.5)",
    "empty-values": "trường này chưa có giá trị",
}

_YAMLLINT = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): \[(?P<level>\w+)\] (?P<msg>.*)$")


def _rel(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return (p if p.is_absolute() else root / p).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def _run(cmd: list[str], root: Path) -> subprocess.CompletedProcess | str:
    try:
        return subprocess.run(cmd, cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=300)
    except (OSError, subprocess.SubprocessError) as e:
        return f"{cmd[0]} could not run: {e}"


def _tool(name: str) -> str:
    """A console script of this Python environment (the virtualenv), else from PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def markdown_files(root: Path) -> list[Path]:
    files = sorted((root / "docs").rglob("*.md"))
    files += [p for p in (root / "CONTRIBUTING.md",) if p.is_file()]
    files += sorted((root / ".github").rglob("*.md")) if (root / ".github").is_dir() else []
    return files


def _hide_front_matter(text: str) -> str:
    """Front matter turned into an HTML comment, lines kept in place.

    pymarkdown's front-matter extension crashes on YAML it cannot load (a
    date such as 2026-13-01); the front-matter check reports those already.
    """
    yaml_text, _, body_line = frontmatter.split(text)
    if yaml_text is None:
        return text
    lines = text.split("\n")
    lines[0], lines[body_line - 2] = "<!--", "-->"
    return "\n".join(lines)


# pymarkdown's time grows with the square of a text's length (25 KB: 1.6 s,
# 100 KB: 20 s): long pages are linted in pieces of about this size, cut at
# blank lines outside code blocks, and pages over the size warning
# (scripts/safety/hygiene.py) are not style-checked at all.
CHUNK_CHARS = 10_000


def markdown_chunks(text: str) -> list[tuple[int, str]]:
    """(first line number - 1, text) pieces of ``text``, cut only at a blank
    line outside a code fence that is followed by an unindented line."""
    lines = text.split("\n")
    out, start, size, fence = [], 0, 0, False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        size += len(line) + 1
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            size >= CHUNK_CHARS
            and not fence
            and not line.strip()
            and nxt.strip()
            and not nxt.startswith((" ", "\t"))
        ):
            out.append((start, "\n".join(lines[start:i]) + "\n"))  # the blank line dropped
            start, size = i + 1, 0
    out.append((start, "\n".join(lines[start:])))
    return out


def markdown_size_warnings(root: Path) -> list[str]:
    """One warning per Markdown page too large to style-check or read on a phone."""
    from scripts.safety.hygiene import size_warning

    out = []
    for path in markdown_files(root):
        warning = size_warning(path.stat().st_size)
        if warning:
            out.append(f"{_rel(str(path), root)}:1: {warning}")
    return out


def lint_markdown(root: Path) -> Result:
    from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

    from scripts.safety.hygiene import PAGE_SIZE_WARNING

    api = PyMarkdownApi().configuration_file_path(str(root / ".pymarkdown.json"))
    files, problems = readable(markdown_files(root), root)
    for path in files:
        name = _rel(str(path), root)
        if path.stat().st_size > PAGE_SIZE_WARNING:
            continue  # markdown_size_warnings says so
        text = _hide_front_matter(path.read_text(encoding="utf-8-sig"))
        for offset, chunk in markdown_chunks(text):
            try:
                result = api.scan_string(chunk)
            except PyMarkdownApiException as e:
                return problems, f"pymarkdown failed on {name}: {e}"
            for failure in result.scan_failures:
                rule = failure.rule_id.upper()
                if rule == "MD047" and offset + chunk.count("\n") < text.count("\n"):
                    continue  # the end of a piece is not the end of the file
                # A rule added by a pymarkdown upgrade has no Vietnamese hint
                # yet (tests/test_linter_hints.py lists the enabled ones): its
                # English description is not shown to editors.
                message = MARKDOWN_HINTS.get(rule) or "sai cách viết Markdown ở dòng này"
                problems.append(f"{name}:{offset + failure.line_number}: {message} (quy tắc Markdown {rule})")
    return problems, None


def yaml_files(root: Path) -> list[Path]:
    files = sorted((root / "data").rglob("*.yaml")) + sorted((root / "data").rglob("*.yml"))
    files += [p for p in (root / "mkdocs.yml", root / ".yamllint.yml") if p.is_file()]
    if (root / ".github").is_dir():
        files += sorted((root / ".github").rglob("*.yml")) + sorted((root / ".github").rglob("*.yaml"))
    return files


def readable(files: list[Path], root: Path) -> tuple[list[Path], list[str]]:
    """Files a linter can read, and one message per file that is not UTF-8
    (the linters would stop on it with a traceback)."""
    from scripts.yamlstrict import InvalidInput, display_name, read_text

    ok, problems = [], []
    for path in files:
        try:
            read_text(path, display_name(path, root))
        except InvalidInput as e:
            problems += [str(p) for p in e.problems]
        else:
            ok.append(path)
    return ok, problems


_YAML_RULE = re.compile(r"^(?P<detail>.*) \((?P<rule>[a-z-]+)\)$")


def yaml_message(message: str) -> str:
    """yamllint's ``detail (rule)`` in the editors' words, the rule kept for
    looking it up: ``xóa dấu cách ở cuối dòng (quy tắc trailing-spaces)``."""
    m = _YAML_RULE.match(message)
    if not m:
        return message
    hint = YAML_HINTS.get(m["rule"]) or m["detail"]
    return f"{hint} (quy tắc {m['rule']})"


def lint_yaml(root: Path) -> Result:
    files, unreadable = readable(yaml_files(root), root)
    if not files:
        return unreadable, None
    result = _run(
        [
            _tool("yamllint"),
            "--config-file",
            str(root / ".yamllint.yml"),
            "--format",
            "parsable",
            "--no-warnings",
            *[str(f) for f in files],
        ],
        root,
    )
    if isinstance(result, str):
        return [], result
    problems = unreadable
    for line in result.stdout.splitlines():
        m = _YAMLLINT.match(line.strip())
        if m:
            problems.append(f"{_rel(m['file'], root)}:{m['line']}: YAML: {yaml_message(m['msg'])}")
    if result.returncode not in (0, 1) or (result.returncode == 1 and not problems):
        return problems, f"yamllint failed: {(result.stderr or result.stdout).strip()[-500:]}"
    return problems, None


def _positions(text: str) -> dict:
    """Line of every value in a YAML text, keyed by its path; all scalars as written.

    BaseLoader resolves nothing, so the workflow key ``on`` stays "on" (as in
    GitHub's YAML) instead of YAML 1.1's boolean true.
    """
    positions: dict = {}

    def walk(node, path):
        positions[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                positions.setdefault(path + (key.value,), key.start_mark.line + 1)
                walk(value, path + (key.value,))
                positions[path + (key.value,)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))

    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return positions
    if node is not None:
        walk(node, ())
    return positions


def _json_path(path: str) -> tuple:
    """'$.jobs.build.steps[1]' -> ('jobs', 'build', 'steps', 1)."""
    parts: list = []
    for name, index in re.findall(r"\.([^.\[\]]+)|\[(\d+)\]", path.removeprefix("$")):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _line_for(positions: dict, path: tuple) -> int:
    while path and path not in positions:
        path = path[:-1]
    return positions.get(path, 1)


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _workflow_message(error: dict) -> tuple[tuple, str]:
    """The most useful (path, message) of one schema error.

    A step or job matches one of several shapes ("uses" or "run" ...), so
    the top-level message is vague. The deepest place that failed names the
    real mistake: prefer an unexpected (misspelt) key there, then the list of
    keys one of which is required.
    """
    subs = [(_json_path(e["path"]), e["message"]) for e in error.get("sub_errors") or []]
    if not subs:
        deep = error.get("best_deep_match") or error
        return _json_path(deep["path"]), deep["message"]
    depth = max(len(path) for path, _ in subs)
    deepest = [(path, msg) for path, msg in subs if len(path) == depth]
    path = deepest[0][0]
    unexpected = [msg for p, msg in deepest if p == path and msg.startswith("Additional properties")]
    if unexpected:
        return path, unexpected[0] + "; check the spelling of the key"
    required = [re.match(r"^'([^']+)' is a required property$", msg) for p, msg in deepest if p == path]
    keys = [m.group(1) for m in required if m]
    if len(keys) > 1:
        return path, "expected one of the keys " + ", ".join(f"'{k}'" for k in keys)
    return path, deepest[0][1]


def lint_workflows(root: Path) -> Result:
    workflows_dir = root / ".github" / "workflows"
    files = (
        sorted(workflows_dir.glob("*.yml")) + sorted(workflows_dir.glob("*.yaml"))
        if workflows_dir.is_dir()
        else []
    )
    if not files:
        return [], None
    result = _run(
        [
            _tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            "--output-format",
            "json",
            "--verbose",
            *[str(f) for f in files],
        ],
        root,
    )
    if isinstance(result, str):
        return [], result
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [], f"check-jsonschema failed: {(result.stderr or result.stdout).strip()[-500:]}"
    problems = []
    for error in report.get("parse_errors", []):
        name = _rel(error.get("filename", "?"), root)
        problems.append(f"{name}:1: workflow is not valid YAML: {error.get('message', '')}")
    for error in report.get("errors", []):
        name = _rel(error["filename"], root)
        text = Path(error["filename"]).read_text(encoding="utf-8")
        positions = _positions(text)
        path, message = _workflow_message(error)
        field = _field(path)
        problems.append(
            f"{name}:{_line_for(positions, path)}: workflow{' ' + field if field else ''}: {message}"
        )
    return problems, None


_RUFF = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")


def lint_python(root: Path) -> Result:
    """ruff: lint rules and formatting (settings in pyproject.toml)."""
    problems = []
    for args, what in ((["check"], "Python"), (["format", "--check"], "Python format")):
        result = _run([_tool("ruff"), *args, "--output-format", "concise", "--no-cache", "."], root)
        if isinstance(result, str):
            return problems, result
        found = [m for m in map(_RUFF.match, result.stdout.splitlines()) if m]
        problems += [f"{_rel(m['file'], root)}:{m['line']}: {what}: {m['msg']}" for m in found]
        if result.returncode not in (0, 1) or (result.returncode == 1 and not found):
            return problems, f"ruff {args[0]} failed: {(result.stderr or result.stdout).strip()[-500:]}"
    return problems, None


def lint_javascript(root: Path) -> Result:
    """ESLint on overrides/ (eslint.config.mjs; installed by `npm ci`)."""
    eslint = root / "node_modules" / ".bin" / "eslint"
    if not eslint.exists():
        return [], f"{eslint.relative_to(root)} is missing: run `make setup` (npm ci)"
    result = _run([str(eslint), "--format", "json", "overrides"], root)
    if isinstance(result, str):
        return [], result
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [], f"eslint failed: {(result.stderr or result.stdout).strip()[-500:]}"
    problems = [
        f"{_rel(f['filePath'], root)}:{m.get('line', 1)}: JavaScript: {m['message'].rstrip('.')}"
        f" ({m.get('ruleId') or 'syntax'})"
        for f in report
        for m in f["messages"]
    ]
    return problems, None
