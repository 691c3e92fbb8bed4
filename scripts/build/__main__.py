"""Build the static site into ``site/`` without ever leaving a broken one.

Editor input is checked first (data files, procedure pages, front matter:
scripts/editor/check.py's preflight); mkdocs then writes into a fresh temporary
directory next to ``site/``, and only a successful strict build replaces the
previous site, so an editor's mistake leaves the last good site in place.
Exit status: 0 built, 2 bad editor input (data, front matter, broken links
or anchors; every problem printed as ``file:line: message``), 1 any other
build failure.
"""
import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from scripts import ROOT
from scripts.editor.check import EXIT_EDITOR, EXIT_TOOL, Report, preflight, strict_build
from scripts.web import site_address


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    root = config.parent
    site_dir = site_dir.resolve()
    report = Report(out=sys.stderr, summary=False)
    if not preflight(root, report):
        print(f"dừng trước khi dựng trang: {site_dir} được giữ nguyên", file=sys.stderr)
        return report.status
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    status, problems, others, log = strict_build(root, tmp)
    if status != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        editor_errors = bool(problems) and not others and "Traceback" not in log
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
    return build(args.site_dir, args.config_file.resolve())


if __name__ == "__main__":
    sys.exit(main())
