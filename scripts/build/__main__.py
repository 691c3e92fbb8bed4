"""Build the static site into ``site/`` without ever leaving a broken one.

mkdocs writes into a fresh temporary directory next to ``site/`` (the build
itself validates data, front matter and procedure pages: scripts/build/plugin.py),
and only a successful strict build replaces the previous site, so an editor's
mistake leaves the last good site in place.
The temporary directory (``.site-build-PID-…``, ignored by git) is removed
when the build fails, is interrupted (Ctrl-C) or terminated (SIGTERM,
SIGHUP); one left by a build killed outright (SIGKILL) is removed by the
next build.
Exit status: 0 built, 2 bad editor input (data, front matter, broken links
or anchors; every problem printed as ``file:line: message``), 1 any other
build failure.
"""

import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from scripts import ROOT
from scripts.build.strict import EXIT_EDITOR, EXIT_TOOL, is_editor_failure, strict_build
from scripts.web import site_address

TMP_PREFIX = ".site-build-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(parent: Path) -> None:
    """Temporary directories of builds that were killed outright."""
    for path in parent.glob(TMP_PREFIX + "*"):
        m = re.match(re.escape(TMP_PREFIX) + r"(\d+)-", path.name)
        if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def terminated_as_exit():
    """SIGTERM and SIGHUP end the build through SystemExit, so that every
    ``finally`` runs (and subprocess.run kills mkdocs) as on Ctrl-C."""

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    root = config.parent
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site_dir.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=site_dir.parent))
    try:
        status, problems, others, log = strict_build(root, tmp)
        if status != 0:
            editor_errors = is_editor_failure(problems, others, log)
            for line in problems + others if problems or others else [log.strip()]:
                print(line, file=sys.stderr)
            print(f"dựng trang không thành công: {site_dir} được giữ nguyên", file=sys.stderr)
            return EXIT_EDITOR if editor_errors else EXIT_TOOL
        old = site_dir.with_name(site_dir.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"đã dựng trang vào {site_dir}")
    banner = site_address.placeholder_warning(root)
    if banner:
        print(banner, file=sys.stderr)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    with terminated_as_exit():
        return build(args.site_dir, args.config_file.resolve())


if __name__ == "__main__":
    sys.exit(main())
