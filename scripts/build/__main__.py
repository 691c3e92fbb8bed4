"""Build the static site into ``site/`` without ever leaving a broken one.

mkdocs writes into a fresh temporary directory next to ``site/`` (the build
itself validates data, front matter and procedure pages: scripts/build/plugin.py),
and only a successful strict build replaces the previous site, so an editor's
mistake leaves the last good site in place.
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
from scripts.build.strict import EXIT_EDITOR, EXIT_TOOL, is_editor_failure, strict_build


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    root = config.parent
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    status, problems, others, log = strict_build(root, tmp)
    if status != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        editor_errors = is_editor_failure(problems, others, log)
        for line in problems + others if problems or others else [log.strip()]:
            print(line, file=sys.stderr)
        print(f"build failed: {site_dir} was left as it was", file=sys.stderr)
        return EXIT_EDITOR if editor_errors else EXIT_TOOL
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site written to {site_dir}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.config_file.resolve())


if __name__ == "__main__":
    sys.exit(main())
