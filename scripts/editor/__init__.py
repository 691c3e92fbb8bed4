"""Editors' commands: ``make check`` (``check``, ``linters``) and
``make new-procedure`` (``new_procedure``)."""
