"""Build the static site into ``site/`` without ever leaving a broken one.

mkdocs writes into a fresh temporary directory next to ``site/``; only a
successful strict build replaces the previous site, so an editor's mistake
leaves the last good site in place. Exit status: 0 built, 2 bad editor input
(data or front matter), 1 any other build failure.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import ROOT


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(config), "--site-dir", str(tmp)],
        cwd=config.parent, env=env)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"build failed: {site_dir} was left as it was", file=sys.stderr)
        return result.returncode
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
    args = parser.parse_args(argv)
    return build(args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
