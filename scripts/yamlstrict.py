"""Strict YAML for editor-written files: positions, duplicate keys, clear errors.

PyYAML silently keeps the last of two equal keys and turns ``2026-01-01`` into
a ``date``. Editors need the opposite: every duplicate reported, values kept
as written (dates stay strings so JSON Schema ``format: date`` can check them),
and every problem pointing at ``file:line:col`` and a field path such as
``units[2].phone``.

Anchors and aliases (``&a`` / ``*a``) are refused as the parser meets them,
before anything is built: editors never need them, and a few hundred bytes of
nested aliases expand to gigabytes (a "billion laughs"). A missing, empty or
non-UTF-8 file is one message, never a traceback; a UTF-8 byte-order mark is
accepted (Windows editors write one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple  # a field path: ("units", 2, "phone")


@dataclass(frozen=True, order=True)
class Problem:
    """One editor-facing error: where it is and what to do about it."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.col}: {field}{self.message}"


class InvalidInput(Exception):
    """Raised with every problem found, so the editor fixes them in one pass."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))


class _AnchorRefused(Exception):
    def __init__(self, event):
        self.event = event


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver (dates stay strings) that
    refuses anchors and aliases at the parser's events, before composing."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AnchorRefused(event)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def field_name(path: Path_) -> str:
    """("units", 2, "phone") -> "units[2].phone"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Document:
    """Parsed YAML plus where each value was written (1-based line and column)."""

    file: str
    data: Any
    positions: dict

    def where(self, path: Path_) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest written parent."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str) -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, field_name(path), message)


def _walk(node, path, positions, problems, file, line_offset):
    positions[path] = (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1 + line_offset,
                        key_node.start_mark.column + 1,
                        field_name(path + (key,)),
                        f"khóa '{key}' được viết hai lần (lần đầu ở dòng {seen[key]}); chỉ giữ một dòng",
                    )
                )
            else:
                seen[key] = key_node.start_mark.line + 1 + line_offset
            _walk(value_node, path + (key,), positions, problems, file, line_offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), positions, problems, file, line_offset)


def loads(text: str, file: str, line_offset: int = 0) -> Document:
    """Parse ``text``; raise InvalidInput naming every problem found.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file
    (front matter after its ``---`` line).
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            problems: list[Problem] = []
            positions: dict = {}
            if node is not None:
                _walk(node, (), positions, problems, file, line_offset)
            if problems:
                raise InvalidInput(problems)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _AnchorRefused as e:
        mark = e.event.start_mark
        kind = "bí danh '*" if isinstance(e.event, yaml.AliasEvent) else "neo '&"
        raise InvalidInput(
            [
                Problem(
                    file,
                    mark.line + 1 + line_offset,
                    mark.column + 1,
                    "",
                    (
                        f"không dùng {kind}{e.event.anchor}' của YAML trong tệp này; "
                        "hãy viết đầy đủ giá trị ở từng chỗ cần dùng"
                    ),
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x)
        raise InvalidInput(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"lỗi cú pháp YAML: kiểm tra thụt lề, dấu hai chấm và dấu nháy ở dòng này ({what})",
                )
            ]
        ) from None
    except yaml.reader.ReaderError as e:
        # A control character or other byte YAML refuses; it has an offset, not a mark.
        before = text[: e.position]
        line, col = before.count("\n") + 1 + line_offset, len(before.rsplit("\n", 1)[-1]) + 1
        code = ord(e.character) if isinstance(e.character, str) else e.character
        raise InvalidInput(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"ký tự U+{code:04X} không được phép trong YAML; "
                    "xóa ký tự đó (thường bị dán vào mà không nhìn thấy)",
                )
            ]
        ) from None
    return Document(file, data, positions)


def load(path: Path, root: Path | None = None) -> Document:
    """Parse a YAML file; problems name it relative to ``root`` (the repository)."""
    name = display_name(path, root)
    doc = loads(read_text(path, name), name)
    if doc.data is None:
        raise InvalidInput(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    (
                        "tệp trống (không có dữ liệu nào); khôi phục nội dung tệp từ lịch sử Git "
                        "hoặc xem tệp mẫu cùng thư mục"
                    ),
                )
            ]
        )
    return doc


def display_name(path: Path, root: Path | None) -> str:
    """``path`` as problems name it: relative to ``root`` when inside it."""
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return str(path)


def read_text(path: Path, name: str) -> str:
    """An editor-written file as text: InvalidInput (one message) when it is
    missing or not UTF-8; a leading byte-order mark is dropped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    (
                        "tệp không tồn tại (đã bị xóa hoặc đổi tên?); trang web cần tệp này: "
                        "khôi phục nó, ví dụ bằng `git checkout -- " + name + "`"
                    ),
                )
            ]
        ) from None
    except IsADirectoryError:
        raise InvalidInput([Problem(name, 1, 1, "", "đây là thư mục, không phải tệp")]) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise InvalidInput(
            [
                Problem(
                    name,
                    line,
                    col,
                    "",
                    (
                        f"tệp không phải văn bản UTF-8 (byte 0x{raw[e.start]:02X}); mở tệp bằng trình soạn thảo "
                        "và lưu lại với mã hóa UTF-8"
                    ),
                )
            ]
        ) from None


def schema_problems(doc: Document, schema: dict, registry=None) -> list[Problem]:
    """Validate ``doc.data`` against a JSON Schema; one Problem per violation.

    A schema may give a friendlier text per field through an ``errorMessage``
    keyword (a string), which replaces jsonschema's own wording. ``registry``
    (a ``referencing.Registry``) resolves ``$ref`` to sibling schema files.
    """
    import jsonschema

    validator_cls = jsonschema.validators.validator_for(schema)
    extra = {"registry": registry} if registry is not None else {}
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER, **extra)
    problems = []
    for err in validator.iter_errors(doc.data):
        path = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            for key in extra:
                allowed = ", ".join(sorted(err.schema.get("properties", {})))
                problems.append(
                    doc.problem(path + (key,), f"không có trường '{key}'; các trường được dùng: {allowed}")
                )
            continue
        if err.validator == "required":
            missing = [
                name
                for name in err.validator_value
                if isinstance(err.instance, dict) and name not in err.instance
            ]
            message = f"thiếu trường bắt buộc '{missing[0] if missing else err.message}'; thêm dòng đó"
        elif err.validator == "dependentRequired":
            # {"verified_on": ["sources"]}: report at the field that needs the others.
            for field, needed in err.validator_value.items():
                missing = [n for n in needed if field in err.instance and n not in err.instance]
                if missing:
                    hint = (
                        "thêm bản tiếng Anh (hiện trên các trang tiếng Anh dưới /en/)"
                        if all(m.endswith("_en") for m in missing)
                        else "liệt kê các nguồn chính thức đã đọc để có các thông tin này"
                    )
                    problems.append(
                        doc.problem(
                            path + (field,),
                            f"đã có '{field}' nên cũng phải có "
                            f"{', '.join(repr(m) for m in missing)}; " + hint,
                        )
                    )
            continue
        else:
            message = err.schema.get("errorMessage") or plain_message(err)
        problems.append(doc.problem(path, message))
    return problems


_TYPE_WORDS = {
    "string": "một dòng chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "true hoặc false",
    "array": "một danh sách (các dòng bắt đầu bằng '- ')",
    "object": "các trường dạng 'tên: giá trị'",
    "null": "để trống",
}


def plain_message(err) -> str:
    """jsonschema's English wording, for a field whose schema gives no
    ``errorMessage``, said in Vietnamese from the keyword that failed."""
    rule, value = err.validator, err.validator_value
    if rule == "type":
        types = value if isinstance(value, list) else [value]
        return "cần " + " hoặc ".join(_TYPE_WORDS.get(t, t) for t in types)
    if rule == "enum":
        return "cần một trong: " + ", ".join(str(v) for v in value)
    if rule == "const":
        return f"cần đúng giá trị {value}"
    if rule == "format":
        return "cần một ngày dạng YYYY-MM-DD" if value == "date" else f"cần đúng định dạng {value}"
    words = {
        "minLength": f"cần ít nhất {value} ký tự",
        "maxLength": f"dài tối đa {value} ký tự",
        "minItems": f"cần ít nhất {value} mục",
        "maxItems": f"nhiều nhất {value} mục",
        "minimum": f"cần một số từ {value} trở lên",
        "maximum": f"cần một số không lớn hơn {value}",
        "pattern": "giá trị không đúng dạng quy định cho trường này",
        "uniqueItems": "các mục trong danh sách không được trùng nhau",
        "minProperties": f"cần ít nhất {value} trường",
    }
    return words.get(rule, f"giá trị không hợp lệ (quy tắc {rule} của lược đồ)")
