"""How many examples a costly property test draws: all of them in `make test`,
a quarter (at least one) under the `fast` Hypothesis profile that
`make test-fast` loads (registered in tests/conftest.py)."""

from __future__ import annotations

from hypothesis import settings

# Hypothesis's own default is 100 examples; the fast profile asks for 25.
FULL_PROFILE_EXAMPLES = 100
FAST_PROFILE_EXAMPLES = 25


def examples(full: int) -> int:
    """``full`` under the default profile, its share under the loaded one.

    Read when the test module is imported, after pytest has loaded the
    profile (``--hypothesis-profile``)."""
    return max(1, full * settings.default.max_examples // FULL_PROFILE_EXAMPLES)
