"""``make serve [PORT=8000]``: MkDocs' live-reload preview that never hangs.

``mkdocs serve`` keeps every request waiting while a rebuild fails (broken
data, invalid front matter), and shows the reason only in the terminal.
Here a failed build is caught: every page request gets an error page listing
the problems (``file:line: message``, in the browser), and the next
successful build (the editor saved a fix) reloads the real pages. A port in
use is one line saying how to choose another.

    python -m scripts.editor.serve [--port 8000] [--host 127.0.0.1]
"""

from __future__ import annotations

import argparse
import errno
import html
import logging
import socket
import sys
import threading
from pathlib import Path

from scripts import ROOT

log = logging.getLogger("mkdocs.serve_errors")
EXIT_PORT = 1


class _State:
    """Problems of the last build (None when it succeeded), shared with the server."""

    lock = threading.Lock()
    problems: list[str] | None = None


class _Collect(logging.Handler):
    """MkDocs' warnings and errors during one build (strict mode aborts on them)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        if not record.name.startswith("mkdocs.livereload"):  # request logs, not the build's
            self.lines.append(record.getMessage())


def error_page(problems: list[str]) -> str:
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lỗi khi dựng trang</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}}
code{{white-space:pre-wrap;word-break:break-word}}li{{margin:.5rem 0}}</style></head>
<body><h1>Trang chưa dựng được</h1>
<p>Sửa các lỗi dưới đây (tệp:dòng: nội dung lỗi) rồi lưu tệp: trang sẽ tự tải lại khi dựng
thành công. CONTRIBUTING.md giải thích từng loại lỗi.</p>
<ol>
{items}
</ol></body></html>"""


def _problem_lines(error: BaseException, logged: list[str]) -> list[str]:
    lines = []
    for text in [*logged, str(error)]:
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    return list(dict.fromkeys(lines)) or [f"{type(error).__name__}"]


class _RequestsAsDebug(logging.Filter):
    """MkDocs logs every non-200 answer of the preview server (a redirect, a
    404, the error page) as a warning, and a strict build counts warnings
    logged while it runs, from any thread: a browser asking for a page during
    a rebuild would fail that rebuild. Request logs become debug records."""

    def filter(self, record):
        if record.levelno == logging.WARNING and '" code ' in record.getMessage():
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def _install(serve_module) -> None:
    """Wrap the build MkDocs' serve command calls, and its server."""
    real_build = serve_module.build
    base_server = serve_module.LiveReloadServer

    def guarded_build(config, *args, **kwargs):
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            real_build(config, *args, **kwargs)
        except (Exception, SystemExit) as e:  # noqa: BLE001 - shown in the browser
            problems = _problem_lines(e, collect.lines)
            with _State.lock:
                _State.problems = problems
            log.error(
                "build failed; the browser shows the problems until they are fixed:\n%s", "\n".join(problems)
            )
        else:
            with _State.lock:
                _State.problems = None
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    class Server(base_server):
        def _serve_request(self, environ, start_response):
            path = environ.get("PATH_INFO", "")
            with _State.lock:
                problems = _State.problems
            if (
                problems is None
                or path.startswith("/livereload/")
                or not (path.endswith("/") or path.endswith(".html"))
            ):
                return super()._serve_request(environ, start_response)
            with self._epoch_cond:
                epoch = self._visible_epoch
            body = self._inject_js_into_html(error_page(problems).encode("utf-8"), epoch)
            start_response(
                "500 Internal Server Error",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            )
            return [body]

    serve_module.build = guarded_build
    serve_module.LiveReloadServer = Server
    logging.getLogger("mkdocs.livereload").addFilter(_RequestsAsDebug())


def port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    if not port_free(args.host, args.port):
        print(
            f"cổng {args.port} đang được chương trình khác dùng (có thể là một `make serve` khác); "
            f"chọn cổng khác, ví dụ: make serve PORT={args.port + 1}",
            file=sys.stderr,
        )
        return EXIT_PORT
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from mkdocs.commands import serve as serve_module

    _install(serve_module)
    serve_module.serve(
        config_file=str(args.config_file),
        livereload=True,
        watch_theme=True,
        dev_addr=f"{args.host}:{args.port}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
