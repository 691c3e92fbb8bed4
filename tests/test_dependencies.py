"""Dependencies are locked: requirements-lock.txt (``make lock``) pins every Python package with
its hashes, covers every pin of requirements*.txt, and is what is installed."""

from __future__ import annotations

import re
from importlib import metadata

from scripts import ROOT

# Named like a requirements file so that Dependabot updates its pins and hashes.
LOCK = ROOT / "requirements-lock.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_entries() -> dict[str, tuple[str, list[str]]]:
    """Package -> (version, hashes), from requirements-lock.txt."""
    text = LOCK.read_text(encoding="utf-8")
    entries = {}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    for block in blocks:
        m = PIN.match(block)
        if m:
            entries[normal(m.group(1))] = (m.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def requirement_pins() -> dict[str, str]:
    pins = {}
    for path in sorted(set(ROOT.glob("requirements*.txt")) - {LOCK}):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            m = PIN.match(line)
            assert m, f"{path.name}: '{line}' is not pinned with =="
            pins[normal(m.group(1))] = m.group(2)
    return pins


def test_every_locked_package_has_a_hash():
    entries = lock_entries()
    assert len(entries) > 40
    assert {name: v for name, (v, hashes) in entries.items() if not hashes} == {}


def test_the_lock_covers_every_requirement_at_its_pinned_version():
    entries = lock_entries()
    wrong = {
        name: (version, entries.get(name, ("missing",))[0])
        for name, version in requirement_pins().items()
        if entries.get(name, ("missing",))[0] != version
    }
    assert wrong == {}, "run `make lock` after editing requirements*.txt"


def test_the_installed_environment_is_the_lock():
    entries = lock_entries()
    project = normal("haiquan-kb-scripts")
    installed = {normal(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop(project, None)
    locked = {name: version for name, (version, _) in entries.items()}
    assert installed == locked, "run `make setup` (pip install --require-hashes -r requirements-lock.txt)"


def test_make_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-lock.txt" in makefile
    assert re.search(r"^lock:", makefile, re.M)
