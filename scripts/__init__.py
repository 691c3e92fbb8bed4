"""Build tooling for the Hải Phòng customs knowledge base.

Every module here is plain Python callable on its own; MkDocs hooks under
``overrides/hooks/`` only call into it, so a move to another site builder
leaves this package untouched.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
DATA_DIR = ROOT / "data"
