"""``make check-links``: are the external links of the pages and data alive?

Opt-in (it needs the network and takes time), so neither ``make check`` nor
pull requests run it; a weekly workflow does (.github/workflows/links.yml).
Every http(s) address written in docs/, snippets/, CONTRIBUTING.md and
data/*.yaml is requested once (HEAD, then GET when a server refuses HEAD),
with a timeout, several at a time. Answers are cached in
``.cache/check-links.json`` (git-ignored): a live link is asked again after
``--max-age-days``, a dead one on every run.

    python -m scripts.editor.check_links [--timeout 10] [--max-age-days 7] [--no-cache]

Exit status 0 all reachable, 2 some link is dead (one ``file:line: …`` line
per place it is written), 1 the check itself failed.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import ROOT
from scripts.yamlstrict import InvalidInput, display_name, read_text

CACHE = Path(".cache") / "check-links.json"
SOURCES = ("docs", "snippets", "data")
FILES = ("CONTRIBUTING.md",)
_URL = re.compile(r"https?://[^\s<>\"'`)\]}|]+")
# Answers that say "the page is there, but not for a robot like you".
ALIVE_STATUSES = {401, 403, 429}
USER_AGENT = "Mozilla/5.0 (compatible; haiquan-kb-link-check; +https://github.com/haiquan-kv3/co-so-tri-thuc)"


def links(root: Path) -> dict[str, list[tuple[str, int]]]:
    """URL -> [(file, line)] for every external address in the content."""
    files = [root / f for f in FILES if (root / f).is_file()]
    for folder in SOURCES:
        if (root / folder).is_dir():
            files += sorted(
                p
                for p in (root / folder).rglob("*")
                if p.suffix in (".md", ".yaml", ".yml") and p.is_file() and not p.is_symlink()
            )
    found: dict[str, list[tuple[str, int]]] = {}
    for path in files:
        name = display_name(path, root)
        try:
            text = read_text(path, name)
        except InvalidInput:
            continue  # make check reports unreadable files
        for number, line in enumerate(text.splitlines(), 1):
            for m in _URL.finditer(line):
                url = m.group(0).rstrip(".,;:!?")
                found.setdefault(url, []).append((name, number))
    return found


def probe(url: str, timeout: float) -> str | None:
    """None when ``url`` answers, else why not (in Vietnamese)."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)
                return None
        except urllib.error.HTTPError as e:
            if e.code in ALIVE_STATUSES:
                return None
            if method == "HEAD" and e.code in (400, 404, 405, 500, 501):
                continue  # some servers answer HEAD wrongly: ask with GET
            return f"máy chủ trả lời lỗi HTTP {e.code}"
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, socket.timeout) or "timed out" in str(reason):
                return f"không trả lời trong {timeout:g} giây"
            if isinstance(reason, socket.gaierror):
                return "tên miền không tồn tại hoặc không tra được"
            if isinstance(reason, ConnectionRefusedError):
                return "máy chủ từ chối kết nối"
            return f"không kết nối được ({reason})"
        except TimeoutError:
            return f"không trả lời trong {timeout:g} giây"
        except (OSError, ValueError) as e:
            return f"không kết nối được ({e})"
    return "máy chủ trả lời lỗi"


def load_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def check(
    root: Path, timeout: float = 10, max_age_days: float = 7, use_cache: bool = True, workers: int = 8
) -> list[str]:
    """Problem lines, one per place a dead link is written."""
    found = links(root)
    cache_path = root / CACHE
    cache = load_cache(cache_path) if use_cache else {}
    now = time.time()
    fresh = {
        url
        for url, entry in cache.items()
        if entry.get("ok") and now - entry.get("checked", 0) < max_age_days * 86400
    }
    todo = sorted(set(found) - fresh)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(todo, pool.map(lambda url: probe(url, timeout), todo)))
    for url, error in answers.items():
        cache[url] = {"ok": error is None, "checked": now, **({"error": error} if error else {})}
    cache = {url: entry for url, entry in cache.items() if url in found}
    if use_cache:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(
            json.dumps(cache, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    problems = []
    for url, error in sorted(answers.items()):
        if error:
            problems += [
                f"{name}:{line}: liên kết ngoài không mở được: {url} ({error}); sửa địa chỉ, "
                "thay bằng nguồn còn hoạt động hoặc bỏ liên kết"
                for name, line in found[url]
            ]
    return sorted(problems)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request (default 10)")
    parser.add_argument(
        "--max-age-days", type=float, default=7, help="re-check a live link after this many days (default 7)"
    )
    parser.add_argument("--no-cache", action="store_true", help="ask every link again, write no cache")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    problems = check(root, args.timeout, args.max_age_days, not args.no_cache)
    for line in problems:
        print(line)
    total = len(links(root))
    print(
        f"đã kiểm tra {total} liên kết ngoài; {len(problems)} chỗ cần sửa"
        if problems
        else f"cả {total} liên kết ngoài đều mở được"
    )
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
