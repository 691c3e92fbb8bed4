"""Hostile and careless use of the commands (issue 14): a killed build
leaves nothing behind, `make serve` shows errors in the browser and never
hangs, the Markdown style check copes with a very large page (pages over
200 KB, a warning: test_editor_checks.py), and `make check-links` names dead
links (against servers on this machine only)."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.hostile import MARKER, project_with_site, run
from helpers.project import copy_project

# --- a killed build leaves nothing behind -----------------------------------


def _default_sigint() -> None:
    # A shell without job control starts background jobs with SIGINT ignored
    # (`make test &`), and the build would inherit that: it stands for a
    # build run from a terminal, where Ctrl-C interrupts it.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_build(root: Path) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.build"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )


def _wait_for_tmp(root: Path, proc: subprocess.Popen) -> Path:
    import time

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = list(root.glob(".site-build-*"))
        if found:
            return found[0]
        assert proc.poll() is None, "the build ended before mkdocs started"
        time.sleep(0.05)
    raise AssertionError("no temporary build directory appeared")


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_terminated_build_removes_its_temporary_directory(tmp_path, sig):
    import signal

    root = project_with_site(tmp_path)
    proc = _start_build(root)
    _wait_for_tmp(root, proc)
    proc.send_signal(getattr(signal, sig))
    assert proc.wait(timeout=60) != 0
    assert list(root.glob(".site-build-*")) == []
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == MARKER


def test_build_after_a_killed_one_removes_its_leftovers(tmp_path):
    root = project_with_site(tmp_path)
    proc = _start_build(root)
    leftover = _wait_for_tmp(root, proc)
    import signal

    os.killpg(proc.pid, signal.SIGKILL)  # the build and its mkdocs, as `kill -9` of the job
    proc.wait(timeout=60)
    assert leftover.exists()  # SIGKILL cannot be caught
    result = run(root, "scripts.build")
    assert result.returncode == 0, result.stderr
    assert list(root.glob(".site-build-*")) == []


def test_temporary_build_directories_are_ignored_by_git():
    from helpers.project import ROOT

    for name in (".site-build-123-abcd/index.html", "site.old/index.html"):
        assert subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT).returncode == 0, name


# --- make serve: errors in the browser, never a hang; PORT ------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _until(url: str, status: int, timeout: float = 180) -> str:
    import time

    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = _get(url)
        except OSError as e:  # not listening yet
            last = (None, str(e))
        if last[0] == status:
            return last[1]
        time.sleep(0.5)
    raise AssertionError(f"{url} never answered {status}; last: {last}")


def test_serve_shows_data_errors_in_the_browser_and_recovers(tmp_path):
    root = copy_project(tmp_path / "p")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "scripts.editor.serve", "--port", str(port)],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/co-so-tri-thuc/lien-he/"
    try:
        _until(url, 200)
        units = root / "data/units.yaml"
        good = units.read_text(encoding="utf-8")
        lines = good.count("\n")
        units.write_text(good + "x: [\n", encoding="utf-8")
        page = _until(url, 500)
        assert f"data/units.yaml:{lines + 2}:1: lỗi cú pháp YAML" in html.unescape(page)
        assert "Trang chưa dựng được" in page and "/livereload/" in page  # reloads itself on the fix
        units.write_text(good, encoding="utf-8")
        assert "Trang chưa dựng được" not in _until(url, 200)
    except AssertionError as e:
        raise AssertionError(
            f"{e}\nserve log:\n{(tmp_path / 'serve.log').read_text(encoding='utf-8')[:3000]}"
        ) from e
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_serve_on_a_busy_port_is_one_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(copy_project(tmp_path / "p"), "scripts.editor.serve", "--port", str(port))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"cổng {port} đang được chương trình khác dùng (có thể là một `make serve` khác); "
        f"chọn cổng khác, ví dụ: make serve PORT={port + 1}\n"
    )


# --- make check on a very large page ----------------------------------------


def test_large_page_is_linted_in_pieces_with_right_line_numbers(tmp_path):
    from scripts.editor import linters

    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    from helpers.project import ROOT

    (root / ".pymarkdown.json").write_text(
        (ROOT / ".pymarkdown.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    body = "".join(f"\nĐoạn văn thử số {i} về thủ tục hải quan.\n" for i in range(3000))
    text = "# Trang dài\n" + body + "\nDòng có khoảng trắng cuối   \n"
    (root / "docs/dai.md").write_text(text, encoding="utf-8")
    assert 100_000 < len(text.encode()) < 200_000
    assert len(linters.markdown_chunks(text)) > 3
    problems, error = linters.lint_markdown(root)
    assert error is None
    assert problems == [
        f"docs/dai.md:{text.count(chr(10))}: xóa dấu cách ở cuối dòng (quy tắc Markdown MD009)"
    ]


# --- make check-links: against servers on this machine only ----------------


@pytest.fixture
def link_server():
    """127.0.0.1 HTTP server: /ok 200, /gone 404, /no-head 405 on HEAD but 200 on GET,
    /slow answers after 3 s."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: bool):
            if self.path == "/slow":
                time.sleep(3)
            code = {"/ok": 200, "/gone": 404, "/slow": 200}.get(self.path)
            if self.path == "/no-head":
                code = 405 if self.command == "HEAD" else 200
            self.send_response(code or 404)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")

        def do_HEAD(self):
            self._answer(False)

        def do_GET(self):
            self._answer(True)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_links_reports_dead_links_with_file_line_and_caches(tmp_path, link_server):
    import socket

    from scripts.editor import check_links

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/x"
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs/a.md").write_text(
        f"# A\n\n[sống]({link_server}/ok) và <{link_server}/no-head>.\n\n[mất]({link_server}/gone)\n",
        encoding="utf-8",
    )
    (root / "data/x.yaml").write_text(f"source: {dead}\nslow: {link_server}/slow\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.editor.check_links", "--root", str(root), "--timeout", "1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    fix = "; sửa địa chỉ, thay bằng nguồn còn hoạt động hoặc bỏ liên kết"
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"data/x.yaml:1: liên kết ngoài không mở được: {dead} (máy chủ từ chối kết nối){fix}",
        f"data/x.yaml:2: liên kết ngoài không mở được: {link_server}/slow (không trả lời trong 1 giây){fix}",
        f"docs/a.md:5: liên kết ngoài không mở được: {link_server}/gone (máy chủ trả lời lỗi HTTP 404){fix}",
        "đã kiểm tra 5 liên kết ngoài; 3 chỗ cần sửa",
    ]
    cache = json.loads((root / check_links.CACHE).read_text(encoding="utf-8"))
    assert cache[f"{link_server}/ok"]["ok"] and cache[f"{link_server}/no-head"]["ok"]
    assert not cache[dead]["ok"]
    # Live links are not asked again while fresh: only the three dead ones are.
    asked = []
    real = check_links.probe
    check_links.probe = lambda url, timeout: asked.append(url) or real(url, timeout)
    try:
        check_links.check(root, timeout=1)
    finally:
        check_links.probe = real
    assert sorted(asked) == sorted([dead, f"{link_server}/slow", f"{link_server}/gone"])


def test_check_links_cache_is_ignored_by_git():
    from helpers.project import ROOT

    assert subprocess.run(["git", "check-ignore", "-q", ".cache/check-links.json"], cwd=ROOT).returncode == 0
