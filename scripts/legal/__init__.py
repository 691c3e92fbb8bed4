"""Legal instruments the site cites: the register (data/legal.yaml), the
citation syntax of pages, the checks of ``make check`` and ``make legal-impact``.

- refs: find instrument numbers and ``[[…]]`` citations in text (no I/O).
- registry: the validated register, lookups, statuses, cross-record checks.
- scan: every citation in docs/ and data/, with file and line.
- checks: what an editor must fix (unregistered numbers, replaced texts
  cited without their successor, deadlines without a registered basis).
- render: Markdown for a citation, a status badge and a page's legal-basis list.
"""
