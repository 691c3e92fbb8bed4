"""A small static web server for tests and benchmarks that behaves like the
hosts this site is published on:

- the site is mounted under the path of ``site_url`` (``/co-so-tri-thuc/``),
  so the 404 page, whose links MkDocs writes from that path, works;
- a missing file answers 404 with the site's own 404.html;
- text responses are gzip-compressed when the client accepts it;
- the headers of the generated ``_headers`` file are sent with every response.

Run it on its own: ``python -m tools.testing.static_server site/ --port 8480``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def read_headers_file(path: Path) -> list[tuple[str, str]]:
    """Header lines of the ``/*`` block of a Netlify-style ``_headers`` file."""
    headers, active = [], False
    if not path.is_file():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            active = line.strip() == "/*"
        elif active and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    return headers


def make_handler(root: Path, prefix: str, gzip_text: bool, extra_headers):
    root = root.resolve()
    cache: dict[Path, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as separate writes; without TCP_NODELAY each
        # response after the first waits ~40 ms for a delayed ACK (Nagle).
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self.respond(head=True)

        def do_GET(self):
            self.respond(head=False)

        def resolve(self) -> Path | None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return None
            rel = path[len(prefix) :]
            target = (root / rel).resolve()
            if not target.is_relative_to(root):
                return None
            if target.is_dir():
                if not path.endswith("/"):
                    return target  # redirected below
                target = target / "index.html"
            return target if target.is_file() else None

        def respond(self, head: bool):
            target = self.resolve()
            if target is not None and target.is_dir():
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 200
            if target is None:
                status, target = 404, root / "404.html"
            body = target.read_bytes() if target.is_file() else b"not found"
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            encoding = None
            if (
                gzip_text
                and ctype.startswith(COMPRESSIBLE)
                and "gzip" in self.headers.get("Accept-Encoding", "")
            ):
                if target not in cache:
                    cache[target] = gzip.compress(body, compresslevel=6)
                body, encoding = cache[target], "gzip"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            for name, value in extra_headers:
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that navigates away drops its connection mid-response.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(
    root: Path, prefix: str = "/", port: int = 0, gzip_text: bool = True, send_headers_file: bool = True
):
    """Serve ``root`` under ``prefix`` on 127.0.0.1; yields the site's base URL."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    headers = read_headers_file(root / "_headers") if send_headers_file else []
    handler = make_handler(Path(root), prefix, gzip_text, headers)
    httpd = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--prefix", default="/")
    parser.add_argument("--port", type=int, default=8480)
    args = parser.parse_args(argv)
    with serve(args.root, args.prefix, args.port) as url:
        print(f"serving {args.root} at {url} (Ctrl+C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
